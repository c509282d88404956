"""Fixtures shared by every test: the page tree a real portal has, and signed-in
test clients that have passed two-factor sign-in."""

import pytest
from django.core.cache import cache
from django.test.client import ClientMixin


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(request, monkeypatch):
    """``client.force_login(user)`` stands for a finished sign-in, second factor
    included, as it did before the admin asked for one: the session is verified by
    a django-otp static device of the user's that holds no code (so it verifies
    nothing else and does not count as an enrolled app). The requirement itself
    stays on (config/settings/test.py); tests marked ``two_factor`` get Django's own
    force_login, which leaves the session unverified as a password sign-in does."""
    if request.node.get_closest_marker("two_factor"):
        return
    original = ClientMixin.force_login

    def force_login(self, user, backend=None):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_static.models import StaticDevice

        original(self, user, backend)
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name="force_login (tests)", defaults={"confirmed": True}
        )
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


@pytest.fixture
def home(db):
    from portal.home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def news_index(home):
    from portal.news.factories import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def category(news_index):
    from portal.news.factories import NewsCategoryPageFactory

    return NewsCategoryPageFactory(parent=news_index, title="Thường trực HĐND")


@pytest.fixture
def other_category(news_index):
    from portal.news.factories import NewsCategoryPageFactory

    return NewsCategoryPageFactory(parent=news_index, title="Các Ban HĐND")
