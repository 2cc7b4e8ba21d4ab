"""Demo accounts, one or more for every role; all people are fictional."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Membership, MembershipRole
from accounts.roles import ADMINISTRATOR, COMMISSION_CHAIR, COMMISSION_MEMBER, EXPOO_TEAM, needs_strict_login
from organisations.models import Organisation

from .util import DEMO_PASSWORD, DEMO_TOTP_KEY

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


def _writer(first_name, last_name, job_title, organisation):
    """A practitioner who describes practices for their organisation (see practices.py)."""
    local = f"{first_name}.{last_name}".lower().replace(" ", "")
    email = f"{local}@{organisation}.example.org"
    return _user(email, first_name, last_name, job_title, memberships=[(organisation, MembershipRole.MEMBER)])


# Writers of the demo practices: one or two per province, each a member of one organisation.
WRITERS = [
    _writer("Hanne", "Smolders", "pedagogisch coach", "kinderdagverblijf-de-speelboom"),
    _writer("Karim", "Bouzian", "buurtwerker", "buurtwerking-de-ankerplaats"),
    _writer("Bart", "Verhaegen", "CLB-medewerker", "clb-kempenland"),
    _writer("Wim", "Aerts", "coördinator speel-o-theek", "speel-o-theek-het-tolletje"),
    _writer("Ayse", "Yildirim", "coördinator Huis van het Kind", "huis-van-het-kind-genk"),
    _writer("Tom", "Schepers", "pedagoog", "opvoedingswinkel-het-kompas-hasselt"),
    _writer("Gert", "Vanoppen", "coördinator Huis van het Kind", "huis-van-het-kind-tongeren-borgloon"),
    _writer("Griet", "Theunis", "dienstverantwoordelijke", "onthaalouderdienst-zonnestraal"),
    _writer("Annelies", "Maes", "coördinator Huis van het Kind", "huis-van-het-kind-leuven"),
    _writer("Jeroen", "Van Laer", "pedagoog", "opvoedingswinkel-dijleland"),
    _writer("Joke", "Vandervelden", "coördinator", "ontmoetingshuis-de-tafel"),
    _writer("Fien", "Baert", "coördinator Huis van het Kind", "huis-van-het-kind-gent-brugse-poort"),
    _writer("Laura", "Van Acker", "pedagoog", "opvoedingswinkel-de-knipoog-gent"),
    _writer("Stijn", "De Wolf", "CLB-medewerker", "clb-scheldeland"),
    _writer("Carine", "Depoorter", "coördinator vrijwilligerswerking", "thuis-in-de-buurt-vzw"),
    _writer("Michiel", "Devos", "coördinator Huis van het Kind", "huis-van-het-kind-brugge"),
    _writer("Sarah", "Vanneste", "pedagoog", "opvoedingswinkel-leiepunt-kortrijk"),
    _writer("Lotte", "Vercruysse", "gezinsondersteuner", "gezinswerking-de-overkant"),
    _writer("Jana", "Coudenys", "verantwoordelijke kinderopvang", "kinderdagverblijf-t-zeepaardje"),
    _writer("Meryem", "Ouali", "coördinator Huis van het Kind", "huis-van-het-kind-kanaalzone"),
    _writer("Gilles", "Dubois", "pedagoog", "opvoedingspunt-de-stadsboom-brussel"),
    _writer("Clara", "Rossi", "coördinator", "ouderplatform-samen-meertalig"),
    _writer("Youssef", "Chahid", "buurtwerker", "buurthuis-de-kaai"),
]


def load_users(stats) -> None:
    User = get_user_model()
    groups = {group.name: group for group in Group.objects.all()}
    password_hash = None  # hashing is slow on purpose; every demo account shares the one hash
    for spec in [*USERS, *WRITERS]:
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
        if needs_strict_login(user) and not TOTPDevice.objects.filter(user=user).exists():
            TOTPDevice.objects.create(user=user, name="Demo", key=DEMO_TOTP_KEY, confirmed=True)
            stats.count("authenticator keys", True)


def team_editor():
    return get_user_model().objects.filter(email__iexact="redactie@expoo.example").first()
