from django.template import Context, Template
from django.test import RequestFactory


def _render(options, query=""):
    request = RequestFactory().get(f"/lijst/?{query}")
    template = Template('{% include "components/facet_list.html" with title="Organisatie" param="organisatie" %}')
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
