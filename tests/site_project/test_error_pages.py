"""Error pages tell the truth: a server error on a post does not claim anything was saved."""


def test_a_server_error_on_a_post_does_not_claim_anything_was_saved(client, home, monkeypatch):
    from site_project.models import HomePage

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(HomePage, "serve", explode)
    client.raise_request_exception = False
    posted = client.post("/th/").content.decode()
    read = client.get("/en/").content.decode()
    assert "ข้อมูลที่คุณส่งอาจยังไม่ได้บันทึก" in posted
    assert "ไม่ได้สูญหาย" not in posted
    assert "had a problem showing this page" in read
    assert "saved" not in read
