"""The demo data: complete enough to show every role and capability, and safe to load again."""

import datetime
import html
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from accounts import roles
from accounts.models import AccountRequest, Membership, MembershipRole, User
from core.demo import DEMO_PASSWORD
from core.models import TAXONOMY_MODELS, AgeGroup, SupportFunction
from dossiers.models import DossierIndexPage, ThemeDossierPage
from organisations.models import Organisation, OrganisationKind, Postcode, Province
from pages.models import ContactFormField, ContactPage, FooterSettings, HomePage, NewsItemPage
from practices import text
from practices.models import (
    AssignmentStatus,
    CollectiveTrajectory,
    Comment,
    CommentKind,
    Description,
    Practice,
    PracticeRole,
    Review,
    ReviewAssignment,
    ReviewRound,
)
from practices.workflow import LEVELS, Level, Status

PRACTICE_MODELS = [Practice, Description, ReviewRound, ReviewAssignment, Review, Comment, CollectiveTrajectory]
COUNTED = [
    *TAXONOMY_MODELS, Organisation, User, Membership, AccountRequest, Page, Revision, ContactFormField, FooterSettings,
    *PRACTICE_MODELS,
]  # fmt: skip


def load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    """Load the demo once for the module, inside a transaction rolled back at the end."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        output = load()
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def demo(_loaded, db):
    return _loaded


def test_a_second_run_creates_nothing_and_keeps_what_editors_changed(demo):
    organisation = Organisation.objects.get(slug="huis-van-het-kind-lier")
    organisation.description = "Door de redactie herschreven."
    organisation.save()
    organisation.themes.clear()
    home = HomePage.objects.get()
    home.intro = "Een eigen inleiding."
    home.save_revision().publish()
    about = Page.objects.get(slug="over-expoo").specific
    about.intro = "Zo stellen wij ons voor."
    about.save_revision().publish()
    User.objects.filter(email="lid@expoo.example").update(first_name="Eigen naam")
    before = counts()

    output = load()

    assert counts() == before
    assert "organisations (approved): 0 created" in output
    organisation.refresh_from_db()
    assert organisation.description == "Door de redactie herschreven."
    assert not organisation.themes.exists()
    assert HomePage.objects.get().intro == "Een eigen inleiding."
    assert Page.objects.get(slug="over-expoo").specific.intro == "Zo stellen wij ons voor."
    assert User.objects.get(email="lid@expoo.example").first_name == "Eigen naam"


def test_taxonomy_and_organisations(demo):
    assert SupportFunction.objects.count() == 7
    prenatal = AgeGroup.objects.get(slug="prenataal")
    assert prenatal.min_age is None
    ages = list(AgeGroup.objects.exclude(pk=prenatal.pk).values_list("min_age", "max_age"))
    assert ages == [(0, 3), (3, 6), (6, 12), (12, 18), (18, 25)]
    for model in TAXONOMY_MODELS:
        assert model.objects.count() >= 5 and not model.objects.filter(name_en="").exists(), model

    public = Organisation.objects.public()
    assert public.count() >= 40
    assert Province.objects.count() == 6
    assert set(public.values_list("municipality__province", flat=True)) == set(Province.objects.values_list("pk", flat=True))
    assert set(public.values_list("kind", flat=True)) == set(OrganisationKind.values)
    for organisation in public:
        assert Postcode.objects.filter(code=organisation.postcode, municipality=organisation.municipality).exists(), organisation
        assert organisation.description and organisation.email.endswith(".example.org") and organisation.themes.exists()

    # The team's approval queue has something in it.
    pending = Organisation.objects.pending()
    assert pending.count() == 2
    assert AccountRequest.objects.pending().filter(is_new_organisation=True, organisation__in=pending).count() == 2
    assert AccountRequest.objects.pending().filter(is_new_organisation=False, organisation__in=public).exists()
    assert Organisation.objects.get(status="declined").decline_reason


def test_every_role_has_an_account_with_the_demo_password(demo):
    for group_name in roles.ROLE_LABELS:
        assert User.objects.filter(groups__name=group_name).exists(), group_name
    admin = User.objects.get(email="beheerder@expoo.example")
    assert admin.is_superuser and admin.is_staff
    assert User.objects.get(email="redactie@expoo.example").is_staff
    chair = User.objects.get(email="voorzitter@expoo.example")
    assert set(chair.groups.values_list("name", flat=True)) == {roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR}
    member = Membership.objects.get(user__email="lid@expoo.example")
    assert member.role == MembershipRole.MEMBER and member.organisation.kind == OrganisationKind.HUIS_VAN_HET_KIND
    org_admin = User.objects.get(email="orgbeheerder@expoo.example")
    assert list(org_admin.organisations_admin_of()) == [member.organisation]
    assert org_admin.memberships.count() == 2
    assert all(user.check_password(DEMO_PASSWORD) for user in User.objects.all())


def test_pages_are_live_linked_from_the_home_page_and_render(demo, client):
    home = HomePage.objects.get()
    assert home.live and not home.has_unpublished_changes
    assert len(home.tiles) >= 11
    for tile in home.tiles:
        assert tile.value["link_page"] or tile.value["link_url"], tile.value["title"]
    menu = [page.title for page in home.get_children().live().in_menu()]
    assert "Over EXPOO" in menu and "Nieuws" in menu
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    assert footer.about_page and footer.accessibility_page and footer.privacy_page and footer.contact_page and footer.address
    contact = ContactPage.objects.get()
    assert [field.field_type for field in contact.form_fields.all()] == ["singleline", "email", "dropdown", "multiline"]
    assert NewsItemPage.objects.live().count() >= 6
    assert all(item.themes.exists() and item.date.year == 2026 for item in NewsItemPage.objects.all())

    for page in Page.objects.live().filter(depth__gte=2).specific():
        assert client.get(page.url).status_code == 200, page.url_path


def test_thematic_dossiers_take_the_placeholders_place_in_the_menu_and_cite_public_sources(demo, client):
    menu = list(HomePage.objects.get().get_children().live().in_menu())
    titles = [page.title for page in menu]
    place = titles.index("Thematische dossiers")
    assert menu[place].specific_class is DossierIndexPage and titles[place + 1] == "Opvoeden per leeftijd"
    dossiers = ThemeDossierPage.objects.live()
    assert dossiers.count() >= 10
    for dossier in dossiers:
        context = client.get(dossier.url).context
        assert len(dossier.insights) >= 3 and all(block.value["source"].live for block in dossier.insights), dossier
        assert len(context["documents"]) >= 2 and context["chosen_practices"] and context["related"], dossier
        assert dossier.testimonials, dossier


def _draft_only_sentences(practice):
    """Sentences of the working draft that are not in the published description."""
    draft = practice.descriptions.get(is_draft=True).section_map()
    published = practice.published_description.section_map()
    for key, section in draft.items():
        for paragraph in section.body.split("\n\n"):
            if paragraph.strip() and paragraph not in published[key].body:
                yield text.plain(paragraph).lstrip("-0123456789. ")[:70]


def test_the_practice_database_is_filled_through_every_step_of_the_process(demo, client):
    practices = Practice.objects.all()
    assert practices.count() >= 40
    assert set(practices.exclude(level="").values_list("level", flat=True)) == set(Level.values)
    assert set(practices.values_list("status", flat=True)) == set(Status.values)
    assert set(practices.values_list("organisation_links__role", flat=True)) == set(PracticeRole.values)
    submitters = Organisation.objects.filter(practice_links__role=PracticeRole.SUBMITTER)
    assert set(submitters.values_list("municipality__province", flat=True)) == set(Province.objects.values_list("pk", flat=True))
    trajectories = CollectiveTrajectory.objects.select_related("practice")
    assert trajectories.count() >= 2 and any(t.practice.status == Status.PUBLISHED for t in trajectories)
    assert all(t.sessions.exists() and t.practice.organisation_links.count() >= 3 for t in trajectories)

    # Published practices show an accepted version with every required section of their level filled.
    published = practices.filter(status=Status.PUBLISHED)
    assert published.count() >= 20
    for practice in published:
        description = practice.published_description
        assert description and not description.is_draft and practice.level_decided_at and practice.reassessment_due, practice
        texts = description.section_map()
        for section in description.template.sections.all():
            if section.is_required and section.phase in LEVELS[practice.level].phases:
                assert texts[section.key].is_filled, (practice, section.key)
        assert practice.rounds.filter(decision="accept", description=description).exists(), practice
        assert practice.submitting_organisation.name in texts["samenvatting"].body, practice

    # What is not accepted never appears publicly, and neither does a newer draft of a published practice.
    public = Practice.objects.public()
    assert not public.filter(status=Status.DECLINED).exists() and not public.filter(level="").exists()
    hidden = practices.exclude(pk__in=public)
    assert set(hidden.values_list("status", flat=True)) == {Status.REGISTRATION_RECEIVED, Status.INTAKE_PLANNED, Status.DECLINED}
    for practice in hidden:
        assert client.get(practice.get_absolute_url()).status_code == 404
    assert not Practice.objects.published().exclude(level__in=[Level.WELL_DESCRIBED, Level.THEORY_BASED, Level.RESEARCH_BASED])
    next_level = [p for p in published if any(_draft_only_sentences(p))]
    assert next_level, "a published practice works on its next level"
    for practice in [*next_level, *published[:5]]:
        response = client.get(practice.get_absolute_url())
        assert response.status_code == 200
        page = html.unescape(response.content.decode())
        assert practice.published_description.section_map()["aanleiding"].body[:60] in page
        for sentence in _draft_only_sentences(practice):
            assert sentence not in page, (practice, sentence)
    assert client.get("/praktijken/").status_code == 200

    # The process left its traces: versions per round, reviews, comments and a dated history.
    assert ReviewRound.objects.filter(number__gte=2).exists()
    assert Review.objects.filter(submitted_at__isnull=False).count() >= 60
    assert (
        Comment.objects.filter(kind=CommentKind.READ_ALONG).exists() and Comment.objects.filter(kind=CommentKind.REPLY).exists()
    )
    assert practices.filter(decline_reason="", status=Status.DECLINED).count() == 0
    assert practices.filter(published_at__year__lte=2022).exists() and practices.filter(published_at__year=2026).exists()

    # The demo accounts' dashboards have something in them.
    today = datetime.date.today()
    member = User.objects.get(email="lid@expoo.example")
    mine = Practice.objects.of_member(member)
    assert mine.count() >= 4 and mine.values("status").distinct().count() >= 4
    reviewer = User.objects.get(email="commissielid@expoo.example")
    open_assignments = ReviewAssignment.objects.filter(reviewer=reviewer, round__decided_at__isnull=True)
    assert {AssignmentStatus.AWAITING_DECLARATION, AssignmentStatus.REVIEWING, AssignmentStatus.SUBMITTED} <= set(
        open_assignments.values_list("status", flat=True)
    )
    assert ReviewAssignment.objects.overdue(today).filter(reviewer=reviewer).exists()
    assert ReviewAssignment.objects.filter(status=AssignmentStatus.CONFLICT).exists()
    ready = [
        r for r in ReviewRound.objects.open() if r.assignments.exists() and not r.assignments.active().exclude(status="submitted")
    ]
    assert ready, "the chair has a round to decide"
    assert Practice.objects.reassessment_due(today + datetime.timedelta(days=60)).exists()

    # A second run creates no practice and changes none.
    before = {model.__name__: model.objects.count() for model in PRACTICE_MODELS}
    output = load()
    assert "practices: 0 created" in output
    assert {model.__name__: model.objects.count() for model in PRACTICE_MODELS} == before
