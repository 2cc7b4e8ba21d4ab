"""Demo pages under the home page: content pages, news, the contact form, home tiles and the footer."""

import copy

from wagtail.models import Page, Site

from core.models import Theme
from pages.models import ContactFormField, ContactPage, ContentPage, FooterSettings, HomePage, NewsIndexPage, NewsItemPage
from practices.models import DatabankSettings

from .dossiers import ensure_index
from .dossiers_data import INDEX as DOSSIER_INDEX
from .news import NEWS, NEWS_INDEX
from .pages_about import ABOUT
from .pages_footer import ACCESSIBILITY, CONTACT, PRIVACY
from .pages_knowledge import CIJFERS, DATABANK, TOOLBOX
from .pages_practice import AGENDA, LEEFTIJD, NETWERK, VRAAG, WERKPLEK
from .util import cta, heading, text

# The order of creation is the order of the main navigation (only pages with show_in_menus appear there).
# The dossiers overview is a page of its own type (its dossiers are loaded later, by .dossiers).
MENU_PAGES = [DATABANK, TOOLBOX, DOSSIER_INDEX, AGENDA, LEEFTIJD]
OTHER_PAGES = [CIJFERS, VRAAG, NETWERK, WERKPLEK, ACCESSIBILITY, PRIVACY]

MIGRATION_INTRO = "Kennis over opvoeden en opgroeien, gedeeld met wie gezinnen ondersteunt."
HOME_INTRO = (
    "EXPOO verzamelt kennis over opvoeden en opgroeien en deelt ze met iedereen die gezinnen ondersteunt in Vlaanderen en Brussel: "
    "van Huizen van het Kind en opvoedingswinkels tot kinderopvang, scholen, lokale besturen en onderzoekers."
)
HOME_BODY = [
    heading("Samen weten wat werkt"),
    text(
        "Dit platform leeft van wat het werkveld inbrengt. Organisaties beschrijven hun praktijken, stellen activiteiten voor en delen hun ervaring. "
        "Het EXPOO-team en de commissie lezen mee, geven feedback en zorgen ervoor dat die kennis vindbaar en bruikbaar wordt voor anderen."
    ),
    cta(
        "Zelf een praktijk beschrijven?",
        "Ontdek hoe je jouw werking overdraagbaar maakt voor collega’s in heel Vlaanderen en Brussel.",
        "Zo werkt het",
        slug="databank-kwaliteitsvolle-praktijken",
    ),
]
# (title, text, page path under the home page, or a web address starting with "/")
TILES = [
    (
        "Databank kwaliteitsvolle praktijken",
        "Praktijken die organisaties zorgvuldig beschreven, en hoe je zelf een praktijk aanmeldt.",
        "/praktijken/",
    ),
    ("Toolbox", "Rapporten, artikels, brochures, podcasts en praktijkmateriaal om mee aan de slag te gaan.", "/toolbox/"),
    (
        "Thematische dossiers",
        "Per thema de belangrijkste inzichten, publicaties en praktijken op één plek.",
        "thematische-dossiers",
    ),
    ("Zoeken", "Eén zoekvak voor praktijken, publicaties, dossiers, activiteiten, organisaties en pagina’s.", "/zoeken/"),
    ("Agenda en vorming", "Vormingen, studiedagen, webinars en het congres, van EXPOO en van partners.", "/agenda/"),
    ("Aanbod in de regio", "Vind Huizen van het Kind, opvoedingswinkels en partners in jouw gemeente.", "/organisaties/"),
    ("Cijfergegevens", "Wat de registraties van de opvoedingswinkels vertellen over de vragen van ouders.", "cijfergegevens"),
    ("Vraag het aan team EXPOO", "Een vraag of een suggestie? Ons team helpt je verder.", "vraag-het-aan-team-expoo"),
    (
        "Netwerk en nieuwsbrief",
        "Volg je thema’s en ontvang nieuwe praktijken, publicaties en activiteiten in je mailbox.",
        "netwerk-en-nieuwsbrief",
    ),
    (
        "Virtuele werkplek",
        "Een besloten plek waar medewerkers van Huizen van het Kind samen leren en documenten delen.",
        "virtuele-werkplek",
    ),
    ("Nieuws", "Het laatste nieuws van EXPOO en uit het werkveld.", "nieuws"),
]
FOOTER_ADDRESS = "EXPOO – Expertisecentrum Opvoeden en Opgroeien\nagentschap Opgroeien\nBrussel"


class PageLoader:
    """Creates missing pages first and publishes them afterwards, so that links between them resolve."""

    def __init__(self, home, stats):
        self.home = home
        self.stats = stats
        self.created = []  # (page, body blocks) waiting for their first published revision

    def find(self, path):
        return Page.objects.filter(url_path=f"{self.home.url_path}{path}/").first()

    def ensure(self, parent, spec, page_class=ContentPage, **fields):
        existing = parent.get_children().filter(slug=spec["slug"]).first()
        self.stats.count("pages", existing is None)
        if existing:
            return existing.specific
        page = page_class(title=spec["title"], slug=spec["slug"], show_in_menus=spec.get("show_in_menus", False), **fields)
        parent.add_child(instance=page)
        self.created.append((page, spec.get("body")))
        return page

    def ensure_content(self, parent, spec):
        page = self.ensure(parent, spec, intro=spec["intro"])
        for child in spec.get("children", []):
            self.ensure_content(page, child)
        return page

    def resolve(self, blocks):
        """Turn the `_slug` of calls to action into page links; drop a call to action whose page is gone."""
        resolved = []
        for block in copy.deepcopy(blocks):
            path = block["value"].pop("_slug", None) if isinstance(block["value"], dict) else None
            if path:
                target = self.find(path)
                if target is None:
                    continue
                block["value"]["link_page"] = target.pk
            resolved.append(block)
        return resolved

    def publish_created(self):
        for page, body in self.created:
            if body:
                page.body = self.resolve(body)
            page.save_revision().publish()


def _contact_page(spec):
    fields = [
        ContactFormField(
            sort_order=i, label=label, field_type=field_type, required=required, choices=choices, help_text=help_text
        )
        for i, (label, field_type, required, choices, help_text) in enumerate(spec["fields"])
    ]
    return {
        "intro": spec["intro"],
        "thank_you_text": spec["thank_you_text"],
        "to_address": spec["to_address"],
        "from_address": spec["from_address"],
        "subject": spec["subject"],
        "form_fields": fields,
    }


def _update_home(home, loader, stats):
    """Fill what the migration left empty; leave anything an editor has written alone."""
    changed = False
    if home.intro.strip() == MIGRATION_INTRO:
        home.intro = HOME_INTRO
        changed = True
    if not home.tiles:
        tiles = []
        for title, body, target in TILES:
            tile = {"title": title, "text": body, "link_page": None, "link_url": ""}
            page = None if target.startswith("/") else loader.find(target)
            if page:
                tile["link_page"] = page.pk
            else:
                tile["link_url"] = target if target.startswith("/") else f"/{target}/"
            tiles.append({"type": "tile", "value": tile})
        home.tiles = tiles
        changed = True
    if not home.body:
        home.body = loader.resolve(HOME_BODY)
        changed = True
    if changed:
        home.save_revision().publish()
    stats.note("home page: intro, tiles and body filled in" if changed else "home page: already filled in, left alone")


def _update_footer(site, loader, stats):
    footer = FooterSettings.for_site(site)
    changed = False
    for field, path in [
        ("about_page", "over-expoo"),
        ("accessibility_page", ACCESSIBILITY["slug"]),
        ("privacy_page", PRIVACY["slug"]),
        ("contact_page", CONTACT["slug"]),
    ]:
        if getattr(footer, f"{field}_id") is None and (page := loader.find(path)):
            setattr(footer, field, page)
            changed = True
    if not footer.address:
        footer.address = FOOTER_ADDRESS
        changed = True
    if changed:
        footer.save()
    stats.note("footer settings: filled in" if changed else "footer settings: already filled in, left alone")
    databank = DatabankSettings.for_site(site)
    if databank.help_page_id is None and (page := loader.find("databank-kwaliteitsvolle-praktijken")):
        databank.help_page = page
        databank.save()


# Menu pages of earlier demos whose place now belongs to an app's own list (/toolbox/, /agenda/):
# taken out of the menu when they still have the demo's title, so the menu shows each once.
RETIRED_MENU_PAGES = {"toolbox": "Toolbox", "agenda-en-vorming": "Agenda en vorming"}


def retire_menu_pages(home, stats) -> None:
    for page in home.get_children().filter(slug__in=RETIRED_MENU_PAGES, show_in_menus=True).specific():
        if page.title == RETIRED_MENU_PAGES[page.slug]:
            page.show_in_menus = False
            page.save_revision().publish()
            stats.note(f"/{page.slug}/ is no longer in the main menu: the site has its own list there now")


def load_pages(stats) -> None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else HomePage.objects.first()
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the HomePage; run the migrations first.")
    loader = PageLoader(home, stats)

    for spec in MENU_PAGES:
        if spec is DOSSIER_INDEX:
            ensure_index(loader)
        else:
            loader.ensure_content(home, spec)
    news_index = loader.ensure(home, NEWS_INDEX, NewsIndexPage, intro=NEWS_INDEX["intro"])
    loader.ensure_content(home, ABOUT)
    for spec in OTHER_PAGES:
        loader.ensure_content(home, spec)
    loader.ensure(home, CONTACT, ContactPage, **_contact_page(CONTACT))

    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for spec in NEWS:
        theme_list = [themes[slug] for slug in spec["themes"] if slug in themes]
        loader.ensure(news_index, spec, NewsItemPage, date=spec["date"], intro=spec["intro"], themes=theme_list)

    loader.publish_created()
    retire_menu_pages(home, stats)
    _update_home(home, loader, stats)
    if site:
        _update_footer(site, loader, stats)
