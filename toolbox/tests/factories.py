"""Toolbox test data (factory_boy): publications, published unless `draft=True`."""

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model

from toolbox.models import AuthorKind, Publication, PublicationAuthor, PublicationType

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_document(title="Rapport", filename="rapport.pdf"):
    return get_document_model().objects.create(title=title, file=ContentFile(PDF_BYTES, name=filename))


class PublicationFactory(DjangoModelFactory):
    class Meta:
        model = Publication
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Publicatie over opvoeden {n}")
    slug = factory.Sequence(lambda n: f"publicatie-{n}")
    publication_type = PublicationType.REPORT
    year = 2020
    description = "Een verkenning van wat ouders nodig hebben."
    publisher = "EXPOO"
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda o: o.first_published_at)
    has_unpublished_changes = False

    class Params:
        draft = factory.Trait(live=False, first_published_at=None, last_published_at=None, has_unpublished_changes=True)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """`authors=[("Peeters", "An"), "Opgroeien"]`: a tuple is a person, a string an organisation."""
        for order, author in enumerate(extracted or []):
            if isinstance(author, tuple):
                PublicationAuthor.objects.create(
                    publication=self, kind=AuthorKind.PERSON, name=author[0], given_names=author[1], sort_order=order
                )
            else:
                PublicationAuthor.objects.create(publication=self, kind=AuthorKind.ORGANISATION, name=author, sort_order=order)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()
