"""The scans are read by Debian's Tesseract with its Vietnamese data: installed here
on a Debian machine run as root when missing, else the tests fail saying how."""

import shutil
import subprocess

import pytest

from portal.core.testing import install_debian_packages

PACKAGES = ("tesseract-ocr", "tesseract-ocr-vie")


def _has_vietnamese_ocr() -> bool:
    if not shutil.which("tesseract"):
        return False
    languages = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False
    )
    return "vie" in languages.stdout.split()


@pytest.fixture(scope="session", autouse=True)
def vietnamese_ocr():
    if not _has_vietnamese_ocr():
        install_debian_packages(*PACKAGES)
    if not _has_vietnamese_ocr():
        pytest.fail(
            "Tesseract with Vietnamese data is missing: `sudo apt-get install "
            "tesseract-ocr tesseract-ocr-vie` (or set TESSERACT_PATH).",
            pytrace=False,
        )


def member(role, username):
    """A user in one of the newsroom's role groups."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, password="Mat-khau-dai-2026!")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def people(category):
    """An author who writes in ``category``, a secretary and a board member."""
    from portal.editorial.sections import grant_section

    author = member("Cộng tác viên", "ctv-cho-moi")
    grant_section(author, category)
    return {
        "author": author,
        "secretary": member("Thư ký", "thu-ky"),
        "board": member("Ban Biên tập", "ban-bien-tap"),
    }
