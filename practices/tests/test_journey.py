"""The whole life of a practice through the views, as the people involved click through it."""

import pytest
from django.core import mail
from django.urls import reverse

from pages.models import NewsItemPage
from practices.models import AssignmentStatus, Practice
from practices.workflow import Level, Status

pytestmark = pytest.mark.django_db


def _as(client, user):
    client.force_login(user)
    return client


def _fill_all_required(client, practice, phase_sections):
    for key in phase_sections:
        url = reverse("practices:edit_section", args=[practice.pk, key])
        page = client.get(url)
        revision = page.context["text"].revision
        response = client.post(url, {"body": f"Tekst voor {key}: we werken samen met ouders.", "revision": revision})
        assert response.status_code == 302, response.content.decode()[:2000]


DESCRIPTION_KEYS = ["samenvatting", "aanleiding", "doelgroep", "doelen", "aanpak", "randvoorwaarden", "overdraagbaarheid"]


def test_a_practice_goes_from_registration_to_publication(client, cast, django_capture_on_commit_callbacks):
    # 1. A member registers a practice.
    _as(client, cast["writer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("practices:register"),
            {
                "organisation": cast["org"].pk,
                "title": "Samen aan tafel",
                "summary": "Ouders koken en praten samen.",
                "target_groups": [cast["target"].pk],
                "themes": [cast["theme"].pk],
                "contact_name": "Sam Schrijver",
                "contact_email": "schrijver@example.org",
            },
        )
    assert response.status_code == 302
    practice = Practice.objects.get(title="Samen aan tafel")
    assert practice.status == Status.REGISTRATION_RECEIVED and practice.level == ""
    assert any("team@example.org" in m.to for m in mail.outbox)
    # Not public yet: the databank and the page know nothing of it.
    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert "Samen aan tafel" not in client.get(reverse("practices:databank")).content.decode()

    # 2. The team plans the intake and accepts.
    _as(client, cast["team"])
    assert (
        client.post(
            reverse("practices:intake", args=[practice.pk]), {"step": "plan", "when": "2026-12-01T10:00", "notes": "Bellen"}
        ).status_code
        == 302
    )
    assert client.post(reverse("practices:intake", args=[practice.pk]), {"step": "accept"}).status_code == 302
    practice.refresh_from_db()
    assert practice.level == Level.REGISTERED and practice.status == Status.WRITING
    client.logout()
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Samen aan tafel" in page and "Aangemeld" in page

    # 3. The writer fills in the sections, asks to read along; the team comments and returns.
    _as(client, cast["writer"])
    _fill_all_required(client, practice, DESCRIPTION_KEYS[:3])
    response = client.post(reverse("practices:transition", args=[practice.pk, "submit_description"]))
    practice.refresh_from_db()
    assert practice.status == Status.WRITING, "submitting with empty required sections is refused"
    client.post(reverse("practices:transition", args=[practice.pk, "request_read_along"]))
    practice.refresh_from_db()
    assert practice.status == Status.READ_ALONG
    _as(client, cast["team"])
    client.post(reverse("practices:comment", args=[practice.pk, "doelen"]), {"body": "Maak de doelen concreter."})
    client.post(reverse("practices:return_read_along", args=[practice.pk]), {"message": "Goed begin!"})
    practice.refresh_from_db()
    assert practice.status == Status.WRITING

    # 4. The writer completes and submits: level ingediend, version 1 frozen.
    _as(client, cast["writer"])
    assert (
        "Maak de doelen concreter."
        in client.get(reverse("practices:edit_section", args=[practice.pk, "doelen"])).content.decode()
    )
    _fill_all_required(client, practice, DESCRIPTION_KEYS)
    client.post(reverse("practices:transition", args=[practice.pk, "submit_description"]))
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED and practice.level == Level.SUBMITTED
    assert practice.rounds.get().description.version == 1

    # 5. The team assigns two reviewers; one declares a conflict, the other reviews.
    _as(client, cast["team"])
    response = client.post(
        reverse("practices:assign", args=[practice.pk]),
        {"reviewers": [cast["reviewer"].pk, cast["reviewer2"].pk], "due_date": cast["due"].isoformat()},
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == Status.IN_REVIEW
    review_round = practice.rounds.get()
    a1 = review_round.assignments.get(reviewer=cast["reviewer"])
    a2 = review_round.assignments.get(reviewer=cast["reviewer2"])
    _as(client, cast["reviewer2"])
    client.post(
        reverse("practices:review", args=[a2.pk]), {"step": "declare", "has_conflict": "yes", "statement": "Ik werk daar."}
    )
    a2.refresh_from_db()
    assert a2.status == AssignmentStatus.CONFLICT
    assert client.get(practice.get_workspace_url()).status_code == 404, "a conflicted reviewer no longer sees the dossier"
    _as(client, cast["reviewer"])
    client.post(reverse("practices:review", args=[a1.pk]), {"step": "declare", "has_conflict": "no"})
    notes = {f"note_{k}": "Duidelijk." for k in DESCRIPTION_KEYS}
    response = client.post(
        reverse("practices:review", args=[a1.pk]),
        {"step": "review", "overall": "Individueel oordeel: nog te vaag", "recommendation": "revise", "submit": "1", **notes},
    )
    assert response.status_code == 302

    # 6. The chair decides: revise. The writer reads the feedback, not the individual review.
    _as(client, cast["chair"])
    response = client.post(
        reverse("practices:decide", args=[review_round.pk]),
        {"decision": "revise", "feedback": "Beschrijf de aanpak stap voor stap."},
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == Status.REVISION
    _as(client, cast["writer"])
    round_page = client.get(reverse("practices:round", args=[practice.pk, 1])).content.decode()
    assert "Beschrijf de aanpak stap voor stap." in round_page
    assert "Individueel oordeel" not in round_page, "the submitter never sees individual reviews"
    assert "Maak de doelen concreter." in round_page, "the read-along comments that led to this version stay anchored to it"
    assert "Duidelijk." not in round_page, "review notes are internal"
    _as(client, cast["team"])
    assert "Duidelijk." in client.get(reverse("practices:round", args=[practice.pk, 1])).content.decode()
    _as(client, cast["writer"])

    # 7. Revise and resubmit: round 2 shows the difference per section.
    url = reverse("practices:edit_section", args=[practice.pk, "aanpak"])
    revision = client.get(url).context["text"].revision
    client.post(url, {"body": "Stap 1: kennismaken. Stap 2: samen koken.", "revision": revision})
    client.post(reverse("practices:transition", args=[practice.pk, "submit_description"]))
    practice.refresh_from_db()
    assert practice.rounds.count() == 2 and practice.status == Status.SUBMITTED
    round2 = client.get(reverse("practices:round", args=[practice.pk, 2])).content.decode()
    assert "<ins>" in round2 and "<del>" in round2

    # 8. Second round: accept. Published, news draft prepared, writers told.
    _as(client, cast["team"])
    client.post(
        reverse("practices:assign", args=[practice.pk]), {"reviewers": [cast["reviewer"].pk], "due_date": cast["due"].isoformat()}
    )
    second = practice.rounds.get(number=2)
    a = second.assignments.get()
    _as(client, cast["reviewer"])
    client.post(reverse("practices:review", args=[a.pk]), {"step": "declare", "has_conflict": "no"})
    client.post(
        reverse("practices:review", args=[a.pk]),
        {"step": "review", "overall": "Klaar", "recommendation": "accept", "submit": "1", **notes},
    )
    _as(client, cast["chair"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("practices:decide", args=[second.pk]), {"decision": "accept", "feedback": "Mooi beschreven."})
    practice.refresh_from_db()
    assert practice.level == Level.WELL_DESCRIBED and practice.status == Status.PUBLISHED
    assert practice.published_description == second.description
    assert practice.reassessment_due is not None
    assert any("schrijver@example.org" in m.to for m in mail.outbox)
    news = NewsItemPage.objects.get(title__contains="Samen aan tafel", live=False)
    assert list(news.themes.all()) == [cast["theme"]]

    client.logout()
    public = client.get(practice.get_absolute_url()).content.decode()
    assert "Stap 1: kennismaken." in public and "Goed beschreven" in public
    assert "Maak de doelen concreter." not in public, "read-along comments are internal"


def test_feed_and_sitemap_list_only_what_the_public_may_see(client, cast):
    from practices import actions

    hidden = actions.register_practice(
        by=cast["writer"],
        organisation=cast["org"],
        title="Geheime aanmelding",
        summary="Nog niet aanvaard.",
        contact_name="Sam",
        contact_email="s@example.org",
    )
    registered = actions.register_practice(
        by=cast["writer"],
        organisation=cast["org"],
        title="Aangemelde praktijk",
        summary="Wel aanvaard.",
        contact_name="Sam",
        contact_email="s@example.org",
    )
    actions.accept_registration(registered, by=cast["team"])
    sitemap = client.get("/sitemap.xml").content.decode()
    assert registered.get_absolute_url() in sitemap
    assert hidden.slug not in sitemap
    feed = client.get(reverse("practices:feed")).content.decode()
    assert "Aangemelde praktijk" not in feed, "the feed lists published descriptions only"
    assert "Geheime aanmelding" not in feed
