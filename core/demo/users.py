"""Demo accounts, one or more for every role; all people are fictional."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.models import Membership, MembershipRole
from accounts.roles import ADMINISTRATOR, COMMISSION_CHAIR, COMMISSION_MEMBER, EXPOO_TEAM
from organisations.models import Organisation

from .util import DEMO_PASSWORD

ORGANISATION_OF_MEMBERS = "huis-van-het-kind-lier"
SECOND_ORGANISATION = "opvoedingswinkel-de-wegwijzer-antwerpen"
TEAM = {"groups": [EXPOO_TEAM], "is_staff": True}  # is_staff: the team works in the Wagtail admin


def _user(email, first_name, last_name, job_title, groups=(), is_staff=False, is_superuser=False, memberships=()):
    return {
        "email": email,
        "first_name": first_name,
        "last_name": last_name,
        "job_title": job_title,
        "groups": list(groups),
        "is_staff": is_staff,
        "is_superuser": is_superuser,
        "memberships": list(memberships),
    }


USERS = [
    _user(
        "beheerder@expoo.example", "Hanna", "Verlinden", "functioneel beheerder kennisplatform",
        groups=[ADMINISTRATOR], is_staff=True, is_superuser=True,
    ),
    _user("redactie@expoo.example", "Ines", "Vanhoutte", "stafmedewerker kennisdeling en redactie", **TEAM),
    _user("jonas.declercq@expoo.example", "Jonas", "De Clercq", "stafmedewerker databank kwaliteitsvolle praktijken", **TEAM),
    _user("lotte.verbeke@expoo.example", "Lotte", "Verbeke", "stafmedewerker vorming en agenda", **TEAM),
    _user(
        "commissielid@expoo.example", "Pieterjan", "Roels", "orthopedagoog in een centrum voor geestelijke gezondheidszorg",
        groups=[COMMISSION_MEMBER],
    ),
    _user(
        "voorzitter@expoo.example", "Mieke", "Van Hecke", "docent gezinspedagogiek", groups=[COMMISSION_MEMBER, COMMISSION_CHAIR]
    ),
    _user("karel.dewaele@example.org", "Karel", "Dewaele", "onderzoeker ontwikkelingspsychologie", groups=[COMMISSION_MEMBER]),
    _user("fatma.ozturk@example.org", "Fatma", "Öztürk", "coördinator van een opvoedingswinkel", groups=[COMMISSION_MEMBER]),
    _user(
        "lieve.segers@example.org", "Lieve", "Segers", "ervaringsdeskundige in armoede en sociale uitsluiting",
        groups=[COMMISSION_MEMBER],
    ),
    _user(
        "lid@expoo.example", "Elif", "Aydin", "onthaalmedewerker", memberships=[(ORGANISATION_OF_MEMBERS, MembershipRole.MEMBER)]
    ),
    _user(
        "orgbeheerder@expoo.example", "Sofie", "Van den Broeck", "coördinator Huis van het Kind",
        memberships=[(ORGANISATION_OF_MEMBERS, MembershipRole.ADMIN), (SECOND_ORGANISATION, MembershipRole.MEMBER)],
    ),
]  # fmt: skip


def load_users(stats) -> None:
    User = get_user_model()
    groups = {group.name: group for group in Group.objects.all()}
    password_hash = None  # hashing is slow on purpose; every demo account shares the one hash
    for spec in USERS:
        user = User.objects.filter(email__iexact=spec["email"]).first()
        created = user is None
        if created:
            fields = {key: spec[key] for key in ("email", "first_name", "last_name", "job_title", "is_staff", "is_superuser")}
            user = User(**fields)
            if password_hash is None:
                user.set_password(DEMO_PASSWORD)
                password_hash = user.password
            else:
                user.password = password_hash
            user.save()
            # Roles and memberships are only given to new accounts: an administrator may have changed them since.
            user.groups.add(*(groups[name] for name in spec["groups"] if name in groups))
            for slug, role in spec["memberships"]:
                organisation = Organisation.objects.filter(slug=slug).first()
                if organisation:
                    _membership, made = Membership.objects.get_or_create(
                        user=user, organisation=organisation, defaults={"role": role}
                    )
                    stats.count("memberships", made)
        stats.count("users", created)


def team_editor():
    return get_user_model().objects.filter(email__iexact="redactie@expoo.example").first()
