"""Hostile input over real HTTP against the live server with the demo data: SQL-ish and search-syntax
values, control characters, invalid UTF-8, oversized and repeated parameters in every filter and
search parameter of every public GET endpoint, the server's longest request line, and open
redirects through the login's `next`. No 5xx, a sensible status, an answer within a second of CPU
(and five on the clock: the machine running the tests is shared).

The parameter names and the corpus: core/tests/hostile_input.py. The full corpus runs with Django's
test client on both engines (core/tests/test_hostile_input.py); here a sample of it goes over the
wire, where the server's own parsing (request line, percent-decoding) comes into play too.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
import requests

from core.demo.util import DEMO_PASSWORD
from core.tests.hostile_input import ENDPOINTS, LINE_LIMIT, OAI, RAW_VALUES, q, query, url_near_limit

from .conftest import MEMBER

pytestmark = pytest.mark.e2e

SENSIBLE = {200, 301, 302, 400, 404}
BUDGET = 1.0  # seconds of CPU per answer
WALL_BUDGET = 5.0  # seconds on the clock, on a busy shared machine
SAMPLE = [
    "' OR 1=1--",
    '"; DROP TABLE practices_practice; --',
    "%_\\",
    'NEAR(ouders "kinderen* -x AND OR NOT title:opvoeding',
    "ouders & | ! :* <->",
    "ouders\x00kinderen\x01\x1f\x7f",
    "-99999999999999999999",
    str(10**9),
    "0000-00-00",
    "9999-99-99",
    "9999-12-31",
    "x" * 3000,
]


class Probe:
    """Sends GETs without following redirects and keeps the figures for the report."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()
        self.count = 0
        self.slowest = (0.0, "")
        self.most_cpu = 0.0
        self.failures: list[str] = []

    def get(self, url: str, retry: bool = False) -> requests.Response:
        # The live server runs in this process: its CPU time is the request's cost whatever else the
        # machine is doing (the test run shares two cores); the wall time is bounded more loosely.
        wall, cpu = time.perf_counter(), time.process_time()
        response = self.session.get(self.base + url, allow_redirects=False, timeout=30)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.count += 1
        if wall > WALL_BUDGET and cpu <= BUDGET and not retry:  # waited for the machine, not for work
            return self.get(url, retry=True)
        if wall > self.slowest[0]:
            self.slowest = (wall, url[:100])
        self.most_cpu = max(self.most_cpu, cpu)
        if response.status_code not in SENSIBLE:
            self.failures.append(f"{response.status_code} for {url[:160]}")
        elif cpu > BUDGET or wall > WALL_BUDGET:
            self.failures.append(f"{wall:.2f}s ({cpu:.2f}s CPU) for {url[:160]}")
        return response


def test_hostile_parameters_over_http(demo):
    probe = Probe(demo.url)
    values = [q(v) for v in SAMPLE] + RAW_VALUES
    for endpoint in ENDPOINTS:
        probe.get(endpoint.path)  # warm up, as a running site is
        for value in values:
            probe.get(f"{endpoint.path}?{query(endpoint.params, value)}")
        for param in endpoint.params:
            probe.get(f"{endpoint.path}?{param}={q('x' * 10_000)}&{param}=1&{param}[]=2")
    for verb, args in {
        "GetRecord": "metadataPrefix=oai_dc&identifier=",
        "ListRecords": "metadataPrefix=oai_dc&until=",
        "ListIdentifiers": "resumptionToken=",
    }.items():
        for value in values:
            response = probe.get(f"{OAI}?verb={verb}&{args}{value}")
            assert b"<OAI-PMH" in response.content
    print(
        f"\n{probe.count} requests, slowest {probe.slowest[0] * 1000:.0f} ms ({probe.slowest[1]}),"
        f" most CPU {probe.most_cpu * 1000:.0f} ms"
    )
    assert not probe.failures, "\n".join(probe.failures)


def test_longest_request_line_is_answered_and_a_longer_one_refused(demo):
    probe = Probe(demo.url)
    response = probe.get(url_near_limit("/zoeken/", LINE_LIMIT))
    assert response.status_code == 200
    assert not probe.failures, probe.failures
    too_long = requests.get(demo.url + "/zoeken/?q=" + "a" * LINE_LIMIT, timeout=30)
    assert too_long.status_code == 414


OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "/%09/evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "http://127.0.0.1@evil.example/",
]


def test_login_next_never_sends_anyone_off_the_site(demo):
    """Every `next` pointing elsewhere: the form still works, and after logging in the member lands on
    the site (/account/), never on the other host."""
    for next_url in OFF_SITE:
        session = requests.Session()
        page = session.get(f"{demo.url}/account/inloggen/", params={"next": next_url}, timeout=30)
        assert page.status_code == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = session.post(
            f"{demo.url}/account/inloggen/",
            data={"csrfmiddlewaretoken": token, "username": MEMBER, "password": DEMO_PASSWORD, "next": next_url},
            headers={"Referer": f"{demo.url}/account/inloggen/"},
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code == 302, next_url
        location = response.headers["Location"]
        target = urlsplit(location)
        # A path on this site ("/%09/evil.example" is one: a 404 here) is fine; another host is not.
        assert target.scheme in ("", "http") and target.netloc in ("", urlsplit(demo.url).netloc), (next_url, location)
        assert location.startswith(("/", demo.url + "/")) and not location.startswith(("//", "/\\")), (next_url, location)
    # Wagtail's login passes `next` on to the site's login, which then ignores it as above.
    response = requests.get(f"{demo.url}/beheer/login/", params={"next": OFF_SITE[0]}, allow_redirects=False, timeout=30)
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).netloc == ""
