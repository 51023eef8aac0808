from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from .forms import SearchForm
from .query import search as run_search

RESULTS_PER_PAGE = 20


@require_GET
def search(request):
    """The search page at ``/<language>/search/?q=``: the form, and the results in the page's language."""
    form = SearchForm(request.GET or None)
    results, query = [], ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        results = run_search(query, language=translation.get_language())
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "query": query,
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "query_string": urlencode({"q": query}),
    }
    return render(request, "search/search.html", context, status=400 if form.errors else 200)
