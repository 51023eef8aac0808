"""What Django refuses itself gets a page in the visitor's language that says what to do, not a 500 or English."""

from urllib.parse import urlencode

import pytest
from django.test import Client


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("th", "ส่งแบบฟอร์มนี้ไม่ได้"),
        ("en", "This form could not be sent"),
        ("km", "មិនអាចផ្ញើទម្រង់បែបបទនេះបានទេ"),
        ("my", "ဤဖောင်ကို ပေးပို့၍ မရပါ"),
    ],
)
def test_a_form_sent_without_its_csrf_token_gets_a_translated_page_that_says_what_to_do(db, language, title):
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    response = strict.post(f"/{language}/petitions/confirm/some-token/", {"x": "1"})
    assert response.status_code == 403
    html = response.content.decode()
    assert title in html
    assert f'<html lang="{language}">' in html
    assert "DEBUG" not in html and "CSRF cookie" not in html


def test_a_bad_host_header_gets_a_translated_400(db):
    response = Client(HTTP_HOST="evil.example").get("/km/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "យើងមិនអាចអានសំណើរបស់អ្នកបានទេ" in html
    assert 'href="/km/"' in html


def test_too_many_fields_get_a_translated_400(db, client):
    body = urlencode({f"field{number}": "x" for number in range(1_500)})
    response = client.post("/en/account/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "We could not read your request" in response.content.decode()
