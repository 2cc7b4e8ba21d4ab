import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings

from accounts import roles
from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory, UserFactory
from core.models import TargetGroup

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DESCRIPTION_KEYS = ["samenvatting", "aanleiding", "doelgroep", "doelen", "aanpak", "randvoorwaarden", "overdraagbaarheid"]
SUBSTANTIATION_KEYS = ["onderbouwing", "uitvoerbaarheid"]


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


# Building practices through the actions, as the people involved would -----------------------


def register(by, organisation, title, summary="Ouders en kinderen doen samen iets.", **extra):
    from practices import actions

    extra.setdefault("contact_name", "Sam Schrijver")
    extra.setdefault("contact_email", "sam@example.org")
    return actions.register_practice(by=by, organisation=organisation, title=title, summary=summary, **extra)


def write(practice, by, texts: dict):
    """Save sections of the draft, each from its current revision."""
    from practices import actions

    draft = actions.ensure_draft(practice)
    for key, body in texts.items():
        section = draft.sections.get(key=key)
        actions.save_section(practice, by=by, key=key, body=body, revision=section.revision)


def submit_for_review(practice, *, writer, team, texts=None, keys=DESCRIPTION_KEYS):
    """Fill every required section of the phase (with `texts` where given) and submit: the open round."""
    from practices import actions

    texts = texts or {}
    write(practice, writer, {key: texts.get(key, f"Tekst over {key}: we werken samen met ouders.") for key in keys})
    return actions.submit_description(practice, by=writer)


def accept_round(practice, *, team, reviewer, chair, due, feedback="Akkoord.", overall="Goed", notes=None):
    """One commission member reviews and recommends; the chair accepts."""
    from practices import actions

    actions.assign_reviewers(practice, by=team, reviewers=[reviewer], due_date=due)
    assignment = actions.open_round(practice).assignments.get(reviewer=reviewer)
    actions.declare_conflict(assignment, by=reviewer, has_conflict=False)
    actions.save_review(assignment, by=reviewer, notes=notes or {}, overall=overall, recommendation="accept", submit=True)
    actions.record_decision(practice, by=chair, decision="accept", feedback=feedback)
    practice.refresh_from_db()
    return practice


def publish(practice, *, writer, team, reviewer, chair, due, texts=None):
    from practices import actions

    actions.accept_registration(practice, by=team)
    submit_for_review(practice, writer=writer, team=team, texts=texts)
    return accept_round(practice, team=team, reviewer=reviewer, chair=chair, due=due)


def pdf(name="materiaal.pdf", body=PDF_BYTES):
    return ContentFile(body, name=name)


# One world for the access matrix ------------------------------------------------------------
# Each marker is a word that appears in exactly one non-public place, so finding it anywhere it
# should not be is a leak, whatever the door.

MARK = {
    "declined": "mrkdeclinedqz",
    "pending": "mrkpendingqz",
    "intake": "mrkintakeqz",
    "draft": "mrkdraftqz",
    "read_along": "mrkreadalongqz",
    "internal_pdf": "mrkinternalpdfqz",
    "unpublished_pdf": "mrkunpublishedpdfqz",
    "version": "mrkversionqz",
    "review_note": "mrkreviewnoteqz",
    "review_overall": "mrkreviewoverallqz",
    "conflict": "mrkconflictqz",
    "next_level": "mrknextlevelqz",
    "next_level_desc": "mrknextdescqz",
    "collective": "mrkcollectiveqz",
    "published": "mrkpublishedqz",
}


@dataclass
class World:
    users: dict = field(default_factory=dict)
    practices: dict = field(default_factory=dict)
    materials: dict = field(default_factory=dict)
    assignments: dict = field(default_factory=dict)


def build_world() -> World:
    """Practices in every state that hides something, and one person per role."""
    from notifications.service import muted
    from practices import actions
    from practices.models import PracticeOrganisation, PracticeRole

    w = World()
    u = w.users
    with muted():
        org = OrganisationFactory(name="Huis van het Kind Matrixstad")
        other_org = OrganisationFactory(name="Opvoedingswinkel Anderswaar")
        pen_org = OrganisationFactory(name="Aaa Gezinsbond Pen")
        part_org = OrganisationFactory(name="Bbb Buurtwerk Deelnemer")
        u["submitter_member"] = MembershipFactory(organisation=org, user__email="schrijver@matrix.be").user
        u["other_org_member"] = MembershipFactory(organisation=other_org, user__email="ander@matrix.be").user
        u["penholder"] = MembershipFactory(organisation=pen_org, user__email="pen@matrix.be").user
        u["participant"] = MembershipFactory(organisation=part_org, user__email="deelnemer@matrix.be").user
        applying_org = OrganisationFactory(name="Ccc Ook Toepasser")
        u["applying_org_member"] = MembershipFactory(organisation=applying_org, user__email="toepasser@matrix.be").user
        u["reviewer_assigned"] = UserFactory(email="lid-a@matrix.be", groups=[roles.COMMISSION_MEMBER])
        u["reviewer_conflicted"] = UserFactory(email="lid-c@matrix.be", groups=[roles.COMMISSION_MEMBER])
        u["reviewer_not_assigned"] = UserFactory(email="lid-n@matrix.be", groups=[roles.COMMISSION_MEMBER])
        reviewer_b = UserFactory(email="lid-b@matrix.be", groups=[roles.COMMISSION_MEMBER])
        u["chair"] = UserFactory(email="voorzitter@matrix.be", groups=[roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR])
        u["team"] = UserFactory(email="team@matrix.be", groups=[roles.EXPOO_TEAM])
        u["administrator"] = UserFactory(email="admin@matrix.be", is_superuser=True, is_staff=True)
        writer, team, chair = u["submitter_member"], u["team"], u["chair"]
        due = datetime.date.today() + datetime.timedelta(days=21)
        theme = ThemeFactory(name="Matrixthema", slug="matrixthema")
        p = w.practices

        # A declined registration: its title, summary and the reason are internal.
        m = MARK["declined"]
        p["declined"] = register(writer, org, f"Praktijk {m}", summary=f"Samenvatting {m}.", themes=[theme])
        actions.decline_registration(p["declined"], by=team, reason=f"Reden {m}: geen praktijk.")

        # A registration not yet accepted, with the team's intake notes.
        m = MARK["pending"]
        p["pending"] = register(writer, org, f"Praktijk {m}", summary=f"Samenvatting {m}.", themes=[theme])
        actions.plan_intake(
            p["pending"], by=team, when=datetime.datetime(2030, 1, 7, 10, tzinfo=datetime.UTC), notes=f"Notitie {MARK['intake']}"
        )

        # Accepted and being written: a draft section, a read-along comment, a public PDF of an unpublished practice.
        p["draft"] = register(writer, org, "Praktijk in wording", themes=[theme])
        actions.accept_registration(p["draft"], by=team)
        write(p["draft"], writer, {"aanpak": f"Onze aanpak {MARK['draft']} in stappen."})
        actions.request_read_along(p["draft"], by=writer)
        actions.add_comment(p["draft"], by=team, section_key="aanpak", body=f"Opmerking {MARK['read_along']}.")
        actions.return_read_along(p["draft"], by=team, message="Zie de opmerkingen.")
        w.materials["unpublished_pdf"] = actions.upload_material(
            p["draft"], by=writer, title=f"Folder {MARK['unpublished_pdf']}", file=pdf(), is_public=True
        )

        # Submitted and with the commission: one member reviews, one declared a conflict, one has not started.
        p["review"] = register(writer, org, "Praktijk bij de commissie", themes=[theme])
        actions.accept_registration(p["review"], by=team)
        submit_for_review(p["review"], writer=writer, team=team, texts={"aanpak": f"Ingediende aanpak {MARK['version']}."})
        actions.assign_reviewers(
            p["review"],
            by=team,
            reviewers=[u["reviewer_assigned"], reviewer_b, u["reviewer_conflicted"]],
            due_date=due,
        )
        review_round = actions.open_round(p["review"])
        assigned = review_round.assignments.get(reviewer=u["reviewer_assigned"])
        actions.declare_conflict(assigned, by=u["reviewer_assigned"], has_conflict=False)
        by_b = review_round.assignments.get(reviewer=reviewer_b)
        actions.declare_conflict(by_b, by=reviewer_b, has_conflict=False)
        actions.save_review(
            by_b,
            by=reviewer_b,
            notes={"aanpak": f"Noot {MARK['review_note']}."},
            overall=f"Oordeel {MARK['review_overall']}.",
            recommendation="revise",
            submit=True,
        )
        conflicted = review_round.assignments.get(reviewer=u["reviewer_conflicted"])
        actions.declare_conflict(
            conflicted, by=u["reviewer_conflicted"], has_conflict=True, statement=f"Ik werk daar {MARK['conflict']}."
        )
        w.assignments.update(assigned=assigned, conflicted=conflicted, reviewed=by_b)

        # Published (goed beschreven), now writing the next level; one internal and one public PDF.
        p["published"] = register(writer, org, "Gepubliceerde praktijk", themes=[theme])
        publish(
            p["published"],
            writer=writer,
            team=team,
            reviewer=reviewer_b,
            chair=chair,
            due=due,
            texts={"samenvatting": f"Openbare samenvatting {MARK['published']}."},
        )
        write(
            p["published"],
            writer,
            {
                "onderbouwing": f"Theorie {MARK['next_level']} van verandering.",
                "aanpak": f"Nieuwe aanpak {MARK['next_level_desc']} voor het volgende niveau.",
            },
        )
        w.materials["internal_pdf"] = actions.upload_material(
            p["published"], by=writer, title=f"Handleiding {MARK['internal_pdf']}", file=pdf(), is_public=False
        )
        w.materials["public_pdf"] = actions.upload_material(
            p["published"], by=writer, title="Openbare folder", file=pdf(), is_public=True
        )

        # Another organisation also applies these practices ("who else works with this practice").
        for key in ("review", "published"):
            PracticeOrganisation.objects.create(practice=p[key], organisation=applying_org, role=PracticeRole.APPLIES)

        # A collective description: the penholder writes, the participant comments.
        trajectory = actions.create_collective_trajectory(
            by=team,
            title="Collectieve praktijk",
            summary="Samen beschreven.",
            organisations=[pen_org, part_org],
            penholder=u["penholder"],
            expert_name="Dr. Expert",
            sessions=[],
            contact_name="Pen Houder",
            contact_email="pen@matrix.be",
            themes=[theme],
        )
        p["collective"] = trajectory.practice
        write(p["collective"], u["penholder"], {"aanpak": f"Gezamenlijke aanpak {MARK['collective']}."})
    for practice in p.values():
        practice.refresh_from_db()
    return w


@contextmanager
def rolled_back(django_db_blocker, media_root):
    """Data made inside lives for a whole module: one transaction rolled back at the end (each
    test runs in a savepoint inside it), with uploads in a temporary media folder."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media_root)), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix world, built once per module."""
    with rolled_back(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield build_world()


def listed(response):
    """The practices of a databank page, in the order shown."""
    from practices.models import Practice

    by_pk = Practice.objects.in_bulk(response.context["result_ids"])
    return [by_pk[pk] for pk in response.context["result_ids"]]
