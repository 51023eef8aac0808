"""Writes: an answer to a survey page, saved and announced to the inbox in one transaction.

Reads the page's answer model from the page (``get_submission_class``), so that the models can call this
module without a cycle.
"""

from django.db import transaction
from wagtail.models import Locale

from partners.models import Representative
from site_project.submissions import Submission, announce

FORM_KEY_PREFIX = "advocacy.survey"


def form_key(page) -> str:
    """One key for a survey page and all its translations."""
    return f"{FORM_KEY_PREFIX}:{page.translation_key}"


def default_language_title(page) -> str:
    """The page's title in the site's default language, as the secretariat knows the form."""
    default = page.get_translation_or_none(Locale.get_default())
    return (default or page).title


@transaction.atomic
def answer_survey(*, page, data: dict, representative: Representative | None = None):
    """Save ``data`` (a survey form's cleaned data) as an answer to ``page`` and announce it to the inbox.

    An answer from a partner's representative records the partner.
    """
    partner = representative.partner if representative is not None else None
    answer = page.get_submission_class().objects.create(page=page, form_data=data, partner=partner)
    announce(
        Submission(
            instance=answer,
            form_key=form_key(page),
            form_label=default_language_title(page),
            language=page.locale.language_code,
            partner_id=partner.pk if partner is not None else None,
            summary=partner.title if partner is not None else "",
        )
    )
    return answer
