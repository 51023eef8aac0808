"""The secretariat's dashboard: what the public and the partners sent back, read from tallies and summaries.

``load_choices()`` reads what the filters offer (petitions, campaigns, themes, partners: seven queries);
``DashboardFilters`` parses the filters from the URL; ``build_dashboard(scope)`` gathers every panel in a fixed
number of queries, whatever the number of signatures: it reads ``SignatureDailyTotal`` (counted signatures per
petition and day by province, by source and by language) and, for a partner's referrals or a year's window,
``SignatureTally`` (all three crossed), ``SignatureStatusCount`` (received per day and status),
the RSVPs and co-signatures grouped in the database, and the inbox's items grouped by form and week. It never
reads a signature row.

The package, module by module: ``choices`` (what the filters offer), ``filters`` (the form and its ``Scope``),
``periods`` (days drawn per day or per week), the panels in ``signatures``, ``participation`` and ``recurring``,
``board`` (every panel at once), and the admin's ``views`` and ``urls``.
"""

from .board import Dashboard, build_dashboard
from .choices import Campaign, Choices, Option, load_choices
from .filters import DashboardFilters, Scope
from .signatures import Figure

__all__ = [
    "Campaign",
    "Choices",
    "Dashboard",
    "DashboardFilters",
    "Figure",
    "Option",
    "Scope",
    "build_dashboard",
    "load_choices",
]
