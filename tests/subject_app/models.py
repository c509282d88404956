from django.db import models

from portal.core.models import BasePage


class NoticeKind(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class NoticeIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["subject_app.NoticePage"]
    template = "subject_app/notice_index_page.html"


class NoticePage(BasePage):
    kind = models.ForeignKey(NoticeKind, null=True, blank=True, on_delete=models.SET_NULL)
    body = models.TextField(blank=True)

    parent_page_types = ["subject_app.NoticeIndexPage"]
    template = "subject_app/notice_page.html"


class NoticeVisit(models.Model):
    page = models.ForeignKey(NoticePage, on_delete=models.CASCADE)
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.page_id}: {self.count}"


class NoticeOffice(models.Model):
    """A record, not a page: where citizens hand in their letters."""

    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)
    is_public = models.BooleanField(default=True)

    def __str__(self):
        return self.name
