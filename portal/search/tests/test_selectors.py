from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.news.factories import ArticlePageFactory
from portal.search.models import SearchEntry
from portal.search.selectors import (
    MAX_QUERY_WORDS,
    highlight,
    query_words,
    search,
    snippet,
    year_range,
)


def hits(q, **filters):
    results = search(query_words(q), per_page=100, **filters)
    assert results.count == len(results.entries)
    return [entry.page_id for entry in results.entries]


@pytest.fixture
def articles(category):
    return {
        "session": ArticlePageFactory(
            parent=category,
            title="Khai mạc kỳ họp thứ 13 HĐND tỉnh Bắc Kạn",
            lead="Các đại biểu thảo luận về ngân sách.",
        ),
        "delegate": ArticlePageFactory(
            parent=category,
            title="Tiếp xúc cử tri",
            lead="Đại biểu HĐND tỉnh tiếp xúc cử tri huyện Ba Bể trước kỳ họp.",
        ),
        "other": ArticlePageFactory(
            parent=category, title="Tin thời tiết", lead="Trời nắng ở Thái Nguyên."
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("plain", "vietnamese"),
    [
        ("ky hop", "kỳ họp"),
        ("dai bieu", "đại biểu"),
        ("tiep xuc", "Tiếp xúc"),
        ("Bac Kan", "Bắc Kạn"),
    ],
)
def test_queries_with_and_without_diacritics_give_identical_hits(articles, plain, vietnamese):
    expected = hits(vietnamese)
    assert expected, f"{vietnamese!r} should find something"
    assert hits(plain) == expected
    assert hits(vietnamese.upper()) == expected
    assert articles["other"].pk not in expected


@pytest.mark.django_db
def test_equivalences_find_the_expected_pages(articles):
    session, delegate = articles["session"].pk, articles["delegate"].pk
    assert set(hits("ky hop")) == {session, delegate}
    assert set(hits("dai bieu")) == {session, delegate}
    assert set(hits("cu tri")) == {delegate}
    assert hits("Bac Kan") == [session]


@pytest.mark.django_db
def test_every_word_must_match_as_a_whole_word(articles):
    assert hits("ky hop ngan sach") == [articles["session"].pk]
    assert hits("ky hop thoi tiet") == []
    assert hits("hd") == []  # part of "hdnd", not a word of its own


@pytest.mark.django_db
def test_short_vietnamese_syllables_are_not_stop_words(category):
    article = ArticlePageFactory(parent=category, title="An toàn giao thông", lead="Do to an.")
    assert hits("an") == [article.pk]
    assert hits("to") == [article.pk]
    assert hits("do") == [article.pk]


@pytest.mark.django_db
def test_title_matches_rank_above_text_matches_then_newer_first(category):
    now = timezone.now()
    text_only_new = ArticlePageFactory(parent=category, title="Tin A", lead="Bàn về giám sát.")
    title_old = ArticlePageFactory(parent=category, title="Giám sát đầu tư", lead="Nội dung.")
    text_only_old = ArticlePageFactory(parent=category, title="Tin B", lead="Bàn về giám sát.")
    for page, days in ((text_only_new, 1), (title_old, 30), (text_only_old, 10)):
        when = now - timedelta(days=days)
        Page.objects.filter(pk=page.pk).update(first_published_at=when)
        SearchEntry.objects.filter(page_id=page.pk).update(published_at=when)
    assert hits("giam sat") == [title_old.pk, text_only_new.pk, text_only_old.pk]


def _backdate(page, days):
    when = timezone.now() - timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(first_published_at=when)
    SearchEntry.objects.filter(page_id=page.pk).update(published_at=when)


@pytest.mark.django_db
def test_titles_holding_every_word_come_first_then_the_rest_newest_first(category):
    title_all_old = ArticlePageFactory(parent=category, title="Giám sát đầu tư", lead="Nội dung.")
    title_part_new = ArticlePageFactory(
        parent=category, title="Giám định tài sản", lead="Sau đó giám sát."
    )
    text_only_mid = ArticlePageFactory(parent=category, title="Tin B", lead="Bàn về giám sát.")
    title_all_new = ArticlePageFactory(parent=category, title="Sát cánh giám", lead="Nội dung.")
    for page, days in ((title_all_old, 30), (title_part_new, 1), (text_only_mid, 10)):
        _backdate(page, days)
    expected = [title_all_new.pk, title_all_old.pk, title_part_new.pk, text_only_mid.pk]
    assert hits("giam sat") == expected
    # Pages of one row step across the two phases without losing or repeating a row.
    pages = [search(query_words("giam sat"), page=n, per_page=1) for n in range(1, 6)]
    assert [p.entries[0].page_id for p in pages] == expected + [text_only_mid.pk]
    assert [p.number for p in pages] == [1, 2, 3, 4, 4]
    assert all(p.count == 4 and not p.capped for p in pages)
    # Pages of three: the second page starts inside the second phase.
    assert [e.page_id for e in search(query_words("giam sat"), page=2, per_page=3).entries] == [
        text_only_mid.pk
    ]


@pytest.mark.django_db
def test_counts_stop_at_the_cap_and_pages_beyond_it_show_the_last_reachable(category, monkeypatch):
    from portal.search import selectors

    monkeypatch.setattr(selectors, "RESULT_CAP", 3)
    created = [ArticlePageFactory(parent=category, title=f"Giám sát {i}") for i in range(5)]
    for days, page in enumerate(reversed(created)):
        _backdate(page, days)
    results = search(query_words("giam sat"), per_page=2)
    assert (results.count, results.capped, results.num_pages) == (3, True, 2)
    assert [e.page_id for e in results.entries] == [created[4].pk, created[3].pk]
    last = search(query_words("giam sat"), page=99, per_page=2)
    assert (last.number, last.has_next()) == (2, False)
    assert [e.page_id for e in last.entries] == [created[2].pk, created[1].pk]
    # At the cap exactly the count is exact.
    monkeypatch.setattr(selectors, "RESULT_CAP", 5)
    results = search(query_words("giam sat"), per_page=2)
    assert (results.count, results.capped, results.num_pages) == (5, False, 3)


@pytest.mark.django_db
def test_filters_by_category_and_year(category, other_category):
    here = ArticlePageFactory(parent=category, title="Giám sát ở đây")
    there = ArticlePageFactory(parent=other_category, title="Giám sát ở kia")
    SearchEntry.objects.filter(page_id=there.pk).update(
        published_at=datetime(2019, 12, 31, 23, 30, tzinfo=timezone.get_current_timezone())
    )
    this_year = timezone.localtime(SearchEntry.objects.get(page_id=here.pk).published_at).year
    assert hits("giam sat", category_id=category.pk) == [here.pk]
    assert hits("giam sat", category_id=other_category.pk) == [there.pk]
    assert hits("giam sat", year=2019) == [there.pk]
    assert hits("giam sat", year=this_year, category_id=other_category.pk) == []
    assert year_range() == list(range(this_year, 2018, -1))


@pytest.mark.django_db
def test_visibility_is_checked_at_query_time(category):
    """Even if the index is stale, a page that may not be shown is never returned."""
    expired = ArticlePageFactory(parent=category, title="Giám sát hết hạn")
    unpublished = ArticlePageFactory(parent=category, title="Giám sát rút xuống")
    private = ArticlePageFactory(parent=category, title="Giám sát riêng tư")
    visible = ArticlePageFactory(parent=category, title="Giám sát công khai")
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    Page.objects.filter(pk=unpublished.pk).update(live=False)
    # A restriction written without signals (e.g. a raw import) is still honoured.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=Page.objects.get(pk=private.pk), restriction_type="login")]
    )
    assert SearchEntry.objects.count() == 4
    assert hits("giam sat") == [visible.pk]
    # Rows found stale when shown are dropped from the index; the private one
    # was left out by its path before ranking.
    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == {visible.pk, private.pk}
    assert hits("giam sat") == [visible.pk]


@pytest.mark.django_db
def test_pages_beyond_the_last_show_the_last_page(category):
    for i in range(5):
        ArticlePageFactory(parent=category, title=f"Giám sát {i}")
    results = search(query_words("giam sat"), page=99999, per_page=2)
    assert (results.number, results.num_pages, results.count) == (3, 3, 5)
    assert len(results.entries) == 1 and results.has_previous() and not results.has_next()
    assert search(query_words("giam sat"), page="abc", per_page=2).number == 1


def test_page_number():
    from portal.search.selectors import page_number

    assert [page_number(v) for v in ("2", " 3 ", "abc", "-1", "0", None, "1e3")] == [
        2,
        3,
        1,
        1,
        1,
        1,
        1,
    ]


@pytest.mark.django_db
def test_empty_or_symbol_only_queries_find_nothing(articles):
    assert hits("") == []
    assert hits("!!! ... ---") == []


def test_query_words_are_folded_deduplicated_and_bounded():
    assert query_words("Kỳ HỌP kỳ họp, HĐND") == ["ky", "hop", "hdnd"]
    assert query_words("a\x00b") == ["a", "b"]
    many = " ".join(f"tu{i}" for i in range(100))
    assert len(query_words(many)) == MAX_QUERY_WORDS
    assert len(query_words("x" * 10_000)[0]) == 200
    assert query_words("ky hop " * 1430) == ["ky", "hop"]  # cut between words, not inside


def test_clip_query_cuts_long_queries_at_a_word_boundary():
    from portal.search.selectors import clip_query

    assert clip_query("  kỳ   họp \x00 ") == "kỳ họp"
    clipped = clip_query("đại biểu " * 100)
    assert len(clipped) <= 200 and clipped.endswith("biểu")


def test_highlight_marks_the_original_text_found_through_folded_words():
    assert str(highlight("Khai mạc Kỳ họp thứ 13", ["ky", "hop"])) == (
        "Khai mạc <mark>Kỳ họp</mark> thứ 13"
    )
    assert str(highlight("Đại biểu HĐND", ["hdnd"])) == "Đại biểu <mark>HĐND</mark>"
    # whole words only: "hop" is not marked inside "hopdong"
    assert str(highlight("hopdong hop", ["hop"])) == "hopdong <mark>hop</mark>"


def test_highlight_escapes_everything():
    html = str(highlight('<script>alert("kỳ")</script> kỳ họp', ["ky"]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>kỳ</mark>" in html


def test_snippet_is_a_window_around_the_first_match():
    text = ("Mở đầu. " * 60) + "Nội dung chính của kỳ họp thứ mười ba. " + ("Kết thúc. " * 60)
    html = str(snippet(text, ["ky", "hop"], length=120))
    assert "<mark>kỳ họp</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 220
    assert str(snippet("Ngắn <b>gọn</b>", ["gon"])) == "Ngắn &lt;b&gt;<mark>gọn</mark>&lt;/b&gt;"
