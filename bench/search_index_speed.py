"""How fast the site search index is rebuilt: N short public documents (organisations), then
`rebuild_search_index --kind organisation`, timed; then one incremental update and one search.

    .venv/bin/python -m bench.search_index_speed --count 100000
    scripts/with_postgres.sh .venv/bin/python -m bench.search_index_speed --count 100000
"""

import argparse
import os
import random
import time


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    from organisations.models import Municipality, Organisation, OrganisationStatus
    from sitesearch.analysis import base_words
    from sitesearch.indexing import index_object, rebuild
    from sitesearch.query import search

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    words = sorted(base_words())
    compounds = [a + b for a in words[:60] for b in words[60:120]]
    municipalities = list(Municipality.objects.values_list("pk", flat=True))
    existing = Organisation.objects.filter(slug__startswith="bench-").count()
    started = time.monotonic()
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        batch = []
        for i in range(existing, args.count):
            text = " ".join(rng.choice(words if rng.random() < 0.85 else compounds) for _ in range(rng.randint(15, 45)))
            batch.append(
                Organisation(
                    name=f"{rng.choice(words).capitalize()} {rng.choice(compounds)} {i}",
                    slug=f"bench-{i}",
                    description=text.capitalize() + ".",
                    status=OrganisationStatus.APPROVED,
                    municipality_id=rng.choice(municipalities),
                )
            )
            if len(batch) == 5000:
                Organisation.objects.bulk_create(batch)
                batch = []
        Organisation.objects.bulk_create(batch)
    total = Organisation.objects.public().count()
    print(f"{connection.vendor}: {total} public organisations ({time.monotonic() - started:.1f} s to create)")

    started = time.monotonic()
    counts = rebuild(["organisation"])
    seconds = time.monotonic() - started
    print(f"rebuild: {counts['organisation']} documents in {seconds:.1f} s ({counts['organisation'] / seconds:.0f} per second)")

    started = time.monotonic()
    rebuild(["organisation"])
    print(f"rebuild again: {time.monotonic() - started:.1f} s")

    organisation = Organisation.objects.public().order_by("?").first()
    organisation.description += " Tienerouders en opvoedingsondersteuning."
    organisation.save()
    started = time.monotonic()
    index_object("organisation", organisation)
    print(f"one object re-indexed in {(time.monotonic() - started) * 1000:.0f} ms")

    for query in ["opvoeding", "tienerouders", "ondersteuning bij de opvoeding", "opvoedign"]:
        search(query)
        started = time.monotonic()
        results = search(query)
        print(f"search {query!r}: {results.total} hits, {(time.monotonic() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
