"""The permission functions on their own: each answers (allowed, reason) for every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts import roles
from accounts.models import RequestStatus
from accounts.permissions import can_decide_account_request, can_manage_organisation, is_team
from core.factories import AccountRequestFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(organisation, org_admin, member, other_org_admin, team_user, commission_member):
    """Everyone who might try, by the name of their role with respect to `organisation`."""
    return {
        "org_admin": org_admin,
        "member": member,
        "other_org_admin": other_org_admin,
        "team": team_user,
        "administrator": UserFactory(groups=[roles.ADMINISTRATOR]),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        "commission_member": commission_member,
        "commission_chair": UserFactory(groups=[roles.COMMISSION_CHAIR]),
        "outsider": UserFactory(),
        "anonymous": AnonymousUser(),
    }


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("team", True),
        ("administrator", True),
        ("superuser", True),
        ("org_admin", False),
        ("member", False),
        ("commission_member", False),
        ("commission_chair", False),
        ("anonymous", False),
    ],
)
def test_only_the_expoo_team_and_administrators_count_as_team(person, who, expected):
    assert is_team(person[who]) is expected


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("org_admin", True),
        ("team", True),
        ("administrator", True),
        ("member", False),
        ("other_org_admin", False),
        ("commission_member", False),
        ("commission_chair", False),
        ("outsider", False),
        ("anonymous", False),
    ],
)
def test_who_may_manage_an_organisation(person, organisation, who, allowed):
    result, reason = can_manage_organisation(person[who], organisation)

    assert result is allowed
    assert bool(reason) is not allowed, "a refusal explains itself; a permission needs no reason"


def test_an_admin_of_one_organisation_does_not_manage_the_other(org_admin, organisation):
    membership_elsewhere = MembershipFactory(user=org_admin)

    assert can_manage_organisation(org_admin, organisation)[0]
    assert not can_manage_organisation(org_admin, membership_elsewhere.organisation)[0]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("org_admin", True),
        ("team", True),
        ("administrator", True),
        ("superuser", True),
        ("member", False),
        ("other_org_admin", False),
        ("commission_member", False),
        ("outsider", False),
        ("anonymous", False),
    ],
)
def test_who_may_decide_a_request_to_join_an_organisation(person, organisation, who, allowed):
    account_request = AccountRequestFactory(organisation=organisation)

    result, reason = can_decide_account_request(person[who], account_request)

    assert result is allowed
    assert bool(reason) is not allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("team", True),
        ("administrator", True),
        ("superuser", True),
        ("org_admin", False),
        ("other_org_admin", False),
        ("member", False),
        ("commission_member", False),
        ("commission_chair", False),
        ("outsider", False),
        ("anonymous", False),
    ],
)
def test_only_the_team_decides_on_a_new_organisation(person, who, allowed):
    account_request = AccountRequestFactory(new_organisation=True)

    result, reason = can_decide_account_request(person[who], account_request)

    assert result is allowed
    assert bool(reason) is not allowed


@pytest.mark.parametrize("status", [RequestStatus.APPROVED, RequestStatus.DECLINED])
def test_a_handled_request_cannot_be_decided_again_even_by_the_team(team_user, organisation, status):
    account_request = AccountRequestFactory(organisation=organisation, status=status)
    _allowed, no_permission_reason = can_decide_account_request(UserFactory(), AccountRequestFactory(organisation=organisation))

    allowed, reason = can_decide_account_request(team_user, account_request)

    assert not allowed
    assert reason and reason != no_permission_reason
