"""The team edits organisations in the Wagtail admin; the status of a new organisation that waits for
the decision on its account request is decided through that request, not by editing it there."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import RequestStatus
from core.factories import AccountRequestFactory, OrganisationFactory, UserFactory
from organisations.models import OrganisationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    team = UserFactory(is_staff=True)
    team.groups.add(Group.objects.get(name=roles.EXPOO_TEAM))
    client.force_login(team)
    return client


def _edit(client, organisation, **changes):
    url = f"/beheer/snippets/organisations/organisation/edit/{organisation.pk}/"
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    data.update(changes)
    return client.post(url, data)


def test_a_waiting_organisation_s_status_cannot_be_set_in_the_admin(admin_client, dutch):
    request = AccountRequestFactory(new_organisation=True)
    organisation = request.organisation
    page = admin_client.get(f"/beheer/snippets/organisations/organisation/edit/{organisation.pk}/")
    assert page.context["form"].fields["status"].disabled
    assert (
        dutch(
            "This organisation waits for the decision on its account request: approve or decline it in "
            "the team's workspace, under 'Account requests'."
        )
        in page.content.decode()
    )

    response = _edit(admin_client, organisation, status=OrganisationStatus.APPROVED, name="Nieuwe naam vzw")

    assert response.status_code == 302
    organisation.refresh_from_db()
    request.refresh_from_db()
    assert organisation.name == "Nieuwe naam vzw"  # the content is edited ...
    assert organisation.status == OrganisationStatus.PENDING  # ... the status is not
    assert request.status == RequestStatus.PENDING


def test_an_organisation_without_a_waiting_request_keeps_an_editable_status(admin_client):
    organisation = OrganisationFactory()

    response = _edit(admin_client, organisation, status=OrganisationStatus.DECLINED)

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.DECLINED
