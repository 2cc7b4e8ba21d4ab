"""IDOR: every kind of object URL with every role, over real HTTP against the live demo server.

POLICY below is the whole expectation, one row per kind of object: the roles that may open it; every
other role must be refused (403, 404, or a redirect to a login page) and the refused body must not
contain the object's private text (a marker written into the object before the requests). Objects
"of another organisation" belong to neither Huis van het Kind Lier (the member's and the
organisation administrator's) nor De Wegwijzer Antwerpen (where the administrator is a member).
Unknown ids are refused for everyone. practices/tests/test_access_matrix.py checks the visibility of
each hidden part of a practice in-process; this test covers every object kind over HTTP.
"""

import re

import pytest
import requests
from django.db.models import Q

from .security import ROLES, log_in

pytestmark = pytest.mark.e2e

ALL = set(ROLES)
LOGGED_IN = ALL - {"anonymous"}
STAFF = {"team", "administrator"}
LIER = "huis-van-het-kind-lier"
ANTWERPEN = "opvoedingswinkel-de-wegwijzer-antwerpen"

# kind of object -> the roles that may open its URLs.
POLICY = {
    "draft dossier of own organisation": {"member", "org_admin"} | STAFF,
    "draft section editor of own organisation": {"member", "org_admin"} | STAFF,
    "draft dossier of another organisation": STAFF,
    "draft section editor of another organisation": STAFF,
    "declined registration dossier": STAFF,
    "intake page of a pending registration": STAFF,
    "public page of a pending registration": set(),
    "printable page of a pending registration": set(),
    "API detail of a pending registration": set(),  # an accepted one is public with minimal data
    "dossier in review, commission member assigned": {"commission", "chair"} | STAFF,
    "review round page in review, commission member assigned": {"commission", "chair"} | STAFF,
    "review form of the commission member": {"commission"},  # only the assignee, not even the team
    "review form of another reviewer": set(),
    "decision page of an open round": {"chair", "administrator"},  # the administrator is a superuser
    "non-public material of a practice of own organisation": {"member", "org_admin"} | STAFF,
    "event proposal of own organisation": {"member", "org_admin"} | STAFF,
    "event proposal of another organisation": {"org_admin"} | STAFF,  # Antwerpen: the admin is a member there
    "event moderation page": STAFF,
    "members page of own organisation": {"org_admin"} | STAFF,
    "profile editor of own organisation": {"org_admin"} | STAFF,
    "members page of another organisation": STAFF,
    "profile editor of another organisation": STAFF,
    "draft publication page": set(),
    "draft publication citation export": set(),
    "file of a draft publication": STAFF,  # editors may read the file of a draft they work on
    "draft news page": set(),
    "draft news preview in the admin": STAFF,
    "page editor in the admin": STAFF,
    "publication editor in the admin": STAFF,
    "unknown ids": set(),
}

# Kinds whose page shows the marker to those allowed: there the check that it stays hidden is not blind.
MARKER_SHOWN = {
    "draft section editor of own organisation",
    "draft section editor of another organisation",
    "intake page of a pending registration",
}


def _objects():
    """{kind: ([urls], private marker)}, the markers written into the objects now."""
    from wagtail.models import Page

    from events.models import Event
    from practices.models import DescriptionSection, Material, Practice, ReviewAssignment
    from toolbox.models import Publication

    def mark(practice, label):
        text = f"IDOR-SECRET-{label}"
        section = DescriptionSection.objects.filter(description__practice=practice).order_by("-description_id", "pk").first()
        if section is None:  # a registration without a description yet: its summary is what is private
            Practice.objects.filter(pk=practice.pk).update(summary=f"{practice.summary} {text}")
        else:
            DescriptionSection.objects.filter(pk=section.pk).update(body=f"{section.body}\n\n{text}")
        return text, section

    mine = Q(organisation_links__organisation__slug__in=[LIER, ANTWERPEN])
    own_draft = Practice.objects.get(slug="samen-naar-de-kleuterklas")
    other_draft = Practice.objects.filter(status="writing").exclude(mine).first()
    declined = Practice.objects.filter(status="declined").exclude(mine).first()
    pending = Practice.objects.filter(status="registration_received").exclude(mine).first()
    assignment = (
        ReviewAssignment.objects.filter(reviewer__email=ROLES["commission"], round__decided_at__isnull=True)
        .exclude(status="conflict")
        .exclude(Q(round__practice__organisation_links__organisation__slug__in=[LIER, ANTWERPEN]))
        .select_related("round__practice")
        .first()
    )
    assert assignment, "the demo has no open review of the commission member"
    in_review = assignment.round.practice
    others = (
        ReviewAssignment.objects.filter(round__decided_at__isnull=True)
        .exclude(reviewer__email__in=[ROLES["commission"], ROLES["chair"]])
        .exclude(status="conflict")
        .exclude(round__practice=in_review)
        .first()
    )
    # Kept for the writers (Lier submitted the practice) and the team; no open round (the chair reads those).
    material = (
        Material.objects.filter(
            is_public=False, practice__organisation_links__organisation__slug=LIER, practice__organisation_links__role="submitter"
        )
        .exclude(practice__rounds__decided_at__isnull=True)
        .first()
    )
    own_proposal = Event.objects.filter(status="proposed", organisers__slug=LIER).first()
    proposal = Event.objects.filter(status="proposed", organisers__slug=ANTWERPEN).exclude(organisers__slug=LIER).first()
    assert all([other_draft, declined, pending, others, material, own_proposal, proposal]), "the demo lacks an object"
    for event in (own_proposal, proposal):
        Event.objects.filter(pk=event.pk).update(description=f"{event.description}\n\nIDOR-SECRET-event{event.pk}")
    draft_publication = Publication.objects.filter(live=False, document__isnull=False).order_by("pk").first()
    Publication.objects.filter(pk=draft_publication.pk).update(title="IDOR-SECRET-publication")
    news = Page.objects.filter(live=False, url_path__contains="/nieuws/").first()
    Page.objects.filter(pk=news.pk).update(title="IDOR-SECRET-news", draft_title="IDOR-SECRET-news")
    from pages.models import NewsItemPage

    NewsItemPage.objects.filter(pk=news.pk).update(intro="IDOR-SECRET-news")
    about = Page.objects.get(url_path="/home/over-expoo/")

    own_text, own_section = mark(own_draft, "own")
    other_text, other_section = mark(other_draft, "other")
    declined_text, _ = mark(declined, "declined")
    pending_text, _ = mark(pending, "pending")
    review_text, _ = mark(in_review, "review")
    other_org = other_draft.organisation_links.filter(role="submitter").first().organisation.slug
    news_path = news.url_path.removeprefix("/home")
    document = draft_publication.document
    o = {
        "draft dossier of own organisation": ([f"/werkruimte/praktijk/{own_draft.pk}/"], own_text),
        "draft section editor of own organisation": (
            [f"/werkruimte/praktijk/{own_draft.pk}/sectie/{own_section.key}/"],
            own_text,
        ),
        "draft dossier of another organisation": ([f"/werkruimte/praktijk/{other_draft.pk}/"], other_text),
        "draft section editor of another organisation": (
            [f"/werkruimte/praktijk/{other_draft.pk}/sectie/{other_section.key}/"],
            other_text,
        ),
        "declined registration dossier": ([f"/werkruimte/praktijk/{declined.pk}/"], declined_text),
        "intake page of a pending registration": ([f"/werkruimte/praktijk/{pending.pk}/intake/"], pending_text),
        "public page of a pending registration": ([f"/praktijken/{pending.slug}/"], pending_text),
        "printable page of a pending registration": ([f"/praktijken/{pending.slug}/afdrukken/"], pending_text),
        "API detail of a pending registration": ([f"/api/v1/praktijken/{pending.slug}/"], pending_text),
        "dossier in review, commission member assigned": ([f"/werkruimte/praktijk/{in_review.pk}/"], None),
        "review round page in review, commission member assigned": (
            [f"/werkruimte/praktijk/{in_review.pk}/ronde/{assignment.round.number}/"],
            None,
        ),
        "review form of the commission member": ([f"/werkruimte/beoordeling/{assignment.pk}/"], None),
        "review form of another reviewer": ([f"/werkruimte/beoordeling/{others.pk}/"], None),
        "decision page of an open round": ([f"/werkruimte/ronde/{assignment.round.pk}/beslissing/"], None),
        "event proposal of own organisation": ([f"/agenda/voorstel/{own_proposal.pk}/"], f"IDOR-SECRET-event{own_proposal.pk}"),
        "event proposal of another organisation": ([f"/agenda/voorstel/{proposal.pk}/"], f"IDOR-SECRET-event{proposal.pk}"),
        "event moderation page": ([f"/agenda/moderatie/{proposal.pk}/"], f"IDOR-SECRET-event{proposal.pk}"),
        "non-public material of a practice of own organisation": ([f"/praktijken/materiaal/{material.pk}/"], None),
        "members page of own organisation": ([f"/account/organisatie/{LIER}/"], None),
        "profile editor of own organisation": ([f"/account/organisatie/{LIER}/profiel/"], None),
        "members page of another organisation": ([f"/account/organisatie/{other_org}/"], None),
        "profile editor of another organisation": ([f"/account/organisatie/{other_org}/profiel/"], None),
        "draft publication page": ([f"/toolbox/{draft_publication.slug}/"], "IDOR-SECRET-publication"),
        "draft publication citation export": (
            [f"/toolbox/{draft_publication.slug}/export/{fmt}/" for fmt in ("ris", "bibtex", "csl-json")],
            "IDOR-SECRET-publication",
        ),
        "file of a draft publication": ([document.url], None),
        "draft news page": ([news_path], "IDOR-SECRET-news"),
        "draft news preview in the admin": ([f"/beheer/pages/{news.pk}/view_draft/"], "IDOR-SECRET-news"),
        "page editor in the admin": ([f"/beheer/pages/{about.pk}/edit/"], None),
        "publication editor in the admin": (
            [f"/beheer/snippets/toolbox/publication/edit/{draft_publication.pk}/"],
            "IDOR-SECRET-publication",
        ),
        "unknown ids": (
            [
                "/werkruimte/praktijk/999999/",
                "/werkruimte/praktijk/999999/intake/",
                "/werkruimte/beoordeling/999999/",
                "/werkruimte/ronde/999999/beslissing/",
                "/agenda/voorstel/999999/",
                "/agenda/moderatie/999999/",
                "/praktijken/materiaal/999999/",
                "/praktijken/bestaat-niet/",
                "/api/v1/praktijken/bestaat-niet/",
                "/api/v1/organisaties/bestaat-niet/",
                "/account/organisatie/bestaat-niet/",
                "/toolbox/bestaat-niet/export/ris/",
                "/beheer/pages/999999/edit/",
            ],
            None,
        ),
    }
    return o


def _refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and bool(re.search(r"/(inloggen|login)/", location))


def test_every_object_url_answers_each_role_as_the_policy_says(demo):
    problems = policy_problems({role: log_in(demo.url, role) for role in ROLES})
    assert not problems, "\n".join(problems)


def policy_problems(sessions: dict) -> list[str]:
    """Every object URL with every role against POLICY; the list of what does not match."""
    objects = _objects()
    assert set(POLICY) == set(objects), "every kind in POLICY has an object, and only those"
    problems = []
    for kind, (urls, secret) in objects.items():
        allowed = POLICY[kind]
        for url in urls:
            for role, session in sessions.items():
                response = session.get(url)
                if role in allowed:
                    if response.status_code != 200:
                        problems.append(f"{kind}: {role} should open {url}, got {response.status_code}")
                    elif secret and kind in MARKER_SHOWN and secret not in response.text:
                        problems.append(f"{kind}: {role} opened {url} but the marker is missing (the test is blind)")
                else:
                    if not _refused(response):
                        problems.append(f"{kind}: {role} should be refused at {url}, got {response.status_code}")
                    if secret and secret in response.text:
                        problems.append(f"{kind}: {role} sees the private text at {url}")
    # Refused by the admin, a logged-in person without access ends on a 403, not in a redirect loop
    # between /beheer/ and the login page (which sends a logged-in person on to `next`).
    for role in LOGGED_IN - STAFF:
        try:
            response = sessions[role].get("/beheer/pages/", allow_redirects=True)
        except requests.TooManyRedirects:
            problems.append(f"the admin sends {role} round in a redirect loop")
            continue
        if response.status_code != 403:
            problems.append(f"the admin refused {role} with {response.status_code} after {len(response.history)} redirects")
    # The personal data export (a POST, no id in it) holds one's own data only, and nothing for a visitor.
    for role, session in sessions.items():
        response = session.post_form("/account/privacy/gegevens-downloaden/", {})
        if role == "anonymous":
            assert _refused(response), f"a visitor got a data export: {response.status_code}"
            continue
        assert response.status_code == 200, f"{role} cannot download their data: {response.status_code}"
        body = response.text
        assert ROLES[role] in body, f"{role}'s export lacks their own address"
        strangers = [
            email
            for other, email in ROLES.items()
            if email and other != role and re.search(rf"(?<![\w.]){re.escape(email)}", body)  # not orgbeheerder@ for beheerder@
        ]
        assert not strangers, f"{role}'s export holds other people's addresses: {strangers}"
    return problems
