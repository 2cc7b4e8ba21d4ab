"""Demo publications in the Toolbox, created the way an editor would: a draft with a revision,
then published (except the drafts). Idempotent by slug: an existing publication is left alone."""

import datetime
import zlib

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme
from toolbox.models import AuthorKind, Publication, PublicationAuthor

from .practices import _pdf
from .publications_data import PUBLICATIONS

EDITOR = "redactie@expoo.example"
TAXONOMY = {
    "themes": Theme,
    "targets": TargetGroup,
    "ages": AgeGroup,
    "functions": SupportFunction,
    "settings": Setting,
}
FIELDS = {"targets": "target_groups", "ages": "age_groups", "functions": "support_functions"}


def _published_on(spec) -> datetime.datetime:
    """A stable day in the year of publication (not in the future), so feeds and harvests have a history."""
    seed = zlib.crc32(spec["slug"].encode())
    moment = datetime.datetime(spec["year"], 1 + seed % 12, 1 + seed % 28, 10, seed % 60, tzinfo=datetime.UTC)
    return min(moment, timezone.now() - datetime.timedelta(days=1 + seed % 20))


def _document(spec):
    lines = [spec["description"][i : i + 90] for i in range(0, min(len(spec["description"]), 540), 90)]
    return get_document_model().objects.create(
        title=spec["title"], file=ContentFile(_pdf(spec["title"], lines), name=f"{spec['slug'][:80]}.pdf")
    )


def load_publications(stats) -> None:
    editor = get_user_model().objects.filter(email=EDITOR).first()
    terms = {key: {t.slug: t for t in model.objects.all()} for key, model in TAXONOMY.items()}
    existing = set(Publication.objects.filter(slug__in=[s["slug"] for s in PUBLICATIONS]).values_list("slug", flat=True))
    for spec in PUBLICATIONS:
        if spec["slug"] in existing:
            stats.count("publications", False)
            continue
        publication = Publication(
            slug=spec["slug"],
            title=spec["title"],
            publication_type=spec["publication_type"],
            year=spec["year"],
            description=spec["description"],
            language=spec.get("language", "nl"),
            publisher=spec.get("publisher", ""),
            journal=spec.get("journal", ""),
            volume=spec.get("volume", ""),
            issue=spec.get("issue", ""),
            pages=spec.get("pages", ""),
            isbn=spec.get("isbn", ""),
            doi=spec.get("doi", ""),
            licence=spec.get("licence", ""),
            external_url=spec.get("url", ""),
            is_expoo=spec.get("expoo", False),
            order_url=spec.get("order_url", ""),
            document=_document(spec) if spec.get("pdf") else None,
            live=False,
        )
        publication.authors = [
            PublicationAuthor(kind=AuthorKind.PERSON, name=a[0], given_names=a[1], sort_order=i)
            if isinstance(a, tuple)
            else PublicationAuthor(kind=AuthorKind.ORGANISATION, name=a, sort_order=i)
            for i, a in enumerate(spec["authors"])
        ]
        for key in TAXONOMY:
            setattr(publication, FIELDS.get(key, key), [terms[key][slug] for slug in spec.get(key, []) if slug in terms[key]])
        publication.full_clean()
        publication.save()
        revision = publication.save_revision(user=editor, clean=False)
        if not spec.get("draft"):
            revision.publish(user=editor, skip_permission_checks=True)
            when = _published_on(spec)
            Publication.objects.filter(pk=publication.pk).update(first_published_at=when, last_published_at=when)
        stats.count("publications", True)
