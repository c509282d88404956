"""Vietnamese number and date formatting for templates.

``USE_THOUSAND_SEPARATOR`` stays False so that years, IDs and page numbers are
never grouped; counts and amounts are grouped explicitly with ``so``::

    {{ 490000|so }}                 → 490.000
    {{ article.updated_at|cap_nhat }} → Cập nhật lúc 14:05 ngày 10/01/2020
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import formats, numberformat, timezone

register = template.Library()

LANG = "vi"


def _local(value):
    """A datetime in the portal's time zone (Asia/Ho_Chi_Minh); dates unchanged."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            return timezone.localtime(value)
        return value
    return value


@register.filter
def so(value, decimal_pos=None):
    """Group thousands with a dot and use a decimal comma: 490000 → "490.000"."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    if not isinstance(value, int | float | Decimal):
        try:
            value = Decimal(str(value).strip())
        except (InvalidOperation, ValueError):
            return value
    if decimal_pos in (None, ""):
        decimal_pos = None
    else:
        try:
            decimal_pos = int(decimal_pos)
        except (TypeError, ValueError):
            decimal_pos = None
    if decimal_pos is not None and decimal_pos >= 0:
        # numberformat cuts extra digits off; round half up as people expect.
        value = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimal_pos), ROUND_HALF_UP)
    return numberformat.format(
        value,
        formats.get_format("DECIMAL_SEPARATOR", lang=LANG),
        decimal_pos=decimal_pos,
        grouping=formats.get_format("NUMBER_GROUPING", lang=LANG),
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR", lang=LANG),
        force_grouping=True,
        use_l10n=False,
    )


@register.filter
def ngay(value):
    """A date as dd/mm/yyyy (in the portal's time zone for datetimes)."""
    if not isinstance(value, date):
        return ""
    value = _local(value)
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


@register.filter
def gio(value):
    """A time as HH:MM in the portal's time zone."""
    if not isinstance(value, datetime):
        return ""
    value = _local(value)
    return f"{value.hour:02d}:{value.minute:02d}"


@register.filter
def gio_ngay(value):
    """ "14:05 ngày 10/01/2020"."""
    if not isinstance(value, datetime):
        return ngay(value)
    return f"{gio(value)} ngày {ngay(value)}"


@register.filter
def cap_nhat(value):
    """ "Cập nhật lúc 14:05 ngày 10/01/2020"."""
    if not isinstance(value, datetime):
        return ""
    return f"Cập nhật lúc {gio_ngay(value)}"


@register.filter
def iso(value):
    """Machine-readable value for a <time datetime="..."> attribute."""
    if isinstance(value, datetime):
        return _local(value).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return ""


@register.filter
def thoi_luong(value):
    """A duration in Vietnamese words: timedelta(minutes=90) → "1 giờ 30 phút"."""
    try:
        minutes = round(value.total_seconds() / 60)
    except AttributeError:
        return ""
    hours, minutes = divmod(max(0, minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} giờ")
    if minutes or not hours:
        parts.append(f"{minutes} phút")
    return " ".join(parts)
