import factory

from portal.core.factories import PortalPageFactory, PublishedPageFactory

from .models import NoticeIndexPage, NoticePage


class NoticeIndexPageFactory(PortalPageFactory):
    class Meta:
        model = NoticeIndexPage

    title = "Thông báo"


class NoticePageFactory(PublishedPageFactory):
    class Meta:
        model = NoticePage

    title = factory.Sequence(lambda n: f"Thông báo số {n}")
    body = "Nội dung thông báo."
