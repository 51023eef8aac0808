"""The secretariat's inbox: one item per submission a domain announced, pointing at the domain's own row.

A domain keeps what the person sent (an RSVP, a story, a co-signature, a profile edit); the item holds what
the secretariat does with it: status, assignee, tags and internal notes. Every translation of a form is one
``InboxForm`` (one key), so an RSVP in Thai and one in English for the same event are two rows of one form.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from partners.fields import partner_field
from site_project.submissions import Submission

from .dossiers.models import Dossier  # noqa: F401  (delivery dossiers and their verify codes)
from .pushes.models import Commitment, Delivery, PolicyPush, Response  # noqa: F401  (policy pushes, their ledger)
from .pushes.pages import PolicyPushIndexPage, PolicyPushPage  # noqa: F401  (their public pages)
from .reach.models import DataSharingRecord  # noqa: F401  (partners' reach: the data-sharing log)

# The forms editors build live in their own package; imported here so that Django finds their models.
from .surveys.models import SurveyAnswer, SurveyField, SurveyPage  # noqa: F401


class InboxStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    ARCHIVED = "archived", _("Archived")


class InboxForm(models.Model):
    """A form people send things through, whatever the language they used: an event's RSVP, the story form."""

    key = models.CharField(_("key"), max_length=200, unique=True, editable=False)
    label = models.CharField(
        _("form"), max_length=255, help_text=_("The form's name as the secretariat knows it.")
    )

    class Meta:
        ordering = ["label"]
        verbose_name = _("inbox form")
        verbose_name_plural = _("inbox forms")

    def __str__(self):
        return self.label


class TaggedInboxItem(TaggedItemBase):
    content_object = models.ForeignKey("InboxItem", on_delete=models.CASCADE, related_name="tagged_items")


class InboxItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The items ``user`` may see: sensitive ones only with the Safeguarding permission."""
        if user.is_superuser or user.has_perm("advocacy.view_sensitive_inboxitem"):
            return self
        return self.filter(sensitive=False)

    def for_listing(self):
        return self.select_related("form", "partner", "assignee").prefetch_related("tags")

    @transaction.atomic
    def file(self, submission: Submission, *, received=None, reopen: bool = True) -> "InboxItem":
        """File ``submission``, received now (or at ``received``).

        Announcing the same row again (an organisation re-signs, a partner resubmits its edit) brings its item
        back as new; with ``reopen=False`` an item already filed is left as it is (filing old rows twice).
        """
        label = str(submission.form_label)[:255]
        form, created = InboxForm.objects.get_or_create(key=submission.form_key, defaults={"label": label})
        if not created and submission.language == settings.LANGUAGE_CODE and form.label != label:
            form.label = label  # the secretariat knows a form by its name in the site's default language
            form.save(update_fields=["label"])
        values = {
            "form": form,
            "language": submission.language,
            "partner_id": submission.partner_id,
            "sensitive": submission.sensitive,
            "summary": str(submission.summary)[:255],
            "received": received or timezone.now(),
            "status": InboxStatus.NEW,
        }
        where = {
            "content_type": ContentType.objects.get_for_model(submission.instance),
            "object_id": submission.instance.pk,
        }
        if reopen:
            return self.update_or_create(**where, defaults=values)[0]
        return self.get_or_create(**where, defaults=values)[0]


class InboxItem(models.Model):
    """One submission in the secretariat's inbox. Personal data stays in the domain's row."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    submission = GenericForeignKey("content_type", "object_id")
    form = models.ForeignKey(
        InboxForm, on_delete=models.CASCADE, related_name="items", verbose_name=_("form")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    partner = partner_field(blank=True)
    received = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=InboxStatus.choices, default=InboxStatus.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    tags = TaggableManager(through=TaggedInboxItem, blank=True, verbose_name=_("tags"))
    sensitive = models.BooleanField(
        _("sensitive"), default=False, help_text=_("Shown to the Safeguarding group only.")
    )
    summary = models.CharField(_("summary"), max_length=255, blank=True)

    objects = InboxItemQuerySet.as_manager()

    class Meta:
        ordering = ["-received", "-pk"]
        verbose_name = _("inbox item")
        verbose_name_plural = _("inbox items")
        permissions = [("view_sensitive_inboxitem", _("Can see sensitive submissions (stories)"))]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="advocacy_one_item_per_submission"
            )
        ]
        indexes = [models.Index(fields=["form", "received"], name="advocacy_inbox_form_received")]

    def __str__(self):
        return f"{self.form} #{self.pk}"


class InboxNote(models.Model):
    """An internal note on an item, by a member of staff. Never shown to the person who sent it."""

    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("inbox note")
        verbose_name_plural = _("inbox notes")

    def __str__(self):
        return self.text[:60]
