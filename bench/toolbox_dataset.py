"""A large, deterministic Toolbox for the benchmarks: live publications built with bulk_create.

    BENCH_DIR=/tmp/tb .venv/bin/python -m bench.toolbox_dataset --n 100000

`build_publications(n)` grows the benchmark's publications (slugs starting with `bench-pub-`) to n,
in committed batches: live and published (what `Publication.objects.public()` asks), no Wagtail
revisions. Each has 1-4 authors from a pool of about 20,000 fictional people (Zipf-like: a few
write hundreds of publications, most a handful) and about 300 fictional organisations (one author
in ten), 1-3 themes of the taxonomy (bench.dataset's, created if missing), a type (all of them), a
year from FIRST_YEAR on (recent years more often), a language, a publisher or journal, 8 % EXPOO
publications, and a Dutch title and short description (40-120 words) from word lists and sentence
templates (bench.dataset's lists, without the words of the gezin family).

COMMON_WORD ("gezin") is in about a third of the titles or descriptions (COMMON_SHARE) and in no
other text of a publication's search document (authors, publisher, journal), so a search for it
matches that share. Bulk inserts send no signals: `index_publications()` then rebuilds the site
search index of the kind "publication" and times it.
"""

import argparse
import functools
import itertools
import os
import random
import string
import time
from datetime import timedelta

PREFIX = "bench-pub-"
COMMON_WORD = "gezin"
COMMON_SHARE = 1 / 3
EXPOO_SHARE = 0.08
ORGANISATION_AUTHOR_SHARE = 0.10
PEOPLE = 20_000
ORGANISATIONS = 300
BATCH = 2000
# Author popularity: weight 1 / (rank + ZIPF_Q) ** ZIPF_S. At 100,000 publications the most
# prolific person has some 800, a few hundred have 100 or more, the median person about 4.
ZIPF_S, ZIPF_Q = 1.0, 50

# --- Word lists -----------------------------------------------------------------------------
# fmt: off
FIRST_NAMES = [
    'An', 'Ann', 'Annelies', 'Anouk', 'Anke', 'Arne', 'Bart', 'Bert', 'Bram', 'Britt', 'Charlotte', 'Dirk',
    'Dries', 'Elke', 'Ellen', 'Els', 'Emma', 'Eva', 'Evi', 'Femke', 'Filip', 'Frederik', 'Geert', 'Gert',
    'Goedele', 'Greet', 'Griet', 'Hanne', 'Hans', 'Hilde', 'Ilse', 'Ine', 'Inge', 'Jan', 'Jana', 'Jef',
    'Jeroen', 'Joke', 'Jolien', 'Jonas', 'Joris', 'Kaat', 'Karen', 'Kathleen', 'Katrien', 'Koen', 'Kris',
    'Laure', 'Leen', 'Lien', 'Liesbeth', 'Lieve', 'Lise', 'Lore', 'Lotte', 'Luc', 'Lukas', 'Maarten',
    'Marc', 'Marie', 'Marijke', 'Mark', 'Marleen', 'Michiel', 'Mieke', 'Nathalie', 'Nele', 'Nick', 'Niels',
    'Nina', 'Olivier', 'Peter', 'Pieter', 'Rik', 'Rita', 'Ruben', 'Rudi', 'Sanne', 'Sara', 'Seppe', 'Sien',
    'Sofie', 'Stijn', 'Sven', 'Thomas', 'Tijs', 'Tim', 'Tine', 'Tom', 'Veerle', 'Wim', 'Wouter', 'Yasmina',
    'Youssef', 'Zoë', 'Ahmed', 'Fatima', 'Hamid', 'Amira', 'Mehmet', 'Elif', 'Nadia', 'Karim', 'Jasper',
]
PLAIN_FAMILY_NAMES = [
    'Aerts', 'Baert', 'Bogaert', 'Boon', 'Claes', 'Claeys', 'Coppens', 'Cools', 'Daems', 'Dewulf', 'Declercq',
    'Desmet', 'Dierckx', 'Engels', 'Goossens', 'Geerts', 'Hermans', 'Hendrickx', 'Huybrechts', 'Jacobs',
    'Janssens', 'Lambrecht', 'Lemmens', 'Maes', 'Martens', 'Mertens', 'Michiels', 'Moens', 'Nijs', 'Peeters',
    'Pauwels', 'Raes', 'Renders', 'Segers', 'Smets', 'Stevens', 'Swinnen', 'Thys', 'Timmermans', 'Tops',
    'Verbeke', 'Verhaegen', 'Verlinden', 'Verstraete', 'Vermeulen', 'Wouters', 'Willems', 'Wuyts', 'Bosmans',
    'Cuypers', 'Dockx', 'Gielen', 'Heylen', 'Kenis', 'Lauwers', 'Luyten', 'Meeus', 'Nuyts', 'Sels', 'Vos',
    'Ceulemans', 'Dhondt', 'Everaert', 'Fierens', 'Hoste', 'Mortier', 'Pieters', 'Rombouts', 'Schepers',
    'Tack', 'Van Hove', 'Wellens', 'Yilmaz', 'El Amrani', 'Benali', 'Kaya', 'Öztürk', 'Bouzid', 'Haddou',
]
PARTICLES = ['Van', 'Van de', 'Van den', 'Van der', 'De', 'Vanden', 'Vande', 'Ver']
STEMS = [
    'Broeck', 'Velde', 'Bossche', 'Acker', 'Heyden', 'Linden', 'Wouwer', 'Steen', 'Poel', 'Kerckhove',
    'Meersch', 'Walle', 'Berghe', 'Eynde', 'Bruggen', 'Hende', 'Putte', 'Voorde', 'Meulen', 'Borre',
    'Cauter', 'Dycke', 'Gucht', 'Hecke', 'Looy', 'Mierlo', 'Neste', 'Rompaey', 'Sande', 'Wiele',
]
ORGANISATION_FORMS = [  # '{}' is the domain
    'Kenniscentrum {}', 'Expertisecentrum {}', 'Steunpunt {}', 'Netwerk {}', 'Platform {}', 'Observatorium {}',
    'Onderzoeksgroep {}', 'Studiedienst {}', 'Werkgroep {}', 'Centrum voor {}', 'Vereniging voor {}',
    'Vlaams Instituut voor {}', 'Coalitie voor {}', 'Fonds voor {}',
]
ORGANISATION_DOMAINS = [
    'Opvoeding', 'Jeugd', 'Jonge Kinderen', 'Ouderschap', 'Kinderrechten', 'Armoedebestrijding', 'Welzijn',
    'Ontwikkelingspsychologie', 'Onderwijs en Samenleving', 'Kinderopvang', 'Jeugdhulp', 'Diversiteit',
    'Taalontwikkeling', 'Pedagogiek', 'Sociaal Werk', 'Geestelijke Gezondheid', 'Vroegsignalering',
    'Mediawijsheid', 'Buurtwerk', 'Preventie', 'Leesbevordering', 'Inclusie', 'Kansengelijkheid',
    'Opvoedingsondersteuning', 'Vrije Tijd',
]
PUBLISHERS = [
    'Uitgeverij De Linde', 'Uitgeverij Halfweg', 'Uitgeverij Kompas', 'Uitgeverij Polderlicht',
    'Uitgeverij Het Leeshuis', 'Uitgeverij Scheldeboek', 'Uitgeverij Zonnewijzer', 'Uitgeverij Kiem',
    'Uitgeverij Boomgaard', 'Uitgeverij Klaproos', 'Uitgeverij Meander', 'Uitgeverij Vuurtoren',
    'Uitgeverij Driehoek', 'Uitgeverij Wilg', 'Uitgeverij Kantlijn', 'Uitgeverij Perspectief',
    'Academia Lovaniensis', 'Universitaire Pers Gent-Noord', 'Hogeschoolpers Kempen', 'Editions Sablon',
]
JOURNALS = [
    'Tijdschrift voor Opvoeding', 'Tijdschrift voor Jeugdhulp', 'Pedagogisch Forum', 'Welzijnsbulletin',
    'Vlaams Tijdschrift voor Jonge Kinderen', 'Cahiers Sociaal Werk', 'Tijdschrift voor Kinderopvang',
    'Journal of Parenting Support', 'Opgroeien in Vlaanderen', 'Jeugd en Samenleving',
    'Tijdschrift voor Ontwikkelingspsychologie', 'Praktijkblad Opvoedingsondersteuning',
]
SUBTITLE = [
    'een literatuurstudie', 'een praktijkgids', 'resultaten van een bevraging', 'een verkennend onderzoek',
    'lessen uit de praktijk', 'een handleiding voor {pro}', 'een evaluatie', 'stand van zaken',
    'een kwalitatieve studie', 'een overzicht', 'tien vragen en antwoorden', 'aanbevelingen voor beleid',
    'ervaringen van {who}', 'een werkboek', 'inspiratie voor {pro}',
]
TITLES = [
    '{Topic} bij {child}: {subtitle}', '{Format} voor {who}: {subtitle}', 'Ondersteuning van {who} bij {topic}',
    'Opvoeden en {topic}: {subtitle}', 'Wat werkt bij {topic}? {Subtitle}', '{Method} in de praktijk',
    'Samen sterk rond {topic}', 'De rol van {pro} bij {topic}', 'Over {topic} en {topic2}',
    '{Child} en {topic}: {subtitle}', '{Activity} met {who}', 'Kijken naar {topic}: {subtitle}',
    '{Adj} werken met {who}', 'Tussen {place} en thuis: {subtitle}',
]
COMMON_TITLES = [  # with the common word
    '{Topic} in het gezin: {subtitle}', 'Het gezin als partner bij {topic}', 'Opvoeden in het gezin van vandaag',
    'Samen met het gezin: {subtitle}',
]
OPENERS = {  # per publication type
    'report': ['Dit rapport brengt in kaart hoe {who} omgaan met {topic}.', 'Het rapport bundelt de resultaten van een bevraging van {m} {who}.'],
    'journal_article': ['In dit artikel onderzoeken de auteurs hoe {pro} {who} ondersteunen bij {topic}.', 'Dit artikel bespreekt een studie naar {topic} bij {child}.'],
    'book': ['Dit boek biedt {pro} een overzicht van wat we weten over {topic}.', 'Een boek over {topic} en {topic2}, geschreven voor {pro} en {who}.'],
    'chapter': ['Dit hoofdstuk beschrijft de ervaringen van {pro} met {activity}.', 'Het hoofdstuk gaat in op {topic} bij {child}.'],
    'presentation': ['Deze presentatie werd gegeven op een studiedag over {topic}.', 'De slides vatten een lezing samen over {method}.'],
    'brochure': ['Deze brochure geeft {who} praktische tips over {topic}.', 'Een folder voor {who} met {child} over {topic}.'],
    'policy_document': ['Deze beleidsnota schetst hoe lokale besturen {who} kunnen ondersteunen.', 'Het advies doet voorstellen om {goal}.'],
    'podcast': ['In deze aflevering praten {pro} over {topic}.', 'Een podcast waarin {who} vertellen over {topic}.'],
    'video': ['In deze video tonen {pro} hoe {activity} verlopen.', 'Een korte film over {topic} bij {child}.'],
    'practice_material': ['Dit materiaal helpt {pro} om {topic} bespreekbaar te maken.', 'Een set werkbladen en spelkaarten rond {topic}.'],
}
SENTENCES = [
    'De auteurs bespreken {topic} vanuit het perspectief van {who}.', 'Er wordt bijzondere aandacht besteed aan {topic2}.',
    'Het onderzoek is gebaseerd op interviews met {m} {who}.', 'De publicatie sluit af met aanbevelingen voor {pro} en beleidsmakers.',
    'Theoretisch vertrekt de tekst van {method}.', 'Voorbeelden uit {place} maken de inzichten concreet.',
    'Uit de resultaten blijkt dat {who} {activity} als {adj} ervaren.', 'De tekst is bedoeld voor {pro} die werken met {who}.',
    'Het doel is om {goal}.', 'Een apart deel gaat dieper in op {topic} bij {child}.', 'Ook de samenwerking met {place} komt aan bod.',
    'De bevindingen worden vergeleken met buitenlandse studies.', 'Praktische tips helpen om over {topic} te praten.',
    '{Pro} getuigen over hun ervaringen met {activity}.', 'Een checklist helpt om de aanpak {adj} te houden.',
    'De auteurs pleiten voor meer aandacht voor {topic} in de opleiding van {pro}.',
]
COMMON_SENTENCES = [  # with the common word
    'De auteurs kijken naar het gezin als geheel, niet alleen naar het kind.',
    'Wat betekent {topic} voor het dagelijkse leven in het gezin?',
    'Het gezin wordt gezien als de eerste plek waar {child} leren.',
    'Er is aandacht voor de draagkracht van het gezin.',
    'Elk gezin heeft eigen noden rond {topic}.',
    'Voorbeelden tonen hoe {pro} samen met het gezin doelen bepalen.',
]
TYPE_WEIGHTS = {  # PublicationType value -> weight
    'report': 20, 'journal_article': 24, 'book': 9, 'chapter': 10, 'presentation': 7, 'brochure': 10,
    'policy_document': 7, 'podcast': 4, 'video': 4, 'practice_material': 8,
}
LANGUAGE_WEIGHTS = {'nl': 86, 'en': 10, 'fr': 3, 'de': 1}
LICENCE_WEIGHTS = {'': 45, 'all-rights-reserved': 20, 'CC-BY-4.0': 15, 'CC-BY-NC-4.0': 8, 'CC-BY-NC-ND-4.0': 6, 'CC-BY-SA-4.0': 4, 'CC0-1.0': 2}
# fmt: on


@functools.cache
def _vocabulary() -> dict[str, list]:
    """bench.dataset's word lists without anything of the common word's family (gezinnen,
    gezinsondersteuners, het gezinsbudget ...): only the marked sentences may contain it."""
    from bench import dataset

    def clean(items):
        kept = [item for item in items if COMMON_WORD not in item.lower()]
        assert kept, items
        return kept

    return {
        "who": clean(dataset.WHO),
        "child": clean(dataset.CHILD),
        "pro": clean(dataset.PRO),
        "activity": clean(dataset.ACTIVITY),
        "topic": clean(dataset.TOPIC),
        "topic2": clean(dataset.TOPIC),
        "goal": clean(dataset.GOAL),
        "place": clean(dataset.PLACE),
        "freq": clean(dataset.FREQ),
        "adj": clean(dataset.ADJ),
        "method": clean(dataset.METHOD),
        "format": clean(dataset.FORMAT),
        "general": clean(dataset.GENERAL) + SENTENCES,
        "subtitle": SUBTITLE,
    }


@functools.cache
def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _fill(rng, template: str) -> str:
    """A template with its fields drawn from the word lists ({Topic}: capitalised)."""
    words = _vocabulary()
    values = {}
    for name in _fields(template):
        key = name[0].lower() + name[1:]
        if key == "n":
            value = str(rng.randint(2, 12))
        elif key == "m":
            value = str(rng.choice([12, 20, 35, 50, 80, 120, 200, 350]))
        else:
            value = rng.choice(words[key])
            if "{" in value:  # a subtitle with fields of its own
                value = _fill(rng, value)
        values[name] = value[0].upper() + value[1:] if name[0].isupper() else value
    return template.format(**values)


def _description(rng, publication_type: str, common: bool) -> str:
    """40 to 120 words: an opener for the type, general sentences, the common word when asked."""
    target = rng.randint(40, 120)
    general = _vocabulary()["general"]
    sentences = [_fill(rng, rng.choice(OPENERS[publication_type]))]
    words = len(sentences[0].split())
    if common:
        sentence = _fill(rng, rng.choice(COMMON_SENTENCES))
        sentences.append(sentence)
        words += len(sentence.split())
    while words < target:
        sentence = _fill(rng, rng.choice(general))
        n = len(sentence.split())
        if words + n > 120 and words >= 40:
            break
        sentences.append(sentence)
        words += n
    if common and len(sentences) > 2:  # the common sentence somewhere after the opener
        sentences.insert(rng.randint(1, len(sentences) - 1), sentences.pop(1))
    return " ".join(sentences)


# --- Authors --------------------------------------------------------------------------------
@functools.cache
def _authors(seed: int) -> tuple:
    """(people, their cumulative weights, organisations, theirs): people as (family, given)."""
    rng = random.Random(seed * 31 + 1)
    family = PLAIN_FAMILY_NAMES + [f"{p}{s.lower()}" if p == "Ver" else f"{p} {s}" for p in PARTICLES for s in STEMS]
    combos = [(f, g) for f in family for g in FIRST_NAMES]
    people = rng.sample(combos, min(PEOPLE, len(combos)))  # random order: popularity is by position
    organisations = sorted({form.format(domain) for form in ORGANISATION_FORMS for domain in ORGANISATION_DOMAINS})
    organisations = rng.sample(organisations, min(ORGANISATIONS, len(organisations)))

    def cumulative(count):
        return list(itertools.accumulate(1.0 / (rank + 1 + ZIPF_Q) ** ZIPF_S for rank in range(count)))

    return people, cumulative(len(people)), organisations, cumulative(len(organisations))


def _pick_authors(rng, seed: int) -> list[tuple[str, str, str]]:
    """1-4 distinct authors as (kind, name, given_names)."""
    people, people_weights, organisations, organisation_weights = _authors(seed)
    count = rng.choices([1, 2, 3, 4], weights=[35, 30, 20, 15])[0]
    authors = []
    while len(authors) < count:
        if rng.random() < ORGANISATION_AUTHOR_SHARE:
            author = ("organisation", rng.choices(organisations, cum_weights=organisation_weights)[0], "")
        else:
            family, given = rng.choices(people, cum_weights=people_weights)[0]
            author = ("person", family, given)
        if author not in authors:
            authors.append(author)
    return authors


# --- Building -------------------------------------------------------------------------------
def _year(rng, this_year: int, first: int, last: int) -> int:
    """Recent years most often (a mean age of about nine years), a few from any year since first,
    and a few announced ahead."""
    roll = rng.random()
    if roll < 0.04:
        return rng.randint(first, last)
    if roll < 0.05:
        return rng.randint(this_year + 1, last)
    return max(first, this_year - int(rng.expovariate(1 / 9)))


def _isbn(rng) -> str:
    from stdnum import isbn

    digits = f"97890{rng.randint(0, 9_999_999):07d}"
    check = (10 - sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(digits)) % 10) % 10
    return isbn.format(digits + str(check))


def _publication(i: int, seed: int, context: dict):
    """The i-th benchmark publication (0-based) as an unsaved Publication, its authors and theme ids.
    Everything is drawn from a generator seeded with (seed, i): the same whatever the batch."""
    from bench import dataset
    from toolbox.models import Publication

    rng = random.Random(seed * 1_000_003 + i)
    publication_type = rng.choices(context["types"], weights=context["type_weights"])[0]
    common = rng.random() < COMMON_SHARE
    if common and rng.random() < 0.25:
        title = _fill(rng, rng.choice(COMMON_TITLES))
        description = _description(rng, publication_type, common=False)
    else:
        title = _fill(rng, rng.choice(TITLES))
        description = _description(rng, publication_type, common=common)
    title = title[0].upper() + title[1:]
    is_expoo = rng.random() < EXPOO_SHARE
    authors = _pick_authors(rng, seed)
    if is_expoo:
        publisher = "EXPOO"
    elif publication_type in ("report", "policy_document", "brochure", "practice_material", "presentation"):
        publisher = authors[0][1] if authors[0][0] == "organisation" else rng.choice(_authors(seed)[2])
    elif publication_type in ("book", "chapter"):
        publisher = rng.choice(PUBLISHERS)
    else:
        publisher = ""
    journal = volume = issue = pages = doi = isbn = external_url = ""
    if publication_type == "journal_article":
        journal = rng.choice(JOURNALS)
        volume, issue = str(rng.randint(1, 60)), str(rng.randint(1, 6))
        start = rng.randint(1, 400)
        pages = f"{start}-{start + rng.randint(4, 30)}"
        if rng.random() < 0.6:
            doi = f"10.5555/bench.{i + 1}"
    elif publication_type == "chapter":
        journal = _fill(rng, "{Topic}: {subtitle}")
        start = rng.randint(1, 300)
        pages = f"{start}-{start + rng.randint(8, 40)}"
    elif publication_type == "book" and rng.random() < 0.7:
        isbn = _isbn(rng)
    if publication_type in ("podcast", "video") or rng.random() < 0.3:
        external_url = f"https://media.example.org/{publication_type}/{i + 1}"
    days_ago = rng.randint(1, 2500)
    first_published_at = context["now"] - timedelta(days=days_ago, minutes=i % 1440)
    last_published_at = first_published_at
    if rng.random() < 0.3:
        last_published_at = min(context["now"], first_published_at + timedelta(days=rng.randint(1, days_ago)))
    publication = Publication(
        title=title[:300],
        slug=f"{PREFIX}{i + 1}",
        publication_type=publication_type,
        year=_year(rng, context["this_year"], context["first_year"], context["last_year"]),
        description=description,
        language=rng.choices(context["languages"], weights=context["language_weights"])[0],
        publisher=publisher,
        journal=journal,
        volume=volume,
        issue=issue,
        pages=pages,
        isbn=isbn,
        doi=doi,
        licence=rng.choices(context["licences"], weights=context["licence_weights"])[0],
        external_url=external_url,
        is_expoo=is_expoo,
        order_url=f"https://www.expoo.example/bestellen/{i + 1}" if is_expoo and rng.random() < 0.5 else "",
        live=True,
        has_unpublished_changes=False,
        first_published_at=first_published_at,
        last_published_at=last_published_at,
    )
    themes, theme_weights = context["themes"]
    theme_ids = [t.pk for t in dataset._weighted(rng, themes, theme_weights, rng.randint(1, min(3, len(themes))))]
    return publication, authors, theme_ids


def _context(seed: int) -> dict:
    from django.utils import timezone

    from bench import dataset
    from core.models import Theme
    from toolbox.models import FIRST_YEAR, Language, Licence, PublicationType, latest_year

    dataset.ensure_reference()  # the taxonomy, as bench.dataset makes it, unless it is there
    assert set(TYPE_WEIGHTS) == set(PublicationType.values), "a publication type without a weight"
    assert set(LANGUAGE_WEIGHTS) <= set(Language.values) and set(LICENCE_WEIGHTS) - {""} <= set(Licence.values)
    now = timezone.now()
    _authors(seed)  # build the pools once, outside the timed loops' first batch
    return {
        "now": now,
        "this_year": now.year,
        "first_year": FIRST_YEAR,
        "last_year": latest_year(),
        "types": list(TYPE_WEIGHTS),
        "type_weights": list(TYPE_WEIGHTS.values()),
        "languages": list(LANGUAGE_WEIGHTS),
        "language_weights": list(LANGUAGE_WEIGHTS.values()),
        "licences": list(LICENCE_WEIGHTS),
        "licence_weights": list(LICENCE_WEIGHTS.values()),
        "themes": dataset._terms(Theme),
    }


def build_publications(n: int, *, seed: int = 7, stdout=print) -> dict:
    """Grow the benchmark's live publications (slug prefix PREFIX) to n, in batches of BATCH, each
    committed on its own; publications already there are kept (publication i is the same whatever
    the run). Returns counts, seconds and COMMON_WORD with the number of publications having it."""
    from django.db import transaction

    from toolbox.models import Publication, PublicationAuthor

    started = time.perf_counter()
    bench_publications = Publication.objects.filter(slug__startswith=PREFIX)
    have = bench_publications.count()
    context = _context(seed) if have < n else None
    through = Publication.themes.through
    authors_created = themes_linked = 0
    for start in range(have, n, BATCH):
        end = min(start + BATCH, n)
        rows = [_publication(i, seed, context) for i in range(start, end)]
        with transaction.atomic():
            publications = Publication.objects.bulk_create([row[0] for row in rows])
            assert all(p.pk for p in publications), "bulk_create must return primary keys (SQLite 3.35+, PostgreSQL)"
            authors = [
                PublicationAuthor(publication_id=p.pk, kind=kind, name=name, given_names=given, sort_order=position)
                for p, (_, row_authors, _) in zip(publications, rows, strict=True)
                for position, (kind, name, given) in enumerate(row_authors)
            ]
            PublicationAuthor.objects.bulk_create(authors, batch_size=1000)
            links = [
                through(publication_id=p.pk, theme_id=theme)
                for p, (_, _, themes) in zip(publications, rows, strict=True)
                for theme in themes
            ]
            through.objects.bulk_create(links, batch_size=1000)
        authors_created += len(authors)
        themes_linked += len(links)
        if stdout and (end == n or (end - have) % (BATCH * 10) == 0):
            stdout(f"  publications {end:,}/{n:,} ({time.perf_counter() - started:.1f} s)")
    seconds = time.perf_counter() - started
    common = bench_publications.filter(description__icontains=COMMON_WORD) | bench_publications.filter(
        title__icontains=COMMON_WORD
    )
    return {
        "existing": have,
        "created": max(0, n - have),
        "publications": bench_publications.count(),
        "authors_created": authors_created,
        "theme_links_created": themes_linked,
        "seconds": seconds,
        "common_word": COMMON_WORD,
        "common_word_publications": common.count(),
    }


def index_publications() -> float:
    """Rebuild the site search index of the kind "publication" (and the vocabulary), as
    `rebuild_search_index --kind publication` does; returns the seconds it took."""
    from sitesearch.indexing import rebuild

    started = time.perf_counter()
    rebuild(["publication"])
    return time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="benchmark publications to have")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-index", action="store_true", help="build only")
    args = parser.parse_args(argv)

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"  # as bench.practices_bench
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from sitesearch import listing
    from toolbox.models import Publication, PublicationAuthor

    print(f"== {connection.vendor} ({connection.settings_dict['NAME']})", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"  migrate: {time.perf_counter() - started:.1f} s", flush=True)

    result = build_publications(args.n, seed=args.seed)
    print(
        f"  build: {result['created']:,} created ({result['existing']:,} were there) in {result['seconds']:.1f} s;"
        f" {result['authors_created']:,} authors, {result['theme_links_created']:,} theme links",
        flush=True,
    )
    public = Publication.objects.public().count()
    authors = PublicationAuthor.objects.filter(publication__slug__startswith=PREFIX)
    print(
        f"  public publications: {public:,}; bench: {result['publications']:,}; author rows: {authors.count():,},"
        f" distinct authors: {authors.values('kind', 'name', 'given_names').distinct().count():,}",
        flush=True,
    )
    if args.no_index:
        return
    seconds = index_publications()
    print(f"  index (sitesearch rebuild, kind publication): {seconds:.1f} s", flush=True)
    word = result["common_word"]
    started = time.perf_counter()
    matching = len(listing.matching_ids("publication", listing.tree(word)))
    match_ms = (time.perf_counter() - started) * 1000
    print(
        f"  {word!r}: {matching:,} matching publications ({matching / max(public, 1):.1%} of the public ones,"
        f" {match_ms:.0f} ms); {result['common_word_publications']:,} have it in their title or description",
        flush=True,
    )


if __name__ == "__main__":
    main()
