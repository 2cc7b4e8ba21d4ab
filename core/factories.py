"""Test data for every app, in one factory library (factory_boy).

Reference data (provinces, municipalities, the role groups, the home page) comes from the
migrations; factories look it up instead of inventing it.
"""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from accounts.models import AccountRequest, Invitation, Membership, MembershipRole, RequestStatus, User
from core.models import Theme
from organisations.models import Municipality, Organisation, OrganisationKind, OrganisationStatus

# Every factory-made user has this password, so tests can log in through the real form.
PASSWORD = "Kinderopvang-Limburg-42"  # noqa: S105 (test data)


def municipality(name: str = "Gent") -> Municipality:
    """A municipality from the shipped reference list, by its Dutch name."""
    return Municipality.objects.get(name=name)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@voorbeeld.be")
    first_name = factory.Iterator(["An", "Bram", "Chloë", "Dries", "Els", "Fatima", "Gert", "Hanne"])
    last_name = factory.Iterator(["Claes", "Janssens", "Maes", "Willems", "Goossens", "El Amrani", "Wouters"])
    password = factory.django.Password(PASSWORD)
    is_active = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """`UserFactory(groups=[roles.EXPOO_TEAM])`: put the user in these role groups."""
        if create and extracted:
            self.groups.add(*[Group.objects.get(name=name) for name in extracted])


class OrganisationFactory(DjangoModelFactory):
    """An approved, public organisation unless a trait says otherwise."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = OrganisationKind.OTHER
    status = OrganisationStatus.APPROVED
    municipality = factory.LazyFunction(municipality)

    class Params:
        pending = factory.Trait(status=OrganisationStatus.PENDING)
        declined = factory.Trait(status=OrganisationStatus.DECLINED, decline_reason="Geen organisatie uit Vlaanderen.")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.MEMBER

    class Params:
        admin = factory.Trait(role=MembershipRole.ADMIN)


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"genodigde{n}@voorbeeld.be")
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.MEMBER
    invited_by = factory.SubFactory(UserFactory)

    class Params:
        expired = factory.Trait(expires_at=factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1)))
        used = factory.Trait(accepted_at=factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=2)))


class AccountRequestFactory(DjangoModelFactory):
    """A pending request to join an existing organisation; `new_organisation=True` for a new one."""

    class Meta:
        model = AccountRequest

    first_name = "Lotte"
    last_name = "Peeters"
    email = factory.Sequence(lambda n: f"aanvrager{n}@voorbeeld.be")
    job_title = "Gezinsondersteuner"
    organisation = factory.SubFactory(OrganisationFactory)
    status = RequestStatus.PENDING

    class Params:
        new_organisation = factory.Trait(
            is_new_organisation=True, organisation=factory.SubFactory(OrganisationFactory, pending=True)
        )
