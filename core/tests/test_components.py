from django.template import Context, Template
from django.test import RequestFactory


def _render(options, query=""):
    request = RequestFactory().get(f"/lijst/?{query}")
    template = Template('{% load expoo %}{% facet_list "Organisatie" "organisatie" options %}')
    return template.render(Context({"options": options, "request": request}))


def _options(n, selected=None):
    return [{"value": f"org-{i}", "label": f"Organisatie {i}", "count": i + 1, "selected": i == selected} for i in range(n)]


def test_a_short_facet_shows_every_option():
    html = _render(_options(6))
    assert "<details" not in html and html.count('class="facet__option"') == 6


def test_a_long_facet_folds_its_tail_and_opens_when_a_folded_option_is_selected():
    html = _render(_options(30))
    assert "<details" in html and '<details class="facet__more" open' not in html
    html = _render(_options(30, selected=25), query="organisatie=org-25")
    assert '<details class="facet__more" open' in html
    assert 'href="?"' in html, "choosing the selected option again removes the filter"


def test_facet_links_keep_other_filters_and_reset_the_page():
    html = _render(_options(3), query="niveau=registered&page=4")
    assert 'href="?niveau=registered&amp;organisatie=org-1"' in html
    assert "page=4" not in html


def test_a_facet_escapes_labels_titles_and_the_other_filters():
    options = [{"value": "<x>", "label": "<script>alert(1)</script>", "count": 2, "selected": False}]
    request = RequestFactory().get("/lijst/", {"q": '"><img src=x>', "organisatie": "oud"})
    html = Template('{% load expoo %}{% facet_list title "organisatie" options %}').render(
        Context({"options": options, "request": request, "title": "<b>Organisatie</b>"})
    )
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;Organisatie&lt;/b&gt;" in html
    assert 'href="?q=%22%3E%3Cimg+src%3Dx%3E&amp;organisatie=%3Cx%3E"' in html, "the other filter kept, encoded"


def test_a_folded_facet_says_how_many_more_in_dutch():
    from django.utils import translation

    with translation.override("nl-be"):
        html = _render(_options(30))
    assert "Nog 22 tonen" in html
