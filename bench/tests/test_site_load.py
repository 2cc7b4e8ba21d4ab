"""The whole-site load benchmark must not rot: its builders run on the current models, every address
it requests answers, the draft form it parses is accepted with CSRF checks on, and the locustfile
loads with the user classes bench.site_load runs (in a process of its own: locust patches sockets
and threads with gevent when imported)."""

import json
import subprocess
import sys

import pytest
from django.test import Client

from bench import site_dataset, site_load


@pytest.fixture
def bench_site(db):
    from bench import dataset, toolbox_dataset

    dataset.build(60, stdout=lambda *args, **kwargs: None)
    toolbox_dataset.build_publications(10, stdout=None)
    site_dataset.build_organisations(15)
    site_dataset.build_events(10)
    site_dataset.build_accounts(members=1, admins=1)
    return site_dataset.targets("test")


def locustfile(tmp_path, targets, code: str) -> dict:
    """Run `code` after importing bench.locustfile (as `f`) in a new process; it prints JSON."""
    path = tmp_path / "targets.json"
    path.write_text(json.dumps({**targets, "static": "/static/css/site.css"}))
    done = subprocess.run(
        [sys.executable, "-c", f"import json, bench.locustfile as f\n{code}"],
        env={"SITE_LOAD_TARGETS": str(path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=site_load.ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_every_address_the_load_requests_answers(client, bench_site, settings):
    pages = bench_site["pages"]
    assert all(pages[kind] for kind in ("home", "databank", "practice", "publication", "event", "organisation"))
    for kind, paths in pages.items():
        for path in paths[:2]:
            assert client.get(path).status_code == 200, (kind, path)
    search = bench_site["search"]
    for path in (search["databank"], search["toolbox"], search["agenda"], search["site"]):
        response = client.get(path, {"q": search["site_words"][0], "thema": search["themes"][0]})
        assert response.status_code == 200, path
    settings.ROOT_URLCONF = "bench.urls"  # as bench.site_settings routes it
    assert client.get(bench_site["bare"]).content == b"ok"


def test_locustfile_runs_its_classes_and_its_parsed_draft_form_saves(tmp_path, bench_site):
    """The user classes bench.site_load names exist with tasks; a member's pages answer; the
    fields the locustfile reads from the draft form are accepted with CSRF checks on."""
    from accounts.models import User
    from practices.models import DescriptionSection

    admin = next(a for a in bench_site["accounts"] if a["admin"])
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(User.objects.get(email=admin["email"]))
    for key in ("workspace", "organisation", "members"):
        assert browser.get(admin[key]).status_code == 200, key
    form_page = tmp_path / "form.html"
    form_page.write_text(browser.get(admin["section"]).content.decode())
    names = sorted({name for _, classes, *_ in site_load.PHASES for name in classes})
    found = locustfile(
        tmp_path,
        bench_site,
        f"print(json.dumps({{'tasks': {{n: len(getattr(f, n).tasks) for n in {names!r} if hasattr(f, n)}},"
        f" 'form': f.form_fields(open({str(form_page)!r}).read(), 'name=\"body\"')}}))",
    )
    assert set(found["tasks"]) == set(names)
    assert all(found["tasks"].values()), found["tasks"]
    data = found["form"]
    assert set(data) >= {"csrfmiddlewaretoken", "body", "revision"}
    data["body"] = "Tekst van de benchmark."
    assert browser.post(admin["section"], data).status_code == 302
    assert DescriptionSection.objects.filter(body="Tekst van de benchmark.", description__is_draft=True).exists()


def test_the_report_takes_the_mean_of_the_two_floors_and_names_slow_public_pages():
    def phase(rps, pages=None, classes=("BareView",)):
        row = {"requests": 100, "errors": 0, "rps": rps, "median_ms": 10.0, "p95_ms": 20.0, "avg_ms": 12.0, "kb": 1.0}
        return {
            "phase": "x", "mode": "mix", "classes": list(classes), "users": 4, "seconds": 1, "wall_s": 1.0,
            "load_before": [0, 0, 0], "load_after": [0, 0, 0], "server_cpu_s": 1.0, "locust_cpu_s": 1.0,
            "worker_cpu_s": 0.0, "server_cpu_ms_per_request": 1.0, "total": row, "pages": pages or {"x": row}, "failures": [],
        }  # fmt: skip

    slow = {"requests": 10, "errors": 0, "rps": 5.0, "median_ms": 60.0, "p95_ms": 120.0, "avg_ms": 70.0, "kb": 9.0}
    phases = {
        "bare": phase(500.0),
        "static": phase(450.0),
        "cached": phase(400.0, {"home (hit)": {**slow, "p95_ms": 12.0}}),
        "uncached": phase(150.0, {"practice (miss)": slow}),
        "mix": phase(100.0),
        "bare_again": phase(700.0),
    }
    summary = site_load.summarise(phases)
    assert summary["bare_rps"] == 600.0 and summary["bare_rps_measured"] == [500.0, 700.0]
    assert summary["uncached_vs_bare"] == 0.25 and summary["cached_vs_bare"] == 0.667
    assert summary["public_p95_over_aim"] == ["uncached: practice (miss) p95 120 ms"]
