"""Two-factor login in the browser: a commission member logs in for the first time, sets up the
authenticator app from the QR code page (after the code mailed to their address), keeps the recovery codes and arrives in 'My EXPOO'; the
team reaches the Wagtail admin through the site's login. axe-core checks every page on the way."""

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts import two_factor
from accounts.models import User
from core.demo.util import DEMO_PASSWORD

from .conftest import TEAM, account_nav, assert_accessible, log_in, nl, screenshot

pytestmark = pytest.mark.e2e

REVIEWER = "commissielid@expoo.example"


def test_a_first_login_sets_up_the_app_and_shows_the_recovery_codes_once(page):
    reviewer = User.objects.get(email=REVIEWER)
    two_factor.reset(reviewer)  # as if the demo account had never set it up

    page.goto("/")
    account_nav(page).get_by_role("link", name=nl("Log in"), exact=True).click()
    page.get_by_label(nl("E-mail address"), exact=True).fill(REVIEWER)
    page.get_by_label(nl("Password"), exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name=nl("Log in"), exact=True).click()

    # First the code mailed to the account's address: the password alone does not set up an app.
    expect(page).to_have_url(re.compile(r"/account/inloggen/e-mailcode/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Log in: confirm your e-mail address"))
    assert_accessible(page, "two-factor e-mail code")
    message = [m for m in mail.outbox if m.to == [REVIEWER]][-1]
    page.get_by_label(nl("Code from the e-mail")).fill(re.search(r"\b(\d{6})\b", message.body).group(1))
    page.get_by_role("button", name=nl("Confirm")).click()

    expect(page).to_have_url(re.compile(r"/account/inloggen/instellen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Set up two-factor login"))
    expect(page.get_by_role("img", name=nl("QR code to scan"))).to_be_visible()
    assert_accessible(page, "two-factor set-up")
    screenshot(page, "two-factor-setup")

    code_field = page.get_by_label(nl("Code from your authenticator app"))
    code_field.fill("000000")
    page.get_by_role("button", name=nl("Confirm")).click()
    expect(page.get_by_role("alert")).to_contain_text(
        nl("This code is not right. Check the code in your authenticator app and try again.")
    )
    assert_accessible(page, "two-factor set-up with an error")

    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    page.wait_for_timeout(1100)  # django-otp holds codes back for a second after a wrong one
    code_field.fill(two_factor.usable_code(device)[0])
    page.get_by_role("button", name=nl("Confirm")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Your recovery codes"))
    expect(page.get_by_role("list", name=nl("Recovery codes")).get_by_role("listitem")).to_have_count(10)
    assert_accessible(page, "recovery codes")
    page.get_by_role("button", name=nl("I have saved my codes: continue")).click()
    expect(page).to_have_url(re.compile(r"/account/$"))

    page.get_by_role("link", name=nl("Two-factor login")).click()
    expect(page.get_by_text(nl("Recovery codes left"))).to_be_visible()
    assert_accessible(page, "two-factor status")


def test_the_team_reaches_the_admin_through_both_steps(page):
    page.goto("/beheer/")
    expect(page).to_have_url(re.compile(r"/account/inloggen/\?next=/beheer/"))
    page.get_by_label(nl("E-mail address"), exact=True).fill(TEAM)
    page.get_by_label(nl("Password"), exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name=nl("Log in"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/account/inloggen/code/$"))
    assert_accessible(page, "second step")

    from accounts.testing import current_code

    page.get_by_label(nl("Login code"), exact=True).fill(current_code(User.objects.get(email=TEAM)))
    page.get_by_role("button", name=nl("Check the code and log in")).click()
    expect(page).to_have_url(re.compile(r"/beheer/$"))


def test_the_log_in_helper_passes_the_second_step_for_every_staff_role(open_page):
    for email in (TEAM, "voorzitter@expoo.example", "beheerder@expoo.example"):
        log_in(open_page(), email)
