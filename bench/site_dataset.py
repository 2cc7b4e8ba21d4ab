"""The whole site for bench.site_load: the demo site, then practices, publications, events,
organisations and accounts in bulk, and the addresses the load tool requests.

    build(scale)     grows the database (idempotent: what is there is kept, a second run adds nothing)
    targets()        the URLs per page type and the accounts, as JSON for bench/locustfile.py

The demo (`load_demo`) gives what a site has once and what bulk inserts cannot make well: the home
page, the thematic dossiers, the contact page, the footer, the taxonomy, demo people. On top:
bench.dataset's practices and bench.toolbox_dataset's publications (the same builders, indexes
rebuilt as those benches do), and here events with their sessions over past and future months in
many municipalities, organisations up to the wanted number, member accounts (each a writer of a
practice in writing of its own organisation, so drafts are saved without edit conflicts) and
organisation administrators. Everything here is made with bulk_create, seeded, and timed.
"""

import io
import random
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.urls import reverse

EVENT_PREFIX = "bench-event-"
MEMBER_EMAIL = "bench-member-{}@bench.example"
ADMIN_EMAIL = "bench-orgadmin-{}@bench.example"
PASSWORD = "bench-Expoo-2026"  # accounts of a throw-away benchmark database only
SEED = 20261123


@dataclass(frozen=True)
class Scale:
    practices: int
    publications: int
    events: int
    organisations: int
    members: int
    admins: int


SCALES = {
    "full": Scale(practices=10_000, publications=100_000, events=5_000, organisations=2_000, members=200, admins=50),
    "small": Scale(practices=1_000, publications=5_000, events=500, organisations=300, members=20, admins=5),
}


def build(scale: Scale, stdout=print) -> dict:
    """Grow the database to `scale`; returns the seconds of every step."""
    from django.core.management import call_command

    from bench import dataset, toolbox_dataset
    from pages.models import ContactPage

    timings = {}

    def step(name, func, *args, **kwargs):
        started = time.perf_counter()
        result = func(*args, **kwargs)
        timings[name] = round(time.perf_counter() - started, 1)
        stdout(f"  {name}: {timings[name]} s", flush=True)
        return result

    if not ContactPage.objects.exists():  # the demo's; migrations make a bare home page only
        step("load_demo", call_command, "load_demo", stdout=io.StringIO())
    built = step("practices", dataset.build, scale.practices)
    if built["built"]:
        step("index_practices", dataset.index)
    made = step("publications", toolbox_dataset.build_publications, scale.publications)
    if made["created"]:
        step("index_publications", toolbox_dataset.index_publications)
    added = step("organisations", build_organisations, scale.organisations)
    events = step("events", build_events, scale.events)
    step("accounts", build_accounts, scale.members, scale.admins)
    if added or events:
        from sitesearch.indexing import rebuild

        step("index_events_organisations", rebuild, ["event", "organisation"])
    return timings


def build_organisations(n: int) -> int:
    """Organisations (all of them, the demo's included) up to n, as bench.dataset makes them."""
    from django.db import transaction

    from bench import dataset
    from core import versions
    from organisations.models import Organisation

    have = Organisation.objects.count()
    with transaction.atomic():
        dataset._build_organisations(n)
        versions.bump("organisations")
    return max(0, n - have)


def _event_dates(rng, now):
    """1-3 sessions: mostly within 18 months back and 12 ahead, during the day, Brussels time."""
    from events.models import EVENT_TZ

    day = (now + timedelta(days=rng.randint(-540, 365))).astimezone(EVENT_TZ).replace(second=0, microsecond=0)
    sessions = []
    for n in range(rng.choices([1, 2, 3], weights=[70, 20, 10])[0]):
        start = day.replace(hour=rng.choice([9, 10, 13, 14, 19]), minute=rng.choice([0, 30])) + timedelta(days=7 * n)
        sessions.append((start, start + timedelta(hours=rng.choice([1, 2, 3, 7]))))
    return sessions


def build_events(n: int) -> int:
    """Benchmark events (slugs starting with EVENT_PREFIX) up to n: 95 % approved, the rest proposed
    or waiting for changes; organisers, themes and target groups; on site in a random municipality,
    online or both; each with 1-3 sessions."""
    from django.db import transaction
    from django.utils import timezone

    from bench import dataset
    from core import versions
    from core.models import TargetGroup, Theme
    from events.models import Attendance, Event, EventKind, EventSession
    from events.workflow import Status
    from organisations.models import Municipality, Organisation

    have = Event.objects.filter(slug__startswith=EVENT_PREFIX).count()
    if have >= n:
        return 0
    now = timezone.now()
    municipalities = list(Municipality.objects.select_related("province").order_by("nis_code"))
    organisations = list(Organisation.objects.public().order_by("pk").values_list("pk", flat=True))
    themes, theme_weights = dataset._terms(Theme)
    groups, group_weights = dataset._terms(TargetGroup)
    kinds = list(EventKind.values)
    events, sessions, links = [], [], {"organisers": [], "themes": [], "target_groups": []}
    for i in range(have, n):
        rng = random.Random(SEED + i)
        topic, who = rng.choice(dataset.TOPIC), rng.choice(dataset.WHO)
        kind = rng.choice(kinds)
        title = f"{EventKind(kind).label}: {topic} bij {who}"
        attendance = rng.choices(list(Attendance.values), weights=[60, 30, 10])[0]
        on_site = attendance != Attendance.ONLINE
        municipality = rng.choice(municipalities) if on_site else None
        is_free = rng.random() < 0.4
        status = rng.choices([Status.APPROVED, Status.PROPOSED, Status.CHANGES_REQUESTED], weights=[95, 4, 1])[0]
        dates = _event_dates(rng, now)
        events.append(
            Event(
                title=title[:200],
                slug=f"{EVENT_PREFIX}{i + 1}",
                kind=kind,
                status=status,
                is_expoo=rng.random() < 0.1,
                summary=dataset._fill(rng, "Een {adj} moment voor {pro} over {topic}.")[:300],
                description=dataset._paragraph(rng, "aanpak", rng.randint(4, 8)),
                audience=dataset._fill(rng, "{Pro} die werken met {who}")[:300],
                attendance=attendance,
                venue_name=dataset._fill(rng, "{Place}")[:200] if on_site else "",
                street=f"Kerkstraat {rng.randint(1, 200)}" if on_site else "",
                municipality=municipality,
                online_url=f"https://meet.example.org/bench-{i + 1}" if attendance != Attendance.ON_SITE else "",
                is_free=is_free,
                price=None if is_free else Decimal(rng.choice([10, 15, 25, 40, 75, 120])),
                registration_url=f"https://inschrijven.example.org/{i + 1}",
                capacity=rng.choice([None, 20, 30, 50, 100, 250]),
                contact_name=f"Contactpersoon {i + 1}",
                contact_email=f"vorming{i + 1}@organisatie.example",
                approved_at=min(now, dates[0][0] - timedelta(days=30)) if status == Status.APPROVED else None,
            )
        )
        for sort_order, (start, end) in enumerate(dates):
            sessions.append((i, sort_order, start, end))
        for org in rng.sample(organisations, rng.choice([1, 1, 2])):
            links["organisers"].append((i, org))
        links["themes"] += [(i, t.pk) for t in dataset._weighted(rng, themes, theme_weights, rng.randint(1, 2))]
        links["target_groups"] += [(i, t.pk) for t in dataset._weighted(rng, groups, group_weights, 1)]
    with transaction.atomic():
        Event.objects.bulk_create(events, batch_size=500)
        pk = {i: e.pk for i, e in zip(range(have, n), events, strict=True)}
        EventSession.objects.bulk_create(
            [EventSession(event_id=pk[i], sort_order=o, start=s, end=e) for i, o, s, e in sessions], batch_size=1000
        )
        for name, pairs in links.items():
            field = Event._meta.get_field(name)
            through = field.remote_field.through
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            through.objects.bulk_create([through(**{source: pk[i], target: t}) for i, t in pairs], batch_size=1000)
        versions.bump("events")  # bulk_create sends no signals (core.pagecache watches events)
    return n - have


def build_accounts(members: int, admins: int) -> None:
    """Members (each the writer of a practice in writing, with its draft made) and organisation
    administrators, sharing one password hashed as production hashes it (PBKDF2)."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.db import transaction

    from accounts.models import Membership, MembershipRole, User
    from practices import actions
    from practices.models import Practice, PracticeOrganisation, PracticeRole
    from practices.workflow import Status

    wanted = [(MEMBER_EMAIL.format(i + 1), MembershipRole.MEMBER) for i in range(members)]
    wanted += [(ADMIN_EMAIL.format(i + 1), MembershipRole.ADMIN) for i in range(admins)]
    have = set(User.objects.filter(email__endswith="@bench.example").values_list("email", flat=True))
    missing = [(email, role) for email, role in wanted if email not in have]
    if not missing:
        return
    hasher = PBKDF2PasswordHasher()
    password = hasher.encode(PASSWORD, hasher.salt())
    # One practice in writing per account, and its submitting organisation (distinct organisations).
    taken = set(Membership.objects.filter(user__email__endswith="@bench.example").values_list("organisation_id", flat=True))
    links = (
        PracticeOrganisation.objects.filter(role=PracticeRole.SUBMITTER, practice__status=Status.WRITING)
        .exclude(organisation_id__in=taken)
        .order_by("practice_id")
        .values_list("organisation_id", "practice_id")
    )
    organisations = {}
    for organisation, practice in links:
        organisations.setdefault(organisation, practice)
        if len(organisations) >= len(missing):
            break
    assert len(organisations) >= len(missing), "not enough practices in writing for the benchmark's accounts"
    with transaction.atomic():
        users = User.objects.bulk_create(
            [User(email=email, password=password, first_name="Bench", last_name=email.split("@")[0]) for email, _ in missing]
        )
        Membership.objects.bulk_create(
            [
                Membership(user=user, organisation_id=organisation, role=role)
                for user, (_, role), organisation in zip(users, missing, organisations, strict=False)
            ]
        )
        for practice in Practice.objects.filter(pk__in=list(organisations.values())[: len(missing)]):
            actions.ensure_draft(practice)  # made at the first visit otherwise: a write inside a GET


def targets(scale_name: str = "") -> dict:
    """What bench/locustfile.py requests: lists of paths per page type (built with reverse(), so a
    renamed URL fails here and not as a 404 under load), search words and facets, the accounts."""
    from django.utils import timezone

    from accounts.models import Membership, MembershipRole
    from bench import dataset, toolbox_dataset
    from core.models import TargetGroup, Theme
    from dossiers.models import DossierIndexPage, ThemeDossierPage
    from events.models import Event
    from organisations.models import Organisation, Province
    from pages.models import ContactPage
    from practices.models import Practice, PracticeOrganisation, PracticeRole
    from practices.workflow import Status
    from toolbox.models import Publication, PublicationType

    def sample(queryset, k, url):
        ids = list(queryset.values_list("pk", flat=True))
        rng = random.Random(SEED)
        chosen = rng.sample(ids, min(k, len(ids)))
        return [url(obj) for obj in queryset.model.objects.filter(pk__in=chosen)]

    now = timezone.localtime()
    months = [(now.year + (now.month + d - 1) // 12, (now.month + d - 1) % 12 + 1) for d in range(-6, 7)]
    themes = list(Theme.objects.values_list("slug", flat=True))
    contact = ContactPage.objects.live().first()
    dossier_index = DossierIndexPage.objects.live().first()
    accounts = []
    for membership in Membership.objects.filter(user__email__endswith="@bench.example").select_related("user", "organisation"):
        practice_id = (
            PracticeOrganisation.objects.filter(organisation=membership.organisation, role=PracticeRole.SUBMITTER)
            .filter(practice__status=Status.WRITING)
            .values_list("practice_id", flat=True)
            .first()
        )
        accounts.append(
            {
                "email": membership.user.email,
                "admin": membership.role == MembershipRole.ADMIN,
                "organisation": reverse("organisations:detail", kwargs={"slug": membership.organisation.slug}),
                "members": reverse("accounts:organisation_members", kwargs={"slug": membership.organisation.slug}),
                "workspace": reverse("practices:workspace", kwargs={"pk": practice_id}) if practice_id else "",
                "section": reverse("practices:edit_section", kwargs={"pk": practice_id, "key": "samenvatting"})
                if practice_id
                else "",
            }
        )
    return {
        "scale": scale_name,
        "password": PASSWORD,
        "accounts": accounts,
        "pages": {
            "home": ["/"],
            "databank": [reverse("practices:databank")],
            "practice": sample(Practice.objects.published(), 2000, lambda p: reverse("practices:detail", args=[p.slug])),
            "toolbox": [reverse("toolbox:list")],
            "publication": sample(Publication.objects.public(), 2000, lambda p: reverse("toolbox:detail", args=[p.slug])),
            "agenda": [reverse("events:agenda")],
            "agenda_month": [reverse("events:month", kwargs={"year": y, "month": m}) for y, m in months],
            "event": sample(Event.objects.public(), 2000, lambda e: e.get_absolute_url()),
            "organisations": [reverse("organisations:list")],
            "organisation": sample(Organisation.objects.public(), 1000, lambda o: reverse("organisations:detail", args=[o.slug])),
            "dossiers": [dossier_index.url] if dossier_index else [],
            "dossier": [d.url for d in ThemeDossierPage.objects.live().public()],
        },
        "search": {
            "databank": reverse("practices:databank"),
            "toolbox": reverse("toolbox:list"),
            "agenda": reverse("events:agenda"),
            "site": reverse("search"),
            "themes": themes,
            "target_groups": list(TargetGroup.objects.values_list("slug", flat=True)),
            "levels": ["well_described", "theory_based", "research_based"],
            "publication_types": list(PublicationType.values),
            "provinces": list(Province.objects.values_list("slug", flat=True)),
            "practice_words": [dataset.COMMON_WORD, dataset.RARE_WORD, *dataset.TOPIC[:12]],
            "publication_words": [toolbox_dataset.COMMON_WORD, *dataset.TOPIC[:12]],
            "site_words": [dataset.COMMON_WORD, toolbox_dataset.COMMON_WORD, *dataset.TOPIC[:12]],
        },
        "contact": contact.url if contact else "",
        "bare": "/bench/bare/",
    }


def counts() -> dict:
    """What the database holds, as the report states it."""
    from accounts.models import User
    from events.models import Event, EventSession
    from organisations.models import Organisation
    from practices.models import Practice
    from toolbox.models import Publication

    return {
        "practices": Practice.objects.count(),
        "published_practices": Practice.objects.published().count(),
        "publications": Publication.objects.public().count(),
        "events": Event.objects.count(),
        "public_events": Event.objects.public().count(),
        "event_sessions": EventSession.objects.count(),
        "organisations": Organisation.objects.count(),
        "bench_accounts": User.objects.filter(email__endswith="@bench.example").count(),
    }
