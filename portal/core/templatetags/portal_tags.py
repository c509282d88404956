"""Template tags for the public site's frame: navigation, breadcrumbs, sharing.

Each tag costs a fixed number of queries, whatever the amount of content.
"""

from urllib.parse import quote, urlencode

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site

from portal.core.selectors import visible_pages

register = template.Library()

SHARE_TARGETS = {
    "facebook": "https://www.facebook.com/sharer/sharer.php?{}",
    "zalo": "https://sp.zalo.me/share_inline?{}",
}


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    """Home, the sections under it shown in menus, and the news categories.

    One query: the sections (children of the site root marked "show in menus",
    plus the news index) and every visible news category under the root.
    """
    from portal.news.models import NewsCategoryPage, NewsIndexPage

    request = context.get("request")
    root = _site_root(request)
    current = context.get("page")
    if root is None:
        return {"root": None, "sections": [], "categories": [], "request": request}
    get_ct = ContentType.objects.get_for_model
    section_q = Q(depth=root.depth + 1) & (
        Q(show_in_menus=True) | Q(content_type=get_ct(NewsIndexPage))
    )
    category_q = Q(content_type=get_ct(NewsCategoryPage))
    pages = list(
        visible_pages(Page.objects.filter(path__startswith=root.path))
        .filter(section_q | category_q)
        .order_by("path")
        .only("id", "path", "depth", "title", "slug", "url_path", "content_type_id")
    )
    current_path = getattr(current, "path", "")
    sections, categories = [], []
    for item in pages:
        item.is_current = bool(current_path) and current_path.startswith(item.path)
        item.aria_current = (
            ("page" if current_path == item.path else "true") if item.is_current else ""
        )
        (sections if item.depth == root.depth + 1 else categories).append(item)
    return {
        "root": root,
        "root_is_current": current_path == root.path,
        "sections": sections,
        "categories": categories,
        "request": request,
    }


@register.simple_tag
def breadcrumb_trail(page, inclusive=False):
    """The ancestors of ``page`` below the tree root, top down (one query)."""
    if page is None or not getattr(page, "pk", None):
        return []
    ancestors = page.get_ancestors(inclusive=inclusive).filter(depth__gt=1)
    return list(ancestors.only("id", "title", "url_path", "depth", "path"))


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    request = context.get("request")
    return page.get_full_url(request)


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, page):
    request = context.get("request")
    url = page.get_full_url(request) or ""
    title = page.title
    return {
        "url": url,
        "facebook": SHARE_TARGETS["facebook"].format(urlencode({"u": url})),
        "zalo": SHARE_TARGETS["zalo"].format(urlencode({"url": url})),
        "email": "mailto:?subject={}&body={}".format(
            quote(title, safe=""), quote(f"{title}\n{url}", safe="")
        ),
    }


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with ``page`` replaced (for pagination links)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    if hasattr(params, "setlist"):
        params["page"] = number
        return "?" + params.urlencode()
    return f"?page={number}"


@register.filter
def byline(authors):
    """Names in order; consecutive authors of the same unit share it:
    [A (u), B (u), C (v)] → "A, B (u), C (v)"."""
    groups = []
    for author in authors:
        unit = (author.unit or "").strip()
        if groups and groups[-1][1] == unit:
            groups[-1][0].append(author.name)
        else:
            groups.append(([author.name], unit))
    parts = []
    for names, unit in groups:
        text = ", ".join(names)
        parts.append(f"{text} ({unit})" if unit else text)
    return ", ".join(parts)
