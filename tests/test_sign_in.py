"""Failed sign-ins are throttled (django-axes): an account, and an address, are
locked after AXES_FAILURE_LIMIT failures, with a Vietnamese page; the lockout
holds even with the right password."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-dung-2020"


@pytest.fixture
def secretary(django_user_model):
    return django_user_model.objects.create_superuser("thuky", "tk@example.vn", PASSWORD)


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_an_account_is_locked_after_repeated_failures(client, secretary):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "thuky", "sai", address="10.0.0.1").status_code == 200
    assert sign_in(client, "thuky", "sai", address="10.0.0.1").status_code == 429  # the limit
    response = sign_in(client, "thuky", PASSWORD, address="10.0.0.2")  # another address
    assert response.status_code == 429
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page and "trong 15 phút" in page
    assert "_auth_user_id" not in client.session


def test_an_address_is_locked_after_failures_on_many_accounts(client, secretary):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"nguoi-{number}", "sai", address="10.0.0.9")
    assert sign_in(client, "thuky", PASSWORD, address="10.0.0.9").status_code == 429
    response = sign_in(client, "thuky", PASSWORD, address="10.0.0.10")
    assert response.status_code == 302  # the account itself is not locked


def test_a_success_before_the_limit_resets_the_count(client, secretary):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "thuky", "sai")
    assert sign_in(client, "thuky", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "thuky", "sai")
    assert sign_in(client, "thuky", PASSWORD).status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(rf, settings):
    from portal.core.auth import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # "1.2.3.4" was written by the client


def test_a_password_alone_does_not_open_the_admin_to_a_superuser(client, secretary):
    """Two-factor sign-in comes after the password (portal.editorial.two_factor)."""
    assert sign_in(client, "thuky", PASSWORD).status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal_two_factor_enrol"))


def test_force_login_in_tests_stands_for_a_finished_sign_in(client, secretary):
    """The root conftest.py verifies force_login sessions; it enrols no app."""
    from portal.editorial.two_factor.services import two_factor_enrolled

    client.force_login(secretary)
    assert client.get("/admin/pages/").status_code == 200
    assert not two_factor_enrolled(secretary)


# --- Page and document passwords: counted like sign-ins (portal.core.password_throttle)

PAGE_PASSWORD = "ky-hop-thu-13"


def protect(page, password=PAGE_PASSWORD):
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(
        page=page, restriction_type="password", password=password
    )


@pytest.fixture
def protected_page(category):
    from portal.news.factories import ArticlePageFactory

    page = ArticlePageFactory(parent=category, title="Tài liệu phiên họp kín")
    return page, protect(page)


@pytest.fixture
def other_protected_page(category):
    from portal.news.factories import ArticlePageFactory

    page = ArticlePageFactory(parent=category, title="Biên bản thẩm tra")
    return page, protect(page)


def enter_page_password(client, protected, password, address="10.0.1.1"):
    page, restriction = protected
    return client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id]),
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def protected_collection():
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Tài liệu họp kín")
    return CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PAGE_PASSWORD
    )


def enter_document_password(client, restriction, password, address="10.0.1.1"):
    return client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.id]),
        {"password": password, "return_url": "/documents/1/bien-ban.pdf"},
        REMOTE_ADDR=address,
    )


def text(response):
    return response.content.decode().replace("\xa0", " ")


def test_wrong_page_passwords_lock_the_page_then_even_the_right_one_is_refused(
    client, protected_page
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = enter_page_password(client, protected_page, "doan-bua")
        assert response.status_code == 200  # the form again, with its error
    response = enter_page_password(client, protected_page, "doan-bua")  # the limit
    assert response.status_code == 429
    for address in ("10.0.1.1", "10.0.1.2"):  # the page is locked, from anywhere
        response = enter_page_password(client, protected_page, PAGE_PASSWORD, address)
        assert response.status_code == 429
        page = text(response)
        assert "Tạm khóa nhập mật khẩu" in page
        assert "Nhập sai mật khẩu quá nhiều lần: trang này" in page
        assert "trong 15 phút" in page
    page, _ = protected_page
    response = client.get(page.url)  # still behind its password
    assert "Trang được bảo vệ bằng mật khẩu" in text(response)
    assert "Nội dung của Tài liệu phiên họp kín" not in text(response)


def test_a_locked_address_is_refused_on_another_page_which_stays_open_to_others(
    client, protected_page, other_protected_page
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        enter_page_password(client, protected_page, "doan-bua", address="10.0.1.1")
    response = enter_page_password(client, other_protected_page, PAGE_PASSWORD, "10.0.1.1")
    assert response.status_code == 429
    response = enter_page_password(client, other_protected_page, PAGE_PASSWORD, "10.0.1.2")
    page, _ = other_protected_page
    assert response.status_code == 302 and response.url == page.url
    assert "Nội dung của Biên bản thẩm tra" in text(client.get(page.url))


def test_the_right_page_password_before_the_limit_resets_the_count(client, protected_page):
    for _round in range(2):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert enter_page_password(client, protected_page, "doan-bua").status_code == 200
        assert enter_page_password(client, protected_page, PAGE_PASSWORD).status_code == 302


def test_a_missing_restriction_counts_nothing(client, protected_page):
    page, restriction = protected_page
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.id + 99, page.id]),
            {"password": "doan-bua", "return_url": page.url},
            REMOTE_ADDR="10.0.1.1",
        )
        assert response.status_code == 404
    assert enter_page_password(client, protected_page, PAGE_PASSWORD).status_code == 302


def test_wrong_document_passwords_lock_the_collection_too(client, protected_collection):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert enter_document_password(client, protected_collection, "sai").status_code == 200
    assert enter_document_password(client, protected_collection, "sai").status_code == 429
    response = enter_document_password(client, protected_collection, PAGE_PASSWORD, "10.0.1.7")
    assert response.status_code == 429
    assert "Nhập sai mật khẩu quá nhiều lần: tài liệu này" in text(response)


def test_the_right_document_password_opens_before_the_limit(client, protected_collection):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        enter_document_password(client, protected_collection, "sai")
    response = enter_document_password(client, protected_collection, PAGE_PASSWORD)
    assert response.status_code == 302


def test_page_password_guesses_lock_the_address_out_of_the_admin_sign_in(
    client, secretary, protected_page
):
    """One count per address, whichever form the guesses went to."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        enter_page_password(client, protected_page, "doan-bua", address="10.0.1.9")
    assert sign_in(client, "thuky", PASSWORD, address="10.0.1.9").status_code == 429
    assert sign_in(client, "thuky", PASSWORD, address="10.0.1.10").status_code == 302


def test_a_right_page_password_does_not_wipe_failures_on_an_account(
    client, secretary, protected_page
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "thuky", "sai", address="10.0.1.1")
    assert enter_page_password(client, protected_page, PAGE_PASSWORD, "10.0.1.1").status_code == 302
    assert sign_in(client, "thuky", "sai", address="10.0.1.3").status_code == 429


# --- The front-end sign-in (/_util/login/): private pages and documents --------------


@pytest.fixture
def visitor(django_user_model):
    return django_user_model.objects.create_user("daibieu", "db@example.vn", PASSWORD)


def test_the_front_end_sign_in_is_vietnamese_in_the_site_frame(client, home):
    response = client.get(reverse("wagtailcore_login") + "?next=/tin-tuc/")
    assert response.status_code == 200
    page = text(response)
    assert '<h1 class="page-title">Đăng nhập</h1>' in page
    assert "Tên đăng nhập" in page and "Mật khẩu" in page
    assert 'name="next" value="/tin-tuc/"' in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Log in" not in page and "Username" not in page and "Password" not in page
    assert "style=" not in page and "<script>" not in page  # the strict CSP
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_signing_in_without_next_lands_on_the_home_page(client, home, visitor):
    response = client.post(
        reverse("wagtailcore_login"), {"username": "daibieu", "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == "/"
    assert client.get(response.url).status_code == 200


def test_a_wrong_front_end_sign_in_is_told_in_vietnamese(client, home, visitor):
    response = client.post(reverse("wagtailcore_login"), {"username": "daibieu", "password": "x"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in text(response)


def test_a_private_page_sends_to_the_sign_in_and_back(client, category, visitor):
    from wagtail.models import PageViewRestriction

    from portal.news.factories import ArticlePageFactory

    page = ArticlePageFactory(parent=category, title="Thông tin dành cho đại biểu")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(page.url)
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailcore_login"))
    form = client.get(response.url)
    assert "Nội dung này chỉ dành cho người có tài khoản." in text(form)
    response = client.post(
        response.url, {"username": "daibieu", "password": PASSWORD, "next": page.url}
    )
    assert response.status_code == 302 and response.url == page.url
    assert "Nội dung của Thông tin dành cho đại biểu" in text(client.get(page.url))


def test_the_front_end_sign_in_is_throttled_like_the_admin_one(client, home, visitor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("wagtailcore_login"),
            {"username": "daibieu", "password": "x"},
            REMOTE_ADDR="10.0.2.1",
        )
    response = client.post(
        reverse("wagtailcore_login"),
        {"username": "daibieu", "password": PASSWORD},
        REMOTE_ADDR="10.0.2.2",
    )
    assert response.status_code == 429 and "Tạm khóa đăng nhập" in text(response)


# --- One sign-in page for editors: Django's admin has no URL --------------------------


@pytest.mark.parametrize(
    "path", ["/django-admin/", "/django-admin/login/", "/django-admin/auth/user/"]
)
def test_django_admin_is_not_there(client, home, path):
    for response in (client.get(path), client.post(path, {"username": "a", "password": "b"})):
        assert response.status_code == 404, path
        assert "Không tìm thấy trang" in text(response)
        assert "Django" not in text(response)


def test_robots_txt_no_longer_names_django_admin(client, home):
    assert "django-admin" not in client.get("/robots.txt").content.decode()
