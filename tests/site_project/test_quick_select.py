"""Long selects (provinces, the dashboard's filters) are written in Python for speed, and must read exactly as
Django's own select."""

from django import forms
from django.test.html import parse_html

from partners.filters import DirectoryFilterForm
from petitions.forms import SignForm
from site_project.widgets import QuickSelect

CHOICES = [("", "All partners"), ("7", "มูลนิธิเพื่อนหญิง"), ("8", 'Fish & Chips <b>"Co"</b>'), ("9", "Ninth")]


def _both(value, attrs):
    quick, stock = QuickSelect(choices=CHOICES), forms.Select(choices=CHOICES)
    return quick.render("partner", value, attrs), stock.render("partner", value, attrs)


def test_the_chosen_partner_is_selected_as_in_djangos_own_select():
    quick, stock = _both("8", {"id": "id_partner", "aria-invalid": True})
    assert parse_html(quick) == parse_html(stock)
    assert '<option value="8" selected>Fish &amp; Chips &lt;b&gt;&quot;Co&quot;&lt;/b&gt;</option>' in quick


def test_with_nothing_chosen_every_partner_is_offered_under_all_partners():
    quick, stock = _both(None, {"id": "id_partner"})
    assert parse_html(quick) == parse_html(stock)
    assert quick.count(" selected") == 1
    assert '<option value="" selected>All partners</option>' in quick
    assert quick.count("<option") == len(CHOICES)


def test_a_signers_province_reads_as_djangos_select_with_the_chosen_one_kept_after_an_error():
    form = SignForm(data={"province": "chiang-mai", "email": "not an address"})
    form.is_valid()
    quick = str(form["province"])
    stock = forms.Select(choices=form.fields["province"].choices).render(
        "province", "chiang-mai", {"id": "id_province", "required": True}
    )
    assert parse_html(quick) == parse_html(stock)
    assert quick.count("<option") == 79  # "choose", 77 provinces and outside Thailand
    assert quick.count(" selected") == 1


def test_the_directorys_filters_keep_the_chosen_province_and_escape_a_terms_label():
    form = DirectoryFilterForm(data={"province": "bangkok"}, pillars=[_Term("safety", "<Safety & care>")])
    html = str(form["province"]) + str(form["pillar"])
    assert '<option value="bangkok" selected>' in html
    assert "&lt;Safety &amp; care&gt;" in html and "<Safety" not in html


class _Term:
    def __init__(self, slug, label):
        self.slug, self.label = slug, label
