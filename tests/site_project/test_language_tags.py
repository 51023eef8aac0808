"""Text whose language nobody recorded (names, statements, ledger lines) is marked by its script."""

from types import SimpleNamespace

from site_project.templatetags.language_tags import script_lang, script_spans

KHMER_PAGE = SimpleNamespace(locale=SimpleNamespace(language_code="km"), locale_id=3)


def test_a_thai_name_on_a_khmer_page_is_marked_thai():
    assert script_lang("กนกวรรณ คำแก้ว", KHMER_PAGE) == ' lang="th"'


def test_a_khmer_name_on_a_khmer_page_is_not_marked():
    assert script_lang("សុខ ចាន់ដារ៉ា", KHMER_PAGE) == ""


def test_a_latin_name_is_not_marked():
    assert script_lang("Oxfam", KHMER_PAGE) == ""
    assert script_lang("", KHMER_PAGE) == ""


def test_a_burmese_name_on_a_thai_page_is_marked_burmese():
    assert script_lang("အောင်ကျော်", "th") == ' lang="my"'


def test_text_that_mixes_scripts_gets_no_single_lang():
    assert script_lang("หนังสือ လက်ခံစာ", "km") == ""


def test_each_run_in_another_script_gets_its_own_span_and_the_rest_stays_as_is():
    text = "หนังสือ 04.00 น. လက်ခံစာ အမှတ်- AB-12."
    assert script_spans(text, "my") == '<span lang="th">หนังสือ 04.00 น</span>. လက်ခံစာ အမှတ်- AB-12.'


def test_script_spans_escapes_the_text():
    assert (
        script_spans("<b>ชื่อ</b> & Co", KHMER_PAGE) == '&lt;b&gt;<span lang="th">ชื่อ</span>&lt;/b&gt; &amp; Co'
    )
