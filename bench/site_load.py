"""Issue 6's whole-site load benchmark: the production stack under a realistic mix, next to a bare
Django view and a static file served by the same workers in the same run.

    .venv/bin/python -m bench.site_load                       # SQLite, full size, directory kept
    SITE_LOAD_SCALE=small .venv/bin/python -m bench.site_load # 1,000 practices, short phases
    scripts/with_postgres.sh .venv/bin/python -m bench.site_load --engine postgresql

1. Data (bench.site_dataset, with bench.settings): the demo site, then 10,000 practices, 100,000
   publications, 5,000 events with sessions, 2,000 organisations and member accounts, in bulk, in
   BENCH_DIR (kept: a second run adds nothing); the timings are printed. Then `optimize_db` (ANALYZE),
   as `make run` does after loading, and `collectstatic` (the manifest production serves).
2. Server: gunicorn with deploy/gunicorn.conf.py, WEB_CONCURRENCY=2 workers, on 127.0.0.1 at a free
   port, settings bench.site_settings (production's, plain HTTP on loopback, rate limits raised, the
   bare view of bench.urls); whitenoise serves the static file. Its log goes to BENCH_DIR. Beside
   it the task worker (manage.py db_worker), as production runs one; its log too.
3. Load: locust headless (bench/locustfile.py), one phase after the other, each with its own locust
   run of a bounded time: warm-up (not reported), the bare view alone, the static file alone,
   public pages a page cache can answer (`cached`: a few addresses per page type), public pages no
   cache can answer (`uncached`: every address made new), then the whole mix (anonymous visitors,
   searchers, a logged-in member, a draft saved and a contact form sent every SUBMIT_EVERY seconds).
   Each user sends its next request as soon as the answer is in (no think time): with --users 4,
   two requests are in flight per worker, enough to keep two sync workers busy, few enough that the
   latencies are mostly the pages' own time rather than a queue. locust itself runs in one process
   on the same two cores; its CPU time is reported next to the server's.
4. Report: per phase and page type requests/s, median, p95, errors; the ratios to the bare view;
   the aims (cached >= 70 % of the bare view, uncached >= 25 %, p95 < 100 ms for every public page
   type, no errors); the server's CPU per request, the load average. JSON and Markdown in BENCH_DIR.
"""

import argparse
import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
BIN = Path(PY).parent
WORKERS = 2
ANONYMOUS = ["AnonymousVisitor", "Searcher"]
MIX = [*ANONYMOUS, "Member", "DraftWriter", "ContactSender"]
FIXED_USERS = 3  # Member, DraftWriter and ContactSender: one each, on top of --users
# (phase, user classes, locust mode, seconds at full scale, seconds at small scale)
PHASES = [
    ("warmup", ANONYMOUS, "mix", 20, 6),
    ("bare", ["BareView"], "mix", 20, 8),
    ("static", ["StaticFile"], "mix", 20, 8),
    # The cached addresses once through every worker's page cache first (each worker has its own
    # unless REDIS_URL is set): otherwise the first views, 0.1-2 s each, weigh on the cached phase.
    ("prime", ANONYMOUS, "cached", 12, 4),
    ("cached", ANONYMOUS, "cached", 30, 10),
    ("uncached", ANONYMOUS, "uncached", 45, 12),
    ("mix", MIX, "mix", 60, 15),
    # The floor once more at the end: on a shared machine it moved by up to a fifth between runs,
    # so the ratios use the mean of both measurements (each is printed).
    ("bare_again", ["BareView"], "mix", 20, 8),
]
# The step-up (--step-up): the uncached public pages at 1, 2, 4 and 8 users, to see where the rate
# stops growing and the latency only queues (seconds per step at full and small scale).
STEP_USERS = (1, 2, 4, 8)
STEP_SECONDS = (15, 5)
PRIVATE = {
    "login_form",
    "login",
    "my_expoo",
    "workspace",
    "organisation_logged_in",
    "organisation_members",
    "practice_logged_in",
    "draft_form",
    "draft_save",
    "contact_send",
    "bare_view",
    "static_file",
}
AIMS = {"cached_vs_bare": 0.70, "uncached_vs_bare": 0.25, "public_p95_ms": 100}


def log(message: str) -> None:
    print(message, flush=True)


# --- 1. Data ---------------------------------------------------------------------------------
def prepare(scale_name: str, bench_dir: Path) -> dict:
    """Build the data with bench.settings (immediate tasks, as the other benches), write the targets."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import site_dataset

    log(f"== data: {scale_name} in {bench_dir} ({connection.vendor})")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_s = round(time.perf_counter() - started, 1)
    log(f"  migrate: {migrate_s} s")
    timings = {"migrate": migrate_s, **site_dataset.build(site_dataset.SCALES[scale_name])}
    timings["total_build"] = round(time.perf_counter() - started, 1)
    # The first run builds, later ones reuse the directory: the report states the first build's times.
    saved = bench_dir / "site-load-build.json"
    if "load_demo" in timings or not saved.exists():
        saved.write_text(json.dumps(timings, indent=1))
    first_build = json.loads(saved.read_text())
    targets = site_dataset.targets(scale_name)
    # The references the task worker stores when a publication is saved (toolbox.citations), which
    # bulk_create bypassed: stored for the publications the load visits (the others are never read
    # by it; storing all 100,000 would take about 18 minutes), as `store_citations` does after a bulk load.
    started = time.perf_counter()
    publication_slugs = [path.rstrip("/").rsplit("/", 1)[-1] for path in targets["pages"].get("publication", [])]
    call_command("store_citations", *[f"--slug={slug}" for slug in publication_slugs], stdout=io.StringIO())
    timings["citations"] = round(time.perf_counter() - started, 1)
    log(f"  references of {len(publication_slugs)} publications stored: {timings['citations']} s")
    # The same for the pages' bodies of practices (practices.body), which the worker stores on a change.
    started = time.perf_counter()
    slugs = [path.rstrip("/").rsplit("/", 1)[-1] for path in targets["pages"].get("practice", [])]
    call_command("store_practice_bodies", *[f"--slug={slug}" for slug in slugs], stdout=io.StringIO())
    timings["practice_bodies"] = round(time.perf_counter() - started, 1)
    log(f"  bodies of {len(slugs)} practice pages stored: {timings['practice_bodies']} s")
    # And the publication pages' bodies (toolbox.body).
    started = time.perf_counter()
    call_command("store_publication_bodies", *[f"--slug={slug}" for slug in publication_slugs], stdout=io.StringIO())
    timings["publication_bodies"] = round(time.perf_counter() - started, 1)
    log(f"  bodies of {len(publication_slugs)} publication pages stored: {timings['publication_bodies']} s")
    counts = site_dataset.counts()
    log(f"  {counts}")
    connection.close()
    return {"timings": timings, "first_build": first_build, "targets": targets, "counts": counts, "vendor": connection.vendor}


def manage(*args: str, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - started, 1)


def static_root(bench_dir: Path) -> Path:
    """STATIC_ROOT as the settings make it (bench/run.sh shares one between the engines)."""
    return Path(os.environ.get("STATIC_ROOT") or bench_dir / "static")


def static_outdated(bench_dir: Path) -> bool:
    """Whether collectstatic must run (it takes a minute or two: every file hashed and compressed):
    no manifest yet, or a static file of the project or an installed package is newer than it."""
    manifest = static_root(bench_dir) / "staticfiles.json"
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [p for p in ROOT.glob("*/static/**/*") if ".venv" not in p.parts] + list((ROOT / "static").glob("**/*"))
    packages = Path(PY).parent.parent / "lib"
    return any(p.stat().st_mtime > built for p in sources) or any(
        p.stat().st_mtime > built for p in packages.glob("*/site-packages")
    )


def static_path(bench_dir: Path) -> str:
    """The hashed address of the site's stylesheet, as the manifest storage serves it."""
    manifest = json.loads((static_root(bench_dir) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def stop(process: subprocess.Popen, log_file, timeout: float) -> None:
    """SIGTERM, a graceful wait, then SIGKILL; the log closed."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    log_file.close()


# --- 2. Server -------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    def __init__(self, env: dict, bench_dir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = bench_dir / "site-load-server.log"
        server_env = {**env, "HOST": "127.0.0.1", "PORT": str(self.port), "WEB_CONCURRENCY": str(WORKERS)}
        self.log_file = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "expoo.wsgi:application", "--config", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=server_env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        self.workers_seen = set()

    def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ended ({self.process.returncode}); see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url + "/bench/bare/", timeout=5) as response:  # noqa: S310
                    if response.status == 200 and len(self.workers()) == WORKERS:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def workers(self) -> list:
        import psutil

        children = psutil.Process(self.process.pid).children()
        self.workers_seen.update(c.pid for c in children)
        return children

    def cpu_seconds(self) -> float:
        """CPU time of the master, its live workers and the workers it has reaped (recycled)."""
        import psutil

        master = psutil.Process(self.process.pid).cpu_times()
        total = master.user + master.system + master.children_user + master.children_system
        for worker in self.workers():
            try:
                times = worker.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total

    def stop(self):
        stop(self.process, self.log_file, timeout=40)


class TaskWorker:
    """`manage.py db_worker` beside the web workers, as production runs it (README, scale-out): it
    computes the answers of frequent search words (sitesearch/warm.py) the searches note. Here it
    shares the two cores with gunicorn and locust; its CPU time is reported per phase."""

    def __init__(self, env: dict, bench_dir: Path):
        self.log_path = bench_dir / "site-load-worker.log"
        self.log_file = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [PY, "manage.py", "db_worker", "--queue-name", "default"],
            cwd=ROOT,
            env=env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )

    def cpu_seconds(self) -> float:
        import psutil

        try:
            times = psutil.Process(self.process.pid).cpu_times()
        except psutil.NoSuchProcess:
            return 0.0
        return times.user + times.system + times.children_user + times.children_system

    def stop(self):
        stop(self.process, self.log_file, timeout=30)


# --- 3. Load ---------------------------------------------------------------------------------
def run_phase(name, classes, mode, seconds, users, server, targets_path, out_dir, worker=None) -> dict:
    import resource

    prefix = out_dir / f"locust-{name}"
    total_users = users + (FIXED_USERS if "Member" in classes else 0)
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(total_users),
        "--spawn-rate",
        str(total_users),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "5",
        "--host",
        server.url,
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        *classes,
    ]
    env = {**os.environ, "SITE_LOAD_TARGETS": str(targets_path), "SITE_LOAD_MODE": mode}
    load_before = os.getloadavg()
    cpu_before = server.cpu_seconds()
    worker_before = worker.cpu_seconds() if worker else 0.0
    locust_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    locust_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = server.cpu_seconds() - cpu_before
    worker_cpu = (worker.cpu_seconds() - worker_before) if worker else 0.0
    locust_cpu = (locust_after.ru_utime + locust_after.ru_stime) - (locust_before.ru_utime + locust_before.ru_stime)
    if not Path(f"{prefix}_stats.csv").exists():
        raise RuntimeError(f"locust wrote no statistics ({finished.returncode}):\n{finished.stderr[-3000:]}")
    rows = read_stats(Path(f"{prefix}_stats.csv"))
    failures = read_failures(Path(f"{prefix}_failures.csv"))
    total = rows.pop("Aggregated")
    return {
        "phase": name,
        "mode": mode,
        "classes": classes,
        "users": total_users,
        "seconds": seconds,
        "wall_s": round(wall, 1),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "server_cpu_s": round(server_cpu, 1),
        "locust_cpu_s": round(locust_cpu, 1),
        "worker_cpu_s": round(worker_cpu, 1),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / max(total["requests"], 1), 2),
        "total": total,
        "pages": rows,
        "failures": failures,
    }


def read_stats(path: Path) -> dict:
    rows = {}
    with path.open(newline="") as f:
        for row in csv.DictReader(f):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 1),
                "median_ms": float(row["Median Response Time"] or 0),
                "p95_ms": float(row["95%"] or 0) if row["95%"] != "N/A" else 0.0,
                "avg_ms": round(float(row["Average Response Time"] or 0), 1),
                "kb": round(float(row["Average Content Size"] or 0) / 1024, 1),
            }
    return rows


def read_failures(path: Path) -> list:
    if not path.exists():
        return []
    with path.open(newline="") as f:
        return [{"name": r["Name"], "error": r["Error"][:300], "count": int(r["Occurrences"])} for r in csv.DictReader(f)]


# --- 4. Report -------------------------------------------------------------------------------
def base_type(name: str) -> str:
    return name.split(" (")[0]


def summarise(phases: dict) -> dict:
    floors = [phases[name]["total"]["rps"] for name in ("bare", "bare_again") if name in phases]
    bare = round(sum(floors) / len(floors), 1)
    cached, uncached = phases["cached"]["total"], phases["uncached"]["total"]
    hits = sum(r["requests"] for n, r in phases["cached"]["pages"].items() if n.endswith("(hit)"))
    public = [
        (phase, name, row)
        for phase in ("cached", "uncached", "mix")
        for name, row in phases[phase]["pages"].items()
        if base_type(name) not in PRIVATE
    ]
    slow = [
        f"{phase}: {name} p95 {row['p95_ms']:.0f} ms" for phase, name, row in public if row["p95_ms"] >= AIMS["public_p95_ms"]
    ]
    errors = sum(p["total"]["errors"] for name, p in phases.items() if name != "warmup")
    summary = {
        "bare_rps": bare,
        "bare_rps_measured": floors,
        "static_rps": phases["static"]["total"]["rps"],
        "cached_rps": cached["rps"],
        "cached_hit_share": round(hits / max(cached["requests"], 1), 3),
        "uncached_rps": uncached["rps"],
        "mix_rps": phases["mix"]["total"]["rps"],
        "static_vs_bare": round(phases["static"]["total"]["rps"] / bare, 3) if bare else None,
        "cached_vs_bare": round(cached["rps"] / bare, 3) if bare else None,
        "uncached_vs_bare": round(uncached["rps"] / bare, 3) if bare else None,
        "errors": errors,
        "public_p95_over_aim": slow,
    }
    summary["aims_met"] = {
        "cached_vs_bare": bool(bare) and summary["cached_vs_bare"] >= AIMS["cached_vs_bare"],
        "uncached_vs_bare": bool(bare) and summary["uncached_vs_bare"] >= AIMS["uncached_vs_bare"],
        "public_p95": not slow,
        "zero_errors": errors == 0,
    }
    return summary


def markdown(result: dict) -> str:
    s = result["summary"]
    lines = [
        f"## Whole-site load: {result['engine']}, {result['scale']} ({result['counts']})",
        "",
        f"gunicorn, {WORKERS} sync workers ({result['worker_processes_seen']} worker processes seen: max_requests recycles them) "
        "and the task worker (db_worker) on the same cores, "
        f"bench.site_settings (production), cache: {result['cache']}; locust {result['locust_version']} headless, "
        f"--users {result['users']} without think time (+{FIXED_USERS} paced users in the mix); "
        f"load average at the start {result['load_start']}; run {result['run_s']:.0f} s; "
        f"data: this run {result['timings']['total_build']} s, first build {result['first_build']['total_build']} s "
        f"({', '.join(f'{k} {v} s' for k, v in result['first_build'].items() if k != 'total_build')}).",
        "",
        "| phase | users | req/s | median ms | p95 ms | errors | server CPU ms/req | locust CPU s | server CPU s | task worker CPU s | load avg (1 min) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, p in result["phases"].items():
        t = p["total"]
        lines.append(
            f"| {name} | {p['users']} | {t['rps']:.0f} | {t['median_ms']:.0f} | {t['p95_ms']:.0f} | {t['errors']} "
            f"| {p['server_cpu_ms_per_request']:.2f} | {p['locust_cpu_s']:.0f} | {p['server_cpu_s']:.0f} | {p.get('worker_cpu_s', 0):.1f} | {p['load_after'][0]:.2f} |"
        )
    lines += [
        "",
        f"Bare view: {' and '.join(f'{r:.0f}' for r in s.get('bare_rps_measured', [s['bare_rps']]))} req/s at the start "
        f"and the end of the run; the ratios use their mean, {s['bare_rps']:.0f} req/s.",
        "",
        "| ratio | measured | aim |",
        "|---|---:|---:|",
        f"| cached public pages / bare view ({s['cached_hit_share']:.0%} hits) | {s['cached_vs_bare']:.0%} | ≥ 70 % |",
        f"| uncached public pages / bare view | {s['uncached_vs_bare']:.0%} | ≥ 25 % |",
        f"| static file / bare view | {s['static_vs_bare']:.0%} | |",
        f"| public page types with p95 ≥ 100 ms | {len(s['public_p95_over_aim'])} | 0 |",
        f"| errors | {s['errors']} | 0 |",
        "",
    ]
    if result["step_up"]:
        lines += [
            "Step-up (uncached public pages):",
            "",
            "| users | req/s | median ms | p95 ms | errors |",
            "|---:|---:|---:|---:|---:|",
        ]
        for users, step in result["step_up"].items():
            t = step["total"]
            lines.append(f"| {users} | {t['rps']:.0f} | {t['median_ms']:.0f} | {t['p95_ms']:.0f} | {t['errors']} |")
        lines.append("")
    for phase in ("bare", "static", "cached", "uncached", "mix", "bare_again"):
        if phase not in result["phases"]:
            continue
        p = result["phases"][phase]
        lines += [
            f"### {phase} ({p['mode']}: {', '.join(p['classes'])})",
            "",
            "| page type | requests | req/s | median ms | p95 ms | errors | KB |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, r in sorted(p["pages"].items()):
            mark = " *" if base_type(name) not in PRIVATE and r["p95_ms"] >= AIMS["public_p95_ms"] else ""
            lines.append(
                f"| {name}{mark} | {r['requests']} | {r['rps']:.1f} | {r['median_ms']:.0f} | {r['p95_ms']:.0f} | {r['errors']} | {r['kb']:.0f} |"
            )
        for failure in p["failures"]:
            lines.append(f"\nError: {failure['count']} × {failure['name']}: {failure['error']}")
        lines.append("")
    if s["public_p95_over_aim"]:
        lines.append("\\* public page type with p95 of 100 ms or more at this rate.")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", default=os.environ.get("SITE_LOAD_SCALE", "full"), choices=["full", "small"])
    parser.add_argument("--engine", default="", help="a label for the report (default: the database's vendor)")
    parser.add_argument("--users", type=int, default=int(os.environ.get("SITE_LOAD_USERS", "4")))
    parser.add_argument("--time-factor", type=float, default=float(os.environ.get("SITE_LOAD_TIME_FACTOR", "1")))
    parser.add_argument("--json", help="write the results here (default: BENCH_DIR/site-load-<engine>.json)")
    parser.add_argument("--markdown", help="write the report here (default: BENCH_DIR/site-load-<engine>.md)")
    parser.add_argument("--step-up", action=argparse.BooleanOptionalAction, default=None, help="default: on at full scale")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument(
        "--phases", help="only these phases, comma-separated (a quick look while working; the report lacks the others)"
    )
    args = parser.parse_args(argv)

    run_started = time.perf_counter()
    load_start = [round(x, 2) for x in os.getloadavg()]
    engine_hint = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    bench_dir = Path(os.environ.get("BENCH_DIR") or ROOT / "var" / f"bench-site-{args.scale}-{engine_hint}").resolve()
    os.environ["BENCH_DIR"] = str(bench_dir)
    bench_dir.mkdir(parents=True, exist_ok=True)
    data = prepare(args.scale, bench_dir)
    engine = args.engine or data["vendor"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.site_settings", "BENCH_DIR": str(bench_dir)}
    data["timings"]["optimize_db"] = manage("optimize_db", env=env)
    if static_outdated(bench_dir):
        data["timings"]["collectstatic"] = manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    log(
        f"  optimize_db {data['timings']['optimize_db']} s, collectstatic {data['timings'].get('collectstatic', '(up to date)')} s"
    )
    targets = {**data["targets"], "static": static_path(bench_dir)}
    targets_path = bench_dir / "site-load-targets.json"
    targets_path.write_text(json.dumps(targets, indent=1))
    if args.build_only:
        return

    out_dir = bench_dir / "site-load"
    out_dir.mkdir(exist_ok=True)
    small = args.scale == "small"
    step_up = (not small) if args.step_up is None else args.step_up
    worker = TaskWorker(env, bench_dir)
    server = Gunicorn(env, bench_dir)
    phases, steps = {}, {}
    try:
        server.wait_ready()
        log(f"== load: gunicorn {WORKERS} workers at {server.url}, locust --users {args.users}, load average {load_start}")
        chosen = set(args.phases.split(",")) if args.phases else None
        for name, classes, mode, full_s, small_s in PHASES:
            if chosen is not None and name not in chosen:
                continue
            seconds = max(3, round((small_s if small else full_s) * args.time_factor))
            phase = run_phase(name, classes, mode, seconds, args.users, server, targets_path, out_dir, worker)
            phases[name] = phase
            t = phase["total"]
            log(
                f"  {name:9} {t['rps']:7.0f} req/s  median {t['median_ms']:4.0f} ms  p95 {t['p95_ms']:5.0f} ms  "
                f"errors {t['errors']}  server {phase['server_cpu_ms_per_request']:.2f} CPU ms/req  "
                f"locust CPU {phase['locust_cpu_s']:.0f} s, task worker {phase['worker_cpu_s']:.1f} s / {phase['wall_s']:.0f} s  "
                f"load {phase['load_after'][0]}"
            )
            if name == "warmup" and step_up:
                for users in STEP_USERS:
                    seconds = max(3, round(STEP_SECONDS[small] * args.time_factor))
                    step = run_phase(
                        f"step-{users}", ANONYMOUS, "uncached", seconds, users, server, targets_path, out_dir, worker
                    )
                    steps[users] = {k: step[k] for k in ("total", "server_cpu_ms_per_request", "locust_cpu_s", "load_after")}
                    t = step["total"]
                    log(
                        f"  step-up {users} users: {t['rps']:.0f} req/s, median {t['median_ms']:.0f} ms, p95 {t['p95_ms']:.0f} ms"
                    )
    finally:
        server.stop()
        worker.stop()
    from importlib.metadata import version

    result = {
        "engine": engine,
        "scale": args.scale,
        "users": args.users,
        "workers": WORKERS,
        "worker_processes_seen": len(server.workers_seen),
        "cache": "Redis" if os.environ.get("REDIS_URL") else "local memory per worker",
        "locust_version": version("locust"),
        "load_start": load_start,
        "timings": data["timings"],
        "first_build": data["first_build"],
        "counts": data["counts"],
        "phases": phases,
        "step_up": steps,
    }
    if chosen is not None:  # a partial run: the phases' own lines above, their figures per page type here
        for name, phase in phases.items():
            for page, row in sorted(phase["pages"].items()):
                log(f"  {name:9} {page:28} {row['rps']:6.1f} req/s  median {row['median_ms']:4.0f}  p95 {row['p95_ms']:4.0f}")
        return
    result["summary"] = summarise(phases)
    result["run_s"] = round(time.perf_counter() - run_started, 1)
    report = markdown(result)
    json_path = Path(args.json or bench_dir / f"site-load-{engine}.json")
    md_path = Path(args.markdown or bench_dir / f"site-load-{engine}.md")
    json_path.write_text(json.dumps(result, indent=1))
    md_path.write_text(report)
    print()
    print(report)
    log(f"Results: {json_path}, {md_path}; server log {server.log_path}; total {result['run_s']:.0f} s")


if __name__ == "__main__":
    main()
