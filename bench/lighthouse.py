"""Lighthouse on the public pages, served by the production stack (issue 6, "measure the front end").

Builds the demo site in a temporary directory (migrate, load_demo, rebuild_search_index,
collectstatic), starts gunicorn with `expoo.settings.production` (EXPOO_HTTPS=false, as `make run`)
on a free loopback port, and runs Lighthouse (node_modules/.bin/lighthouse, Debian's Chromium) on
the home page, the databank, a practice page, the Toolbox and the agenda, as a desktop (its
`desktop` preset) and as a mobile (Lighthouse's default emulation and simulated throttling).
Prints a table against the aims, writes it as Markdown and every figure as JSON:

    .venv/bin/python -m bench.lighthouse [--out DIR] [--only home,agenda] [--form-factors mobile]

Aims: accessibility, best practices and SEO 100, performance at least 95; transferred bytes under
150 KB and JavaScript under 30 KB. With --strict the exit status is 1 when a page misses an aim.
"""

import argparse
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LIGHTHOUSE = str(ROOT / "node_modules" / ".bin" / "lighthouse")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
AIMS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_BYTES = 150 * 1024
MAX_JS_BYTES = 30 * 1024
ATTEMPTS = 3

REFERENCE = "blank page (reference)"
# The practice page's path is looked up in the demo database (the first published practice).
PAGES = {
    "home": "/",
    "databank": "/praktijken/",
    "practice": None,
    "toolbox": "/toolbox/",
    "agenda": "/agenda/",
}
_PRACTICE_PATH = (
    "from practices.models import Practice; p = Practice.objects.published().order_by('pk').first(); print(p.get_absolute_url())"
)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_env(var_dir: Path) -> dict[str, str]:
    """The environment of `make run`, with a database, media and static files of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "OPENSEARCH_", "AWS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="expoo.settings.production",
        EXPOO_HTTPS="false",
        EXPOO_VAR_DIR=str(var_dir),
        LOG_FORMAT="plain",
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command of the site; its output, or the command's error and exit."""
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build_site(env: dict[str, str], reuse: bool = False) -> str:
    """The demo site, as `make run` builds it; returns the path of a published practice.

    With `reuse` an existing database is kept as it is and only the static files are collected again.
    """
    steps = [("migrate", "--noinput"), ("load_demo",), ("rebuild_search_index",)] if not reuse else []
    for args in (*steps, ("collectstatic", "--noinput", "--verbosity", "0")):
        started = time.monotonic()
        manage(env, *args)
        print(f"  manage.py {args[0]}: {time.monotonic() - started:.1f} s", flush=True)
    # The shell may announce its automatic imports first; the path is the last line.
    return manage(env, "shell", "--no-imports", "-c", _PRACTICE_PATH).strip().splitlines()[-1]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    """gunicorn with deploy/gunicorn.conf.py (2 workers) on 127.0.0.1:port, once it answers."""
    server = subprocess.Popen(
        [GUNICORN, "expoo.wsgi:application", "--config", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not become ready within 60 s")


BLANK_PAGE = b"""<!DOCTYPE html><html lang="nl-BE"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Referentie</title>
<meta name="description" content="Een lege pagina: wat de machine zelf kost."><link rel="icon" href="data:,"></head>
<body><h1>Referentie</h1><p>Een lege pagina.</p></body></html>"""


class _BlankPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        body = BLANK_PAGE if self.path == "/" else b"User-agent: *\nAllow: /\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8" if self.path == "/" else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start_blank_page() -> http.server.ThreadingHTTPServer:
    """A nearly empty page on loopback: the reference row, what Lighthouse measures on this machine
    when the page costs nothing (on a loaded 2-core machine its mobile TBT is far from 0)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _BlankPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def warm_up(port: int, paths: list[str]) -> None:
    """Ask each page twice first, so every worker has loaded its code and the page cache its page:
    the figures are those of a running site, not of its first request."""
    for path in paths * 2:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:  # noqa: S310
            response.read()


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (Lighthouse's advice against a noisy machine), with
    the other runs' scores kept beside it; a failed audit counts if it failed in that run."""
    ordered = sorted(runs, key=lambda r: (r["scores"]["performance"], -r["tbt_ms"]))
    chosen = ordered[(len(ordered) - 1) // 2]
    return {**chosen, "runs": len(runs), "all_scores": [r["scores"] for r in runs]}


def run_lighthouse(url: str, form_factor: str, report_path: Path) -> dict:
    """One Lighthouse run; the report (LHR) as a dict."""
    command = [
        LIGHTHOUSE,
        url,
        "--output=json",
        f"--output-path={report_path}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
        "--disable-full-page-screenshot",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    # On a busy machine Chromium now and then loses the trace (NO_NAVSTART, NO_FCP): try again.
    lhr: dict = {}
    for attempt in range(ATTEMPTS):
        report_path.unlink(missing_ok=True)
        result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME_PATH}, capture_output=True, text=True)
        if not result.returncode and report_path.exists():
            lhr = json.loads(report_path.read_text())
            if not lhr.get("runtimeError"):
                return lhr
        print(
            f"    attempt {attempt + 1} failed: {result.stderr.strip().splitlines()[-1:] or lhr.get('runtimeError')}", flush=True
        )
    raise RuntimeError(f"lighthouse {url} ({form_factor}) failed {ATTEMPTS} times: {result.stderr[-2000:]}")


def summarise(lhr: dict) -> dict:
    """The figures the aims are about, plus every audit that did not pass (what to fix)."""
    audits = lhr["audits"]
    scores = {c: round((lhr["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    resources = {item["resourceType"]: item for item in audits["resource-summary"]["details"]["items"]}
    category_of = {ref["id"]: c for c in CATEGORIES for ref in lhr["categories"][c]["auditRefs"] if ref.get("weight")}
    failing = [
        {"id": audit_id, "category": category_of[audit_id], "title": audit["title"], "score": audit["score"]}
        for audit_id, audit in audits.items()
        if audit_id in category_of and audit["scoreDisplayMode"] in ("binary", "numeric") and (audit["score"] or 0) < 1
    ]
    return {
        "scores": scores,
        "bytes": round(audits["total-byte-weight"]["numericValue"]),
        "js_bytes": round(resources.get("script", {}).get("transferSize", 0)),
        "requests": resources.get("total", {}).get("requestCount"),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "failing": failing,
        "console_errors": [item.get("description") for item in audits["errors-in-console"].get("details", {}).get("items", [])],
        # Lighthouse's measure of this machine's speed at the time (about 1000+ on a quiet desktop).
        "benchmark_index": round(lhr["environment"].get("benchmarkIndex", 0)),
        "load_average": round(os.getloadavg()[0], 1),
        "lighthouse_version": lhr["lighthouseVersion"],
        "chrome": lhr["environment"]["hostUserAgent"],
    }


def misses(row: dict) -> list[str]:
    """The aims a measured page misses, in words."""
    out = [f"{c} {row['scores'][c]} < {aim}" for c, aim in AIMS.items() if row["scores"][c] < aim]
    if row["bytes"] >= MAX_BYTES:
        out.append(f"{row['bytes'] / 1024:.1f} KB transferred")
    if row["js_bytes"] >= MAX_JS_BYTES:
        out.append(f"{row['js_bytes'] / 1024:.1f} KB JavaScript")
    return out


def _mark(ok: bool) -> str:
    return "✅" if ok else "❌"


def table(results: list[dict]) -> str:
    """The Markdown report: one row per page and form factor, then what did not pass."""
    lines = [
        "| page | form factor | performance (each run) | accessibility | best practices | SEO | transferred | JavaScript "
        "| LCP | TBT | CLS | CPU index |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        judged = r["page"] != REFERENCE
        s = r["scores"]
        cells = [f"{s[c]} {_mark(s[c] >= AIMS[c])}" if judged else f"{s[c]}" for c in CATEGORIES]
        if r["runs"] > 1:
            cells[0] += " (" + "/".join(str(x["performance"]) for x in r["all_scores"]) + ")"
        cells.append(f"{r['bytes'] / 1024:.1f} KB" + (f" {_mark(r['bytes'] < MAX_BYTES)}" if judged else ""))
        cells.append(f"{r['js_bytes'] / 1024:.1f} KB" + (f" {_mark(r['js_bytes'] < MAX_JS_BYTES)}" if judged else ""))
        cells += [f"{r['lcp_ms']} ms", f"{r['tbt_ms']} ms", f"{r['cls']}", f"{r['benchmark_index']}"]
        lines.append(f"| {r['page']} (`{r['path']}`) | {r['form_factor']} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"Aims: performance ≥ {AIMS['performance']}, accessibility, best practices and SEO 100, "
        f"transferred < {MAX_BYTES // 1024} KB, JavaScript < {MAX_JS_BYTES // 1024} KB.",
    ]
    failing = [(r, a) for r in results if r["page"] != REFERENCE for a in r["failing"]]
    if failing:
        lines += ["", "Audits that did not pass (in the median run):", ""]
        lines += [
            f"- {r['page']} ({r['form_factor']}): `{a['id']}` ({a['category']}) {a['title']}, score {a['score']}"
            for r, a in failing
        ]
    if results:
        lines += [
            "",
            f"The median of {results[0]['runs']} run(s) by performance score. Lighthouse {results[0]['lighthouse_version']}, "
            f"{results[0]['chrome']}. CPU index: Lighthouse's benchmark of the machine during the run (a quiet "
            "desktop scores 1000 or more; a loaded machine scores low, which inflates TBT on mobile, where the "
            "CPU is slowed 4×). The blank page shows what the machine alone costs.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", help="directory for lighthouse.md, lighthouse.json and the reports (default: a new one in /tmp)")
    parser.add_argument("--only", help="comma-separated page names: " + ",".join(PAGES))
    parser.add_argument("--form-factors", default="desktop,mobile")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a page misses an aim")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and form factor; the median is reported")
    parser.add_argument("--site-dir", help="keep the demo site in this directory and reuse it in the next run (faster)")
    args = parser.parse_args(argv)
    for tool, hint in ((LIGHTHOUSE, "npm ci"), (CHROME_PATH, "apt-get install chromium"), (GUNICORN, "make install")):
        if not os.path.exists(tool):
            sys.exit(f"{tool} is missing ({hint})")
    out = Path(args.out or tempfile.mkdtemp(prefix="expoo-lighthouse-"))
    out.mkdir(parents=True, exist_ok=True)
    pages = [p for p in PAGES if not args.only or p in args.only.split(",")]

    var_dir = Path(args.site_dir or tempfile.mkdtemp(prefix="expoo-lighthouse-site-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    reuse = bool(args.site_dir) and (var_dir / "expoo.sqlite3").exists()
    server = blank = None
    try:
        env = site_env(var_dir)
        print(f"{'Reusing' if reuse else 'Building'} the demo site in {var_dir}", flush=True)
        paths = {**PAGES, "practice": build_site(env, reuse)}
        port = free_port()
        server = start_server(env, port)
        warm_up(port, [paths[p] for p in pages])
        blank = start_blank_page()
        targets = [(page, f"http://127.0.0.1:{port}{paths[page]}") for page in pages]
        targets.append((REFERENCE, f"http://127.0.0.1:{blank.server_address[1]}/"))
        results = []
        for page, url in targets:
            for form_factor in args.form_factors.split(","):
                started = time.monotonic()
                runs = []
                for n in range(args.runs):
                    lhr = run_lighthouse(url, form_factor, out / f"{page}-{form_factor}-{n + 1}.report.json")
                    runs.append(summarise(lhr))
                row = {"page": page, "path": paths.get(page, "/"), "form_factor": form_factor, **median_run(runs)}
                results.append(row)
                verdict = "; ".join(misses(row)) or "all aims met"
                if page == REFERENCE:
                    verdict = f"performance {row['scores']['performance']}, TBT {row['tbt_ms']} ms (not judged)"
                print(f"  {page} {form_factor}: {verdict} ({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        if blank:
            blank.shutdown()
        if server:
            server.terminate()
            server.wait(timeout=30)
        if not args.site_dir:
            shutil.rmtree(var_dir, ignore_errors=True)

    report = table(results)
    (out / "lighthouse.md").write_text(report)
    (out / "lighthouse.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print()
    print(report)
    print(f"Reports in {out} (lighthouse.md, lighthouse.json, one Lighthouse report per page)")
    missed = any(misses(r) for r in results if r["page"] != REFERENCE)
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
