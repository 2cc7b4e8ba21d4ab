import pytest

from core.factories import ThemeFactory, UserFactory

from .factories import PublicationFactory, pdf_document


@pytest.fixture
def themes(db):
    return {
        "armoede": ThemeFactory(name="Armoede en kansengelijkheid", slug="armoede"),
        "scheiding": ThemeFactory(name="Scheiding", slug="scheiding"),
        "tieners": ThemeFactory(name="Tieners", slug="tieners"),
    }


@pytest.fixture
def library(themes):
    """Five public publications and one draft, across types, years, themes and authors."""
    return {
        "armoede_rapport": PublicationFactory(
            title="Opgroeien in armoede: wat gezinnen vertellen",
            slug="opgroeien-in-armoede",
            year=2019,
            is_expoo=True,
            authors=[("Peeters", "An"), "EXPOO"],
            themes=[themes["armoede"]],
        ),
        "scheiding_artikel": PublicationFactory(
            title="Co-ouderschap na een scheiding",
            slug="co-ouderschap",
            publication_type="journal_article",
            year=2021,
            journal="Tijdschrift voor gezinsstudies",
            volume="12",
            issue="3",
            pages="45-60",
            doi="10.1234/gezin.2021.045",
            publisher="",
            authors=[("Janssens", "Bram"), ("Peeters", "An")],
            themes=[themes["scheiding"]],
        ),
        "tieners_boek": PublicationFactory(
            title="Tieners en schermen",
            slug="tieners-en-schermen",
            publication_type="book",
            year=2023,
            isbn="978-94-014-0039-8",
            publisher="Lannoo",
            authors=[("Maes", "Chloë")],
            themes=[themes["tieners"]],
        ),
        "podcast": PublicationFactory(
            title="Praten met pubers",
            slug="praten-met-pubers",
            publication_type="podcast",
            year=2023,
            external_url="https://podcast.example.org/pubers",
            authors=["Opvoedingslijn"],
            themes=[themes["tieners"], themes["scheiding"]],
        ),
        "folder": PublicationFactory(
            title="Folder voor ouders in armoede",
            slug="folder-armoede",
            publication_type="brochure",
            year=2015,
            is_expoo=True,
            order_url="https://bestel.example.org/folder",
            authors=["EXPOO"],
            themes=[themes["armoede"]],
        ),
        "draft": PublicationFactory(
            draft=True,
            title="Geheim conceptrapport mrkdraftqz",
            slug="geheim-concept",
            year=2024,
            is_expoo=True,
            authors=[("Geheim", "Mrkdraftqz")],
            themes=[themes["armoede"]],
        ),
    }


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Permission

    user = UserFactory(email="redacteur@expoo.be", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="toolbox"),
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
    )
    return user


@pytest.fixture
def pdf():
    return pdf_document
