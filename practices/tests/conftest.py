import datetime

import pytest

from accounts import roles
from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory, UserFactory
from core.models import TargetGroup


@pytest.fixture
def cast(db):
    """Everyone the practice database involves, one of each."""
    org = OrganisationFactory(name="Huis van het Kind Teststad")
    other_org = OrganisationFactory(name="Opvoedingswinkel Elders")
    writer = UserFactory(email="schrijver@example.org", first_name="Sam")
    MembershipFactory(user=writer, organisation=org)
    colleague = UserFactory(email="collega@example.org")
    MembershipFactory(user=colleague, organisation=org)
    outsider = UserFactory(email="buiten@example.org")
    MembershipFactory(user=outsider, organisation=other_org)
    team = UserFactory(email="team@example.org", groups=[roles.EXPOO_TEAM])
    reviewer = UserFactory(email="lid1@example.org", groups=[roles.COMMISSION_MEMBER])
    reviewer2 = UserFactory(email="lid2@example.org", groups=[roles.COMMISSION_MEMBER])
    chair = UserFactory(email="voorzitter@example.org", groups=[roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR])
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    from pages.models import HomePage, NewsIndexPage

    HomePage.objects.get().add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    theme = ThemeFactory(name="Ouderparticipatie", slug="ouderparticipatie")
    target = TargetGroup.objects.create(name="Ouders van jonge kinderen", slug="ouders-jonge-kinderen")
    return {
        "org": org,
        "other_org": other_org,
        "writer": writer,
        "colleague": colleague,
        "outsider": outsider,
        "team": team,
        "reviewer": reviewer,
        "reviewer2": reviewer2,
        "chair": chair,
        "admin": admin,
        "theme": theme,
        "target": target,
        "due": datetime.date.today() + datetime.timedelta(days=21),
    }
