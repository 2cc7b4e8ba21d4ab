"""CSV exports never hand a spreadsheet a formula: our own (safe_cell) and Wagtail's admin exports."""

import csv
import io

import pytest
from django.test import Client
from wagtail.log_actions import log

from core.factories import UserFactory
from core.spreadsheets import safe_cell

FORMULA = '=HYPERLINK("http://evil.example","klik")'


@pytest.mark.parametrize("value", [FORMULA, "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_a_formula_becomes_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Huis van het Kind", "", "1-2-3 piano", None, 42])
def test_other_values_stay_as_they_are(value):
    assert safe_cell(value) == value


@pytest.mark.django_db
def test_the_admin_site_history_export_neutralises_a_title_a_member_typed():
    """A member's practice title lands in the admin's history; opened in a spreadsheet it stays text."""
    member = UserFactory(email="lid@voorbeeld.be")
    administrator = UserFactory(email="beheer@voorbeeld.be", is_superuser=True, is_staff=True)
    log(instance=member, action="wagtail.edit", user=member, title=FORMULA)
    client = Client()
    client.force_login(administrator)
    response = client.get("/beheer/reports/site-history/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert cells == ["'" + FORMULA]
