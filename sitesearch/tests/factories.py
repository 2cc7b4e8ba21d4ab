"""Practices and pages in a given public state, built straight on the models (the workflow itself
is tested in practices/; test_publishing.py walks it once)."""

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Site

from core.factories import OrganisationFactory
from pages.models import ContentPage, NewsIndexPage, NewsItemPage
from practices.models import Description, DescriptionSection, DescriptionTemplate, Practice, PracticeOrganisation
from practices.workflow import Level, Phase, Status


class PracticeFactory(DjangoModelFactory):
    """A public practice with minimal data (aangemeld) unless told otherwise; `published=True`
    adds an accepted description with `sections` {key: text} and makes it goed beschreven."""

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:180] + f"-{Practice.objects.count()}")
    summary = "Ouders en kinderen doen samen iets."
    level = Level.REGISTERED
    status = Status.WRITING
    contact_name = "Sam Schrijver"
    contact_email = "sam@example.org"

    class Params:
        declined = factory.Trait(status=Status.DECLINED, level="")
        not_accepted = factory.Trait(status=Status.REGISTRATION_RECEIVED, level="")

    @factory.post_generation
    def organisation(self, create, extracted, **kwargs):
        organisation = extracted or OrganisationFactory()
        PracticeOrganisation.objects.create(practice=self, organisation=organisation)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def published(self, create, extracted, sections=None, **kwargs):
        if extracted:
            publish(self, sections or {"aanpak": "We werken samen met ouders."})


def description(practice, sections: dict, *, draft=False, version=1) -> Description:
    template = DescriptionTemplate.objects.current()
    desc = Description.objects.create(practice=practice, template=template, is_draft=draft, version=0 if draft else version)
    for key, body in sections.items():
        DescriptionSection.objects.create(description=desc, key=key, phase=Phase.DESCRIPTION, body=body)
    return desc


def publish(practice, sections: dict) -> Practice:
    practice.published_description = description(practice, sections)
    practice.level = Level.WELL_DESCRIBED
    practice.status = Status.PUBLISHED
    practice.published_at = timezone.now()
    practice.save()
    return practice


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def content_page(title: str, parent=None, **fields) -> ContentPage:
    page = ContentPage(title=title, slug=slugify(title)[:50], **fields)
    (parent or home()).add_child(instance=page)
    return page


def news_item(title: str, intro: str, themes=(), **fields) -> NewsItemPage:
    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(title="Nieuws", slug="nieuws")
        home().add_child(instance=index)
    item = NewsItemPage(title=title, slug=slugify(title)[:50], intro=intro, date=timezone.localdate(), **fields)
    index.add_child(instance=item)
    if themes:  # parental relations reach the database with the save; publishing signals after it
        item.themes.set(themes)
        item.save_revision().publish()
    return item
