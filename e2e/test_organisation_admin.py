"""An organisation's administrator invites a colleague, who accepts and becomes a member."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import MembershipRole, User
from organisations.models import Organisation

from .conftest import ORG_ADMIN, assert_accessible, log_in, nl, status_message

pytestmark = pytest.mark.e2e

COLLEAGUE = "jana.peeters@lier.example.org"


def test_admin_invites_a_colleague_who_accepts_and_becomes_a_member(open_page, mailoutbox):
    organisation = Organisation.objects.get(memberships__user__email=ORG_ADMIN, memberships__role=MembershipRole.ADMIN)
    admin = open_page()
    log_in(admin, ORG_ADMIN)
    admin.get_by_role("region", name=nl("My organisations")).get_by_role("link", name=nl("Members and profile")).click()
    expect(admin).to_have_url(re.compile(rf"/account/organisatie/{organisation.slug}/$"))
    expect(admin.get_by_role("heading", level=1)).to_have_text(organisation.name)
    assert_accessible(admin, "organisation members")

    invite = admin.get_by_role("region", name=nl("Invite a colleague"))
    invite.get_by_role("button", name=nl("Send invitation")).click()
    expect(admin.get_by_role("alert")).to_be_visible()
    assert_accessible(admin, "organisation members, invitation without address")

    invite.get_by_label(nl("E-mail address")).fill(COLLEAGUE)
    with translation.override("nl-be"):
        member_label = str(MembershipRole.MEMBER.label)
    invite.get_by_label(nl("Role")).select_option(label=member_label)
    invite.get_by_role("button", name=nl("Send invitation")).click()

    expect(admin).to_have_url(re.compile(rf"/account/organisatie/{organisation.slug}/$"))
    expect(status_message(admin)).to_contain_text(nl("An invitation was sent to %(email)s.", email=COLLEAGUE))
    expect(invite.get_by_role("listitem").filter(has_text=COLLEAGUE)).to_be_visible()
    assert_accessible(admin, "organisation members after inviting")

    invitation = [m for m in mailoutbox if COLLEAGUE in m.to][-1]
    link = re.search(r"https?://[^/\s]+(/account/uitnodiging/[0-9a-f-]+/)", invitation.body)
    assert link, invitation.body

    colleague = open_page()
    colleague.goto(link.group(1))
    expect(colleague.get_by_role("heading", level=1)).to_have_text(nl("Join %(organisation)s", organisation=organisation.name))
    assert_accessible(colleague, "invitation")
    colleague.get_by_label(nl("First name")).fill("Jana")
    colleague.get_by_label(nl("Last name")).fill("Peeters")
    colleague.get_by_label(nl("Password"), exact=True).fill("Speelplein-Lier-2026")
    colleague.get_by_label(nl("Password again"), exact=True).fill("Speelplein-Lier-2026")
    colleague.get_by_role("button", name=nl("Accept the invitation")).click()

    expect(colleague).to_have_url(re.compile(r"/account/$"))
    expect(status_message(colleague)).to_contain_text(
        nl("Welcome! You are now a member of %(organisation)s.", organisation=organisation.name)
    )
    assert_accessible(colleague, "dashboard of the new member")
    assert User.objects.get(email=COLLEAGUE).memberships.get().organisation == organisation

    admin.reload()
    expect(admin.get_by_role("table")).to_contain_text(COLLEAGUE)
