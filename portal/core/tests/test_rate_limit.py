"""The sliding-window counter per address, and the Vietnamese 429 page."""

import pytest
from django.test import override_settings

from portal.core import rate_limit
from portal.core.rate_limit import Verdict, consume

START = 28_333_334 * 60 + 20.0  # 20 s into a 60 s window, which ends at START + 40


def test_a_limit_per_address_and_scope():
    for _ in range(3):
        assert consume("thu", "203.0.113.7", 3, 60, now=START).allowed
    refused = consume("thu", "203.0.113.7", 3, 60, now=START)
    assert not refused.allowed and 1 <= refused.retry_after <= 60
    assert consume("thu", "203.0.113.8", 3, 60, now=START).allowed  # another address
    assert consume("khac", "203.0.113.7", 3, 60, now=START).allowed  # another scope


def test_the_previous_window_slides_out():
    for _ in range(4):
        assert consume("thu", "203.0.113.7", 4, 60, now=START).allowed
    # 10 s into the next window, 50/60 of the previous four still count: 3.3 + 1 > 4.
    assert not consume("thu", "203.0.113.7", 4, 60, now=START + 50).allowed
    # 20 s into it, 40/60 of them count: 2.7 + 1 ≤ 4.
    assert consume("thu", "203.0.113.7", 4, 60, now=START + 60).allowed


def test_retry_after_says_when_the_next_request_fits():
    for _ in range(5):
        consume("thu", "203.0.113.7", 5, 60, now=START)
    refused = consume("thu", "203.0.113.7", 5, 60, now=START)
    assert not refused.allowed
    too_early = consume("thu", "203.0.113.7", 5, 60, now=START + refused.retry_after - 2)
    assert not too_early.allowed
    assert consume("thu", "203.0.113.7", 5, 60, now=START + refused.retry_after).allowed


def test_refused_requests_are_not_counted():
    for _ in range(2):
        consume("thu", "203.0.113.7", 2, 60, now=START)
    first = consume("thu", "203.0.113.7", 2, 60, now=START)
    for _ in range(50):
        later = consume("thu", "203.0.113.7", 2, 60, now=START)
    assert later.retry_after == first.retry_after


def test_ipv6_counts_per_64_block():
    assert rate_limit.client_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert rate_limit.client_key("::ffff:203.0.113.7") == "203.0.113.7"
    assert rate_limit.client_key("203.0.113.7") == "203.0.113.7"
    assert rate_limit.client_key("") == "unknown"
    for host in range(1, 4):
        assert consume("thu", f"2001:db8:1:2::{host}", 3, 60, now=START).allowed
    assert not consume("thu", "2001:db8:1:2::99", 3, 60, now=START).allowed
    assert consume("thu", "2001:db8:1:3::1", 3, 60, now=START).allowed


def test_zero_means_no_limit():
    for _ in range(100):
        assert consume("thu", "203.0.113.7", 0, 60, now=START).allowed


DEAD_REDIS = {
    "default": {
        "BACKEND": "portal.core.cache.PortalRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
}


def test_a_dead_cache_lets_every_request_through():
    with override_settings(CACHES=DEAD_REDIS):
        for _ in range(20):
            assert consume("thu", "203.0.113.7", 2, 60, now=START).allowed


@pytest.mark.parametrize(
    ("seconds", "text"), [(1, "1 giây"), (42, "42 giây"), (60, "1 phút"), (95, "1 phút 35 giây")]
)
def test_wait_in_vietnamese(seconds, text):
    assert rate_limit.wait_text(seconds) == text


def test_the_429_page():
    response = rate_limit.too_many_requests(Verdict(False, 95), what="lượt tìm kiếm")
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "95"
    assert response["Cache-Control"] == "no-store"
    assert 'lang="vi"' in html
    assert "Quá nhiều yêu cầu (lỗi 429)" in html
    assert "quá nhiều lượt tìm kiếm" in html and "thử lại sau 1 phút 35 giây" in html
