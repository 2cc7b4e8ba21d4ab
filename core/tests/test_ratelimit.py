"""The limiter behind every rate-limited form: who counts as one client, and windows that end."""

import pytest
from django.test import RequestFactory

from core import ratelimit
from core.cards import fragments


@pytest.fixture
def limits(settings):
    settings.EXPOO_RATE_LIMITS = {"try": {"account": (2, 60), "address": (3, 60)}}
    return settings


def _request(remote="192.0.2.10", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "203.0.113.5", "192.0.2.10"),  # no proxy trusted: the header is anyone's to write
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the entry left of the proxy's own is forged
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, None, "192.0.2.10"),
    ],
)
def test_the_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.EXPOO_TRUSTED_PROXIES = proxies

    assert ratelimit.client_address(_request(forwarded=forwarded)) == expected


def test_the_account_limit_and_the_address_limit_each_refuse(limits):
    request = _request()
    for _n in range(2):
        assert ratelimit.refusal(request, "try", account="a@voorbeeld.be") is None
        ratelimit.record(request, "try", account="a@voorbeeld.be")

    refused = ratelimit.refusal(request, "try", account="A@Voorbeeld.be ")
    assert refused and refused.limit == "account"
    assert ratelimit.refusal(request, "try", account="b@voorbeeld.be") is None
    ratelimit.record(request, "try", account="b@voorbeeld.be")
    refused = ratelimit.refusal(request, "try", account="c@voorbeeld.be")
    assert refused and refused.limit == "address"


def test_an_ipv6_client_counts_as_its_whole_64_network(limits):
    for host in ("2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3"):
        ratelimit.record(_request(remote=host), "try")

    assert ratelimit.refusal(_request(remote="2001:db8:1:2::99"), "try").limit == "address"
    assert ratelimit.refusal(_request(remote="2001:db8:1:3::1"), "try") is None


def test_a_window_ends_and_the_counting_starts_again(limits, monkeypatch):
    request = _request()
    now = 1_000_020.0
    monkeypatch.setattr(ratelimit.time, "time", lambda: now)
    for _n in range(3):
        ratelimit.record(request, "try")
    refused = ratelimit.refusal(request, "try")
    assert refused and refused.until == 1_000_020 // 60 * 60 + 60

    now = refused.until + 1

    assert ratelimit.refusal(request, "try") is None


def test_cache_keys_hold_no_address_or_e_mail_in_clear(limits):
    from django.core.cache import cache

    request = _request()
    ratelimit.record(request, "try", account="a@voorbeeld.be")

    keys = [key for _kind, key, _allowed, _end in ratelimit._keys(request, "try", "a@voorbeeld.be")]
    assert len(keys) == 2 and all(cache.get(key) == 1 for key in keys)
    assert not any("192.0.2.10" in key or "voorbeeld" in key for key in keys)


def test_a_flood_of_rendered_cards_does_not_push_a_counter_out(limits):
    """Embedded (local memory, no Redis), the default cache keeps 300 entries: cards and practice
    bodies, thousands on a busy hour, live in a store of their own so the counters stay."""
    request = _request()
    for _n in range(2):
        ratelimit.record(request, "try", account="a@voorbeeld.be")
    fragments().set_many({f"practice-card:1:nl-be:{pk}": "<article>…</article>" for pk in range(3000)})

    refused = ratelimit.refusal(request, "try", account="a@voorbeeld.be")
    assert refused and refused.limit == "account"
