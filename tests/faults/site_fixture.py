"""The content the fault tests sign: a Thai home page, a petition index and one open petition per fault.

Run inside the site's own environment (production settings, the fault stack's database), by the harness::

    python manage.py shell -c "from tests.faults.site_fixture import main; main()"

It prints one JSON line, ``{"<fault>": {"id": ..., "path": "/th/petitions/<slug>/"}, ...}``. Built with the
shared factories rather than ``load_demo_data``, which would also write the demo admin's password into the
``var/`` of whoever runs the tests.
"""

import json

from django.db import transaction
from wagtail.models import Site

from petitions.factories import DecisionMakerFactory, PetitionIndexPageFactory, PetitionPageFactory
from site_project.demo import tree_root
from site_project.factories import HomePageFactory
from site_project.models import SiteSettings

FAULTS = ("smtp", "worker", "database", "cache")


@transaction.atomic
def build() -> dict:
    root = tree_root()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, title="ภาคี", slug="home")
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "127.0.0.1", "port": 80}
    )
    SiteSettings.for_site(site)
    index = PetitionIndexPageFactory(parent=home, slug="petitions")
    ministry = DecisionMakerFactory(institution="กระทรวงการท่องเที่ยวและกีฬา", office="รัฐมนตรีว่าการ")
    petitions = {}
    for fault in FAULTS:
        page = PetitionPageFactory(
            parent=index, title=f"ยกเลิกการเปิดสถานบันเทิงถึงตีสี่ ({fault})", slug=f"faults-{fault}", goal=100
        )
        page.targets.set([ministry])
        page.save_revision().publish()
        petitions[fault] = {"id": page.pk, "path": page.get_url()}
    return petitions


def main() -> None:
    print(json.dumps(build()))  # noqa: T201  (the harness reads this line)
