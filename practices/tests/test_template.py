"""The grondplan is versioned: a version in use never changes; descriptions keep theirs."""

import pytest
from django.urls import reverse

from practices import actions
from practices.models import DescriptionTemplate

pytestmark = pytest.mark.django_db


def test_the_default_template_covers_the_three_phases_in_dutch():
    template = DescriptionTemplate.objects.current()
    assert template.version == 1
    phases = {s.phase for s in template.sections.all()}
    assert phases == {"description", "substantiation", "research"}
    summary = template.sections.get(key="samenvatting")
    assert summary.title == "Samenvatting" and summary.questions and summary.is_required


def test_an_administrator_makes_a_new_version_and_old_descriptions_keep_theirs(client, cast):
    practice = actions.register_practice(
        by=cast["writer"],
        organisation=cast["org"],
        title="Praatcafé",
        summary="Kort.",
        contact_name="Sam",
        contact_email="s@example.org",
    )
    actions.accept_registration(practice, by=cast["team"])
    v1 = DescriptionTemplate.objects.current()
    client.force_login(cast["admin"])
    response = client.post(reverse("practices_template_copy", args=[v1.pk]))
    assert response.status_code == 302
    v2 = DescriptionTemplate.objects.get(version=2)
    assert not v2.is_active and v2.sections.count() == v1.sections.count()
    v2.is_active = True
    v2.save()
    assert DescriptionTemplate.objects.current() == v2
    assert practice.descriptions.get(is_draft=True).template == v1


def test_a_version_in_use_cannot_be_edited_in_the_admin(client, cast):
    practice = actions.register_practice(
        by=cast["writer"],
        organisation=cast["org"],
        title="Praatcafé",
        summary="Kort.",
        contact_name="Sam",
        contact_email="s@example.org",
    )
    actions.accept_registration(practice, by=cast["team"])
    v1 = DescriptionTemplate.objects.current()
    client.force_login(cast["admin"])
    url = reverse("wagtailsnippets_practices_descriptiontemplate:edit", args=[v1.pk])
    response = client.post(url, {"title": "Iets anders", "version": 1, "is_active": "on"})
    assert response.status_code == 302 and "nieuwe-versie" in response["Location"]
    v1.refresh_from_db()
    assert v1.title != "Iets anders"


def test_a_member_cannot_copy_templates(client, cast):
    client.force_login(cast["writer"])
    response = client.post(reverse("practices_template_copy", args=[DescriptionTemplate.objects.current().pk]))
    assert response.status_code in (302, 403)
    assert DescriptionTemplate.objects.count() == 1
