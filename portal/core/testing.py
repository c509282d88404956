"""Helpers for tests (imported by test modules only)."""

import pytest
from django.db import transaction


def built_once(build):
    """A module-scoped fixture: ``build()`` runs once, inside a transaction
    rolled back after the module's last test.

    Tests using it must also request ``db``: each then runs in its own
    savepoint, so one test's writes never reach the next. For read-only checks
    over a costly page tree (leak and bad-input sweeps).
    """

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    return fixture


def install_debian_packages(*packages: str) -> bool:
    """Install Debian packages when this is a Debian machine run as root (a fresh CI
    or developer machine); returns whether it tried."""
    import os
    import shutil
    import subprocess
    from pathlib import Path

    if not (Path("/etc/debian_version").exists() and shutil.which("apt-get")):
        return False
    if os.geteuid() != 0:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)
    return True
