"""Two-factor login with django-otp: a TOTP device (RFC 6238, an authenticator app) and a static
device holding the recovery codes. Who needs it is decided by roles.needs_strict_login."""

import hashlib
import hmac
import re
import time
from base64 import b32encode

import qrcode
import qrcode.constants
from django.conf import settings
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django_otp import devices_for_user, verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import roles

RECOVERY_CODE_COUNT = 10


def needs_second_step(user) -> bool:
    """The roles that must use two-factor login, and anyone who set it up of their own accord."""
    return roles.needs_strict_login(user) or confirmed_totp(user) is not None


def confirmed_totp(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_totp(user) -> TOTPDevice:
    """The not yet confirmed device of an enrolment; the same one while enrolment is not finished,
    so reloading the page does not change the QR code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32 as authenticator apps ask for it, in groups of four for reading."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice, title: str) -> str:
    """The device's otpauth:// address as an inline SVG QR code: no data: URI, no script, no style."""
    qr = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(device.config_url)
    qr.make(fit=True)
    matrix = qr.get_matrix()  # includes the quiet zone
    size = len(matrix)
    path = "".join(f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" width="220" height="220" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="qr-title" shape-rendering="crispEdges"><title id="qr-title">{}</title>'
        '<rect width="{}" height="{}" fill="#ffffff"/><path d="{}" fill="#000000"/></svg>',
        size,
        size,
        title,
        size,
        size,
        path,
    )


def normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def verify(user, code: str, app_only: bool = False):
    """The device that accepts `code` (a 6-digit TOTP code or, unless `app_only`, a recovery code),
    else None. A recovery code works once. django-otp throttles a device after failures."""
    code = normalise(code)
    if not code:
        return None
    if re.fullmatch(r"\d{6}", code):
        device = confirmed_totp(user)
    elif app_only:
        return None
    else:
        device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        return None
    if not device.verify_is_allowed()[0]:
        raise Throttled
    if isinstance(device, StaticDevice):
        # Stored as keyed hashes: find which of the code's hashes (current key, then fallbacks) is there;
        # django-otp then uses it once and counts a miss towards its throttle as for any other code.
        candidates = [stored_form(code, key) for key in signing_keys()]
        match = device.token_set.filter(token__in=candidates).values_list("token", flat=True).first()
        return device if device.verify_token(match or candidates[0]) else None
    return verify_token(user, device.persistent_id, code)


def signing_keys() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def stored_form(code: str, key: str | None = None) -> str:
    """What the database keeps of a recovery code: a keyed hash (HMAC-SHA256 with a key derived from
    SECRET_KEY, 16 hex digits, the width of django-otp's token column). A copy of the database or of
    a backup does not give anyone a code that logs in; the code itself is shown once, at creation."""
    secret = hashlib.sha256(b"expoo.recovery-code:" + (key or settings.SECRET_KEY).encode()).digest()
    return hmac.new(secret, normalise(code).encode(), hashlib.sha256).hexdigest()[:16]


class Throttled(Exception):
    """django-otp refuses to check codes for a moment after a wrong one (1, 2, 4, ... seconds)."""


def confirm_enrolment(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm a new TOTP device with a first code; returns fresh recovery codes, or None if the code is wrong."""
    if device.user_id != user.pk or device.confirmed or not verify_token(user, device.persistent_id, normalise(code)):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        return new_recovery_codes(user)


def new_recovery_codes(user) -> list[str]:
    """Replace the person's recovery codes by RECOVERY_CODE_COUNT new ones; shown once, then only used."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
        tokens = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create([StaticToken(device=device, token=stored_form(token)) for token in tokens])
    return [f"{token[:4]}-{token[4:]}" for token in tokens]


def reset(user) -> int:
    """Remove every second-factor device of the person; they set it up again at their next login."""
    count = 0
    with transaction.atomic():
        for device in list(devices_for_user(user, confirmed=None)):
            device.delete()
            count += 1
    return count


def usable_code(device: TOTPDevice, now: float | None = None) -> tuple[str, float]:
    """The code of the earliest time step `device` accepts from `now` on, and the seconds until it is
    accepted (0 unless the current code was just used). For demo_code and tests: never shown to users."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if now is None else now
    current = totp.t()
    step = max(current, device.last_t + 1)
    wait = 0.0
    if step > current + device.tolerance:
        wait = device.t0 + (step - device.tolerance - device.drift) * device.step - totp.time
    totp.drift += step - current
    return f"{totp.token():0{device.digits}d}", max(wait, 0.0)
