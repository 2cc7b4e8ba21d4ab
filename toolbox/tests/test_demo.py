"""The Toolbox's demo data: every type, theme and year span, PDFs that open, drafts kept private,
and a second load that creates nothing."""

import pytest

from core.demo.publications import load_publications
from core.demo.taxonomy import load_taxonomy
from core.demo.util import Stats
from core.models import Theme
from toolbox.models import Publication, PublicationType

pytestmark = pytest.mark.django_db


def test_the_demo_library_covers_the_toolbox_and_loads_once():
    stats = Stats()
    load_taxonomy(stats)
    load_publications(stats)
    assert stats.created["publications"] == 40
    public = Publication.objects.public()
    assert Publication.objects.filter(live=False).count() == 2
    assert set(public.values_list("publication_type", flat=True)) == set(PublicationType.values)
    assert set(public.values_list("themes__slug", flat=True)) >= set(Theme.objects.values_list("slug", flat=True))
    years = set(public.values_list("year", flat=True))
    assert min(years) == 2012 and max(years) == 2026 and len(years) == 15
    expoo = public.filter(is_expoo=True)
    assert expoo.filter(document__isnull=False).count() >= 8 and expoo.exclude(order_url="").exists()
    for publication in public.filter(document__isnull=False):
        with publication.document.file.open("rb") as f:
            assert f.read(5) == b"%PDF-"
    for publication in Publication.objects.all():
        publication.full_clean()
    again = Stats()
    load_publications(again)
    assert again.created["publications"] == 0 and again.existing["publications"] == 40
