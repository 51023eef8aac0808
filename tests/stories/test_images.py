"""Uploaded images lose their metadata: a phone's GPS position must never reach the public site."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model


def _jpeg_with_gps() -> bytes:
    image = PillowImage.new("RGB", (32, 24), "purple")
    exif = PillowImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (13.0, 45.0, 0.0)}  # GPSInfo: latitude
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def test_an_uploaded_photo_loses_its_exif_and_gps_data(db):
    data = _jpeg_with_gps()
    assert PillowImage.open(io.BytesIO(data)).getexif()
    image = get_image_model().objects.create(title="ภาพ", file=ContentFile(data, name="phone.jpg"))
    image.file.open()
    stored = PillowImage.open(image.file)
    assert not stored.getexif()
    assert stored.size == (32, 24)
    assert image.width == 32 and image.height == 24
