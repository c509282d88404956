"""Public pages cost the same number of queries at N and at 5N articles.

The page cache is switched off (PAGE_CACHE_SECONDS=0) so every request really
renders. Each page is requested once to create its image renditions, then
measured on the second request.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.core.factories import AuthorFactory
from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import GalleryPhoto, RelatedItem

N = 10
TOPIC = "Kỳ họp thứ 13"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def add_articles(count, categories, start):
    authors = [AuthorFactory(name=f"Phóng viên {n}", unit="Báo Bắc Kạn") for n in range(3)]
    for number in range(start, start + count):
        image = Image.objects.create(title=f"Ảnh {number}", file=get_test_image_file())
        ArticlePageFactory(
            parent=categories[number % len(categories)],
            title=f"Tin bài đo truy vấn {number}",
            featured_image=image,
            featured_image_alt=f"Ảnh minh họa {number}",
            authors=[authors[number % 3], authors[(number + 1) % 3]],
            topics=[TOPIC, f"Chủ đề {number % 4}"],
        )


def count_queries(client, url):
    warm = client.get(url)
    assert warm.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Cache") != "HIT", url
    return len(queries)


def measure(client, urls):
    return {name: count_queries(client, url) for name, url in urls.items()}


@pytest.mark.django_db
def test_public_pages_cost_the_same_queries_at_n_and_5n(client, home, category, other_category):
    categories = [category, other_category]
    gallery = GalleryPageFactory(parent=category, title="Ảnh hoạt động")
    for order in range(2):
        image = Image.objects.create(title=f"Ảnh thư viện {order}", file=get_test_image_file())
        GalleryPhoto.objects.create(page=gallery, image=image, alt="Hội trường", sort_order=order)
    add_articles(N, categories, start=0)
    article = ArticlePageFactory(
        parent=category,
        title="Bài được đo",
        featured_image=Image.objects.create(title="Ảnh bài", file=get_test_image_file()),
        featured_image_alt="Quang cảnh",
        authors=[AuthorFactory(name="Tác giả A"), AuthorFactory(name="Tác giả B")],
        topics=[TOPIC],
    )
    RelatedItem.objects.create(page=article, related_page=other_category.get_children().first())
    urls = {
        "home": "/",
        "news index": "/tin-tuc/",
        "category": category.url,
        "category page 2": category.url + "?page=2",
        "tag": "/tin-tuc/chu-de/ky-hop-thu-13/",
        "article": article.url,
        "gallery": gallery.url,
    }
    small = measure(client, urls)

    add_articles(4 * N, categories, start=N)
    assert category.get_children().count() > 20  # the listing now has two pages
    large = measure(client, urls)

    assert large == small, (small, large)
    # A sanity bound: nothing here should need more than a few dozen queries.
    assert max(large.values()) < 40, large
