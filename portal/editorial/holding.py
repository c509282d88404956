"""Files stamped as declassified, held until the head of the Editorial Board confirms them.

A file whose only markings are "GIẢI MẬT" / "ĐÃ GIẢI MẬT" is neither refused nor
stored as a document or image (``gate.py``): it goes into the holding area, a
``HeldUpload`` row with its file in the storage ``STORAGES["held_uploads"]``. That
storage is not the media storage: its folder is outside ``MEDIA_ROOT`` (so neither
``/media/…``, ``/documents/<id>/<name>`` nor an image rendition can ever point at it;
no Document or Image row exists while the file is held) and it has no URL at all
(``storage.HeldFileStorage.url`` raises). The only way to the bytes is the head's own admin
view (``views.held_upload_file``).

The head of the board is whoever belongs to the group **"Trưởng ban Biên tập"** (data
migration ``editorial.0006``; administrators change its members in *Cài đặt › Người
dùng*). The head sees the queue *Tài liệu giải mật chờ xác nhận* and:

- confirms: the file becomes a normal Wagtail document or image, in the collection the
  uploader chose, owned by the uploader (a picture re-encoded as every upload is,
  ``portal.core.uploads``);
- refuses: the file is deleted from the holding storage.

Holding, confirming and refusing each go on Wagtail's audit log against the held
upload (who, when, file name, size, where the stamp was found); the heads are mailed
when a file waits, the uploader when it is decided.
"""

from __future__ import annotations

import io
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection

from portal.core.uploads import REENCODED_FORMATS, format_file_size, reencode_image

from .models import HeldUpload

logger = logging.getLogger(__name__)

HEAD_GROUP = "Trưởng ban Biên tập"
ACTION_HELD = "portal.declassified.held"
ACTION_CONFIRMED = "portal.declassified.confirmed"
ACTION_REFUSED = "portal.declassified.refused"
LOG_ACTIONS = (
    (ACTION_HELD, "Giữ tệp giải mật chờ xác nhận", "Tệp mang dấu giải mật chờ Trưởng ban xác nhận"),
    (ACTION_CONFIRMED, "Xác nhận tài liệu giải mật", "Trưởng ban đã xác nhận tệp giải mật"),
    (ACTION_REFUSED, "Từ chối tài liệu giải mật", "Trưởng ban đã từ chối tệp giải mật"),
)
SUBJECT_PREFIX = "[Cổng TTĐT HĐND] "


# --- who ----------------------------------------------------------------------------


def is_board_head(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.groups.filter(name=HEAD_GROUP).exists()
    )


def board_heads():
    return get_user_model().objects.filter(groups__name=HEAD_GROUP, is_active=True).distinct()


def make_board_head(user) -> None:
    """``user`` becomes a head of the board (``load_demo``; administrators use the admin)."""
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=HEAD_GROUP))


# --- holding, confirming, refusing -----------------------------------------------------


def _details(held: HeldUpload) -> dict:
    return {
        "file_name": held.file_name,
        "size": held.size,
        "where": held.where,
        "kind": held.kind,
        "uploaded_by": held.uploaded_by.get_username() if held.uploaded_by else "",
    }


def hold_upload(data: bytes, file_name: str, title: str, user, collection, kind: str, where: str):
    """The file goes into the holding area; the heads are told. The same file sent
    again by the same person while it waits (a form sent back for another field) is
    held once."""
    uploader = user if getattr(user, "pk", None) else None
    waiting = HeldUpload.objects.filter(
        status=HeldUpload.PENDING, uploaded_by=uploader, file_name=file_name[:255], size=len(data)
    ).first()
    if waiting is not None:
        with waiting.file.open("rb") as stored:
            if stored.read() == data:
                return waiting
    held = HeldUpload(
        kind=kind,
        file_name=file_name[:255],
        size=len(data),
        title=(title or file_name)[:255],
        collection=collection if isinstance(collection, Collection) else None,
        where=where[:255],
        uploaded_by=uploader,
    )
    held.file.save("held", ContentFile(data), save=False)
    held.save()
    log(instance=held, action=ACTION_HELD, user=held.uploaded_by, data=_details(held))
    _mail(
        "declassified_held",
        f"Tệp giải mật chờ xác nhận: {held.file_name}",
        held,
        list(board_heads()),
        queue_url=_admin_url(reverse("portal_held_uploads")),
    )
    return held


def _pending(held_pk: int) -> HeldUpload:
    held = HeldUpload.objects.select_for_update().get(pk=held_pk)
    if held.status != HeldUpload.PENDING:
        raise HeldUpload.DoesNotExist("đã được quyết định")
    return held


def _check_head(user) -> None:
    from django.core.exceptions import PermissionDenied

    if not is_board_head(user):
        raise PermissionDenied("Chỉ Trưởng ban Biên tập xác nhận tài liệu giải mật.")


def confirm_held_upload(held: HeldUpload, user, comment: str = ""):
    """The held file becomes a Wagtail document or image in the intended collection."""
    _check_head(user)
    with transaction.atomic():
        held = _pending(held.pk)
        with held.file.open("rb") as source:
            data = source.read()
        collection = held.collection or Collection.get_first_root_node()
        if held.kind == HeldUpload.IMAGE:
            obj = _image(held, data, collection)
        else:
            obj = get_document_model()(
                title=held.title, collection=collection, uploaded_by_user=held.uploaded_by
            )
            obj.file.save(held.file_name, ContentFile(data), save=False)
            obj._set_document_file_metadata()
            obj.save()
        log(instance=obj, action="wagtail.create", user=user)
        held.status = HeldUpload.CONFIRMED
        held.decided_by, held.decided_at, held.comment = user, timezone.now(), comment
        held.object_id = obj.pk
        stored = held.file.name
        held.file = ""
        held.save()
        log(
            instance=held,
            action=ACTION_CONFIRMED,
            user=user,
            data={**_details(held), "object_id": obj.pk, "comment": comment},
        )
        transaction.on_commit(lambda: HeldUpload.file.field.storage.delete(stored))
    _mail(
        "declassified_confirmed",
        f"Tệp giải mật đã được xác nhận: {held.file_name}",
        held,
        [held.uploaded_by],
        acting_user=user,
        object_url=_admin_url(_edit_url(held)),
    )
    return obj


def _image(held: HeldUpload, data: bytes, collection):
    from willow.image import Image as WillowImage

    kind = WillowImage.open(io.BytesIO(data)).format_name
    if kind in REENCODED_FORMATS:
        data = reencode_image(data)
    image = get_image_model()(
        title=held.title, collection=collection, uploaded_by_user=held.uploaded_by
    )
    image.file.save(held.file_name, ImageFile(io.BytesIO(data), name=held.file_name), save=False)
    image._set_image_file_metadata()
    image.save()
    return image


def refuse_held_upload(held: HeldUpload, user, comment: str = "") -> None:
    """The held file is deleted from storage; the row keeps the decision."""
    _check_head(user)
    with transaction.atomic():
        held = _pending(held.pk)
        stored = held.file.name
        held.status = HeldUpload.REFUSED
        held.decided_by, held.decided_at, held.comment = user, timezone.now(), comment
        held.file = ""
        held.save()
        log(
            instance=held,
            action=ACTION_REFUSED,
            user=user,
            data={**_details(held), "comment": comment},
        )
        if stored:
            transaction.on_commit(lambda: HeldUpload.file.field.storage.delete(stored))
    _mail(
        "declassified_refused",
        f"Tệp giải mật không được chấp nhận: {held.file_name}",
        held,
        [held.uploaded_by],
        acting_user=user,
    )


# --- mail ----------------------------------------------------------------------------


def _admin_url(path: str) -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def _edit_url(held: HeldUpload) -> str:
    if held.kind == HeldUpload.IMAGE:
        return reverse("wagtailimages:edit", args=[held.object_id])
    return reverse("wagtaildocs:edit", args=[held.object_id])


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _mail(template: str, subject: str, held: HeldUpload, users, acting_user=None, **extra):
    recipients = [
        user
        for user in users
        if user is not None
        and user.is_active
        and user.email
        and (acting_user is None or user.pk != acting_user.pk)
    ]
    if not recipients:
        return 0
    context = {
        "held": held,
        "size": format_file_size(held.size),
        "kind": held.get_kind_display().lower(),
        "uploader": _name(held.uploaded_by) or "không rõ",
        "decided_by": _name(held.decided_by),
        **extra,
    }
    messages = [
        EmailMessage(
            subject=(SUBJECT_PREFIX + subject)[:200],
            body=render_to_string(
                f"editorial/mail/{template}.txt", {**context, "recipient": _name(user)}
            ).strip()
            + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
        for user in recipients
    ]
    try:
        with get_connection() as connection:
            return connection.send_messages(messages) or 0
    except Exception:  # noqa: BLE001 - the decision stands whether or not mail leaves
        logger.exception("declassified notice not sent", extra={"template": template})
        return 0
