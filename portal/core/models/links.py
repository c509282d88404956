from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel


def validate_link_address(value: str) -> None:
    """An address on this site ("/van-ban/") or on the web ("https://…")."""
    if value.startswith("/") and not value.startswith("//"):
        return
    if value.lower().startswith(("http://", "https://")) and len(value) > len("https://"):
        return
    raise ValidationError(
        "Địa chỉ phải bắt đầu bằng “/” (một trang của cổng) hoặc “https://” (trang ngoài)."
    )


class LinkFields(models.Model):
    """A link to a page of the portal (any type) or to an address: banners, quick links.

    ``href`` is the page's URL when a page is chosen, else the address. Lists of
    links go through ``portal.core.visibility`` so that a link to a page a visitor
    may not see is left out (``visible_links``).
    """

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Trang liên kết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.CharField(
        "Hoặc địa chỉ", max_length=500, blank=True, validators=[validate_link_address]
    )

    link_panels = [FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta:
        abstract = True

    @property
    def href(self) -> str:
        if self.link_page_id:
            return self.link_page.url or ""
        return self.link_url
