"""``/so-do-trang/``: the site map a reader can read ("Sơ đồ trang")."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Site

from portal.news.models import NewsCategoryPage

from .selectors import site_map_tree, walk


def site_map(request):
    """The sections and their categories (only what a visitor may see), the news
    feeds and the XML sitemap. A fixed number of queries; the page cache keeps it
    like any public page."""
    site = Site.find_for_request(request)
    tree = site_map_tree(site.root_page) if site is not None else None
    if tree is None:
        raise Http404("Không tìm thấy trang chủ.")
    category_type = ContentType.objects.get_for_model(NewsCategoryPage).pk
    feeds = [{"title": "Tất cả tin bài", "rss": reverse("feed_rss"), "atom": reverse("feed_atom")}]
    feeds += [
        {
            "title": node.page.title,
            "rss": reverse("category_feed_rss", kwargs={"category_slug": node.page.slug}),
            "atom": reverse("category_feed_atom", kwargs={"category_slug": node.page.slug}),
        }
        for node in walk(tree)
        if node.page.content_type_id == category_type
    ]
    return render(
        request,
        "home/site_map.html",
        {"tree": tree, "feeds": feeds, "breadcrumb_trail": [tree.page]},
    )
