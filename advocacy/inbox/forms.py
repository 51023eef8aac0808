"""The inbox's forms: the filters (in the URL), the bulk change, an item's own fields, and a note."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from partners.models import PartnerPage

from ..models import InboxForm, InboxItem, InboxNote, InboxStatus, TaggedInboxItem
from .access import GROUPS

NOBODY = "none"
ANY = [("", _("Any"))]


def staff_users():
    """Who an item can be assigned to: the active members of the inbox's groups, and superusers."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=GROUPS) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def staff_name(user) -> str:
    return user.get_full_name() or user.get_username()


def staff_choices() -> list[tuple[str, str]]:
    return [(str(user.pk), staff_name(user)) for user in staff_users()]


class InboxFilterForm(forms.Form):
    """Every filter is optional; a value that is not among the choices is an error, never a server error."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    form = forms.ChoiceField(label=_("Form"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=ANY + InboxStatus.choices)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=ANY + list(settings.LANGUAGES))
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_until = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items  # the items the user may see: the choices name nothing else
        forms_seen = InboxForm.objects.filter(pk__in=items.values("form")).order_by("label")
        self.fields["form"].choices = ANY + [(str(form.pk), form.label) for form in forms_seen]
        partners = PartnerPage.objects.filter(pk__in=items.values("partner")).order_by("title")
        self.fields["partner"].choices = ANY + [
            (str(pk), title) for pk, title in partners.values_list("pk", "title")
        ]
        self.fields["assignee"].choices = ANY + [(NOBODY, _("Nobody"))] + staff_choices()
        tags = (
            TaggedInboxItem.objects.filter(content_object__in=items)
            .values_list("tag__name", "tag__name")
            .distinct()
            .order_by("tag__name")
        )
        self.fields["tag"].choices = ANY + list(tags)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("received_from"), cleaned.get("received_until")
        if start and end and start > end:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned

    def filter(self, items):
        data = self.cleaned_data
        if data["q"]:
            text = data["q"]
            items = items.filter(
                Q(summary__icontains=text)
                | Q(form__label__icontains=text)
                | Q(partner__title__icontains=text)
            )
        for field, lookup in (("form", "form_id"), ("status", "status"), ("language", "language")):
            if data[field]:
                items = items.filter(**{lookup: data[field]})
        if data["partner"]:
            items = items.filter(partner_id=data["partner"])
        if data["assignee"] == NOBODY:
            items = items.filter(assignee__isnull=True)
        elif data["assignee"]:
            items = items.filter(assignee_id=data["assignee"])
        if data["tag"]:
            items = items.filter(tags__name=data["tag"])
        if data["received_from"]:
            items = items.filter(received__date__gte=data["received_from"])
        if data["received_until"]:
            items = items.filter(received__date__lte=data["received_until"])
        return items


class IdListField(forms.Field):
    """The ticked items' ids: whole numbers, at least one."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Tick at least one submission."),
        "invalid": _("The chosen submissions were not understood. Reload the page and tick them again."),
    }

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        if len(values) > 1000 or not all(isinstance(v, str) and v.isdigit() and len(v) < 19 for v in values):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return sorted({int(v) for v in values})


class BulkForm(forms.Form):
    """Tick items, then set their status or their assignee: a plain POST form, no JavaScript needed."""

    ACTIONS = [("status", _("Set status")), ("assign", _("Assign"))]

    item = IdListField()
    action = forms.ChoiceField(choices=ACTIONS, error_messages={"required": _("Choose what to do.")})
    status = forms.ChoiceField(
        label=_("New status"), required=False, choices=[("", "—")] + InboxStatus.choices
    )
    assignee = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "—"), (NOBODY, _("Nobody"))] + staff_choices()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "status" and not cleaned.get("status"):
            self.add_error("status", _("Choose the new status."))
        if cleaned.get("action") == "assign" and not cleaned.get("assignee"):
            self.add_error("assignee", _("Choose whom to assign them to."))
        return cleaned

    def assignee_user(self):
        value = self.cleaned_data.get("assignee")
        if not value or value == NOBODY:
            return None
        return staff_users().get(pk=value)


class ItemForm(forms.ModelForm):
    """What staff change on one item: its status, who has it, its tags."""

    tags = TagField(
        label=_("Tags"), required=False, help_text=_("Separate tags with commas, e.g. Chiang Rai, follow up.")
    )

    class Meta:
        model = InboxItem
        fields = ["status", "assignee", "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff_users()
        self.fields["assignee"].label_from_instance = staff_name

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        if len(tags) > 20 or any(len(tag) > 100 for tag in tags):
            raise forms.ValidationError(_("Use at most 20 tags, each at most 100 characters long."))
        return tags


class NoteForm(forms.ModelForm):
    class Meta:
        model = InboxNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Internal note")}
        help_texts = {"text": _("For the team only; never shown to the person who sent it.")}
