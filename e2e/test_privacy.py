"""A member downloads their data and erases their account, starting from 'My EXPOO'; every page
on the way passes axe."""

import json
import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from core.demo.util import DEMO_PASSWORD

from .conftest import MEMBER, assert_accessible, log_in, nl

pytestmark = pytest.mark.e2e


def test_a_member_downloads_their_data_and_erases_their_account(page, demo):
    member = User.objects.get(email=MEMBER)
    log_in(page, MEMBER)
    page.get_by_role("link", name=nl("Your data: download or erase")).click()
    expect(page).to_have_url(re.compile(r"/account/privacy/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Privacy and your data"))
    assert_accessible(page, "privacy page")

    with page.expect_download() as download:
        page.get_by_role("button", name=nl("Download my data")).click()
    assert download.value.suggested_filename.startswith("expoo-persoonsgegevens-")
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert data["account"]["email"] == MEMBER
    assert data["memberships"]

    page.get_by_label(nl("Your password")).fill("niet-mijn-wachtwoord")
    page.get_by_label(nl("I understand that my account and my personal data are erased for good.")).check()
    page.get_by_role("button", name=nl("Erase my account")).click()
    expect(page.get_by_role("main")).to_contain_text(nl("This password is not correct. Nothing was erased."))
    assert_accessible(page, "privacy page with an error")

    page.get_by_label(nl("Your password")).fill(DEMO_PASSWORD)
    page.get_by_label(nl("I understand that my account and my personal data are erased for good.")).check()
    page.get_by_role("button", name=nl("Erase my account")).click()
    expect(page).to_have_url(re.compile(r"/account/privacy/gewist/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Your account was erased"))
    assert_accessible(page, "erased")

    member.refresh_from_db()
    assert not member.is_active and member.email.endswith("@gewist.invalid")
