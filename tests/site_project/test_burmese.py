"""Burmese typed in Zawgyi is stored as Unicode by every public form; Unicode Burmese and other text are left alone."""

import pytest
from django import forms

from site_project.burmese import UnicodeBurmeseForm, as_unicode

ZAWGYI = "ေႏွာင့္ယွက္မႈ ရပ္တန္႔ေရး"  # "stop harassment", typed in Zawgyi
UNICODE = "နှောင့်ယှက်မှု ရပ်တန့်ရေး"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (ZAWGYI, UNICODE),
        (UNICODE, UNICODE),
        ("ชื่อ မောင်မောင် Aung", "ชื่อ မောင်မောင် Aung"),
        ("សូមអរគុណ", "សូមអរគុណ"),
        ("", ""),
    ],
)
def test_zawgyi_runs_become_unicode_and_everything_else_stays(typed, stored):
    assert as_unicode(typed) == stored


class NameForm(UnicodeBurmeseForm, forms.Form):
    name = forms.CharField()
    age = forms.IntegerField()


def test_a_form_with_the_mixin_cleans_every_text_field_into_unicode():
    form = NameForm({"name": ZAWGYI, "age": "30"})
    assert form.is_valid()
    assert form.cleaned_data == {"name": UNICODE, "age": 30}
