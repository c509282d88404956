"""The people of the council as pages: the "Đại biểu" section, its bodies (Thường trực,
the committees, the delegate groups, the National Assembly delegation) and its
delegates, each delegate with the posts held in the bodies, from and to a date.

Delegates and bodies are pages, so Wagtail gives them revisions, the moderation
workflow, view restrictions and their URLs; what a visitor may see of them is
``portal.core.visibility``'s rule, as for every page.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.core import registry
from portal.core.models import BasePage

from .choices import ROLES_OF_KIND, BodyKind, Gender, MembershipRole

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PeopleIndexPage(BasePage):
    """ "Đại biểu": a section of the main navigation, the bodies and delegates below."""

    intro = RichTextField("Giới thiệu", blank=True, features=TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["people.BodyPage", "people.DelegatePage"]
    max_count_per_parent = 1
    template = "people/people_index_page.html"

    class Meta:
        verbose_name = "Trang đại biểu"
        verbose_name_plural = "Trang đại biểu"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import delegate_directory

        context = super().get_context(request, *args, **kwargs)
        context.update(delegate_directory(self, request.GET))
        return context


class BodyPage(BasePage):
    """A body of the council: the Standing Committee, a committee (Ban), a delegate group
    (Tổ đại biểu) or the National Assembly delegation; its members are the delegates'
    memberships that point at it."""

    kind = models.CharField("Loại cơ quan", max_length=16, choices=BodyKind.choices)
    duties = RichTextField(
        "Chức năng, nhiệm vụ",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Theo Luật Tổ chức chính quyền địa phương và quy chế hoạt động.",
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=40, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    news_category = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Chuyên mục tin hoạt động",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Trang cơ quan hiển thị các tin mới nhất của chuyên mục này.",
    )
    news_phrase = models.CharField(
        "Chỉ lấy tin có tiêu đề chứa",
        max_length=100,
        blank=True,
        help_text="Khi nhiều cơ quan chung một chuyên mục, ví dụ: “Ban Pháp chế”.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("duties"),
        MultiFieldPanel(
            [FieldPanel("news_category"), FieldPanel("news_phrase")], heading="Tin hoạt động"
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
            heading="Liên hệ",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("duties")]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    template = "people/body_page.html"

    class Meta:
        verbose_name = "Cơ quan của HĐND"
        verbose_name_plural = "Cơ quan của HĐND"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import body_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(body_overview(self))
        context["subject_blocks"] = registry.page_blocks(self, timezone.localdate())
        return context


class DelegatePage(BasePage):
    """A delegate (đại biểu HĐND tỉnh): the title is the full name."""

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh chân dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        "Mô tả ảnh (alt)", max_length=255, blank=True, help_text="Để trống: “Ảnh đại biểu <tên>”."
    )
    gender = models.CharField("Giới tính", max_length=8, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField("Năm sinh", null=True, blank=True)
    ethnicity = models.CharField("Dân tộc", max_length=40, blank=True)
    education = models.CharField("Trình độ chuyên môn", max_length=255, blank=True)
    position = models.CharField(
        "Chức vụ, nơi công tác",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Phó Giám đốc Sở Y tế tỉnh.",
    )
    terms = ParentalManyToManyField(
        "council.TermPage", verbose_name="Đại biểu các khóa", related_name="delegates", blank=True
    )
    constituency = models.ForeignKey(
        "people.Constituency",
        verbose_name="Đơn vị bầu cử",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegates",
    )
    biography = RichTextField("Tiểu sử", blank=True, features=TEXT_FEATURES)
    contact_email = models.EmailField(
        "Thư điện tử", blank=True, help_text="Địa chỉ công dân dùng để gửi ý kiến, kiến nghị."
    )
    contact_phone = models.CharField("Điện thoại", max_length=40, blank=True)
    contact_address = models.CharField(
        "Địa chỉ liên hệ", max_length=255, blank=True, help_text="Nơi công dân gửi thư."
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt")]),
                FieldRowPanel(
                    [FieldPanel("gender"), FieldPanel("birth_year"), FieldPanel("ethnicity")]
                ),
                FieldPanel("education"),
                FieldPanel("position"),
            ],
            heading="Thông tin đại biểu",
        ),
        MultiFieldPanel(
            [FieldPanel("terms"), FieldPanel("constituency")], heading="Nhiệm kỳ và đơn vị bầu cử"
        ),
        InlinePanel("memberships", heading="Chức vụ trong các cơ quan", label="Chức vụ"),
        FieldPanel("biography"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_address"),
            ],
            heading="Liên hệ của công dân",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("position"),
        index.SearchField("biography"),
    ]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    template = "people/delegate_page.html"

    class Meta:
        verbose_name = "Đại biểu"
        verbose_name_plural = "Đại biểu"

    @property
    def photo_description(self) -> str:
        return self.photo_alt or f"Ảnh đại biểu {self.title}"

    @property
    def initials(self) -> str:
        words = self.title.split()
        return "".join(w[0] for w in words[-2:]).upper() if words else ""

    def social_image(self):
        return self.photo

    def clean(self):
        super().clean()
        this_year = timezone.localdate().year
        if self.birth_year is not None and not this_year - 100 <= self.birth_year <= this_year - 18:
            raise ValidationError(
                {
                    "birth_year": f"Năm sinh phải từ {this_year - 100} đến {this_year - 18} "
                    "(đại biểu đủ 18 tuổi)."
                }
            )

    def get_context(self, request, *args, **kwargs):
        from ..selectors import delegate_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(delegate_overview(self))
        context["subject_blocks"] = registry.page_blocks(self, timezone.localdate())
        return context


class Membership(Orderable):
    """A post a delegate holds in a body, from a day to a day (to the end of the term when
    it has no end), in the manner of Open Civic Data's Membership."""

    page = ParentalKey(DelegatePage, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(
        BodyPage, verbose_name="Cơ quan", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("Chức vụ", max_length=24, choices=MembershipRole.choices)
    start_date = models.DateField("Từ ngày", null=True, blank=True)
    end_date = models.DateField(
        "Đến ngày", null=True, blank=True, help_text="Để trống nếu còn giữ chức vụ."
    )

    panels = [
        FieldRowPanel([FieldPanel("body"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Chức vụ"
        verbose_name_plural = "Chức vụ trong các cơ quan"

    def __str__(self):
        return f"{self.get_role_display()} {self.body.title}" if self.body_id else self.role

    @property
    def title(self) -> str:
        """ "Trưởng Ban Pháp chế HĐND tỉnh", "Thành viên Tổ đại biểu huyện Ba Bể"."""
        if not self.body_id:
            return self.get_role_display()
        body = self.body.title
        role = self.get_role_display()
        if self.role == MembershipRole.NA_DELEGATE:
            return f"{role} ({body})"
        if self.body.kind == BodyKind.STANDING:  # "Chủ tịch HĐND tỉnh"
            return f"{role} {body.removeprefix('Thường trực ')}"
        # "Trưởng ban" of "Ban Pháp chế HĐND tỉnh": "Trưởng Ban Pháp chế HĐND tỉnh".
        for word in (" ban", " đoàn"):
            role = role.removesuffix(word)
        return f"{role} {body}"

    def is_current(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Ngày kết thúc không được trước ngày bắt đầu."})
        if self.body_id and self.role:
            allowed = ROLES_OF_KIND.get(BodyKind(self.body.kind), ())
            if allowed and self.role not in allowed:
                labels = ", ".join(MembershipRole(r).label.lower() for r in allowed)
                raise ValidationError(
                    {
                        "role": f"{self.body.title} có các chức vụ: {labels}; "
                        f"không có “{self.get_role_display().lower()}”."
                    }
                )
