"""Supervision and surveys (giám sát, khảo sát): each activity is a page under the
section "Giám sát, khảo sát", with its plan (decision, members, timetable), its result
report and its recommendations one by one; each recommendation has the agency that must
act, a due date and the follow-up timeline — what the agency reported doing, with the
body's assessment. Statuses are computed from dates, the report and the assessments,
never typed: a recommendation past its due date and not assessed done is overdue
without anyone touching it.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.models import BasePage

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class SupervisionKind(models.TextChoices):
    THEMATIC = "giam-sat-chuyen-de", "Giám sát chuyên đề"
    SURVEY = "khao-sat", "Khảo sát"
    AT_SESSION = "giam-sat-tai-ky-hop", "Giám sát tại kỳ họp"
    EXPLANATION = "phien-giai-trinh", "Phiên giải trình"


class SupervisionStatus(models.TextChoices):
    PLANNED = "ke-hoach", "Theo kế hoạch"
    UNDER_WAY = "dang-tien-hanh", "Đang tiến hành"
    REPORTED = "da-bao-cao", "Đã có báo cáo"
    FOLLOW_UP = "dang-theo-doi", "Đang theo dõi kiến nghị"
    CLOSED = "ket-thuc", "Đã kết thúc"


class Assessment(models.TextChoices):
    DONE = "da-thuc-hien", "Đã thực hiện"
    IN_PROGRESS = "dang-thuc-hien", "Đang thực hiện"
    NOT_DONE = "chua-thuc-hien", "Chưa thực hiện"


class RecommendationStatus(models.TextChoices):
    DONE = "da-thuc-hien", "Đã thực hiện"
    IN_PROGRESS = "dang-thuc-hien", "Đang thực hiện"
    NOT_DONE = "chua-thuc-hien", "Chưa thực hiện"
    AWAITING = "chua-co-bao-cao", "Chưa có báo cáo"
    OVERDUE = "qua-han", "Quá hạn"


def _document(verbose_name):
    return models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class SupervisionIndexPage(RoutablePageMixin, BasePage):
    """ "Giám sát, khảo sát": the activities with filters; ``chuong-trinh/<năm>/`` the
    year's programme as one view."""

    intro = RichTextField("Giới thiệu", blank=True, features=TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["oversight.SupervisionPage"]
    max_count_per_parent = 1
    template = "oversight/supervision_index_page.html"

    class Meta:
        verbose_name = "Trang giám sát, khảo sát"
        verbose_name_plural = "Trang giám sát, khảo sát"

    @path("", name="list")
    def listing(self, request):
        from ..supervision_selectors import activity_listing

        return self.render(request, context_overrides=activity_listing(self, request.GET))

    @path("chuong-trinh/<int:year>/", name="programme")
    def programme(self, request, year):
        from django.http import Http404

        from ..supervision_selectors import year_programme

        if not 2000 <= year <= 2100:
            raise Http404("Năm không hợp lệ.")
        return self.render(
            request,
            context_overrides=year_programme(self, year),
            template="oversight/supervision_programme.html",
        )


class SupervisionPage(BasePage):
    """One supervision or survey activity. The title is its subject ("Giám sát việc thực
    hiện chính sách hỗ trợ phát triển sản xuất nông nghiệp")."""

    body = models.ForeignKey(
        "people.BodyPage",
        verbose_name="Cơ quan tiến hành",
        on_delete=models.PROTECT,
        related_name="supervisions",
    )
    kind = models.CharField("Hình thức", max_length=24, choices=SupervisionKind.choices)
    agencies = models.TextField(
        "Cơ quan, đơn vị chịu sự giám sát", help_text="Mỗi cơ quan một dòng."
    )
    decision_number = models.CharField("Số quyết định / kế hoạch", max_length=64, blank=True)
    decision_date = models.DateField("Ngày quyết định", null=True, blank=True)
    decision = _document("Quyết định, kế hoạch")
    start_date = models.DateField("Bắt đầu")
    end_date = models.DateField("Kết thúc (dự kiến)")
    summary = RichTextField("Nội dung, mục đích", blank=True, features=TEXT_FEATURES)
    report = _document("Báo cáo kết quả")
    report_date = models.DateField("Ngày báo cáo", null=True, blank=True)
    closed_on = models.DateField(
        "Ngày kết thúc theo dõi",
        null=True,
        blank=True,
        help_text="Khi cơ quan giám sát kết thúc việc theo dõi các kiến nghị.",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("body"), FieldPanel("kind")]),
                FieldPanel("agencies"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("summary"),
            ],
            heading="Hoạt động",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
                FieldPanel("decision"),
            ],
            heading="Quyết định, kế hoạch",
        ),
        InlinePanel("members", heading="Thành phần đoàn", label="Thành viên"),
        InlinePanel("steps", heading="Lịch trình", label="Hoạt động"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("report"), FieldPanel("report_date")]),
                FieldPanel("closed_on"),
            ],
            heading="Kết quả",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("agencies"),
        index.SearchField("summary"),
    ]
    parent_page_types = ["oversight.SupervisionIndexPage"]
    subpage_types = []
    template = "oversight/supervision_page.html"

    class Meta:
        verbose_name = "Hoạt động giám sát, khảo sát"
        verbose_name_plural = "Hoạt động giám sát, khảo sát"

    @property
    def agency_list(self) -> list[str]:
        return [line.strip() for line in (self.agencies or "").splitlines() if line.strip()]

    def status(self, today: datetime.date | None = None, recommendations=None) -> str:
        """From the dates, the report and the recommendations' assessments."""
        today = today or timezone.localdate()
        if self.closed_on and self.closed_on <= today:
            return SupervisionStatus.CLOSED
        if self.report_id:
            items = self.recommendations.all() if recommendations is None else recommendations
            if any(item.status(today) != RecommendationStatus.DONE for item in items):
                return SupervisionStatus.FOLLOW_UP
            return SupervisionStatus.REPORTED
        if today < self.start_date:
            return SupervisionStatus.PLANNED
        return SupervisionStatus.UNDER_WAY

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "Ngày kết thúc không được trước ngày bắt đầu."
        if self.decision_date and self.start_date and self.decision_date > self.start_date:
            errors["decision_date"] = "Quyết định phải có trước ngày bắt đầu giám sát."
        if self.report_date and self.start_date and self.report_date < self.start_date:
            errors["report_date"] = "Ngày báo cáo không được trước ngày bắt đầu giám sát."
        if self.report_date and not self.report_id:
            errors["report"] = "Chọn tệp báo cáo kết quả cho ngày báo cáo đã nhập."
        if self.closed_on and not self.report_id:
            errors["closed_on"] = "Chỉ kết thúc theo dõi khi đã có báo cáo kết quả."
        if not self.agency_list:
            errors["agencies"] = "Nhập ít nhất một cơ quan, đơn vị chịu sự giám sát."
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..supervision_selectors import activity_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(activity_overview(self))
        return context


class SupervisionMember(Orderable):
    page = ParentalKey(SupervisionPage, on_delete=models.CASCADE, related_name="members")
    delegate = models.ForeignKey(
        "people.DelegatePage",
        verbose_name="Đại biểu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervision_memberships",
    )
    name = models.CharField("Họ tên (nếu không phải đại biểu)", max_length=255, blank=True)
    role = models.CharField("Nhiệm vụ trong đoàn", max_length=100, default="Thành viên")

    panels = [FieldRowPanel([FieldPanel("delegate"), FieldPanel("name")]), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "Thành viên đoàn"
        verbose_name_plural = "Thành phần đoàn"

    def clean(self):
        super().clean()
        if not self.delegate_id and not (self.name or "").strip():
            raise ValidationError({"name": "Chọn một đại biểu hoặc nhập họ tên thành viên."})


class SupervisionStep(Orderable):
    page = ParentalKey(SupervisionPage, on_delete=models.CASCADE, related_name="steps")
    date = models.DateField("Ngày")
    activity = models.CharField("Hoạt động", max_length=255)
    place = models.CharField("Địa điểm", max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("place")]), FieldPanel("activity")]

    class Meta(Orderable.Meta):
        verbose_name = "Hoạt động trong lịch trình"
        verbose_name_plural = "Lịch trình"


class Recommendation(ClusterableModel):
    """One recommendation of a result report, with its follow-up timeline."""

    activity = models.ForeignKey(
        SupervisionPage,
        verbose_name="Hoạt động giám sát",
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    number = models.PositiveSmallIntegerField("Kiến nghị số")
    text = models.TextField("Nội dung kiến nghị")
    agency = models.CharField("Cơ quan chịu trách nhiệm", max_length=255)
    due_date = models.DateField("Thời hạn thực hiện")

    panels = [
        FieldPanel("activity"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("due_date")]),
        FieldPanel("agency"),
        FieldPanel("text"),
        InlinePanel("follow_ups", heading="Theo dõi thực hiện", label="Lần báo cáo"),
    ]

    class Meta:
        verbose_name = "Kiến nghị giám sát"
        verbose_name_plural = "Kiến nghị giám sát"
        ordering = ["activity", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "number"], name="oversight_recommendation_no"
            )
        ]

    def __str__(self):
        return f"Kiến nghị {self.number}: {self.text[:80]}"

    def latest_assessment(self):
        entries = [f for f in self.follow_ups.all() if f.assessment]
        return max(entries, key=lambda f: (f.date, f.pk or 0)) if entries else None

    def status(self, today: datetime.date | None = None) -> str:
        today = today or timezone.localdate()
        latest = self.latest_assessment()
        if latest is not None and latest.assessment == Assessment.DONE:
            return RecommendationStatus.DONE
        if self.due_date and self.due_date < today:
            return RecommendationStatus.OVERDUE
        if latest is None:
            return RecommendationStatus.AWAITING
        return latest.assessment

    def status_label(self, today=None) -> str:
        return RecommendationStatus(self.status(today)).label

    def clean(self):
        super().clean()
        if self.activity_id and self.number:
            twins = Recommendation.objects.filter(activity_id=self.activity_id, number=self.number)
            if self.pk:
                twins = twins.exclude(pk=self.pk)
            if twins.exists():
                raise ValidationError({"number": "Hoạt động này đã có kiến nghị mang số này."})
        if self.activity_id and self.due_date:
            report_date = self.activity.report_date
            if report_date and self.due_date < report_date:
                raise ValidationError(
                    {"due_date": "Thời hạn thực hiện không được trước ngày báo cáo kết quả."}
                )


class FollowUp(Orderable):
    """What the agency reported doing on a day, and the body's assessment of it."""

    recommendation = ParentalKey(
        Recommendation, on_delete=models.CASCADE, related_name="follow_ups"
    )
    date = models.DateField("Ngày báo cáo")
    action = models.TextField("Cơ quan báo cáo đã thực hiện")
    document = _document("Văn bản báo cáo")
    assessment = models.CharField(
        "Đánh giá của cơ quan giám sát", max_length=24, choices=Assessment.choices, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("assessment")]),
        FieldPanel("action"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Lần báo cáo thực hiện"
        verbose_name_plural = "Theo dõi thực hiện"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "Ngày báo cáo không được sau hôm nay."})
