"""Helpers for tests that log in as staff: give a person an authenticator app and read its code."""

import time

from django_otp.plugins.otp_totp.models import TOTPDevice

from . import two_factor


def give_authenticator(user) -> TOTPDevice:
    """A confirmed authenticator app for `user`, as if they had set it up."""
    return TOTPDevice.objects.create(user=user, name="Test", confirmed=True)


def current_code(user) -> str:
    """The code the person's authenticator app would show now (computed with django_otp.oath.TOTP
    from the stored key); waits for the next time step if the current code was just used."""
    device = two_factor.confirmed_totp(user)
    assert device is not None, f"{user} has no authenticator app"
    code, wait = two_factor.usable_code(device)
    if wait:
        time.sleep(wait + 0.05)
        code, _wait = two_factor.usable_code(device)
    return code
