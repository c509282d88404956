from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.core.factories import AuthorFactory
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
def test_the_phrase_comes_first_title_then_lead_then_words_apart_each_newest_first(category):
    title_all_old = ArticlePageFactory(parent=category, title="Giám sát đầu tư", lead="Nội dung.")
    title_part_new = ArticlePageFactory(
        parent=category, title="Giám định tài sản", lead="Sau đó giám sát."
    )
    text_only_mid = ArticlePageFactory(parent=category, title="Tin B", lead="Bàn về giám sát.")
    title_all_new = ArticlePageFactory(parent=category, title="Sát cánh giám", lead="Nội dung.")
    for page, days in ((title_all_old, 30), (title_part_new, 1), (text_only_mid, 10)):
        _backdate(page, days)
    # the phrase in the title, the phrase in the lead (newest first), the words apart
    expected = [title_all_old.pk, title_part_new.pk, text_only_mid.pk, title_all_new.pk]
    assert hits("giam sat") == expected
    assert hits("giám sát") == expected
    # Pages of one row step across the tiers without losing or repeating a row.
    pages = [search(query_words("giam sat"), page=n, per_page=1) for n in range(1, 6)]
    assert [p.entries[0].page_id for p in pages] == expected + [title_all_new.pk]
    assert [p.number for p in pages] == [1, 2, 3, 4, 4]
    assert all(p.count == 4 and not p.capped for p in pages)
    # Pages of three: the second page starts inside the last tier.
    assert [e.page_id for e in search(query_words("giam sat"), page=2, per_page=3).entries] == [
        title_all_new.pk
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
    # keys: folded, i/y variants made one ("kỳ" and "kì" are both "ki")
    assert query_words("Kỳ HỌP kỳ họp, HĐND") == ["ki", "hop", "hdnd"]
    assert query_words("a\x00b") == ["a", "b"]
    many = " ".join(f"tu{i}" for i in range(100))
    assert len(query_words(many)) == MAX_QUERY_WORDS
    assert len(query_words(many).terms) == MAX_QUERY_WORDS
    assert len(query_words("x" * 10_000)[0]) == 200
    assert query_words("ky hop " * 1430) == ["ki", "hop"]  # cut between words, not inside


def test_query_words_carry_order_marks_and_quoted_phrases():
    query = query_words('“Phương Thị Thanh” kỳ  họp "giám')
    assert query == ["phuong", "thi", "thanh", "ki", "hop", "giam"]
    assert [term.exact for term in query.terms[:3]] == [
        "phuong~0--++--",
        "thi~5---",
        "thanh~0-----",
    ]
    assert query.phrases == ((0, 3),)  # the unpaired mark is ignored
    assert query.marked and not query_words("ky hop").marked
    assert [list(group) for group in query.groups()][0] == list(query.terms[:3])
    # What the results depend on: case does not matter, marks, order and quotes do.
    assert query_words("KỲ HỌP").identity == query_words("kỳ họp").identity == "ki~2-y hop~5---"
    assert query_words("ky hop").identity == query_words("KI HOP").identity == "ki hop"
    assert query_words("kì hop").identity == "ki~2-- hop~0---"
    assert len({query_words(q).identity for q in ("kỳ họp", "họp kỳ", '"kỳ họp"')}) == 3
    # a plain list of words is read again
    from portal.search.selectors import as_query

    assert as_query(["kỳ", "họp"]).identity == "ki~2-y hop~5---"


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


@pytest.mark.django_db
def test_a_quoted_query_requires_the_phrase(category):
    phrase = ArticlePageFactory(parent=category, title="Tiếp xúc cử tri xã Cao Sơn")
    apart = ArticlePageFactory(parent=category, title="Cử tri đề nghị tiếp tục xúc tiến")
    assert hits("tiep xuc cu tri") == [phrase.pk, apart.pk]
    assert hits('"tiếp xúc cử tri"') == [phrase.pk]
    assert hits("“tiep xuc” cu tri") == [phrase.pk]
    assert hits('"xuc tiep"') == []


@pytest.mark.django_db
def test_marks_typed_rank_exact_forms_first_and_a_wrong_mark_still_finds(category):
    meeting = ArticlePageFactory(parent=category, title="Cuộc họp giao ban")
    cooperation = ArticlePageFactory(parent=category, title="Hợp tác du lịch")
    box = ArticlePageFactory(parent=category, title="Hộp thư góp ý")
    for page, days in ((meeting, 30), (cooperation, 2), (box, 1)):
        _backdate(page, days)
    assert hits("hop") == [box.pk, cooperation.pk, meeting.pk]  # every form, newest first
    assert hits("họp")[0] == meeting.pk
    assert hits("hợp")[0] == cooperation.pk
    assert hits("hộp")[0] == box.pk
    assert set(hits("họp")) == set(hits("hop"))  # the other forms still follow
    assert hits("cuộc hộp")[0] == meeting.pk  # one wrong mark: found by the keys


@pytest.mark.django_db
def test_a_name_ranks_where_it_is_written_and_a_photo_credit_counts_least(category):
    credited = ArticlePageFactory(
        parent=category,
        title="Tập huấn đại biểu",
        lead="Lớp tập huấn.",
        body=[
            ("paragraph", "<p>Nội dung lớp học.</p>"),
            (
                "image",
                {
                    "image": None,
                    "alt": "Lớp học",
                    "caption": "Lớp học",
                    "photographer": "Lò Văn Sinh",
                },
            ),
        ],
    )
    byline = ArticlePageFactory(
        parent=category,
        title="Bài viết",
        lead="Tham luận.",
        authors=[AuthorFactory(name="Lò Văn Sinh")],
    )
    in_text = ArticlePageFactory(
        parent=category,
        title="Giám sát",
        lead="Đoàn giám sát.",
        body=[("paragraph", "<p>Ông Lò Văn Sinh phát biểu.</p>")],
    )
    apart = ArticlePageFactory(parent=category, title="Văn nghệ", lead="Sinh hoạt của thôn Lò Vôi.")
    for page, days in ((byline, 30), (in_text, 20), (credited, 2), (apart, 1)):
        _backdate(page, days)
    assert hits("Lò Văn Sinh") == [byline.pk, in_text.pk, credited.pk, apart.pk]
    # the credit is found, never shown
    entry = SearchEntry.objects.get(page_id=credited.pk)
    assert "Lò Văn Sinh" not in entry.text and "Lớp học" not in entry.text
    assert "Nội dung lớp học." in entry.text and "Lớp tập huấn." in entry.text


def test_highlight_marks_the_phrase_as_one_mark_and_the_forms_typed():
    text = "Tổng hợp ý kiến trước kỳ họp"
    assert str(highlight(text, query_words("kỳ họp"))) == (
        "Tổng hợp ý kiến trước <mark>kỳ họp</mark>"
    )
    assert str(highlight(text, query_words("ky hop"))) == (
        "Tổng hợp ý kiến trước <mark>kỳ họp</mark>"
    )
    # no phrase: each word, the form typed first ("họp", not "hợp")
    assert str(highlight("Cuộc họp tổng hợp", query_words("họp"))) == (
        "Cuộc <mark>họp</mark> tổng hợp"
    )
    assert str(highlight("Cuộc họp tổng hợp", query_words("hop"))) == (
        "Cuộc <mark>họp</mark> tổng <mark>hợp</mark>"
    )
    # typed with a wrong mark: the keys are marked
    assert str(highlight("Khai mạc kỳ họp", query_words("kỳ hộp"))) == (
        "Khai mạc <mark>kỳ họp</mark>"
    )
    assert str(
        highlight("Phương Thị Thanh và Phương Thị Thành", query_words("Phương Thị Thanh"))
    ) == ("<mark>Phương Thị Thanh</mark> và Phương Thị Thành")


def test_snippet_comes_from_where_the_phrase_is_else_the_densest_passage():
    text = (
        "Cử tri phường Sông Cầu. "
        + ("Nội dung khác. " * 40)
        + "Bà Phương Thị Thanh phát biểu. "
        + ("Kết thúc. " * 40)
    )
    html = str(snippet(text, query_words("Phương Thị Thanh"), length=120))
    assert "<mark>Phương Thị Thanh</mark> phát biểu" in html
    assert "Cử tri" not in html
    scattered = (
        "Ngân hàng mở cửa. "
        + ("Nội dung khác. " * 40)
        + "Dự toán ngân quỹ và chính sách thu. "
        + ("Kết thúc. " * 40)
    )
    html = str(snippet(scattered, query_words("ngân sách"), length=120))
    assert "<mark>ngân</mark> quỹ và chính <mark>sách</mark>" in html
    assert "Ngân hàng" not in html


@pytest.mark.django_db
def test_a_search_costs_the_same_few_statements_whatever_the_tiers(
    category, django_assert_num_queries
):
    for i in range(6):
        ArticlePageFactory(parent=category, title=f"Phương Thị Thanh {i}", lead="Phương án.")
    ArticlePageFactory(parent=category, title="Thanh tra", lead="Phương án ở thị trấn.")
    for q in ("thanh", "Phương Thị Thanh", '"phuong thi" thanh', "xyzzy", "Phương Thị Thanh xyzzy"):
        # restricted paths, the tiers' counts, the page's ids, restricted paths, the
        # shown rows (no match: no more than the counts)
        with django_assert_num_queries(2 if "xyzzy" in q else 5):
            search(query_words(q), per_page=2)
