"""Uploaded images lose their metadata: a phone photo's GPS position must never reach the site."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection


def photo_with_gps() -> bytes:
    exif = PillowImage.Exif()
    exif[0x010E] = "Secret shelter, Mae Sai"  # ImageDescription
    exif[0x8825] = {2: (20.0, 25.0, 30.0), 1: "N"}  # GPSInfo
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), "purple").save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_a_new_image_is_stored_without_exif_or_gps(db):
    original = photo_with_gps()
    assert PillowImage.open(io.BytesIO(original)).getexif()  # the fixture really carries metadata
    image = get_image_model().objects.create(
        title="Shelter",
        file=SimpleUploadedFile("shelter.jpg", original, content_type="image/jpeg"),
        collection=Collection.get_first_root_node(),
    )
    with image.open_file() as stored:
        data = stored.read()
    assert b"Mae Sai" not in data
    assert not PillowImage.open(io.BytesIO(data)).getexif()
    assert (image.width, image.height) == (64, 48)
    assert image.file_size == len(data)
