"""The filtered index: a page that lists its children in pages of twelve, narrowed by theme, year and kind,
with an Atom feed of the newest. The campaign and story indexes are both one of these.

An index page mixes in ``FilteredIndexMixin`` (before ``RoutablePageMixin``) and says what it lists::

    class StoryIndexPage(FilteredIndexMixin, RoutablePageMixin, BasePage):
        listing_name = "stories"                     # the template's name for this page of items
        filter_lookups = {"theme": "themes__slug", "year": "story_date__year", "kind": "storyteller__kind"}
        kind_label = _("Told by")
        kind_choices = Storyteller.KIND_CHOICES

        def children(self): ...                      # the live, public pages it lists (and the feed shows)
        def listing(self): ...                       # the same, ordered, with what a card prints
        def filter_themes(self): ...                 # the themes offered, in the page's language
        def filter_years(self): ...                  # the years offered, newest first

The template gets ``filter_form``, ``page_obj``, the items under ``listing_name``, ``query_string`` (the
active filters, for pagination links) and ``feed_url``; it includes ``components/_filters.html`` and
``components/_pagination.html``. A filter value that is not among the choices shows the form's error and an
unfiltered list: never a server error.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path
from wagtail.models import Locale

from . import memo
from .dates import display_year
from .feeds import PageFeed

PER_PAGE = 12
ANY = [("", _("Any"))]


def by_translation_key(objects, locale) -> dict:
    """Each translatable object of ``objects`` in ``locale``, or in the default language where it is not
    translated yet, keyed by translation key (in the queryset's order)."""
    found = {}
    default = memo.remember("default-locale", Locale.get_default)
    for obj in objects.filter(locale__in=[locale, default]):
        if obj.locale_id == locale.pk or obj.translation_key not in found:
            found[obj.translation_key] = obj
    return found


class IndexFilterForm(forms.Form):
    """Theme, year (shown as readers count years: Buddhist Era in Thai) and kind, each optional."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, lookups: dict, themes=(), years=(), kinds=(), kind_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lookups = lookups
        self.fields["theme"].choices = ANY + [(theme.slug, theme.name) for theme in themes]
        self.fields["year"].choices = ANY + [(str(year), display_year(year)) for year in years]
        self.fields["kind"].choices = ANY + list(kinds)
        if kind_label is not None:
            self.fields["kind"].label = kind_label

    def filter(self, pages):
        """``pages`` narrowed by every chosen filter (call only once the form is valid)."""
        chosen = {self.lookups[name]: value for name, value in self.cleaned_data.items() if value}
        return pages.filter(**chosen).distinct() if chosen else pages

    def query_string(self) -> str:
        """The active filters, for pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        return urlencode({name: value for name, value in self.cleaned_data.items() if value})


class FilteredIndexMixin:
    """The listing, filters, pagination and feed of an index page (see the module's docstring)."""

    listing_name = "pages"
    filter_lookups: dict = {}
    kind_label = None
    kind_choices = ()
    feed_class = PageFeed

    def children(self):
        raise NotImplementedError

    def listing(self):
        raise NotImplementedError

    def filter_themes(self):
        raise NotImplementedError

    def filter_years(self) -> list[int]:
        raise NotImplementedError

    def prepare_listing(self, items: list, themes: list) -> None:
        """Add to this page of items what their cards print and one query can fetch for all (optional)."""

    def filter_form(self, data, themes) -> IndexFilterForm:
        return IndexFilterForm(
            data or None,
            lookups=self.filter_lookups,
            themes=themes,
            years=self.filter_years(),
            kinds=self.kind_choices,
            kind_label=self.kind_label,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(self.filter_themes())
        form = self.filter_form(request.GET, themes)
        pages = self.listing()
        if form.is_valid():
            pages = form.filter(pages)
        page_obj = Paginator(pages, PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = list(page_obj.object_list)
        self.prepare_listing(page_obj.object_list, themes)
        context.update(
            {
                "filter_form": form,
                "page_obj": page_obj,
                self.listing_name: page_obj.object_list,
                "query_string": form.query_string(),
                "feed_url": self.get_url(request) + self.reverse_subpage("feed"),
            }
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return self.feed_class(index=self, pages=self.children())(request)
