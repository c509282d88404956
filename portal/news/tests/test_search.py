import pytest

from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import ArticlePage, GalleryPage
from portal.news.search import article_document, gallery_document
from portal.search.documents import builder_for


def test_the_news_registers_its_builders():
    assert builder_for(ArticlePage)[0] is article_document
    assert builder_for(GalleryPage)[0] is gallery_document


@pytest.mark.django_db
def test_an_article_document_holds_lead_body_tags_and_byline(category):
    from portal.core.factories import AuthorFactory

    article = ArticlePageFactory(
        parent=category,
        title="Kỳ họp thứ 13",
        lead="Khai mạc kỳ họp.",
        body=[("paragraph", "<p>Đại biểu thảo luận.</p>")],
        authors=[AuthorFactory(name="Hoàng Thu Trang", unit="Huyện Ba Bể")],
        topics=["Tiếp xúc cử tri"],
    )
    document = article_document(ArticlePage.objects.get(pk=article.pk))
    assert document.title == "Kỳ họp thứ 13"
    assert document.lead == "Khai mạc kỳ họp."
    assert document.text == "Đại biểu thảo luận."
    assert document.byline == ["Hoàng Thu Trang"]
    assert "Tiếp xúc cử tri" in document.extra
    assert "Huyện Ba Bể" in document.extra
    assert document.date == ArticlePage.objects.get(pk=article.pk).first_published_at


@pytest.mark.django_db
def test_a_gallery_document_holds_intro_and_captions(category):
    import wagtail_factories

    from portal.news.models import GalleryPhoto

    photo = GalleryPhoto(
        image=wagtail_factories.ImageFactory(title="Ảnh"),
        alt="Đoàn chủ tọa",
        caption="Đoàn chủ tọa",
        photographer="Minh Đức",
    )
    gallery = GalleryPageFactory(
        parent=category, title="Ảnh kỳ họp", intro="Toàn cảnh.", photos=[photo]
    )
    document = gallery_document(GalleryPage.objects.get(pk=gallery.pk))
    assert document.lead == "Toàn cảnh."
    assert document.text == ""
    assert document.extra == ["Đoàn chủ tọa", "Minh Đức"]
