"""The <id:…> converter: every id in a URL is bounded before it reaches the database."""

import pytest
from django.urls import reverse

from site_project.converters import MAX_ID, IdConverter


@pytest.mark.parametrize("text", ["1", "42", "000123", str(MAX_ID)])
def test_an_id_the_database_can_hold_is_passed_to_the_view(text):
    assert IdConverter().to_python(text) == int(text)


@pytest.mark.parametrize("text", [str(MAX_ID + 1), str(2**64), "9" * 19])
def test_an_id_past_the_largest_64_bit_integer_does_not_match(text):
    with pytest.raises(ValueError):
        IdConverter().to_python(text)


def test_links_to_id_routes_are_written_as_plain_numbers():
    assert reverse("petitions_api_detail", args=[7]) == "/api/petitions/7/"
    assert (
        reverse("petitions_embed_sign", kwargs={"petition_id": MAX_ID}) == f"/embed/petitions/{MAX_ID}/sign/"
    )
