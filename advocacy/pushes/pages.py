"""The public face of policy pushes: an index of the public ones and one page per push, at /<lang>/pushes/<slug>/.

The ledger itself (stage, targets, deliveries, responses, commitments) is the ``PolicyPush`` the Secretariat
edits as a snippet; a page points at it, and every translation of the page points at the same one, so the
record reads the same in every language. What the page shows is put together in ``selectors``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_project.models import BasePage

from .selectors import listed_pushes, push_page_context


class PolicyPushIndexPage(BasePage):
    """The list of public policy pushes in one language: /th/pushes/."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences above the list.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), *BasePage.safety_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["site_project.HomePage"]
    subpage_types = ["advocacy.PolicyPushPage"]
    max_count_per_parent = 1
    template = "advocacy/pushes/policy_push_index_page.html"

    class Meta:
        verbose_name = _("policy push index page")
        verbose_name_plural = _("policy push index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pushes"] = listed_pushes(PolicyPushPage.objects.child_of(self).live())
        return context


class PolicyPushPage(BasePage):
    """One push made public: the demand, who stands behind it, and each target's record of answers."""

    select_on_route = ("push",)  # read on every view (site_project.routing)

    push = models.ForeignKey(
        "advocacy.PolicyPush",
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("policy push"),
        help_text=_(
            "The push whose ledger this page shows: its deliveries, answers and promises. "
            "Every translation of the page shows the same one."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "Why this demand matters, in two or three sentences, for readers who arrive from a link."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("push"),
        FieldPanel("intro"),
        *BasePage.safety_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    override_translatable_fields = [*BasePage.override_translatable_fields, SynchronizedField("push")]

    parent_page_types = ["advocacy.PolicyPushIndexPage"]
    subpage_types = []
    template = "advocacy/pushes/policy_push_page.html"

    class Meta:
        verbose_name = _("policy push page")
        verbose_name_plural = _("policy push pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(push_page_context(page=self))
        return context
