"""Keyboard users skip the header, and a failed log-in explains itself in Dutch and is announced."""

import re

import pytest
from playwright.sync_api import expect

from core.demo.util import DEMO_PASSWORD

from .conftest import MEMBER, account_nav, assert_accessible, nl, screenshot

pytestmark = pytest.mark.e2e

# The first element in the tab order, following the HTML rules (no positive tabindex on the site).
FIRST_TABBABLE = """() => {
  const candidates = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]');
  const first = [...candidates].find(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length);
  return first ? first.outerHTML : null;
}"""


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_text(nl("Skip to main content"))
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).to_be_in_viewport()
    assert_accessible(page, "home with the skip link focused")

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


def test_failed_login_shows_an_announced_dutch_error_and_a_keyboard_user_can_retry(page):
    page.goto("/")
    account_nav(page).get_by_role("link", name=nl("Log in"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/account/inloggen/$"))
    assert page.evaluate(FIRST_TABBABLE).startswith('<a class="skip-link"')
    assert_accessible(page, "login")
    screenshot(page, "login")

    email = page.get_by_label(nl("E-mail address"), exact=True)
    password = page.get_by_label(nl("Password"), exact=True)
    expect(email).to_be_focused()
    page.keyboard.type(MEMBER)
    page.keyboard.press("Tab")
    expect(password).to_be_focused()
    page.keyboard.type("not-the-password")
    page.keyboard.press("Enter")

    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert.get_by_role("heading")).to_have_text(nl("Please correct the following"))
    expect(alert).to_contain_text(
        nl("This e-mail address and password do not match an active account. Check both and try again.")
    )
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    expect(email).to_have_value(MEMBER)
    expect(password).to_have_value("")
    assert page.evaluate(FIRST_TABBABLE).startswith('<a class="skip-link"')
    assert_accessible(page, "login with an error")
    screenshot(page, "login-error")

    password.focus()
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/account/$"))
    expect(page.get_by_role("alert")).to_have_count(0)
