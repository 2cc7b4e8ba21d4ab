"""Moving practices in and out as JSON Lines: all or nothing, errors named per line and field."""

import json

import pytest
from django.core.management import CommandError, call_command

from practices import actions
from practices.models import Practice
from practices.workflow import Level

pytestmark = pytest.mark.django_db


def _published_practice(cast):
    practice = actions.register_practice(
        by=cast["writer"],
        organisation=cast["org"],
        title="Babbelbox",
        summary="Ouders praten bij koffie.",
        contact_name="Sam",
        contact_email="sam@example.org",
        themes=[cast["theme"]],
        target_groups=[cast["target"]],
    )
    actions.accept_registration(practice, by=cast["team"])
    draft = actions.ensure_draft(practice)
    for section in draft.sections.filter(phase="description"):
        actions.save_section(
            practice, by=cast["writer"], key=section.key, body=f"Tekst over {section.key}.", revision=section.revision
        )
    actions.submit_description(practice, by=cast["writer"])
    actions.assign_reviewers(practice, by=cast["team"], reviewers=[cast["reviewer"]], due_date=cast["due"])
    assignment = practice.rounds.get().assignments.get()
    actions.declare_conflict(assignment, by=cast["reviewer"], has_conflict=False)
    actions.save_review(assignment, by=cast["reviewer"], notes={}, overall="Goed", recommendation="accept", submit=True)
    actions.record_decision(practice, by=cast["chair"], decision="accept", feedback="Akkoord.")
    practice.refresh_from_db()
    return practice


def test_export_then_import_recreates_the_published_practice(cast, tmp_path):
    practice = _published_practice(cast)
    out = tmp_path / "praktijken.jsonl"
    call_command("export_practices", output=str(out))
    record = json.loads(out.read_text().splitlines()[0])
    assert record["level"] == Level.WELL_DESCRIBED and record["description"][0]["text"].startswith("Tekst over")

    record["slug"] = "babbelbox-kopie"
    out.write_text(json.dumps(record) + "\n")
    call_command("import_practices", str(out))
    copy = Practice.objects.get(slug="babbelbox-kopie")
    assert copy.level == Level.WELL_DESCRIBED
    assert copy.published_description.sections.get(key="doelen").body == "Tekst over doelen."
    assert list(copy.themes.values_list("slug", flat=True)) == ["ouderparticipatie"]
    assert copy.organisations.get() == practice.organisations.get()
    assert Practice.objects.published().filter(slug="babbelbox-kopie").exists()


def test_an_import_with_one_bad_line_imports_nothing_and_names_line_and_field(cast, tmp_path, capsys):
    good = {
        "slug": "goed",
        "title": "Goed",
        "summary": "Kort.",
        "level": "registered",
        "themes": ["ouderparticipatie"],
        "organisations": [{"slug": cast["org"].slug, "role": "submitter"}],
    }
    bad_theme = {**good, "slug": "fout-thema", "themes": ["bestaat-niet"]}
    bad_level = {**good, "slug": "fout-niveau", "level": "excellent"}
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([json.dumps(good), json.dumps(bad_theme), "{kapot", json.dumps(bad_level)]) + "\n")
    before = Practice.objects.count()
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("import_practices", str(path))
    errors = capsys.readouterr().err
    assert "regel 2, themes: Onbekende waarde(n): bestaat-niet." in errors
    assert "regel 3: geen geldige JSON" in errors
    assert "regel 4, level:" in errors
    assert Practice.objects.count() == before


def test_a_published_level_without_description_is_refused(cast, tmp_path, capsys):
    record = {
        "slug": "zonder",
        "title": "Zonder tekst",
        "summary": "Kort.",
        "level": "well_described",
        "organisations": [{"slug": cast["org"].slug, "role": "submitter"}],
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(CommandError):
        call_command("import_practices", str(path))
    assert "regel 1, description: Een gepubliceerd niveau vraagt een beschrijving." in capsys.readouterr().err
