"""Refused attacks are one warning line each: a bad host, too many fields, too much data, a path out of the
media folder.
"""

import logging

from tests.petitions.conftest import sign_data, sign_url


def refused(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name.startswith("django.security")]


def assert_one_warning_line(caplog, kind: str) -> None:
    records = refused(caplog)
    assert len(records) == 1, [record.getMessage() for record in records]
    record = records[0]
    assert record.name == f"django.security.{kind}"
    assert record.levelname == "WARNING"
    assert record.exc_info is None and record.exc_text is None
    assert "\n" not in record.getMessage()
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_bad_host_is_one_warning_line(client, home, caplog):
    response = client.get("/th/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_one_warning_line(caplog, "DisallowedHost")
    assert "evil.example" in refused(caplog)[0].getMessage()


def test_too_many_fields_is_one_warning_line(client, petition, settings, caplog):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    fields = {**sign_data(petition), **{f"field{number}": "x" for number in range(100)}}
    assert client.post(sign_url(petition), fields).status_code == 400
    assert_one_warning_line(caplog, "TooManyFieldsSent")


def test_too_much_data_is_one_warning_line(client, petition, settings, caplog):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    assert client.post(sign_url(petition), sign_data(petition, name="x" * 5000)).status_code == 400
    assert_one_warning_line(caplog, "RequestDataTooBig")


def test_a_path_that_climbs_out_of_the_media_folder_is_one_warning_line(client, db, caplog):
    response = client.get("/media/..%2F..%2Fetc%2Fpasswd")
    assert response.status_code == 400
    assert_one_warning_line(caplog, "SuspiciousFileOperation")
    assert refused(caplog)[0].getMessage().count("Refused") == 1


def test_any_other_refused_request_reaches_the_console_as_one_warning_line(db):
    import io

    from django.core.exceptions import SuspiciousOperation

    console = next(handler for handler in logging.getLogger().handlers if handler.filters)
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        try:
            raise SuspiciousOperation("a brand-new kind of attack\nwith a second line")
        except SuspiciousOperation:
            logging.getLogger("django.security.BrandNewKind").error("a brand-new kind", exc_info=True)
    finally:
        console.setStream(previous)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert " WARNING django.security.BrandNewKind Refused BrandNewKind: a brand-new kind" in lines[0]
