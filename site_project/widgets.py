"""Form widgets every floor uses."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A select written in one string, as Django's template for each option would write it.

    Django renders every ``<option>`` through its own template (and that template's ``attrs`` include): on the
    78 provinces of the sign form and the partner directory that was about a quarter of a cold petition page,
    and on the dashboard's filters (1,000 campaigns, hundreds of partners at full size) most of the page's
    time. Every value and label is escaped here, as Django escapes them. Flat choices only: no ``<optgroup>``.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(option))}"{" selected" if str(option) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for option, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')  # escaped above
