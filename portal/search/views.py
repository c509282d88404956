"""``/search/?q=…&category=<page id>&year=<yyyy>&page=N``.

Anonymous visitors are answered from a short-lived cache per normalised query
(``portal.search.cache``); every search that is not (a cached page is free) counts
against its address's limit (``SEARCH_RATE_LIMIT`` per
``SEARCH_RATE_LIMIT_SECONDS``, ``portal.core.rate_limit``), past which the visitor
gets the Vietnamese 429 page with ``Retry-After``. Signed-in editors are neither
cached nor limited. Browsers and proxies are told never to keep a result page.
"""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Page, Site

from portal.core import page_cache, rate_limit, registry
from portal.core.auth import client_ip
from portal.core.visibility import visible_pages

from . import cache as search_cache
from .forms import SearchForm
from .selectors import highlight, query_words, snippet, year_range
from .selectors import search as search_results

PER_PAGE = 20
RATE_LIMIT_SCOPE = "search"


def _category_pages():
    """The sections results can be filtered by: visible pages of the types subjects
    register as search groups (``portal.core.registry``)."""
    models = registry.search_group_types()
    if not models:
        return []
    return list(visible_pages(Page.objects.type(*models)).order_by("path").only("pk", "title"))


@never_cache
def search(request):
    params = search_cache.SearchParams.from_query(request.GET)
    lookup = None
    if search_cache.enabled() and page_cache.request_is_anonymous(request):
        lookup = search_cache.lookup_page(request, params)
        if lookup is not None and lookup.entry is not None:
            return page_cache.response_of(lookup.entry, "HIT")

    user = getattr(request, "user", None)
    if not (user is not None and user.is_authenticated):
        verdict = rate_limit.consume(
            RATE_LIMIT_SCOPE,
            client_ip(request),
            settings.SEARCH_RATE_LIMIT,
            settings.SEARCH_RATE_LIMIT_SECONDS,
        )
        if not verdict.allowed:
            return rate_limit.too_many_requests(verdict, what="lượt tìm kiếm")

    response = _search_page(request, params, lookup)
    if lookup is not None:
        if request.method == "GET":
            search_cache.store_page(request, lookup, response)
        response[page_cache.HEADER] = "MISS"
    return response


def _search_page(request, params, lookup):
    categories = _category_pages()
    form = SearchForm(params.form_data(), categories=categories, years=year_range())
    site = Site.find_for_request(request)
    context = {
        "form": form,
        "query": "",
        "results": None,
        "page_obj": None,
        "breadcrumb_trail": [site.root_page] if site else [],
    }
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    terms = query_words(form.cleaned_data["q"])
    context["query"] = form.cleaned_data["q"]
    context["terms"] = terms
    if terms:
        category, year = form.cleaned_data["category"], form.cleaned_data["year"]

        def compute():
            results = search_results(terms, category, year, page=params.page, per_page=PER_PAGE)
            titles = {page.pk: page.title for page in categories}
            shown = [
                {
                    "url": entry.get_url(request),
                    "title": highlight(entry.title, terms),
                    "snippet": snippet(entry.text, terms),
                    "category": titles.get(entry.facets.get("category"), ""),
                    "published_at": entry.published_at,
                }
                for entry in results.entries
            ]
            results.entries = []  # the rows themselves are not kept
            return results, shown

        if lookup is not None:
            page_obj, shown = search_cache.results(
                request, lookup.generation, terms, category, year, params.page, compute
            )
        else:
            page_obj, shown = compute()
        context["searched"] = True
        context["page_obj"] = page_obj
        context["results"] = shown
        context["filter_query"] = params.filter_query()
    return render(request, "search/search.html", context)
