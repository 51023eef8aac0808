"""The dashboard's filter lists are written in Python for speed, and must read exactly as Django's own select."""

from django import forms
from django.test.html import parse_html

from advocacy.dashboard import QuickSelect

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
