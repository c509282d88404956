"""``/search/?q=…&category=<page id>&year=<yyyy>&page=N``."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Page, Site

from portal.core import registry
from portal.core.visibility import visible_pages

from .forms import SearchForm
from .selectors import clip_query, highlight, query_words, snippet, year_range
from .selectors import search as search_results

PER_PAGE = 20


def _category_pages():
    """The sections results can be filtered by: visible pages of the types subjects
    register as search groups (``portal.core.registry``)."""
    models = registry.search_group_types()
    if not models:
        return []
    return list(visible_pages(Page.objects.type(*models)).order_by("path").only("pk", "title"))


@never_cache
def search(request):
    """Results change with every publish and queries are unbounded: never cached."""
    data = request.GET.copy()
    data["q"] = clip_query(data.get("q", ""))
    categories = _category_pages()
    form = SearchForm(data, categories=categories, years=year_range())
    site = Site.find_for_request(request)
    context = {
        "form": form,
        "query": "",
        "results": None,
        "page_obj": None,
        "breadcrumb_trail": [site.root_page] if site else [],
    }
    status = 200
    if not form.is_valid():
        status = 400
    else:
        terms = query_words(form.cleaned_data["q"])
        context["query"] = form.cleaned_data["q"]
        context["terms"] = terms
        if terms:
            results = search_results(
                terms,
                form.cleaned_data["category"],
                form.cleaned_data["year"],
                page=request.GET.get("page"),
                per_page=PER_PAGE,
            )
            titles = {page.pk: page.title for page in categories}
            context["searched"] = True
            context["page_obj"] = results
            context["results"] = [
                {
                    "url": entry.get_url(request),
                    "title": highlight(entry.title, terms),
                    "snippet": snippet(entry.text, terms),
                    "category": titles.get(entry.facets.get("category"), ""),
                    "published_at": entry.published_at,
                }
                for entry in results.entries
            ]
            filters = data.copy()
            filters.pop("page", None)
            context["filter_query"] = filters.urlencode()
    return render(request, "search/search.html", context, status=status)
