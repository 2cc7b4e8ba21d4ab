"""Reminders: overdue reviews (at most every three days) and descriptions due for re-assessment."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from practices import actions
from practices.models import Practice, ReviewAssignment

from .conftest import SUBSTANTIATION_KEYS, accept_round, publish, register, submit_for_review

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the reminders on a given day; the e-mails sent, by recipient."""

    def run(day):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            actions.send_reminders(day)
        return [(m.to[0], m.subject) for m in mail.outbox]

    return run


@pytest.fixture
def in_review(cast):
    practice = register(cast["writer"], cast["org"], "Praktijk in beoordeling")
    actions.accept_registration(practice, by=cast["team"])
    submit_for_review(practice, writer=cast["writer"], team=cast["team"])
    due = TODAY + datetime.timedelta(days=7)
    actions.assign_reviewers(practice, by=cast["team"], reviewers=[cast["reviewer"], cast["reviewer2"]], due_date=due)
    return practice


def test_an_overdue_reviewer_is_reminded_once_and_not_again_the_next_day(client, cast, in_review, remind, links_in):
    assert remind(TODAY + datetime.timedelta(days=7)) == [], "not overdue on the due date itself"
    sent = remind(TODAY + datetime.timedelta(days=8))
    assert sorted(to for to, _subject in sent) == ["lid1@example.org", "lid2@example.org"]
    assert all("Praktijk in beoordeling" in subject for _to, subject in sent)
    (message,) = [m for m in mail.outbox if m.to == ["lid1@example.org"]]
    client.force_login(cast["reviewer"])
    assert [client.get(path).status_code for path in links_in(message)] == [200], "the link opens for the reviewer"

    assert remind(TODAY + datetime.timedelta(days=9)) == []


def test_an_overdue_reviewer_is_reminded_again_three_days_later(cast, in_review, remind):
    remind(TODAY + datetime.timedelta(days=8))
    # Three days pass.
    ReviewAssignment.objects.update(last_reminded_at=timezone.now() - datetime.timedelta(days=3, minutes=1))
    assert len(remind(TODAY + datetime.timedelta(days=11))) == 2


def test_reviewers_who_submitted_or_declared_a_conflict_are_not_reminded(cast, in_review, remind):
    review_round = actions.open_round(in_review)
    done = review_round.assignments.get(reviewer=cast["reviewer"])
    actions.declare_conflict(done, by=cast["reviewer"], has_conflict=False)
    actions.save_review(done, by=cast["reviewer"], notes={}, overall="Goed", recommendation="accept", submit=True)
    conflicted = review_round.assignments.get(reviewer=cast["reviewer2"])
    actions.declare_conflict(conflicted, by=cast["reviewer2"], has_conflict=True, statement="Ik werk daar.")
    assert remind(TODAY + datetime.timedelta(days=30)) == []


@pytest.fixture
def published(cast):
    practice = register(cast["writer"], cast["org"], "Gepubliceerde praktijk")
    return publish(
        practice, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"]
    )


def test_writers_are_reminded_once_when_the_reassessment_date_is_within_sixty_days(cast, published, remind):
    due = published.reassessment_due
    assert due > TODAY + datetime.timedelta(days=365)
    assert remind(due - datetime.timedelta(days=61)) == []
    sent = remind(due - datetime.timedelta(days=60))
    assert sorted(to for to, _subject in sent) == ["collega@example.org", "schrijver@example.org"]
    assert all("Gepubliceerde praktijk" in subject for _to, subject in sent)
    assert remind(due - datetime.timedelta(days=59)) == []
    assert remind(due) == []


def test_after_a_new_assessment_the_writers_are_reminded_of_the_next_date_too(cast, published, remind):
    # Published long ago: the re-assessment date is near, and the writers are reminded.
    Practice.objects.filter(pk=published.pk).update(reassessment_due=TODAY + datetime.timedelta(days=30))
    assert len(remind(TODAY)) == 2
    published.refresh_from_db()  # as a later request would load it
    # They describe the next level and the commission accepts: a new re-assessment date, years away.
    submit_for_review(published, writer=cast["writer"], team=cast["team"], keys=SUBSTANTIATION_KEYS)
    accept_round(published, team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    new_due = published.reassessment_due
    assert new_due > TODAY + datetime.timedelta(days=365)
    assert len(remind(new_due - datetime.timedelta(days=30))) == 2, "the new date gets its own reminder"
