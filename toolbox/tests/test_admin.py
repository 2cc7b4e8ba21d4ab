"""The Toolbox in the Wagtail admin: editors list, filter, add, edit and preview publications."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_editors_list_and_filter_publications(client, editor, library, themes):
    client.force_login(editor)
    url = reverse("wagtailsnippets_toolbox_publication:list")
    assert client.get(url).status_code == 200
    for params in (
        {"publication_type": "book"},
        {"year__gte": "2020", "year__lte": "2023"},
        {"themes": themes["tieners"].pk},
        {"is_expoo": "true"},
        {"live": "false"},
        {"q": "armoede"},
    ):
        response = client.get(url, params)
        assert response.status_code == 200, params
    found = client.get(url, {"q": "schermen"}).content.decode()
    assert "Tieners en schermen" in found and "Co-ouderschap" not in found
    drafts = client.get(url, {"live": "false"}).content.decode()
    assert "Geheim conceptrapport" in drafts and "Tieners en schermen" not in drafts


def test_editors_open_the_add_edit_and_preview_views(client, editor, library):
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_toolbox_publication:add")).status_code == 200
    draft = library["draft"]
    assert client.get(reverse("wagtailsnippets_toolbox_publication:edit", args=[draft.pk])).status_code == 200


def test_the_preview_is_the_public_page_of_the_draft(rf, editor, library):
    request = rf.get("/")
    request.user = editor
    response = library["draft"].serve_preview(request, "")
    response.render()
    html = response.content.decode()
    assert "Geheim conceptrapport mrkdraftqz" in html and "Mrkdraftqz Geheim" in html


def test_visitors_do_not_reach_the_admin(client, library):
    response = client.get(reverse("wagtailsnippets_toolbox_publication:list"))
    assert response.status_code == 302


def test_the_expoo_team_drafts_publishes_and_imports_publications(client, team_user):
    from toolbox.models import Publication

    client.force_login(team_user)
    assert client.get("/beheer/snippets/toolbox/publication/").status_code == 200
    assert client.get("/beheer/snippets/toolbox/publication/add/").status_code == 200
    assert team_user.has_perm("toolbox.publish_publication")
    assert team_user.has_perm("sitesearch.change_synonym")
    assert Publication.objects.count() == 0
