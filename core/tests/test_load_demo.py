"""The demo data: complete enough to show every role and capability, and safe to load again."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from accounts import roles
from accounts.models import AccountRequest, Membership, MembershipRole, User
from core.demo import DEMO_PASSWORD
from core.models import TAXONOMY_MODELS, AgeGroup, SupportFunction
from organisations.models import Organisation, OrganisationKind, Postcode, Province
from pages.models import ContactFormField, ContactPage, FooterSettings, HomePage, NewsItemPage

COUNTED = [*TAXONOMY_MODELS, Organisation, User, Membership, AccountRequest, Page, Revision, ContactFormField, FooterSettings]


def load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def demo(db):
    return load()


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
