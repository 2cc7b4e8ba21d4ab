"""A large, deterministic practice database for the benchmarks, built with bulk_create.

`build(n)` grows the database to n practices (call it with 1,000 and then 10,000): organisations
spread over the municipalities of every province, the demo taxonomy, levels mixed (mostly
published) and, for every practice with a published level, a frozen description (version 1) with
the template's sections for that level filled with varied Dutch text made from word lists and
sentence templates. Bulk inserts send no signals, so nothing is indexed while building;
`index()` then rebuilds Wagtail's search index with `update_index` and times it.

Word frequencies are chosen so that the benchmark has a *common* word (COMMON_WORD, in nearly
every description) and a *rare* one (RARE_WORD, in about 0.5 % of the practices).
"""

import io
import random
import time
from datetime import timedelta

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.text import slugify

from core import versions
from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme
from organisations.models import Municipality, Organisation, OrganisationKind, OrganisationStatus
from practices.models import Description, DescriptionSection, DescriptionTemplate, Practice, PracticeOrganisation, PracticeRole
from practices.workflow import LEVELS, Level, Status

SEED = 20261122
COMMON_WORD = "ouders"
RARE_WORD = "speelotheek"
PRACTICES_PER_ORGANISATION = 7

# --- Word lists -----------------------------------------------------------------------------
# fmt: off
WHO = [
    'ouders', 'gezinnen', 'jonge ouders', 'alleenstaande ouders', 'grootouders', 'pleegouders', 'vaders',
    'moeders', 'nieuwkomers', 'ouders met een migratieachtergrond', 'gezinnen in armoede', 'tienerouders',
    'ouders van tieners', 'ouders van jonge kinderen', 'kwetsbare gezinnen', 'aanstaande ouders',
    'ouders met een beperking', 'nieuw samengestelde gezinnen', 'ouders in scheiding', 'anderstalige ouders',
]
CHILD = [
    'kinderen', "baby's", 'peuters', 'kleuters', 'lagereschoolkinderen', 'tieners', 'jongeren',
    'broers en zussen', 'pasgeborenen', 'kinderen met een ontwikkelingsvraag', 'schoolgaande kinderen',
]
PRO = [
    'gezinsondersteuners', 'kinderbegeleiders', 'leerkrachten', 'CLB-medewerkers', 'vrijwilligers',
    'maatschappelijk werkers', 'vroedvrouwen', 'verpleegkundigen', 'opvoedingsondersteuners', 'brugfiguren',
    'ervaringsdeskundigen', 'jeugdwerkers', 'psychologen', 'huisartsen', 'buurtwerkers', 'coördinatoren',
]
ACTIVITY = [
    'huisbezoeken', 'groepssessies', 'ontmoetingsmomenten', 'spelnamiddagen', 'praatgroepen',
    'voorleesmomenten', 'inloopmomenten', 'workshops', 'individuele gesprekken', 'oudercafés', 'themavonden',
    'wandelingen', 'kookateliers', 'babymassages', 'consultaties', 'opvoedingsgesprekken', 'vormingen',
    'uitstappen',
]
TOPIC = [
    'slapen', 'eten', 'zindelijkheid', 'grenzen stellen', 'driftbuien', 'schermgebruik', 'taalontwikkeling',
    'schoolkeuze', 'pesten', 'scheiding', 'rouw', 'stress', 'armoede', 'gezondheid', 'huiswerk',
    'vriendschappen', 'puberteit', 'hechting', 'meertaligheid', 'veiligheid', 'zelfvertrouwen', 'emoties',
    'spelen', 'voeding', 'beweging', 'digitale media', 'ruzie tussen broers en zussen', 'het gezinsbudget',
    'samenwerking met school',
]
GOAL = [
    'het zelfvertrouwen van ouders te versterken', 'het sociale netwerk van gezinnen uit te breiden',
    'de drempel naar ondersteuning te verlagen', 'ouders en school dichter bij elkaar te brengen',
    'vragen over opvoeden vroeg op te vangen', 'de ontwikkeling van kinderen te stimuleren',
    'ouders te laten ervaren dat ze er niet alleen voor staan', 'de taal van jonge kinderen te ondersteunen',
    'stress in het gezin te verminderen', 'de band tussen ouder en kind te versterken',
    'gezinnen de weg te wijzen naar het lokale aanbod', 'ouders te laten leren van elkaar',
    'de overgang naar de kleuterklas te vergemakkelijken', 'conflicten in het gezin bespreekbaar te maken',
]
PLACE = [
    'het Huis van het Kind', 'de kinderopvang', 'de school', 'de bibliotheek', 'het buurthuis',
    'het consultatiebureau', 'de wijkgezondheidsdienst', 'het OCMW', 'de gezinnen thuis', 'de speeltuin',
    'het ontmoetingscentrum', 'de jeugdbeweging', 'het lokaal dienstencentrum', 'de sporthal', 'het park',
]
FREQ = [
    'wekelijks', 'tweewekelijks', 'maandelijks', 'drie keer per jaar', 'elke woensdagnamiddag',
    'op zaterdagvoormiddag', 'tijdens de schoolvakanties', 'gedurende tien weken', 'na schooltijd',
]
ADJ = [
    'laagdrempelig', 'warm', 'toegankelijk', 'flexibel', 'praktisch', 'vertrouwd', 'herkenbaar', 'speels',
    'concreet', 'haalbaar', 'ondersteunend', 'gratis', 'vrijblijvend', 'intensief', 'kortdurend',
]
METHOD = [
    'oplossingsgericht werken', 'motiverende gespreksvoering', 'video-interactiebegeleiding',
    'de krachtgerichte benadering', 'het ecologisch model van Bronfenbrenner', 'de gehechtheidstheorie',
    'empowerment', 'ervaringsgericht leren', 'de presentiebenadering', 'peer support', 'positief opvoeden',
    'de sociale leertheorie', 'het netwerkversterkend werken', 'het vijf-factorenmodel van opvoeding',
]
FORMAT = [
    'Praatgroep', 'Oudercafé', 'Huisbezoekprogramma', 'Spelnamiddag', 'Voorleesproject', 'Opvoedingswinkel',
    'Ontmoetingsplek', 'Buddywerking', 'Infosessies', 'Vormingsreeks', 'Inloopteam', 'Babycafé', 'Papagroep',
    'Mamagroep', 'Brugfigurenwerking', 'Taalcafé', 'Opvoedingslijn', 'Gezinscoaching', 'Workshopreeks',
]
# fmt: on
RARE = [  # (word, share of practices mentioning it)
    (RARE_WORD, 0.005),
    ("kangoeroezorg", 0.002),
    ("draagdoekconsult", 0.002),
    ("ludotheek", 0.003),
    ("papadag", 0.004),
    ("voorleeskoffer", 0.003),
    ("buurtpicknick", 0.002),
    ("knuffelklas", 0.001),
]

GENERAL = [
    "We merken dat {who} vaak vragen hebben over {topic}.",
    "{Pro} ondersteunen {who} bij vragen over {topic} en {topic2}.",
    "De werking is {adj} en sluit aan bij wat {who} zelf belangrijk vinden.",
    "{Activity} vinden {freq} plaats in {place}.",
    "Zo proberen we {goal}.",
    "Ouders geven aan dat ze het {adj} vinden om over {topic} te praten.",
    "We werken samen met {place} en met {pro} uit de buurt.",
    "Veel {who} hebben weinig mensen in hun omgeving bij wie ze terechtkunnen.",
    "Het aanbod richt zich op {who} met {child}.",
    "De aanpak is gebaseerd op {method}.",
    "Tijdens de {activity} staat het verhaal van de ouders centraal.",
    "Er is aandacht voor {topic}, maar ook voor {topic2}.",
    "Ouders kunnen ook tussendoor bellen of mailen met hun vragen.",
    "De begeleiding duurt gemiddeld {n} maanden.",
    "Per jaar bereiken we ongeveer {m} gezinnen.",
    "{Pro} volgen jaarlijks een opleiding rond {method}.",
    "Het is belangrijk dat {child} zich veilig voelen in {place}.",
    "Ouders leren van elkaar en herkennen zich in de verhalen van anderen.",
    "Waar nodig verwijzen we door naar gespecialiseerde hulp.",
    "De {activity} zijn gratis en er is kinderopvang voorzien.",
]
SECTION_OPENERS = {
    "samenvatting": ["{Format} is een {adj} aanbod voor {who} met {child}.", "In deze praktijk komen {who} samen rond {topic}."],
    "aanleiding": [
        "De praktijk ontstond omdat {pro} merkten dat {who} moeilijk de weg vonden naar ondersteuning.",
        "Uit gesprekken met {who} bleek dat {topic} een grote zorg is.",
    ],
    "doelgroep": ["De doelgroep zijn {who} met {child}.", "We richten ons in de eerste plaats op {who}."],
    "doelen": ["Het hoofddoel is om {goal}.", "We proberen vooral {goal}."],
    "aanpak": ["De aanpak bestaat uit {n} fasen.", "Het traject start met een kennismakingsgesprek bij {place}."],
    "materialen": ["We gebruiken een werkmap met oefeningen rond {topic}.", "Er is een handleiding voor {pro}."],
    "randvoorwaarden": ["Voor de uitvoering zijn twee {pro} nodig.", "De werking wordt gefinancierd door de gemeente."],
    "overdraagbaarheid": [
        "De praktijk kan ook elders worden toegepast.",
        "Andere organisaties kunnen de aanpak overnemen mits een korte opleiding.",
    ],
    "onderbouwing": ["De praktijk steunt op {method}.", "Uit de literatuur over {topic} blijkt dat vroege ondersteuning werkt."],
    "uitvoerbaarheid": ["Uitvoerders ervaren de aanpak als {adj}.", "Een knelpunt is de beschikbare tijd van {pro}."],
    "onderzoek": [
        "Een evaluatieonderzoek bij {m} gezinnen toonde positieve effecten.",
        "In samenwerking met een hogeschool werd een effectstudie opgezet.",
    ],
}


def _fill(rng, template, extra=None):
    values = {
        "who": rng.choice(WHO),
        "child": rng.choice(CHILD),
        "pro": rng.choice(PRO),
        "activity": rng.choice(ACTIVITY),
        "topic": rng.choice(TOPIC),
        "topic2": rng.choice(TOPIC),
        "goal": rng.choice(GOAL),
        "place": rng.choice(PLACE),
        "freq": rng.choice(FREQ),
        "adj": rng.choice(ADJ),
        "method": rng.choice(METHOD),
        "format": rng.choice(FORMAT),
        "n": rng.randint(2, 12),
        "m": rng.choice([20, 35, 50, 80, 120, 200, 350]),
    }
    if extra:
        values.update(extra)
    values.update({k[0].upper() + k[1:]: str(v)[0].upper() + str(v)[1:] for k, v in list(values.items())})
    return template.format(**values)


def _paragraph(rng, key, sentences, extra=None):
    parts = [_fill(rng, rng.choice(SECTION_OPENERS.get(key, GENERAL)), extra)]
    parts += [_fill(rng, rng.choice(GENERAL), extra) for _ in range(sentences - 1)]
    text = " ".join(parts)
    if rng.random() < 0.3:  # some Markdown, as writers use it
        text += "\n\n" + "\n".join(f"- {_fill(rng, '{Activity} rond {topic}')}" for _ in range(rng.randint(2, 4)))
    return text


# --- Building -------------------------------------------------------------------------------
LEVEL_MIX = [  # (level, status, share)
    ("", Status.REGISTRATION_RECEIVED, 0.04),
    ("", Status.DECLINED, 0.01),
    (Level.REGISTERED, Status.WRITING, 0.08),
    (Level.SUBMITTED, Status.IN_REVIEW, 0.07),
    (Level.WELL_DESCRIBED, Status.PUBLISHED, 0.50),
    (Level.THEORY_BASED, Status.PUBLISHED, 0.20),
    (Level.RESEARCH_BASED, Status.PUBLISHED, 0.10),
]


def _pick_level(rng):
    roll = rng.random()
    for level, status, share in LEVEL_MIX:
        if roll < share:
            return level, status
        roll -= share
    return LEVEL_MIX[-1][:2]


def _weighted(rng, items, weights, k):
    """k distinct items, popular ones (low index, higher weight) more often."""
    chosen = set()
    while len(chosen) < k:
        chosen.add(rng.choices(range(len(items)), weights=weights)[0])
    return [items[i] for i in sorted(chosen)]


def _terms(model):
    terms = list(model.objects.order_by("sort_order", "pk"))
    return terms, [1.0 / (i + 1) ** 0.7 for i in range(len(terms))]


TAXONOMY = {  # the platform's taxonomy, as in the demo data (slug, name)
    Theme: [
        ("ouderschap-en-opvoeding", "Ouderschap en opvoeding"),
        ("armoede-en-kansengelijkheid", "Armoede en kansengelijkheid"),
        ("gezinsondersteuning", "Gezinsondersteuning"),
        ("ouderparticipatie", "Ouderparticipatie"),
        ("kinderopvang", "Kinderopvang"),
        ("onderwijs-en-clb", "Onderwijs en CLB"),
        ("geestelijke-gezondheid", "Geestelijke gezondheid"),
        ("scheiding", "Scheiding"),
        ("diversiteit", "Diversiteit en meertaligheid"),
        ("jonge-kinderen", "Jonge kinderen"),
        ("tieners", "Tieners"),
        ("sociale-cohesie", "Sociale cohesie en ontmoeting"),
        ("vroegsignalering", "Vroegsignalering"),
        ("digitale-opvoeding", "Digitale opvoeding"),
        ("vaders", "Vaders en vaderschap"),
    ],
    TargetGroup: [
        ("ouders", "Ouders"),
        ("aanstaande-ouders", "Aanstaande ouders"),
        ("grootouders", "Grootouders en andere opvoeders"),
        ("alleenstaande-ouders", "Alleenstaande ouders"),
        ("kwetsbare-gezinnen", "Gezinnen in een kwetsbare situatie"),
        ("nieuwkomers", "Nieuwkomers en anderstalige gezinnen"),
        ("pleeg-en-adoptiegezinnen", "Pleeg- en adoptiegezinnen"),
        ("professionals", "Professionals en vrijwilligers"),
        ("kinderen-en-jongeren", "Kinderen en jongeren"),
    ],
    AgeGroup: [
        ("prenataal", "Prenataal"),
        ("0-3-jaar", "Baby's en peuters (0–3 jaar)"),
        ("3-6-jaar", "Kleuters (3–6 jaar)"),
        ("6-12-jaar", "Lagereschoolkinderen (6–12 jaar)"),
        ("12-18-jaar", "Tieners (12–18 jaar)"),
        ("18-25-jaar", "Jongvolwassenen (18–25 jaar)"),
    ],
    SupportFunction: [
        ("informatie-en-advies", "Informatie en advies"),
        ("praktisch-pedagogische-steun", "Praktisch-pedagogische steun"),
        ("emotionele-steun", "Emotionele steun"),
        ("sociale-steun", "Sociale steun"),
        ("vroegsignalering-en-toeleiding", "Vroegsignalering en toeleiding"),
        ("pedagogisch-advies", "Pedagogisch advies"),
        ("intensievere-laagdrempelige-hulp", "Intensievere laagdrempelige hulp"),
    ],
    Setting: [
        ("huis-van-het-kind", "Huis van het Kind"),
        ("kinderopvang", "Kinderopvang"),
        ("onderwijs", "Onderwijs en CLB"),
        ("preventieve-gezondheidszorg", "Preventieve gezinsondersteuning en gezondheid"),
        ("welzijnswerk", "Welzijnswerk"),
        ("geestelijke-gezondheidszorg", "Geestelijke gezondheidszorg"),
        ("vrije-tijd", "Vrije tijd, jeugdwerk en sport"),
        ("buurtwerk", "Buurt- en opbouwwerk"),
        ("cultuur-en-bibliotheek", "Bibliotheek en cultuur"),
    ],
}
# The facets the benchmark selects: a popular theme and target group (first = most frequent).
FACET_THEME, FACET_TARGET_GROUP = TAXONOMY[Theme][0][0], TAXONOMY[TargetGroup][0][0]


def ensure_reference():
    """The taxonomy (idempotent); provinces, municipalities and the template come from migrations."""
    for model, rows in TAXONOMY.items():
        if not model.objects.exists():
            model.objects.bulk_create(
                [model(slug=slug, name=name, sort_order=(n + 1) * 10) for n, (slug, name) in enumerate(rows)]
            )


def _build_organisations(target):
    have = Organisation.objects.count()
    if have >= target:
        return
    municipalities = list(Municipality.objects.select_related("province").order_by("nis_code"))
    kinds = [k for k, _ in OrganisationKind.choices]
    rows = []
    for i in range(have, target):
        rng = random.Random(SEED * 7 + i)
        municipality = rng.choice(municipalities)
        kind = rng.choice(kinds)
        label = dict(OrganisationKind.choices)[kind]
        name = f"{label} {municipality.name} {i + 1}"
        rows.append(
            Organisation(
                name=name,
                slug=slugify(name)[:190],
                kind=kind,
                status=OrganisationStatus.APPROVED if rng.random() < 0.95 else OrganisationStatus.PENDING,
                description=_paragraph(rng, "samenvatting", 2),
                municipality=municipality,
                postcode="",
                email=f"info{i}@organisatie.example",
            )
        )
    Organisation.objects.bulk_create(rows, batch_size=500)


def build(n: int, stdout=print) -> dict:
    """Grow the database to n practices; returns timings."""
    started = time.perf_counter()
    ensure_reference()
    have = Practice.objects.count()
    if have >= n:
        return {"built": 0, "seconds": 0.0}
    with transaction.atomic():
        _build_organisations(max(1, n // PRACTICES_PER_ORGANISATION))
        _build_practices(have, n)
        versions.bump("practices")  # bulk_create sends no signals
    seconds = time.perf_counter() - started
    stdout(f"  built practices {have + 1}..{n} in {seconds:.1f} s")
    return {"built": n - have, "seconds": seconds}


def _build_practices(start, end):
    template = DescriptionTemplate.objects.current()
    sections = list(template.sections.all())
    organisations = list(
        Organisation.objects.filter(status=OrganisationStatus.APPROVED).order_by("pk").values_list("pk", flat=True)
    )
    taxonomies = {
        "themes": _terms(Theme),
        "target_groups": _terms(TargetGroup),
        "age_groups": _terms(AgeGroup),
        "support_functions": _terms(SupportFunction),
        "settings": _terms(Setting),
    }
    now = timezone.now()
    practices, links, m2m = [], [], {name: [] for name in taxonomies}
    texts = {}  # practice index -> {section key: body}
    for i in range(start, end):
        rng = random.Random(SEED + i)
        level, status = _pick_level(rng)
        topic, who = rng.choice(TOPIC), rng.choice(WHO)
        title = f"{rng.choice(FORMAT)} rond {topic} voor {who}"
        rare = [word for word, share in RARE if rng.random() < share]
        published = bool(level) and LEVELS[level].public == "description"
        practices.append(
            Practice(
                title=title,
                slug=f"{slugify(title)[:150]}-{i + 1}",
                summary=_paragraph(rng, "samenvatting", rng.randint(2, 3)),
                level=level,
                status=status,
                duration=f"{rng.randint(2, 20)} sessies van {rng.choice([60, 90, 120])} minuten",
                costs=rng.choice(["Gratis", "€ 5 per sessie", "Op basis van draagkracht", ""]),
                contact_name=f"Contactpersoon {i + 1}",
                contact_email=f"praktijk{i + 1}@organisatie.example",
                level_decided_at=(now - timedelta(days=rng.randint(30, 2500))).date() if published else None,
                published_at=now - timedelta(days=rng.randint(1, 2900), minutes=i) if published else None,
            )
        )
        for role_index, org in enumerate(rng.sample(organisations, rng.choice([1, 1, 1, 2, 2, 3]))):
            role = PracticeRole.SUBMITTER if role_index == 0 else rng.choice([PracticeRole.PARTNER, PracticeRole.APPLIES])
            links.append((i, org, role))
        for name, (terms, weights) in taxonomies.items():
            k = {"themes": rng.randint(1, 3), "target_groups": rng.randint(1, 2), "age_groups": rng.randint(1, 3)}.get(
                name, rng.randint(1, 2)
            )
            m2m[name].extend((i, term.pk) for term in _weighted(rng, terms, weights, k))
        if published:
            phases = LEVELS[level].phases
            body = {s.key: _paragraph(rng, s.key, rng.randint(4, 9)) for s in sections if s.phase in phases}
            for word in rare:  # a rare word once, somewhere in the text
                key = rng.choice(list(body))
                body[key] += f" Ook de {word} is een vaste partner."
            texts[i] = body
    Practice.objects.bulk_create(practices, batch_size=500)
    assert all(p.pk for p in practices), "bulk_create must return primary keys (SQLite 3.35+, PostgreSQL)"
    pk = {i: p.pk for i, p in zip(range(start, end), practices, strict=True)}
    PracticeOrganisation.objects.bulk_create(
        [PracticeOrganisation(practice_id=pk[i], organisation_id=org, role=role) for i, org, role in links], batch_size=1000
    )
    for name, pairs in m2m.items():
        m2m_field = Practice._meta.get_field(name)
        through = m2m_field.remote_field.through
        source, target = f"{m2m_field.m2m_field_name()}_id", f"{m2m_field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create([through(**{source: pk[i], target: term}) for i, term in pairs], batch_size=1000)
    descriptions = [Description(practice_id=pk[i], template=template, is_draft=False, version=1) for i in texts]
    Description.objects.bulk_create(descriptions, batch_size=1000)
    description_pk = {d.practice_id: d.pk for d in descriptions}
    phase = {s.key: s.phase for s in sections}
    DescriptionSection.objects.bulk_create(
        [
            DescriptionSection(description_id=description_pk[pk[i]], key=key, phase=phase[key], body=body, revision=1)
            for i, bodies in texts.items()
            for key, body in bodies.items()
        ],
        batch_size=1000,
    )
    Practice.objects.filter(pk__in=[pk[i] for i in texts]).update(
        published_description_id=Subquery(
            Description.objects.filter(practice_id=OuterRef("pk"), is_draft=False, version=1).values("pk")[:1]
        )
    )


def index(stdout=print) -> dict:
    """Rebuild both search indexes: Wagtail's (`update_index`, the admin's search) and the site's
    Dutch search (`rebuild_search_index`, which the databank's text filter uses); returns seconds
    and query count of the first, seconds of the second."""
    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        call_command("update_index", verbosity=0)
    seconds = time.perf_counter() - started
    stdout(f"  update_index: {seconds:.1f} s, {count[0]} SQL queries")
    started = time.perf_counter()
    call_command("rebuild_search_index", kinds=["practice"], stdout=io.StringIO())
    site_seconds = time.perf_counter() - started
    stdout(f"  rebuild_search_index --kind practice: {site_seconds:.1f} s")
    return {"seconds": seconds, "queries": count[0], "site_search_seconds": site_seconds}


def stats() -> dict:
    public = Practice.objects.public()
    return {
        "practices": Practice.objects.count(),
        "public": public.count(),
        "published": Practice.objects.published().count(),
        "organisations": Organisation.objects.count(),
        "sections": DescriptionSection.objects.count(),
        "text_mb": round(sum(len(b) for b in DescriptionSection.objects.values_list("body", flat=True).iterator()) / 1e6, 1),
    }
