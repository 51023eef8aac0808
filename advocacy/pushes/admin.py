"""Policy pushes in the admin: the Secretariat's list (stage, owner, how the deliveries stand) and edit form, with
the deliveries, responses and commitments inline."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from site_project.admin_columns import ThaiDateColumn

from .forms import PolicyPushForm
from .models import PolicyPush


class DeliveryStatePanel(Panel):
    """A saved delivery's state, read-only: awaiting, overdue, very overdue or answered (``states``)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "advocacy/pushes/_delivery_state_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            push = self.instance.push
            if not hasattr(push, "_responses_for_states"):  # read once for all the push's deliveries
                push._responses_for_states = list(push.responses.all())
            context["state"] = self.instance.state_among(
                push._responses_for_states, today=timezone.localdate()
            )
            return context


DELIVERY_PANELS = [
    DeliveryStatePanel(heading=pgettext_lazy("delivery state", "State")),
    FieldRowPanel([FieldPanel("target"), FieldPanel("delivered_on")]),
    FieldPanel("place"),
    FieldPanel("what"),
    FieldPanel("dossier"),
    FieldPanel("delivered_by_partners"),
    FieldPanel("delivered_by_people"),
    FieldRowPanel([FieldPanel("received_by_name"), FieldPanel("received_by_office")]),
    FieldRowPanel([FieldPanel("receipt_number"), FieldPanel("response_deadline")]),
    FieldPanel("acknowledgement"),
]
RESPONSE_PANELS = [
    FieldRowPanel([FieldPanel("target"), FieldPanel("received_on"), FieldPanel("classification")]),
    FieldPanel("summary"),
    FieldPanel("document"),
]
COMMITMENT_PANELS = [
    FieldPanel("promise"),
    FieldRowPanel([FieldPanel("target"), FieldPanel("due_on"), FieldPanel("kept")]),
    FieldPanel("note"),
]
PUSH_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("title"),
            FieldPanel("demand"),
            FieldRowPanel([FieldPanel("stage"), FieldPanel("owner")]),
            FieldRowPanel([FieldPanel("won_on"), FieldPanel("in_force_from")]),
        ],
        heading=_("The demand"),
    ),
    MultiFieldPanel([FieldPanel("targets"), FieldPanel("partners")], heading=_("To whom, and with whom")),
    MultiFieldPanel(
        [FieldPanel("petitions"), FieldPanel("campaigns"), FieldPanel("stories")],
        heading=_("What carries it"),
        classname="collapsed",
    ),
    InlinePanel(
        "deliveries",
        panels=DELIVERY_PANELS,
        heading=_("Deliveries"),
        label=pgettext_lazy("policy push", "delivery"),
    ),
    InlinePanel(
        "responses",
        panels=RESPONSE_PANELS,
        heading=_("Responses"),
        label=pgettext_lazy("policy push", "response"),
    ),
    InlinePanel(
        "commitments",
        panels=COMMITMENT_PANELS,
        heading=_("Commitments"),
        label=pgettext_lazy("policy push", "commitment"),
    ),
]


class PolicyPushViewSet(SnippetViewSet):
    model = PolicyPush
    icon = "clipboard-list"
    menu_label = _("Policy pushes")
    menu_name = "policy-pushes"
    menu_order = 145
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_handler = ObjectList(PUSH_PANELS, base_form_class=PolicyPushForm)
    list_display = [
        "title",
        Column(
            "stage",
            label=pgettext_lazy("policy push", "stage"),
            accessor="get_stage_display",
            sort_key="stage",
        ),
        "owner",
        Column("ledger_summary", label=pgettext_lazy("policy push", "deliveries"), accessor="ledger_summary"),
        ThaiDateColumn("updated_at", model=PolicyPush),
    ]
    list_filter = ["stage"]
    search_fields = ["title", "demand"]
    ordering = ["-updated_at"]

    def get_queryset(self, request):
        return PolicyPush.objects.for_listing()
