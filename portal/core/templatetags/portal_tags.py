"""Template tags for the public site's frame: navigation, breadcrumbs, sharing.

Each tag costs a fixed number of queries, whatever the amount of content.
"""

from urllib.parse import quote, urlencode

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site

from portal.core import registry, site_url
from portal.core.visibility import visible_pages

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
    """Home, the sections under it, and each section's sub-menu.

    A section is a visible child of the site root marked "show in menus" or of a
    type a subject registers as a menu section (``portal.core.registry``); its
    sub-menu lists the visible pages below it of the type that subject names.
    One query for all of them.
    """
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page")
    if root is None:
        return {"root": None, "sections": [], "submenus": [], "request": request}
    menu = registry.menu_sections()
    get_ct = ContentType.objects.get_for_model
    section_types = {get_ct(section.page_type).pk: section for section in menu}
    item_types = {get_ct(s.item_type).pk for s in menu if s.item_type is not None}
    wanted = Q(depth=root.depth + 1) & (
        Q(show_in_menus=True) | Q(content_type__in=list(section_types))
    )
    if item_types:
        wanted |= Q(depth__gt=root.depth + 1, content_type__in=list(item_types))
    pages = list(
        visible_pages(Page.objects.filter(path__startswith=root.path))
        .filter(wanted)
        .order_by("path")
        .only("id", "path", "depth", "title", "slug", "url_path", "content_type_id")
    )
    current_path = getattr(current, "path", "")
    sections, items = [], []
    for item in pages:
        item.is_current = bool(current_path) and current_path.startswith(item.path)
        item.aria_current = (
            ("page" if current_path == item.path else "true") if item.is_current else ""
        )
        (sections if item.depth == root.depth + 1 else items).append(item)
    submenus = []
    for section in sections:
        registered = section_types.get(section.content_type_id)
        if registered is None or registered.item_type is None:
            continue
        item_type = get_ct(registered.item_type).pk
        children = [
            item
            for item in items
            if item.content_type_id == item_type and item.path.startswith(section.path)
        ]
        if children:
            submenus.append({"label": registered.item_label, "items": children})
    return {
        "root": root,
        "root_is_current": current_path == root.path,
        "sections": sections,
        "submenus": submenus,
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
    """The page's full URL, from the portal's base URL (``portal.core.site_url``)."""
    request = context.get("request")
    return page.get_full_url(request)


@register.simple_tag(takes_context=True)
def absolute(context, path):
    """A site path or media URL as an absolute URL (og:image, the print footer)."""
    return site_url.absolute(path, context.get("request"))


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
    """The link to page ``number`` of a listing: the listing's own filter (the
    ``archive`` in the context, ``?nam=…&thang=…``) and the page, nothing else.

    Never the whole query string: whatever a visitor appends (``?x=…``) would land
    in links the page cache shows every other visitor, and would make each such
    address a page of its own (``portal.core.page_cache`` keys an entry by the
    parameters the page reads)."""
    number = int(number)
    archive = context.get("archive")
    if archive is not None and hasattr(archive, "query"):
        query = archive.query(page=number)
    else:
        query = f"?page={number}" if number > 1 else ""
    if query:
        return query
    request = context.get("request")
    return request.path if request is not None else "?"


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


# --- fragment cache -------------------------------------------------------------
#
# Parts of a page that every request rebuilds the same way (navigation, footer,
# home blocks) are kept as rendered HTML under the page cache's generation: any
# publish or edit that changes public pages makes them unreachable at once, as it
# does whole pages. An entry never outlives the next scheduled change (a page
# expiring or going live), and its key holds the host and whatever else varies.

FRAGMENT_SECONDS = 300
FRAGMENT_KEY_PREFIX = "page-fragment"


def _fragment_timeout(request):
    """Seconds a fragment may live: FRAGMENT_SECONDS, or less before a scheduled
    change (one query, at most once per request, only when a fragment is built)."""
    from portal.core.page_cache import bounded_timeout

    timeout = getattr(request, "_fragment_timeout", None)
    if timeout is None:
        timeout = bounded_timeout(FRAGMENT_SECONDS)
        if request is not None:
            request._fragment_timeout = timeout
    return timeout


def fragment_key(request, name, vary=()):
    from hashlib import sha256

    from portal.core.page_cache import current_generation

    host = request.get_host() if request is not None else ""
    scheme = request.scheme if request is not None else ""
    raw = "\x1f".join([name, scheme, host, *(str(part) for part in vary)])
    digest = sha256(raw.encode()).hexdigest()[:32]
    # Read once per request: a page's fragments belong to one generation.
    generation = getattr(request, "_fragment_generation", None)
    if generation is None:
        generation = current_generation()
        if request is not None:
            request._fragment_generation = generation
    return f"{FRAGMENT_KEY_PREFIX}:{generation}:{digest}"


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        from django.core.cache import cache

        request = context.get("request")
        # Kept for the pages Wagtail serves; never for a preview (a draft).
        if not isinstance(context.get("page"), Page) or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        vary = [expression.resolve(context) for expression in self.vary]
        key = fragment_key(request, self.name.resolve(context), vary)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, _fragment_timeout(request))
        return html


@register.tag("cached_fragment")
def cached_fragment(parser, token):
    """``{% cached_fragment "name" vary1 vary2 %}…{% endcached_fragment %}``: the
    enclosed HTML, kept per generation, host and the values of ``vary``."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment needs a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )


SOCIAL_IMAGE_FILTER = "fill-1200x630"


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context, title=""):
    """Open Graph tags for every public page: og:title, og:type, og:url (the
    canonical address), og:site_name, og:description and, where the page has a
    picture, og:image as a 1200×630 rendition."""
    request = context.get("request")
    page = context.get("page")
    portal_name = ""
    site_settings = context.get("settings")
    if site_settings is not None:
        try:
            portal_name = site_settings["core"]["SiteSettings"].portal_name
        except (KeyError, AttributeError, TypeError):
            portal_name = ""
    description = ""
    image = None
    if page is not None and getattr(page, "pk", None):
        title = title or getattr(page, "seo_title", "") or page.title
        description = (
            getattr(page, "search_description", "")
            or getattr(page, "lead", "")
            or getattr(page, "intro", "")
        )
        picture = page.social_image() if hasattr(page, "social_image") else None
        if picture is not None:
            rendition = picture.get_rendition(SOCIAL_IMAGE_FILTER)
            image = {
                "url": site_url.absolute(rendition.url, request),
                "width": rendition.width,
                "height": rendition.height,
                "alt": getattr(page, "featured_image_alt", "") or title,
            }
    path = request.path if request is not None else "/"
    return {
        "title": title or portal_name,
        "type": getattr(page, "og_type", "website") if page is not None else "website",
        "url": site_url.absolute(path, request),
        "site_name": portal_name,
        "description": description,
        "image": image,
    }
