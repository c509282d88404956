"""The council's pages: the "Kỳ họp" section, its terms (khóa) and their sessions."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.models import BasePage
from portal.core.visibility import is_expired

from .choices import SessionStatus, SessionType, roman


class CouncilIndexPage(RoutablePageMixin, BasePage):
    """ "Kỳ họp": a section of the main navigation, the terms below it, and the resolution
    register (``so-nghi-quyet/``) with a page per resolution (``views``)."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["council.TermPage"]
    max_count_per_parent = 1
    template = "council/council_index_page.html"

    class Meta:
        verbose_name = "Trang kỳ họp"
        verbose_name_plural = "Trang kỳ họp"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import terms_with_sessions

        context = super().get_context(request, *args, **kwargs)
        context["terms"] = terms_with_sessions(self)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("so-nghi-quyet/")
    def register(self, request):
        from ..views import resolution_register

        return resolution_register(request, self)

    @path("so-nghi-quyet/<int:resolution_id>/")
    def resolution(self, request, resolution_id):
        from ..views import resolution_page

        return resolution_page(request, self, resolution_id)

    @path("so-nghi-quyet/<int:resolution_id>/tep/<int:file_id>/")
    def resolution_file(self, request, resolution_id, file_id):
        from ..views import resolution_file_download

        return resolution_file_download(request, self, resolution_id, file_id)


class TermPage(BasePage):
    """A term of the council (khóa IX, 2016 - 2021)."""

    number = models.PositiveSmallIntegerField(
        "Khóa", help_text="Số thứ tự của khóa, ví dụ 9 cho khóa IX."
    )
    start_year = models.PositiveSmallIntegerField("Năm bắt đầu nhiệm kỳ")
    end_year = models.PositiveSmallIntegerField("Năm kết thúc nhiệm kỳ")
    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("intro"),
    ]
    parent_page_types = ["council.CouncilIndexPage"]
    subpage_types = ["council.SessionPage"]
    template = "council/term_page.html"

    class Meta:
        verbose_name = "Khóa HĐND"
        verbose_name_plural = "Các khóa HĐND"

    @property
    def label(self) -> str:
        """ "Khóa IX"."""
        return f"Khóa {roman(self.number)}" if self.number else ""

    @property
    def years(self) -> str:
        return f"{self.start_year} - {self.end_year}"

    def clean(self):
        super().clean()
        if self.number is not None and not 1 <= self.number <= 50:
            raise ValidationError({"number": "Số khóa phải từ 1 đến 50."})
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": "Năm kết thúc nhiệm kỳ không được trước năm bắt đầu."}
            )
        if self.start_year and self.end_year and self.end_year - self.start_year > 6:
            raise ValidationError({"end_year": "Một nhiệm kỳ không dài quá 6 năm."})

    def get_context(self, request, *args, **kwargs):
        from ..selectors import term_sessions

        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = term_sessions(self)
        return context


class SessionPage(RoutablePageMixin, BasePage):
    """A session (kỳ họp) of a term, in the manner of Open Civic Data's Event: its
    agenda in order, its documents (``SessionDocument``), its status computed from
    its dates. Routes below it: a document's page, a file's download or preview, and
    every public file as one ZIP (``views``)."""

    number = models.PositiveSmallIntegerField("Kỳ họp thứ")
    session_type = models.CharField(
        "Loại kỳ họp", max_length=16, choices=SessionType.choices, default=SessionType.REGULAR
    )
    opening_date = models.DateField("Ngày khai mạc")
    closing_date = models.DateField("Ngày bế mạc")
    place = models.CharField("Địa điểm", max_length=255, blank=True)
    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh băng-rôn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(
        "Đường dẫn video",
        blank=True,
        help_text="Video truyền hình trực tiếp hoặc ghi hình kỳ họp.",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("session_type")]),
                FieldRowPanel([FieldPanel("opening_date"), FieldPanel("closing_date")]),
                FieldPanel("place"),
            ],
            heading="Kỳ họp",
        ),
        FieldPanel("intro"),
        InlinePanel("agenda_items", heading="Chương trình kỳ họp", label="Nội dung"),
        FieldPanel("banner_image"),
        FieldPanel("video_url"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("place")]
    parent_page_types = ["council.TermPage"]
    subpage_types = []
    template = "council/session_page.html"

    class Meta:
        verbose_name = "Kỳ họp"
        verbose_name_plural = "Các kỳ họp"

    def clean(self):
        super().clean()
        if self.opening_date and self.closing_date and self.closing_date < self.opening_date:
            raise ValidationError({"closing_date": "Ngày bế mạc không được trước ngày khai mạc."})
        if self.number is not None and self.number < 1:
            raise ValidationError({"number": "Số kỳ họp phải lớn hơn 0."})
        parent = self.get_parent() if self.pk else getattr(self, "_cached_parent_obj", None)
        if parent is not None and self.number:
            twins = SessionPage.objects.child_of(parent).filter(number=self.number)
            if self.pk:
                twins = twins.exclude(pk=self.pk)
            if twins.exists():
                raise ValidationError({"number": "Khóa này đã có kỳ họp mang số này."})

    def status(self, today: datetime.date | None = None) -> str:
        """Upcoming, in session or closed: from the dates, never typed."""
        today = today or timezone.localdate()
        if today < self.opening_date:
            return SessionStatus.UPCOMING
        if today <= self.closing_date:
            return SessionStatus.IN_SESSION
        return SessionStatus.CLOSED

    @property
    def status_label(self) -> str:
        return SessionStatus(self.status()).label

    @property
    def label(self) -> str:
        """ "Kỳ họp thứ 14"."""
        return f"Kỳ họp thứ {self.number}"

    def social_image(self):
        return self.banner_image

    def route(self, request, path_components):
        # Every route below a session (documents, files, the ZIP) is gone with it.
        if is_expired(self) or not self.live:
            raise Http404("Không tìm thấy kỳ họp.")
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import session_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(session_overview(self))
        return context

    # --- routes ---------------------------------------------------------------

    @path("")
    def session(self, request):
        return self.render(request)

    @path("tai-lieu/<int:document_id>/")
    def document(self, request, document_id):
        from ..views import document_page

        return document_page(request, self, document_id)

    @path("tai-lieu/<int:document_id>/tep/<int:file_id>/")
    def file(self, request, document_id, file_id):
        from ..views import file_download

        return file_download(request, self, document_id, file_id)

    @path("tai-lieu/<int:document_id>/tep/<int:file_id>/ban-luu/")
    def archived_file(self, request, document_id, file_id):
        from ..views import file_download

        return file_download(request, self, document_id, file_id, archived=True)

    @path("tai-lieu/<int:document_id>/tep/<int:file_id>/xem/")
    def preview(self, request, document_id, file_id):
        from ..views import file_preview

        return file_preview(request, self, document_id, file_id)

    @path("tai-tat-ca/")
    def zip(self, request):
        from ..views import session_zip

        return session_zip(request, self)


class AgendaItem(Orderable):
    """One item of a session's agenda, in order; its documents point at it."""

    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField("Nội dung", max_length=500)
    presenter = models.CharField(
        "Cơ quan trình", max_length=255, blank=True, help_text="Ví dụ: UBND tỉnh."
    )

    panels = [FieldPanel("title"), FieldPanel("presenter")]

    class Meta(Orderable.Meta):
        verbose_name = "Nội dung chương trình"
        verbose_name_plural = "Chương trình kỳ họp"

    def __str__(self):
        page = getattr(self, "page", None)
        prefix = f"{page.title} – " if page is not None else ""
        return f"{prefix}{(self.sort_order or 0) + 1}. {self.title}"
