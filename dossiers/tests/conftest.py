import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from core.factories import ThemeFactory
from dossiers.models import DossierIndexPage, DossierPractice, DossierPublication, RelatedDossier, ThemeDossierPage
from practices.tests.conftest import cast  # noqa: F401 (a fixture: the people of the practice database)


@pytest.fixture
def index(db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    return home.add_child(
        instance=DossierIndexPage(title="Thematische dossiers", slug="thematische-dossiers", intro="Per thema het belangrijkste.")
    )


@pytest.fixture
def themes(db):
    return {
        "armoede": ThemeFactory(name="Armoede en kansengelijkheid", slug="armoede"),
        "scheiding": ThemeFactory(name="Scheiding", slug="scheiding"),
        "tieners": ThemeFactory(name="Tieners", slug="tieners"),
        "vaders": ThemeFactory(name="Vaders en vaderschap", slug="vaders"),
    }


def make_insight(statement, source, detail=""):
    value = {"statement": statement, "explanation": "<p>Uitleg.</p>", "source": source.pk, "source_detail": detail}
    return {"type": "insight", "value": value}


def make_testimonial(quote, speaker, media_url="", kind="", transcript=""):
    value = {"quote": quote, "speaker": speaker, "media_url": media_url, "media_kind": kind, "transcript": transcript}
    return {"type": "testimonial", "value": value}


def add_dossier(index, theme, title, *, live=True, documents=(), practices=(), related=(), **fields):
    """A dossier under the overview, live (published) unless `live=False`, with its links in order."""
    fields.setdefault("summary", f"Samenvatting van {title}.")
    fields.setdefault("introduction", f"<p>Inleiding over {title}.</p>")
    page = ThemeDossierPage(
        title=title,
        theme=theme,
        live=live,
        knowledge_documents=[DossierPublication(publication=p) for p in documents],
        chosen_practices=[DossierPractice(practice=p) for p in practices],
        related_dossiers=[RelatedDossier(dossier=d) for d in related],
        **fields,
    )
    index.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def published_practice(title, theme, *, days_ago=1):
    """A practice as the commission's decision leaves it: well described, with a published version.

    Shortcut for listings only; the practice database's own tests walk the whole process."""
    from practices.models import Description, DescriptionTemplate, Practice
    from practices.workflow import Level, Status

    practice = Practice.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=f"Samenvatting {title}.",
        level=Level.WELL_DESCRIBED,
        status=Status.PUBLISHED,
        contact_name="Sam",
        contact_email="sam@example.org",
        published_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    practice.published_description = Description.objects.create(
        practice=practice, template=DescriptionTemplate.objects.current(), is_draft=False, version=1
    )
    practice.save()
    practice.themes.add(theme)
    return practice
