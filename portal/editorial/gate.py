"""The classification gate on uploads: a marked file is refused before it is stored.

Registered as an upload check (``portal.core.registry``) in ``EditorialConfig``;
every admin route that uploads an image or a document (add and edit views,
multiple upload, choosers) goes through it. The attempt is logged with who,
when, the file's name and size, the level and where it was found, never the
content.
A file stamped as declassified and nothing else is held for the head of the
board instead (``holding.py``).
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError

from .audit import record_refused_upload
from .classification import scan_file
from .holding import hold_upload

logger = logging.getLogger("portal.editorial.gate")


def refuse_classified_upload(
    file, title: str = "", user=None, collection=None, media: str | None = None
) -> None:
    """Refuses a marked or unreadable file; holds a file stamped as declassified only.

    ``media`` ("document" or "image") says the route can hold a new file: the file is
    then kept in the holding area (``holding.py``) and the uploader told it waits for
    the head of the board. A file that also carries a live marking is refused as any
    marked file; a route that cannot hold (a replaced file, an import) refuses it too.
    """
    file.seek(0)
    data = file.read()
    file.seek(0)
    result = scan_file(data, file.name or "", title=title or "")
    who = getattr(user, "get_username", lambda: "")() if user is not None else ""
    if result.level is not None:
        marking = next(m for m in result.markings if m.level == result.level)
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
        raise ValidationError(
            "Tệp mang dấu độ mật “%(level)s” (%(where)s). Tài liệu mật không được lưu trên "
            "cổng thông tin; bộ phận thư ký đã được ghi nhận lần tải lên này.",
            code="classified",
            params={"level": marking.level, "where": marking.where},
        )
    if result.unreadable:
        logger.info("upload refused: unreadable", extra={"user": who, "file_name": file.name})
        raise ValidationError(result.unreadable, code="unreadable")
    if result.declassified:
        marking = next(m for m in result.markings if m.is_declassified)
        if media is None:
            raise ValidationError(
                "Tệp mang dấu “đã giải mật” (%(where)s): cần Trưởng ban Biên tập xác nhận; "
                "hãy tải tệp lên như một tài liệu hoặc ảnh mới.",
                code="declassified",
                params={"where": marking.where},
            )
        held = hold_upload(data, file.name or "", title, user, collection, media, marking.where)
        logger.info(
            "declassified upload held",
            extra={"user": who, "file_name": file.name, "held_id": held.pk},
        )
        raise ValidationError(
            "Tệp “%(name)s” mang dấu “đã giải mật” (%(where)s) nên chưa được lưu vào thư "
            "viện: tệp đang chờ Trưởng ban Biên tập xác nhận. Bạn sẽ nhận thư báo khi "
            "Trưởng ban xác nhận hoặc từ chối.",
            code="held",
            params={"name": file.name, "where": marking.where},
        )
