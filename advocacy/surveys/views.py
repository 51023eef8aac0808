"""The admin's summary of a survey: its choice questions as bar charts, all languages counted together."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.contrib.forms.utils import get_forms_for_user

from ..models import InboxForm
from . import services
from .models import SurveyAnswer, SurveyPage
from .summary import choice_questions, source_page


def inbox_url(page: SurveyPage) -> str:
    """The inbox filtered to this survey's answers, once the first has been filed."""
    form = InboxForm.objects.filter(key=services.form_key(page)).first()
    try:
        return f"{reverse('advocacy_inbox:index')}?form={form.pk}" if form else ""
    except NoReverseMatch:
        return ""


def chart_url_for_inbox_form(*, form_id, user) -> str:
    """The charts of the survey behind the inbox form ``form_id``; empty for another form or a user who may not."""
    form = InboxForm.objects.filter(pk=form_id, key__startswith=f"{services.FORM_KEY_PREFIX}:").first()
    if form is None:
        return ""
    translation_key = form.key.removeprefix(f"{services.FORM_KEY_PREFIX}:")
    page = get_forms_for_user(user).filter(translation_key=translation_key).order_by("pk").first()
    return reverse("advocacy_surveys:summary", args=[page.pk]) if page else ""


def summary(request, page_id: int):
    page = get_object_or_404(SurveyPage, pk=page_id)
    if not get_forms_for_user(request.user).filter(pk=page.pk).exists():
        raise PermissionDenied
    source = source_page(page)
    translations = source.get_translations(inclusive=True).select_related("locale").order_by("locale_id")
    context = {
        "page_title": _("Answers to “%(title)s”") % {"title": source.title},
        "header_icon": "form",
        "survey": source,
        "answers": SurveyAnswer.objects.of_survey(source).count(),
        "questions": choice_questions(source),
        "translations": [
            (
                translation.locale.get_display_name(),
                reverse("wagtailforms:list_submissions", args=[translation.pk]),
            )
            for translation in translations
        ],
        "inbox_url": inbox_url(source),
    }
    return render(request, "advocacy/surveys/admin/summary.html", context)
