"""Rate limits for logins and public forms, counted in the default cache (Redis in production, so
every worker sees the same counts).

A scope (``"login"``, ``"contact"``, ...) has a limit per account (the e-mail address entered, or
the logged-in user) and per client address, each a number of counted events in a fixed window:
``settings.EXPOO_RATE_LIMITS = {"login": {"account": (10, 900), "address": (50, 900)}, ...}``.
A view asks ``refusal(request, scope, account=...)`` before doing anything and, when it answers,
shows the form again with ``refusal.message`` and status 429; it calls ``record(...)`` for each event
that counts (a failed login, a sent form). Keys hold keyed hashes, never an address in clear.
"""

import datetime
import ipaddress
import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import time_format
from django.utils.translation import gettext as _

security_log = logging.getLogger("expoo.security")

# Scopes whose refusal speaks of attempts (logging in, codes, password links) rather than sent forms.
_ATTEMPT_SCOPES = {"login", "two_factor", "password_reset"}


@dataclass(frozen=True)
class Refusal:
    scope: str
    limit: str  # "account" or "address"
    until: float  # Unix time at which the window ends

    @property
    def message(self) -> str:
        until = time_format(timezone.localtime(datetime.datetime.fromtimestamp(self.until, tz=datetime.UTC)), "H:i")
        if self.scope in _ATTEMPT_SCOPES:
            return _("Too many attempts in a short time. For your safety, try again after %(time)s.") % {"time": until}
        return _("This form was sent too often in a short time. Try again after %(time)s.") % {"time": until}


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the X-Forwarded-For entry written by the outermost of
    the EXPOO_TRUSTED_PROXIES proxies in front of the site (entries further left can be forged)."""
    proxies = getattr(settings, "EXPOO_TRUSTED_PROXIES", 0)
    address = request.META.get("REMOTE_ADDR", "")
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            address = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    return address


def _address_key(address: str) -> str:
    """An IPv6 client is counted per /64 network: one host usually holds the whole of it."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def keyed_hash(value: str, purpose: str = "client") -> str:
    """A short keyed hash (HMAC with SECRET_KEY) to correlate a value in logs or keys without storing it."""
    return salted_hmac(f"expoo.security.{purpose}", value).hexdigest()[:20]


def _limits(scope: str) -> dict:
    limits = getattr(settings, "EXPOO_RATE_LIMITS", {}).get(scope)
    if limits is None:
        raise KeyError(f"No rate limit configured for {scope!r} (settings.EXPOO_RATE_LIMITS)")
    return limits


def _keys(request, scope: str, account) -> list[tuple[str, str, int, float]]:
    """(kind, cache key, allowed count, window end) for each limit of the scope that applies."""
    now = time.time()
    values = {"address": _address_key(client_address(request))}
    if account not in (None, ""):
        values["account"] = str(account).strip().lower()
    keys = []
    for kind, (count, window) in _limits(scope).items():
        if kind not in values:
            continue
        bucket = int(now // window)
        key = f"ratelimit:{scope}:{kind}:{keyed_hash(values[kind], 'ratelimit')}:{bucket}"
        keys.append((kind, key, count, (bucket + 1) * window))
    return keys


def refusal(request, scope: str, account=None) -> Refusal | None:
    """A Refusal when the account or the address has used up its limit for this scope, else None.
    A refusal is logged to "expoo.security" as event "ratelimit.exceeded"."""
    keys = _keys(request, scope, account)
    counts = cache.get_many([key for _kind, key, _count, _end in keys])
    for kind, key, allowed, window_end in keys:
        if counts.get(key, 0) >= allowed:
            security_log.warning(
                "ratelimit.exceeded",
                extra={
                    "event": "ratelimit.exceeded",
                    "scope": scope,
                    "limit": kind,
                    "user_id": getattr(getattr(request, "user", None), "pk", None),
                    "client": keyed_hash(client_address(request)),
                },
            )
            return Refusal(scope=scope, limit=kind, until=window_end)
    return None


def refuse(form, refusal_: Refusal) -> None:
    """Show the refusal as the form's error. A form not yet validated is not validated now: for the
    login form that would check the password, which a refused attempt must not do."""
    if form._errors is None:
        form._errors = ErrorDict(renderer=form.renderer)
        form.cleaned_data = {}
    form.add_error(None, refusal_.message)


def record(request, scope: str, account=None) -> None:
    """Count one event (a failed attempt, a sent form) for the account and the address."""
    now = time.time()
    for _kind, key, _allowed, window_end in _keys(request, scope, account):
        timeout = max(1, math.ceil(window_end - now))
        cache.add(key, 0, timeout=timeout)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=timeout)
