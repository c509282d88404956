"""The newsroom in the demo: every role at work, and items in every state of the
workflow, each with its reasons and comments.

The contributors get their sections (``grant_section``): the communes' contributors
write in "HĐND cấp xã", the delegate in "Tiếng nói người đại biểu nhân dân". Then a
few of the newest articles of those sections, written from their events like every
other (``specs``), are taken back to drafts owned by a contributor and sent through
"Quy trình duyệt tin bài" by the demo accounts, each to another state:

- a draft never submitted;
- returned by the automatic checks (its lead picture is the demo's 960 px one, below
  the site's minimum width);
- waiting for the secretariat;
- returned by the secretariat for a poor photo, with the reason and a comment;
- passed on by the secretariat and waiting for the board;
- rejected by the board as no longer topical;
- approved by the board and published again.

Lead pictures the checks must accept are the event's own picture at 1.280 px.
The workflow runs as it does for people (the same tasks, reasons, audit log); its
mails are not sent (the dummy mail backend, for the run only). Done once: a second
run finds the workflow's states and changes nothing, and the number of articles
stays what ``--articles`` says.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test.utils import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Workflow, WorkflowState
from wagtail.utils.file import hash_filelike

from portal.editorial.models import ReviewReason
from portal.editorial.sections import grant_section
from portal.news.models import ArticlePage

WORKFLOW = "Quy trình duyệt tin bài"
COPIES: list[int] = []  # the lead pictures made at LEAD_WIDTH in this run
LEAD_WIDTH = 1280

# username → the titles of the categories the account writes in
SECTIONS = {
    "ctv.babe": ("HĐND cấp xã",),
    "ctv.chomoi": ("HĐND cấp xã",),
    "daibieu.nganson": ("Tiếng nói người đại biểu nhân dân",),
}


@dataclass(frozen=True)
class Round:
    """One item's path: who wrote it, what happens to it, with which words."""

    author: str
    state: str  # draft, checks_returned, at_secretariat, returned, at_board, rejected, published
    reason: str = ""
    comment: str = ""
    pass_comment: str = ""


ROUNDS = (
    Round("ctv.babe", "draft"),
    Round("ctv.chomoi", "checks_returned"),
    Round("ctv.babe", "at_secretariat"),
    Round(
        "ctv.chomoi",
        "returned",
        reason="Ảnh chất lượng thấp",
        comment="Ảnh đại diện bị mờ, không rõ mặt đại biểu. Đề nghị thay ảnh chụp rõ nét hơn.",
    ),
    Round("daibieu.nganson", "at_board", pass_comment="Đã biên tập lại tít và sapo."),
    Round(
        "ctv.babe",
        "rejected",
        reason="Thiếu tính thời sự",
        comment="Sự kiện đã diễn ra quá hai tuần, tin không còn tính thời sự.",
        pass_comment="Nội dung đầy đủ, trình Ban Biên tập.",
    ),
    Round(
        "daibieu.nganson",
        "published",
        comment="Đồng ý đăng.",
        pass_comment="Bài viết tốt, đề nghị đăng trong tuần.",
    ),
)


def _sections(categories_by_title) -> dict:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=SECTIONS)}
    for username, titles in SECTIONS.items():
        for title in titles:
            if username in users and title in categories_by_title:
                grant_section(users[username], categories_by_title[title])
    return users


def _wider_copy(image, blurred: bool = False):
    """The same picture, LEAD_WIDTH px wide (blurred: out of focus), as a new image."""
    from PIL import ImageFilter

    with image.open_file() as file:
        picture = PILImage.open(file).convert("RGB")
        picture.load()
    height = round(picture.height * LEAD_WIDTH / picture.width)
    picture = picture.resize((LEAD_WIDTH, height), PILImage.Resampling.LANCZOS)
    if blurred:
        picture = picture.filter(ImageFilter.GaussianBlur(5))
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=88)
    jpeg = data.getvalue()
    name = f"{image.pk}-{LEAD_WIDTH}{'-mo' if blurred else ''}.jpg"
    copy = get_image_model()(
        title=image.title,
        description=image.description,
        collection=image.collection,
        uploaded_by_user=image.uploaded_by_user,
        width=LEAD_WIDTH,
        height=height,
        file_size=len(jpeg),
        file_hash=hash_filelike(io.BytesIO(jpeg)),
    )
    storage = copy._meta.get_field("file").storage
    copy.file.name = storage.save(copy.get_upload_to(name), ContentFile(jpeg))
    copy.width, copy.height = LEAD_WIDTH, height
    copy.save()
    copy.tags.add(*image.tags.names())
    COPIES.append(copy.pk)
    return copy


def _act(state, user, action, **kwargs):
    state.refresh_from_db()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, **kwargs)
    state.refresh_from_db()


def _reason(name):
    return ReviewReason.objects.get(name=name).pk


def _run(page, round_, users, workflow):
    author = users[round_.author]
    secretary, board = users["thuky"], users["truongban"]
    if round_.state not in ("draft", "checks_returned"):
        page.featured_image = _wider_copy(page.featured_image, blurred=round_.state == "returned")
    ArticlePage.objects.filter(pk=page.pk).update(owner=author)  # save_revision keeps the row
    page.owner = author
    page.save_revision(user=author)
    if round_.state == "draft":
        return
    workflow.start(page, author)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    if round_.state in ("checks_returned", "at_secretariat"):
        return
    if round_.state == "returned":
        _act(state, secretary, "reject", reason=_reason(round_.reason), comment=round_.comment)
        return
    _act(state, secretary, "approve", comment=round_.pass_comment)
    if round_.state == "at_board":
        return
    if round_.state == "rejected":
        _act(state, board, "reject", reason=_reason(round_.reason), comment=round_.comment)
        return
    _act(state, board, "approve", comment=round_.comment)


def newsroom_demo(categories_by_title) -> tuple[int, int]:
    """Sections for the contributors and the items of ``ROUNDS``: the number of items
    sent through the workflow and of pictures made for them (0, 0 when done before)."""
    COPIES.clear()
    users = _sections(categories_by_title)
    reviewers = get_user_model().objects.filter(username__in=("thuky", "truongban"))
    users.update({user.username: user for user in reviewers})
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    needed = {round_.author for round_ in ROUNDS} | {"thuky", "truongban"}
    if workflow is None or not needed <= users.keys():
        return 0, 0
    owners = [users[name].pk for name in SECTIONS if name in users]
    if ArticlePage.objects.filter(owner_id__in=owners).exists():
        return 0, 0  # done before
    taken = []
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        with transaction.atomic():
            for round_ in ROUNDS:
                title = SECTIONS[round_.author][0]
                category = categories_by_title.get(title)
                if category is None:
                    continue
                page = (
                    ArticlePage.objects.live()
                    .child_of(category)
                    .exclude(pk__in=taken)
                    .exclude(featured_image=None)
                    .order_by("-first_published_at", "-pk")
                    .first()
                )
                if page is None:
                    continue
                taken.append(page.pk)
                page.unpublish()
                page = ArticlePage.objects.get(pk=page.pk)
                _run(page, round_, users, workflow)
    return len(taken), len(COPIES)
