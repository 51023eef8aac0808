"""Making a delivery dossier: the row at once, the counting, the digest and the PDFs in the background.

``make_dossier`` is what the admin's button calls; it records who asked and for what, and enqueues
``tasks.build_dossier_task`` once the row is committed. ``build_dossier`` is the task's work: the totals from the
tallies, the digest streamed over the signatures, the PDF rendered by WeasyPrint and, if chosen, the signer
annex written page by page beside it. If anything fails the dossier says so ("failed", with the reason) and the
admin shows it; nobody sees a server error.
"""

import logging
from collections.abc import Iterator

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile, File
from django.core.files.temp import NamedTemporaryFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from petitions.models import PetitionPage, Signature
from petitions.selectors import canonical_petition_id
from site_project import provinces

from . import tasks
from .annex import write_annex
from .digest import compute_digest
from .models import Dossier, DossierStatus, verify_cache_key
from .render import render_pdf, translations_of
from .totals import petition_totals

logger = logging.getLogger(__name__)
BASE_LANGUAGES = ("th", "en")
EXTRA_LANGUAGES = ("km", "my")
ANNEX_CHUNK_SIZE = 2000


def make_dossier(
    *, petition: PetitionPage, languages: list[str], with_annex: bool, user, push=None
) -> Dossier:
    """Record a dossier to make for ``petition`` (any translation: it counts under its original) and enqueue it."""
    chosen = [code for code in (*BASE_LANGUAGES, *EXTRA_LANGUAGES) if code in {*BASE_LANGUAGES, *languages}]
    with transaction.atomic():
        dossier = Dossier.objects.create(
            petition_id=canonical_petition_id(petition.pk),
            push=push,
            created_by=user,
            languages=chosen,
            with_annex=with_annex,
        )
        transaction.on_commit(lambda: tasks.build_dossier_task.enqueue(dossier_id=dossier.pk))
    return dossier


def build_dossier(*, dossier_id: int) -> Dossier | None:
    """Count, digest and render one dossier. Never raises: a failure is recorded on the dossier."""
    dossier = Dossier.objects.select_related("petition").filter(pk=dossier_id).first()
    if dossier is None or dossier.status != DossierStatus.PENDING:
        return dossier
    try:
        _fill(dossier)
    except Exception as error:  # noqa: BLE001  (any failure must leave a visible state, not a stuck row)
        logger.exception("Delivery dossier %s could not be made", dossier.pk)
        with translation.override(settings.LANGUAGE_CODE):
            reason = _(
                "The dossier could not be made (%(error)s). Try again; if it fails again, tell the web team."
            )
        Dossier.objects.filter(pk=dossier.pk).update(
            status=DossierStatus.FAILED, error=reason % {"error": type(error).__name__}
        )
        dossier.refresh_from_db()
    return dossier


def _fill(dossier: Dossier) -> None:
    petition_id = dossier.petition_id
    pages = translations_of(dossier.petition)
    dossier.titles = {language: page.title for language, page in pages.items()}
    dossier.counted_at = timezone.now()
    with transaction.atomic():  # one snapshot where the database gives one (PostgreSQL: repeatable within it)
        dossier.totals = petition_totals(petition_id)
        found = compute_digest(petition_id=petition_id, totals=dossier.totals)
    dossier.digest = found.hex
    dossier.signature_count = found.signatures
    stem = f"dossier-{dossier.code}"
    dossier.pdf.save(f"{stem}.pdf", ContentFile(render_pdf(dossier)), save=False)
    if dossier.with_annex:
        dossier.annex_pages = _write_annex(dossier, name=f"{stem}-annex.pdf")
    dossier.status = DossierStatus.READY
    dossier.save()
    cache.delete(verify_cache_key(dossier.code))


def annex_rows(petition: PetitionPage, language: str) -> Iterator[tuple[str, str]]:
    """(name, province) of every confirmed signer with a name, in the order they signed; never an e-mail address.

    On a sensitive petition only those who chose to show their name in public are listed.
    """
    rows = Signature.objects.confirmed().filter(petition_id=petition.pk).exclude(name="")
    if getattr(petition, "is_sensitive", False):
        rows = rows.filter(show_name=True)
    for name, province in (
        rows.order_by("pk").values_list("name", "province").iterator(chunk_size=ANNEX_CHUNK_SIZE)
    ):
        yield name, provinces.name(province, language)


def _write_annex(dossier: Dossier, *, name: str) -> int:
    language = dossier.languages[0] if dossier.languages else settings.LANGUAGE_CODE
    with translation.override(language):
        heading = _("Signers of the petition “%(title)s”") % {
            "title": dossier.titles.get(language, dossier.title)
        }
    with NamedTemporaryFile(suffix=".pdf") as out:
        pages = write_annex(annex_rows(dossier.petition, language), out, heading=heading, language=language)
        out.flush()
        out.seek(0)
        dossier.annex.save(name, File(out), save=False)
    return pages
