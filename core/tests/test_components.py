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


def _pages(query: str, count=500, per_page=10):
    from django.core.paginator import Paginator

    request = RequestFactory().get(f"/lijst/?{query}")
    page_obj = Paginator(range(count), per_page).get_page(request.GET.get("page"))
    return Template("{% load expoo %}{% pagination page_obj %}").render(Context({"page_obj": page_obj, "request": request}))


def test_the_pages_around_the_current_one_are_listed_and_it_is_marked():
    html = _pages("page=30")
    assert '<span aria-current="page">30</span>' in html
    for number in (1, 2, 27, 28, 29, 31, 32, 33, 49, 50):
        assert f'href="?page={number}">{number}</a>' in html
    assert 'href="?page=29" rel="prev"' in html and 'href="?page=31" rel="next"' in html
    assert html.count("<span>…</span>") == 2 and 'href="?page=10"' not in html


def test_page_links_keep_the_other_parameters_in_place_encoded_and_escaped():
    html = _pages("thema=armoede&page=2&q=%22%3E%3Cscript%3E&q=twee")
    assert 'href="?thema=armoede&amp;page=3&amp;q=%22%3E%3Cscript%3E&amp;q=twee" rel="next"' in html
    assert "<script>" not in html
    assert 'href="?thema=armoede&amp;page=1" rel="prev"' not in html  # the other parameters stay
    assert 'href="?thema=armoede&amp;page=1&amp;q=%22%3E%3Cscript%3E&amp;q=twee" rel="prev"' in html
    assert 'href="?a=1&amp;page=2" rel="next"' in _pages("a=1"), "a page number comes last when the address had none"


def test_a_single_page_needs_no_pagination():
    assert _pages("", count=5).strip() == ""
