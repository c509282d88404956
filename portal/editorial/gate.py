"""The classification gate on uploads: a marked file is refused before it is stored.

Registered as an upload check (``portal.core.registry``) in ``EditorialConfig``;
every admin route that uploads an image or a document (add and edit views,
multiple upload, choosers) goes through it. The attempt is logged with who,
when, the file's name and size, the level and where it was found, never the
content.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError

from .audit import record_refused_upload
from .classification import scan_file

logger = logging.getLogger("portal.editorial.gate")


def refuse_classified_upload(file, title: str = "", user=None) -> None:
    file.seek(0)
    data = file.read()
    file.seek(0)
    result = scan_file(data, file.name or "", title=title or "")
    who = getattr(user, "get_username", lambda: "")() if user is not None else ""
    if result.markings:
        marking = next((m for m in result.markings if m.level == result.level), result.markings[0])
        logger.warning(
            "classified upload refused",
            extra={
                "user": who,
                "file_name": file.name,
                "size": len(data),
                "level": marking.level,
                "where": marking.where,
            },
        )
        record_refused_upload(user, file.name or "", len(data), marking.level, marking.where)
        if result.declassified:
            raise ValidationError(
                "Tệp mang dấu “đã giải mật” (%(where)s): cần Trưởng ban Biên tập xác nhận "
                "trước khi tải lên.",
                code="declassified",
                params={"where": marking.where},
            )
        raise ValidationError(
            "Tệp mang dấu độ mật “%(level)s” (%(where)s). Tài liệu mật không được lưu trên "
            "cổng thông tin; bộ phận thư ký đã được ghi nhận lần tải lên này.",
            code="classified",
            params={"level": marking.level, "where": marking.where},
        )
    if result.unreadable:
        logger.info("upload refused: unreadable", extra={"user": who, "file_name": file.name})
        raise ValidationError(result.unreadable, code="unreadable")
