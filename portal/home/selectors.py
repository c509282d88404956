"""Reads for the home page and the human-readable site map ("Sơ đồ trang").

Both cost a fixed number of queries, whatever the amount of content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from portal.core import registry
from portal.core.visibility import visible_pages

# How far below the home page the site map goes on its own: the sections and
# what sits directly under them. The sub-menu types that subjects register
# (news categories…) are listed at any depth, like the main navigation.
SITE_MAP_DEPTH = 2


def picture_first(articles):
    """``articles`` with the newest one that has a picture moved to the front, so a
    section opens on a picture; the others keep their order (newest first)."""
    articles = list(articles)
    for index, article in enumerate(articles):
        if getattr(article, "featured_image_id", None):
            return [article, *articles[:index], *articles[index + 1 :]]
    return articles


@dataclass
class SiteMapNode:
    page: Page
    children: list[SiteMapNode] = field(default_factory=list)


def site_map_tree(root):
    """The visible pages a reader navigates by, as a tree under ``root``: the root,
    the pages down to ``SITE_MAP_DEPTH`` levels below it, and the sub-menu pages the
    registry names at any depth. A page whose parent is not shown (a draft or
    private section) is left out with it. Two queries (the restricted paths and the
    pages); None when the root itself is not visible."""
    item_types = [
        ContentType.objects.get_for_model(section.item_type).pk
        for section in registry.menu_sections()
        if section.item_type is not None
    ]
    wanted = Q(depth__lte=root.depth + SITE_MAP_DEPTH)
    if item_types:
        wanted |= Q(content_type__in=item_types)
    pages = list(
        visible_pages(Page.objects.filter(path__startswith=root.path))
        .filter(wanted)
        .order_by("path")
        .only("id", "path", "depth", "title", "slug", "url_path", "content_type_id")
    )
    if not pages or pages[0].pk != root.pk:
        return None
    nodes = {}
    for page in pages:
        node = SiteMapNode(page)
        parent = nodes.get(page.path[: -page.steplen])
        if page.pk == root.pk:
            nodes[page.path] = node
        elif parent is not None:
            parent.children.append(node)
            nodes[page.path] = node
    return nodes[root.path]


def walk(node):
    """Every node of the tree, top down."""
    yield node
    for child in node.children:
        yield from walk(child)
