from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Footer information required by NĐ 42/2022 and related agencies' links."""

    portal_name = models.CharField(
        "Tên trang", max_length=255, default="Trang thông tin điện tử HĐND tỉnh Bắc Kạn"
    )
    governing_body = models.CharField(
        "Cơ quan chủ quản", max_length=255, default="Hội đồng nhân dân tỉnh Bắc Kạn"
    )
    responsible_person = models.CharField(
        "Người chịu trách nhiệm chính", max_length=255, blank=True
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=50, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    licence = models.CharField(
        "Giấy phép",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Giấy phép số .../GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày ...",
    )

    min_image_width = models.PositiveIntegerField(
        "Chiều rộng tối thiểu của ảnh chính (px)",
        default=1200,
        help_text="Tin bài có ảnh đại diện (thư viện ảnh: ảnh đầu tiên) hẹp hơn bị trả lại "
        "ở bước kiểm tra tự động. 0: không kiểm tra.",
    )

    panels = [
        FieldPanel("portal_name"),
        FieldPanel("min_image_width"),
        MultiFieldPanel(
            [
                FieldPanel("governing_body"),
                FieldPanel("responsible_person"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("licence"),
            ],
            heading="Thông tin chân trang (NĐ 42/2022/NĐ-CP)",
        ),
        InlinePanel("related_links", heading="Liên kết cơ quan liên quan", label="Liên kết"),
    ]

    class Meta:
        verbose_name = "Cấu hình trang"


class RelatedAgencyLink(Orderable):
    settings = ParentalKey(SiteSettings, related_name="related_links", on_delete=models.CASCADE)
    name = models.CharField("Tên cơ quan", max_length=255)
    url = models.URLField("Địa chỉ")

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "Liên kết cơ quan liên quan"

    def __str__(self):
        return self.name
