import pytest

from portal.news.factories import ArticlePageFactory
from portal.news.models import ArticlePage, GalleryPage, NewsCategoryPage
from portal.search.documents import builder_for, searchable_models, stream_text


@pytest.mark.django_db
def test_stream_text_reads_text_blocks_and_skips_ids_and_urls(category):
    article = ArticlePageFactory(
        parent=category,
        body=[
            ("paragraph", "<p>Đoạn <b>thứ nhất</b> &amp; thứ hai</p><p>Tiếp</p>"),
            ("quote", {"text": "Trích dẫn của đại biểu", "attribution": "Ông Nguyễn Văn A"}),
            ("table", {"data": [["Chỉ tiêu", "Kết quả"], ["Thu ngân sách", "490.000"]]}),
            ("video", {"video": "https://www.youtube.com/watch?v=abc", "caption": "Phiên họp"}),
        ],
    )
    article = ArticlePage.objects.get(pk=article.pk)
    texts = stream_text(article.body)
    joined = " | ".join(texts)
    assert "Đoạn thứ nhất & thứ hai Tiếp" in joined
    assert "Trích dẫn của đại biểu" in texts and "Ông Nguyễn Văn A" in texts
    assert "Thu ngân sách" in texts and "490.000" in texts
    assert "Phiên họp" in texts
    assert "youtube" not in joined


def test_stream_text_of_an_empty_field():
    assert stream_text(None) == []


def test_searchable_models_are_the_news_items():
    models = searchable_models()
    assert ArticlePage in models and GalleryPage in models
    assert NewsCategoryPage not in models
    assert builder_for(NewsCategoryPage) is None
