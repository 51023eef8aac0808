"""Site-wide services: writes with side effects that every app relies on."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageOps

FORMATS_TO_CLEAN = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}


def strip_image_metadata(*, image) -> bool:
    """Re-encode a newly uploaded Wagtail image without EXIF, GPS, XMP or comments.

    Photos from phones carry the place and time they were taken: for a survivor's picture that can be
    dangerous. The pixels are kept (turned upright first, as the phone showed them); everything else goes.
    Returns whether the file was rewritten.
    """
    field_file = image.file
    if not field_file or getattr(field_file, "_committed", True):
        return False  # nothing new to clean
    field_file.seek(0)
    try:
        with PillowImage.open(field_file) as source:
            target_format = FORMATS_TO_CLEAN.get(source.format or "")
            if target_format is None:
                return False
            upright = ImageOps.exif_transpose(source)
            pixels = upright.copy()
    except (OSError, ValueError, PillowImage.DecompressionBombError):
        return False  # Wagtail's own validation reports unreadable files
    finally:
        field_file.seek(0)
    buffer = io.BytesIO()
    options = {"quality": 90, "optimize": True} if target_format == "JPEG" else {}
    if target_format == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = pixels.convert("RGB")
    pixels.save(buffer, format=target_format, **options)
    name = field_file.name.rsplit("/", 1)[-1]
    image.file = ContentFile(buffer.getvalue(), name=name)
    image.width, image.height = pixels.size
    image.file_size = len(buffer.getvalue())
    image.file_hash = ""
    return True
