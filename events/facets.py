"""An in-memory index of the public events (core.facets), rebuilt when the "events" or the
"organisations" version stamp moves (core.pagecache watches Event, EventSession and their links,
and Organisation, Municipality and Province, in the changing transaction).

What the index holds does not depend on the clock: each public event's kind, attendance, price,
EXPOO flag, province, slug and title, its sessions (start, end) and its theme, target-group and
organiser links. What depends on the clock (which events are upcoming, which sessions fall in a
period, the next session of a series) is computed per request from the stored session times, so
an event leaves the upcoming agenda the moment its last session ends, without any stamp change.

Positions (the bits of a bitset) follow the end of an event's last session, then its id, with the
events without sessions first: the upcoming events at any moment are then the highest positions
and the past ones the positions below them, so neither needs a scan.

Only `Event.objects.public()` enters the index: what is not public cannot be counted or found.
"""

import datetime
import heapq
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import chain, compress, islice, repeat
from operator import gt, le

from core import versions
from core.facets import StampedIndex, positions_of
from organisations.models import Organisation, OrganisationStatus, Province

from .models import Event, EventSession

STAMPS = ("events", "organisations")


class EventIndex(StampedIndex):
    """The public events at one pair of version stamps. Get it with `EventIndex.current()`."""

    STAMP = STAMPS[0]

    @classmethod
    def version_now(cls):
        return tuple(versions.current(stamp) for stamp in STAMPS)

    def build(self):
        public = Event.objects.public()
        rows = list(
            public.order_by("title", "pk").values_list(
                "pk", "kind", "attendance", "is_free", "is_expoo", "municipality__province_id", "slug", "title"
            )
        )
        sessions = list(
            EventSession.objects.filter(event_id__in=public.values("pk")).values_list(
                "event_id", "pk", "start", "end", "title", "sort_order"
            )
        )
        by_event: dict[int, list] = {}
        self.session_fields = {}  # session id -> (title, sort_order): the rest of a session row
        for event_id, pk, start, end, title, sort_order in sessions:
            by_event.setdefault(event_id, []).append((start, pk, end))
            self.session_fields[pk] = (title, sort_order)
        title_rank = {row[0]: rank for rank, row in enumerate(rows)}  # the database's order of titles

        # Positions: events without sessions first, then by the end of the last session, then id.
        def last_end(row):
            found = by_event.get(row[0])
            return (1, max(end for _s, _p, end in found), row[0]) if found else (0, None, row[0])

        rows.sort(key=last_end)
        self.place(row[0] for row in rows)
        n = self.size
        self.without_sessions = sum(1 for row in rows if row[0] not in by_event)
        self.last_ends = [last_end(row)[1] for row in rows[self.without_sessions :]]
        self.title_rank = [title_rank[row[0]] for row in rows]
        self.slugs = [row[6] for row in rows]
        self.titles = [row[7] for row in rows]
        # Sessions per position in the order an event shows them: (start, session id, end).
        self.sessions = [tuple(sorted(by_event.get(row[0], ()))) for row in rows]
        self.first_starts = [found[0][0] if found else None for found in self.sessions]
        self.first_ends = [min(end for _s, _p, end in found) if found else None for found in self.sessions]
        # The rank of each position by (first start, id): the upcoming order of every event whose
        # sessions have not started ending yet, which is nearly all of them.
        with_sessions = [i for i in range(n) if self.sessions[i]]
        self.start_rank = [0] * n
        for rank, i in enumerate(sorted(with_sessions, key=lambda i: (self.first_starts[i], self.ids[i]))):
            self.start_rank[i] = rank

        # Every session by start, for "overlaps [start, end)" without a query.
        flat = sorted((start, end, self.position[event_id]) for event_id, _pk, start, end, _t, _o in sessions)
        self.session_starts = [s for s, _e, _i in flat]
        self.session_ends = [e for _s, e, _i in flat]
        self.session_positions = [i for _s, _e, i in flat]
        self.longest_session = max((e - s for s, e, _i in flat), default=datetime.timedelta(0))

        self.kind = self.group((row[0], row[1]) for row in rows)
        self.attendance = self.group((row[0], row[2]) for row in rows)
        self.free = self.group((row[0], True) for row in rows if row[3]).get(True, 0)
        self.expoo = self.group((row[0], True) for row in rows if row[4]).get(True, 0)
        self.province = self.group((row[0], row[5]) for row in rows if row[5] is not None)
        self.province_options = list(Province.objects.all())

        themes = Event.themes.through.objects.filter(event_id__in=public.values("pk"))
        self.theme = self.group(themes.values_list("event_id", "theme_id").iterator(chunk_size=5000))
        groups = Event.target_groups.through.objects.filter(event_id__in=public.values("pk"))
        self.target_group = self.group(groups.values_list("event_id", "targetgroup_id").iterator(chunk_size=5000))

        # Organisers: any organisation linked to a public event counts and filters (as the links do);
        # one that is not linked is offered only when public and chosen. Ties go by the database's
        # order of names.
        self.organisation_rank, self.organisation_slug, self.organisation_name = {}, {}, {}
        self.organisation_by_slug, self.public_organisations = {}, {}
        for rank, (pk, slug, name, status) in enumerate(
            Organisation.objects.order_by("name", "pk").values_list("pk", "slug", "name", "status")
        ):
            self.organisation_rank[pk] = rank
            self.organisation_slug[pk], self.organisation_name[pk] = slug, name
            self.organisation_by_slug.setdefault(slug, pk)
            if status == OrganisationStatus.APPROVED:
                self.public_organisations[slug] = pk
        organisers = Event.organisers.through.objects.filter(event_id__in=public.values("pk"))
        links = list(organisers.values_list("event_id", "organisation_id"))
        self.organiser = self.sparse_group(links)
        organisers_of: list[tuple] = [() for _ in range(n)]
        position = self.position
        for event_id, organisation_id in links:
            i = position.get(event_id)
            if i is not None and organisation_id not in organisers_of[i]:
                organisers_of[i] += (organisation_id,)
        self.organisers_of = organisers_of

    def sparse_group(self, pairs) -> dict:
        """Like group(), for values with few objects each (organisers): a bitset of a few bits is
        quicker to make by shifting than by converting a string as long as the index."""
        position = self.position
        found: dict = {}
        for pk, value in pairs:
            i = position.get(pk)
            if i is not None:
                found.setdefault(value, []).append(i)
        masks = {}
        for value, positions in found.items():
            if len(positions) > 32:
                masks[value] = self.mask_of_positions(positions)
            else:
                mask = 0
                for i in positions:
                    mask |= 1 << i
                masks[value] = mask
        return masks

    # Scopes: what depends on the clock, from the stored session times ------------------------
    def upcoming(self, now) -> int:
        """Events with a session that ends after `now`: the positions above the last that ended."""
        first = self.without_sessions + bisect_right(self.last_ends, now)
        return self.everything & ~((1 << first) - 1)

    def past(self, now) -> int:
        """Events with sessions, none of which ends after `now`."""
        first = self.without_sessions + bisect_right(self.last_ends, now)
        return ((1 << first) - 1) & ~((1 << self.without_sessions) - 1)

    def between(self, start, end) -> int:
        """Events with a session overlapping [start, end)."""
        try:
            low = bisect_right(self.session_starts, start - self.longest_session)
        except OverflowError:
            low = 0
        high = bisect_left(self.session_starts, end)
        if high <= low:
            return 0
        hits = compress(self.session_positions[low:high], map(gt, self.session_ends[low:high], repeat(start)))
        return self.mask_of_positions(hits)

    def next_start(self, i: int, now):
        """The start of the first session of the event at position i that has not ended at `now`."""
        if self.first_ends[i] > now:
            return self.first_starts[i]
        return min(start for start, _pk, end in self.sessions[i] if end > now)

    # Orders --------------------------------------------------------------------------------
    def soonest_first(self, mask: int, now, stop: int | None = None) -> list[int]:
        """Ids by the next session start at `now`, then id (the upcoming agenda's order). An event
        none of whose sessions has ended is ranked by its first start, computed at build; only a
        series under way (some sessions over) needs its next session looked up."""
        ids, first_starts = self.ids, self.first_starts
        found = positions_of(mask)
        under_way = list(compress(found, map(le, map(self.first_ends.__getitem__, found), repeat(now))))
        if under_way:
            skip = set(under_way)
            found = [i for i in found if i not in skip]
        ahead = sorted(found, key=self.start_rank.__getitem__)
        if not under_way:
            return [ids[i] for i in (ahead if stop is None else ahead[:stop])]
        next_start = self.next_start
        running = sorted((next_start(i, now), ids[i]) for i in under_way)
        merged = heapq.merge(((first_starts[i], ids[i]) for i in ahead), running)
        return [pk for _start, pk in (merged if stop is None else islice(merged, stop))]

    def latest_first(self, mask: int) -> list[int]:
        """Ids by the end of the last session, newest first, then id descending (the archive's order)."""
        return self.in_order(mask)[::-1]

    def by_title(self, mask: int) -> list[int]:
        return self.sorted_by(mask, self.title_rank)

    def session_objects(self, event) -> list | None:
        """The sessions of a public event as model instances (the full rows), in start order;
        None when the event is not in the index."""
        i = self.position.get(event.pk)
        if i is None:
            return None
        fields = self.session_fields
        return [
            EventSession(pk=pk, event=event, start=start, end=end, title=fields[pk][0], sort_order=fields[pk][1])
            for start, pk, end in self.sessions[i]
        ]

    # Facets ----------------------------------------------------------------------------------
    def top_organisers(self, base: int, size: int) -> list[tuple[int, int]]:
        """(organisation id, number of `base` events) of the `size` organisers with the most events,
        ties by name. Many events are counted per organiser bitset, a few event by event; kept per
        bitset while the index lives (the upcoming agenda asks the same one on every page)."""
        return self.kept(("top-organisers", base, size), lambda: self._top_organisers(base, size))

    def _top_organisers(self, base: int, size: int) -> list[tuple[int, int]]:
        if base.bit_count() * 4 > len(self.organiser):
            counts = ((pk, (base & mask).bit_count()) for pk, mask in self.organiser.items())
            tally = [(pk, n) for pk, n in counts if n]
        else:
            tally = Counter(chain.from_iterable(map(self.organisers_of.__getitem__, positions_of(base)))).items()
        rank = self.organisation_rank
        return heapq.nsmallest(size, tally, key=lambda kv: (-kv[1], rank.get(kv[0], 0)))
