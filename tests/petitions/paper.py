"""What the paper batch tests share: staff who may manage signatures, and a batch entered through the service."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from petitions import services

PASSWORD = "correct horse battery staple"


def staff_user(username: str):
    """A member of staff with the petitions permission (``petitions.change_signature``) and no other."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, is_staff=True
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="petitions", codename="change_signature"),
    )
    return user


def enter_batch(petition, user, **fields):
    """A batch for ``petition`` entered by ``user``: 120 signatures from Chiang Rai on 25 November unless told."""
    values = {
        "event_name": "บูธรณรงค์ตลาดนัดไนท์บาซาร์",
        "event_date": datetime.date(2026, 11, 25),
        "province": "chiang-rai",
        "count": 120,
        "partner": None,
        "scans": (),
    }
    values.update(fields)
    return services.enter_paper_batch(petition=petition, user=user, **values)
