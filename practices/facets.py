"""An in-memory facet index of the public practices, rebuilt when the "practices" version moves.

Every public practice gets a bit position (0 = newest, the databank's default order). Each facet
option (level, taxonomy term, province, organisation) is a Python int used as a bitset over those
positions, so a facet count is `(candidates & option).bit_count()`: microseconds, whatever the
number of practices, and no query at all. A request reads one version stamp (core.versions);
a process whose index is older rebuilds it (about 0.3 s at 10,000 practices, bench/), so every
gunicorn worker and the task worker agree within one request of a committed change.

Only `Practice.objects.public()` enters the index: what is not public cannot be counted or found.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import chain, repeat

from django.db.models.signals import m2m_changed, post_delete, post_save

from core import versions
from core.facets import StampedIndex, first_positions, mask_of, positions_of
from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme
from organisations.models import Municipality, Organisation, OrganisationStatus, Province

from .models import DescriptionTemplate, Material, Practice, PracticeOrganisation, TemplateSection
from .workflow import PUBLISHED_LEVELS

VERSION = "practices"


@dataclass
class Option:
    pk: int
    slug: str
    label: str


class FacetIndex(StampedIndex):
    """The bitsets of one version of the public practices. Build with `FacetIndex.current()`."""

    STAMP = VERSION

    def build(self):
        rows = list(
            Practice.objects.public()
            .order_by("-published_at", "-created_at", "pk")
            .values_list("pk", "level", "title", "slug", "published_description_id")
        )
        self.place(row[0] for row in rows)
        n = self.size
        by_title = sorted(range(n), key=lambda i: (rows[i][2].casefold(), rows[i][0]))
        self.title_rank = [0] * n
        for rank, i in enumerate(by_title):
            self.title_rank[i] = rank
        self.titles = [row[2] for row in rows]
        self.slugs = [row[3] for row in rows]
        self.level = self.group((row[0], row[1]) for row in rows)
        # Practices whose description is public (Practice.objects.published()).
        self.described = self.mask_of_positions(
            i for i, row in enumerate(rows) if row[1] in PUBLISHED_LEVELS and row[4] is not None
        )

        from .search import PracticeSearch  # the facets the databank offers

        self.terms, self.term_options = {}, {}
        for param, (relation, model, _title) in PracticeSearch.TERM_FACETS.items():
            field = Practice._meta.get_field(relation)
            through = field.remote_field.through
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            self.terms[param] = self.group(through.objects.values_list(source, target).iterator(chunk_size=5000))
            self.term_options[param] = [Option(t.pk, t.slug, t.label) for t in model.objects.active()]

        self.levels = [row[1] for row in rows]
        province_pos, organisation_pos, public_of = {}, {}, {}
        self.links_of_organisation = {}  # organisation id -> [(position, role)], whatever its status
        links = PracticeOrganisation.objects.values_list(
            "practice_id", "organisation_id", "organisation__status", "organisation__municipality__province_id", "role"
        )
        for practice_id, organisation_id, status, province_id, role in links.iterator(chunk_size=5000):
            i = self.position.get(practice_id)
            if i is None:
                continue
            self.links_of_organisation.setdefault(organisation_id, []).append((i, role))
            if status == OrganisationStatus.APPROVED:  # only public organisations are offered or counted
                organisation_pos.setdefault(organisation_id, []).append(i)
                public_of.setdefault(i, []).append(organisation_id)
            if province_id:
                province_pos.setdefault(province_id, set()).add(i)
        self.organisations_of = {i: tuple(orgs) for i, orgs in public_of.items()}
        self._all_organisations = self._tally_positions(range(n))
        self.province = {pk: mask_of(pos, n) for pk, pos in province_pos.items()}
        self.organisation = {pk: mask_of(pos, n) for pk, pos in organisation_pos.items()}
        self.province_options = [Option(p.pk, p.slug, p.label) for p in Province.objects.all()]
        self.organisation_by_slug = dict(Organisation.objects.public().values_list("slug", "pk"))
        self.organisation_names = dict(Organisation.objects.public().values_list("pk", "name"))
        self.organisation_slugs = {pk: slug for slug, pk in self.organisation_by_slug.items()}

    # Lookups --------------------------------------------------------------------------------
    def term(self, param: str, slug: str) -> int:
        option = next((o for o in self.term_options[param] if o.slug == slug), None)
        return self.terms[param].get(option.pk, 0) if option else 0

    def province_mask(self, slug: str) -> int:
        option = next((o for o in self.province_options if o.slug == slug), None)
        return self.province.get(option.pk, 0) if option else 0

    def organisation_mask(self, slug: str) -> int:
        return self.organisation.get(self.organisation_by_slug.get(slug), 0)

    def _tally_positions(self, positions) -> Counter:
        return Counter(chain.from_iterable(map(self.organisations_of.get, positions, repeat(()))))

    def organisation_tally(self, mask: int) -> Counter:
        """{organisation id: number of `mask` practices it is behind}. Counted over the smaller of
        the mask and its complement: the whole databank, or nearly, costs nothing (bench/)."""
        n = self.size
        if mask.bit_count() * 2 <= n:
            return self._tally_positions(positions_of(mask))
        tally = Counter(self._all_organisations)
        tally.subtract(self._tally_positions(positions_of(~mask & ((1 << n) - 1))))
        return +tally  # drops the organisations left at zero

    def related(self, pk: int, limit: int) -> list[tuple[int, str, str]]:
        """The practice page's related practices: newest_described among those sharing a theme
        with this one, itself left out."""
        i = self.position.get(pk)
        if i is None:
            return []
        bit = 1 << i
        themes = [theme_id for theme_id, mask in self.terms["thema"].items() if mask & bit]
        return self.newest_described(themes, limit, leave_out=bit)

    def newest_described(self, theme_ids, limit: int, leave_out: int = 0) -> list[tuple[int, str, str]]:
        """(id, title, slug) of the newest practices with a public description that have one of
        these themes (Practice.objects.published(), the databank's order), without a query."""
        shared = 0
        for theme_id in theme_ids:
            shared |= self.terms["thema"].get(theme_id, 0)
        positions = first_positions(shared & self.described & ~leave_out, limit)
        return [(self.ids[p], self.titles[p], self.slugs[p]) for p in positions]

    def newest_first(self, mask: int, stop: int | None = None) -> list[int]:
        return self.in_order(mask, stop)

    def by_title(self, mask: int) -> list[int]:
        return self.sorted_by(mask, self.title_rank)


def _changed(**kwargs):
    versions.bump(VERSION)


# What the public side of the databank shows (drafts and reviews are not watched: the published
# description is a frozen version, and publishing it saves the practice). The grondplan is: the
# practice page shows its sections' titles and order, and an administrator may correct a title.
for _model in (
    Practice,
    PracticeOrganisation,
    Material,
    DescriptionTemplate,
    TemplateSection,
    Organisation,
    Municipality,
    Province,
    Theme,
    TargetGroup,
    AgeGroup,
    SupportFunction,
    Setting,
):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"facets-save-{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"facets-delete-{_model.__name__}")
for _relation in ("themes", "target_groups", "age_groups", "support_functions", "settings"):
    m2m_changed.connect(_changed, sender=getattr(Practice, _relation).through, dispatch_uid=f"facets-m2m-{_relation}")
