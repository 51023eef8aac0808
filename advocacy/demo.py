"""The demo's inbox: every RSVP, shared story, co-signature and profile edit the other apps' demos made; and
the yearly membership renewal survey (``surveys.demo``).

Runs after them (``advocacy`` is last in ``INSTALLED_APPS``), so their rows exist; resets before them.
"""

from site_project import demo_loaders

from .inbox.services import file_existing_submissions
from .models import InboxForm
from .surveys import demo as surveys_demo


def load(stdout) -> None:
    surveys_demo.load(stdout)
    filed = file_existing_submissions()
    stdout.write(f"Inbox: {filed} submission(s) filed.")


def reset() -> None:
    InboxForm.objects.all().delete()  # and every item, tag link and note with it
    surveys_demo.reset()


demo_loaders.register("advocacy", load=load, reset=reset)
