"""Choice questions counted across every translation of a survey, as bar charts for the admin.

An answer given in English is counted with the Thai choice in the same position: translators translate the
choices in order, one line each. An answer that is no longer among the choices (an editor changed them since)
is counted under its own words, so that no answer is lost from the totals.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from ..charts import Bar, Chart, bar_chart
from .models import CHOICE_TYPES, SurveyAnswer, SurveyPage


@dataclass(frozen=True)
class Question:
    label: str
    answers: int  # how many people answered this question at all
    chart: Chart


def source_page(page: SurveyPage) -> SurveyPage:
    """The survey in the site's default language, whose choices the counts are named by."""
    return (page.get_translation_or_none(Locale.get_default()) or page).specific


def _positions(translations: list[SurveyPage]) -> dict[tuple[int, str], dict[str, int]]:
    """For each (page id, question name): each choice's position in that translation."""
    positions = {}
    for translation in translations:
        for field in translation.form_fields.all():
            if field.field_type in CHOICE_TYPES:
                positions[(translation.pk, field.clean_name)] = {
                    choice: index for index, choice in enumerate(field.choice_list())
                }
    return positions


def choice_questions(page: SurveyPage) -> list[Question]:
    """Every choice question of ``page``'s survey with its counts per choice, in all languages together."""
    source = source_page(page)
    translations = [translation.specific for translation in source.get_translations(inclusive=True)]
    positions = _positions(translations)
    questions = [field for field in source.form_fields.all() if field.field_type in CHOICE_TYPES]
    counts = {field.clean_name: {} for field in questions}
    answered = dict.fromkeys(counts, 0)
    for page_id, data in SurveyAnswer.objects.of_survey(source).values_list("page_id", "form_data"):
        for field in questions:
            given = data.get(field.clean_name)
            chosen = [given] if isinstance(given, str) else list(given or [])
            chosen = [value for value in chosen if value]
            if chosen:
                answered[field.clean_name] += 1
            choices = field.choice_list()
            for value in chosen:
                index = positions.get((page_id, field.clean_name), {}).get(value)
                label = choices[index] if index is not None and index < len(choices) else value
                counts[field.clean_name][label] = counts[field.clean_name].get(label, 0) + 1
    return [
        _question(source, number, field, counts[field.clean_name], answered[field.clean_name])
        for number, field in enumerate(questions, start=1)
    ]


def _question(source: SurveyPage, number: int, field, counts: dict[str, int], answered: int) -> Question:
    bars = [Bar(choice, counts.pop(choice, 0)) for choice in field.choice_list()]
    bars += [Bar(label, value, note=_("no longer a choice")) for label, value in counts.items()]
    summary = ngettext(
        "%(count)d person answered “%(question)s”.", "%(count)d people answered “%(question)s”.", answered
    ) % {"count": answered, "question": field.label}
    if bars and answered:
        top = max(bars, key=lambda bar: bar.value)
        summary += " " + _("The most chosen: “%(choice)s” (%(value)d).") % {
            "choice": top.label,
            "value": top.value,
        }
    chart = bar_chart(
        key=f"survey-{source.pk}-{number}",
        title=field.label,
        summary=summary,
        bars=bars,
        label=_("Choice"),
        value_label=_("Answers"),
    )
    return Question(label=field.label, answers=answered, chart=chart)
