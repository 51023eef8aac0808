"""The push's admin form: what its deliveries, responses and commitments name must be one of its targets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

LEDGER = ("deliveries", "responses", "commitments")


class PolicyPushForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        targets = set(cleaned_data.get("targets") or ())
        if not targets:  # the targets field reports its own error
            return cleaned_data
        for name in LEDGER:
            formset = self.formsets.get(name)
            if formset is None or not formset.is_valid():
                continue
            for form in formset.forms:
                data = getattr(form, "cleaned_data", {})
                if data.get("DELETE") or data.get("target") in (None, *targets):
                    continue
                form.add_error(
                    "target",
                    _("%(target)s is not one of this push's targets. Add them to the targets above first.")
                    % {"target": data["target"]},
                )
        return cleaned_data
