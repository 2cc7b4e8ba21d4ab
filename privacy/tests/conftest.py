"""A small world around one person, Wannes Vermeulen, who is about to use their privacy rights:
a member of an organisation who registered and wrote a practice that is now published, is its
contact person, commented, proposed an event, sent a contact message; and others beside them
whose data must never end up in Wannes's export or be touched by Wannes's erasure."""

import datetime

import pytest

from accounts import roles
from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory, UserFactory

NAME = "Wannes Vermeulen"
EMAIL = "wannes.vermeulen@hvhk-gent.be"
OTHER_NAME = "Griet Lammens"
OTHER_EMAIL = "griet.lammens@hvhk-gent.be"


@pytest.fixture(autouse=True)
def _mail_at_once(monkeypatch):
    """E-mails are queued after the transaction commits; a test's transaction never does, so send at once."""
    from notifications import service

    monkeypatch.setattr(service.transaction, "on_commit", lambda func, *args, **kwargs: func())


def contact_page(**fields):
    """The site's contact form (a Wagtail form page) with a name, an e-mail and a question field."""
    from pages.models import ContactFormField, ContactPage, HomePage

    page = ContactPage(title="Contact", slug="contact", to_address="team@expoo.example", **fields)
    HomePage.objects.get().add_child(instance=page)
    for i, (label, kind) in enumerate([("Naam", "singleline"), ("E-mailadres", "email"), ("Vraag", "multiline")]):
        ContactFormField.objects.create(page=page, sort_order=i, label=label, field_type=kind, required=True)
    return page


def contact_message(page, *, name, email, question):
    from wagtail.contrib.forms.models import FormSubmission

    return FormSubmission.objects.create(page=page, form_data={"naam": name, "e_mailadres": email, "vraag": question})


@pytest.fixture
def scene(db):
    """Wannes, a colleague (Griet, the organisation's administrator), the team and the commission,
    around a published practice of their organisation."""
    from events.tests.conftest import make_event
    from notifications.service import muted
    from pages.models import HomePage, NewsIndexPage
    from practices import actions
    from practices.tests.conftest import publish, register

    org = OrganisationFactory(name="Huis van het Kind Gent", email="info@hvhk-gent.be", phone="09 123 45 67")
    org.contact_name = NAME
    org.save()
    first, last = NAME.split()
    person = UserFactory(email=EMAIL, first_name=first, last_name=last, job_title="onthaalmedewerker")
    MembershipFactory(user=person, organisation=org)
    other_first, other_last = OTHER_NAME.split()
    other = UserFactory(email=OTHER_EMAIL, first_name=other_first, last_name=other_last)
    MembershipFactory(user=other, organisation=org, admin=True)
    team = UserFactory(email="redactie@expoo.be", first_name="Ines", last_name="Redactie", groups=[roles.EXPOO_TEAM])
    reviewer = UserFactory(
        email="commissie@expoo.be", first_name="Pieter", last_name="Commissie", groups=[roles.COMMISSION_MEMBER]
    )
    chair = UserFactory(
        email="voorzitter@expoo.be",
        first_name="Mieke",
        last_name="Voorzitter",
        groups=[roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR],
    )
    HomePage.objects.get().add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    theme = ThemeFactory(name="Ouderparticipatie", slug="ouderparticipatie")
    due = datetime.date.today() + datetime.timedelta(days=21)
    with muted():
        practice = register(
            person,
            org,
            "Samen aan tafel",
            contact_name=NAME,
            contact_email=EMAIL,
            contact_phone="0470 12 34 56",
            themes=[theme],
        )
        publish(practice, writer=person, team=team, reviewer=reviewer, chair=chair, due=due)
        actions.add_comment(practice, by=person, section_key="aanpak", body="Wannes zijn opmerking over de aanpak.")
        actions.add_comment(practice, by=other, section_key="aanpak", body="Griet haar geheime opmerking.")
    person.followed_themes.add(theme)
    event = make_event(
        "Studiedag samen aan tafel", contact_name=NAME, contact_email=EMAIL, proposed_by=person, organisers=[org], themes=[theme]
    )
    page = contact_page()
    contact_message(page, name=NAME, email=EMAIL, question="Hoe schrijf ik een praktijk?")
    contact_message(page, name=OTHER_NAME, email=OTHER_EMAIL, question="Griet haar vraag.")
    practice.refresh_from_db()
    return {
        "org": org,
        "person": person,
        "other": other,
        "team": team,
        "reviewer": reviewer,
        "chair": chair,
        "practice": practice,
        "event": event,
        "theme": theme,
        "contact_page": page,
    }
