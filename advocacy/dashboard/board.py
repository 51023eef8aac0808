"""Every panel at once, with the notes that say what a filter leaves uncounted."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..charts import Chart, number
from .filters import Scope
from .participation import co_signatures, rsvps_per_event, submissions_per_form
from .pushes import PushesBoard, pushes_board
from .recurring import year_on_year
from .signatures import (
    Figure,
    by_language,
    by_province,
    by_source,
    confirmation_rates,
    signatures_over_time,
    status_counts,
)


@dataclass
class Dashboard:
    scope: Scope
    figures: list[Figure]
    charts: dict[str, Chart]
    notes: dict[str, str]
    pushes: PushesBoard


def build_dashboard(scope: Scope, user) -> Dashboard:
    """Every panel for ``scope``, as ``user`` may see it (the inbox's sensitive items count for Safeguarding
    only). A fixed number of queries: one per grouped read, whatever the data size."""
    statuses = status_counts(scope)
    languages, total = by_language(scope)
    rates, rate_figures = confirmation_rates(scope, statuses)
    charts = {
        "over-time": signatures_over_time(scope, statuses),
        "provinces": by_province(scope),
        "sources": by_source(scope, total),
        "languages": languages,
        "rates": rates,
        "rsvps": rsvps_per_event(scope),
        "cosignatures": co_signatures(scope),
        "submissions": submissions_per_form(scope, user),
        "year-over-year": year_on_year(scope),
    }
    notes = {}
    if scope.sources is not None:
        notes["rates"] = _("Counted for every source: a signature's status is not kept per partner.")
    if scope.campaign_filtered or scope.petition_ids is not None:
        notes["submissions"] = _(
            "Counted for every campaign and petition: the inbox files submissions by form."
        )
    notes["pushes"] = _(
        "Every policy push, whatever the filters above: the period, petitions, campaigns and partner do not apply "
        "here. Dates are counted in Bangkok time."
    )
    return Dashboard(
        scope=scope,
        figures=[Figure(_("Confirmed signatures"), number(total)), *rate_figures],
        charts=charts,
        notes=notes,
        pushes=pushes_board(),
    )
