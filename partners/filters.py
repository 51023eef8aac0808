"""The directory's filters (kind, pillar, province, service, working language), shared by the public directory
and the members' referral list.

It imports no model: the directory page builds it (``models.directory.directory_filters``) with the site's
terms, so the page's model does not reach up into the views or the other forms to render itself.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from site_project import provinces
from site_project.widgets import QuickSelect

ALL = [("", _("All"))]
RELATIONS = {
    "kind": "kind",
    "pillar": "pillars__slug",
    "province": "areas__province",
    "service": "services__slug",
    "language": "working_languages__slug",
}


class DirectoryFilterForm(forms.Form):
    """Every field is optional; chosen fields narrow the list together."""

    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect)
    pillar = forms.ChoiceField(label=_("Pillar"), required=False, widget=QuickSelect)
    province = forms.ChoiceField(label=_("Province"), required=False, widget=QuickSelect)
    service = forms.ChoiceField(label=_("Service"), required=False, widget=QuickSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=QuickSelect)

    def __init__(self, *args, kinds=(), pillars=(), services=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [*ALL, *kinds]
        self.fields["pillar"].choices = [*ALL, *((term.slug, term.label) for term in pillars)]
        self.fields["province"].choices = [*ALL, *provinces.choices()]
        self.fields["service"].choices = [*ALL, *((term.slug, term.label) for term in services)]
        self.fields["language"].choices = [*ALL, *((term.slug, term.label) for term in languages)]

    def filter(self, queryset):
        """Narrow ``queryset`` by the valid choices; an invalid value is ignored rather than an error page."""
        data = self.cleaned_data if self.is_valid() else {}
        chosen = {lookup: data[field] for field, lookup in RELATIONS.items() if data.get(field)}
        # A partner matches a province, pillar, service or language once per row joined: DISTINCT then, and
        # only then (counting the unfiltered directory DISTINCT over every page column cost a cold view).
        return queryset.filter(**chosen).distinct() if chosen else queryset

    @property
    def active_filters(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())
