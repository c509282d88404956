"""The newsroom's automatic checks: everything an item must pass before review.

One list of problems, each a Vietnamese sentence saying what is wrong and
where: the publish checks (classification markings, ``publishing.py``) and the
subjects' submission checks (required metadata, alt text and captions), all read
from ``portal.core.registry``. The page editor shows them when an item is
submitted; the workflow's first step (``AutomaticChecksTask``) returns the item
with them, whatever route submitted it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from portal.core import registry

from .image_quality import quality_problems


def submission_problems(page) -> list[str]:
    problems = []
    for check in registry.publish_checks():
        try:
            check(page)
        except ValidationError as error:
            problems.extend(error.messages)
    for check in registry.submission_checks():
        problems.extend(check(page))
    problems.extend(quality_problems(page))
    return problems


def problems_comment(problems: list[str]) -> str:
    """The automatic step's comment to the author: every problem on its own line."""
    lines = [f"- {problem}" for problem in problems]
    return "Chưa qua kiểm tra tự động, cần sửa:\n" + "\n".join(lines)
