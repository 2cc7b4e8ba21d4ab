"""Pages about the knowledge capabilities: practice database, Toolbox, thematic dossiers, figures."""

from .util import cta, heading, quote, text, video

DATABANK = {
    "slug": "databank-kwaliteitsvolle-praktijken",
    "title": "Zo werkt de databank",
    "show_in_menus": False,
    "intro": "In de databank vind je manieren van werken met gezinnen die organisaties zorgvuldig hebben beschreven, zodat anderen ermee aan de slag kunnen.",
    "body": [
        text(
            "Veel praktijkwerkers passen al jaren met succes een bepaalde aanpak toe. Vaak staat die maar half op papier en zit de rest in de hoofden van wie het werk doet. Wie zo’n praktijk uitschrijft, maakt ze overdraagbaar: collega’s kunnen ermee leren werken, andere organisaties kunnen ze overnemen en beleidsmakers zien wat er in het werkveld gebeurt.",
            "Het beschrijven zelf is minstens even waardevol als het resultaat. Je denkt scherper na over je doel, over wie je wil bereiken en over wat je precies doet en waarom. Vaak komen daarbij blinde vlekken aan het licht, en die kan je dan gericht aanpakken.",
        ),
        heading("Waarom een praktijk beschrijven?"),
        text(
            [
                "Overdraagbaarheid: nieuwe collega’s en andere organisaties kunnen de praktijk op dezelfde manier toepassen.",
                "Reflectie: je scherpt je aanpak aan en brengt ze in lijn met actuele vakkennis.",
                "Professionalisering: je deelt expertise en versterkt zo de hele sector.",
                "Verantwoording: een heldere beschrijving helpt je uitleggen wat je doet, aan gezinnen, partners, lokale besturen en financiers.",
            ]
        ),
        heading("Zo verloopt het"),
        text(
            "Elke organisatie of elk netwerk kan een praktijk aanmelden met een kort formulier. Het EXPOO-team bekijkt de aanmelding en neemt contact met je op. Past de praktijk in de databank, dan plannen we een gesprek over de werkwijze, het grondplan en wat je van ons mag verwachten.",
            "Daarna schrijf je de praktijk uit in het grondplan: een vast sjabloon met onderdelen zoals doelgroep, doelen, aanpak, randvoorwaarden en onderbouwing. Bij elk onderdeel helpen werkvragen je op weg. Wij lezen mee en geven feedback op je ontwerp, zo vaak als nodig, voordat je het aan de commissie voorlegt.",
            "Dien je de beschrijving in, dan leest de commissie ze grondig en geeft ze schriftelijke feedback. Samen bekijken we daarna hoe de praktijk verder kan groeien. Het traject vraagt tijd en energie, maar je hoeft niet alles in één keer te doen: je kan eerst de beschrijving indienen en pas later werken aan onderbouwing en uitvoerbaarheid.",
        ),
        heading("Vijf niveaus van beschrijving"),
        text(
            "In de databank zie je bij elke praktijk hoe ver ze in dit traject staat. Je kan er ook op filteren.",
            [
                "Aangemeld: de organisatie heeft met ons afspraken gemaakt over het beschrijven. Je ziet alleen de titel, de doelgroep, het thema en de indiener.",
                "Ingediend: de volledige beschrijving ligt bij de commissie. Ze is nog niet openbaar.",
                "Goed beschreven: de commissie heeft de beschrijving beoordeeld en de indiener heeft de terugkoppeling ontvangen. Vanaf nu is het volledige grondplan te lezen.",
                "Theoretisch onderbouwd: de indiener heeft laten zien hoe algemene theorieën van toepassing zijn op het probleem, de doelen en de aanpak van deze praktijk.",
                "Wetenschappelijk onderzocht: er is onderzoek gedaan naar de uitvoering van de praktijk.",
            ],
        ),
        heading("Samen beschrijven"),
        text(
            "Werken meerdere organisaties met dezelfde methodiek? Dan kunnen ze die samen beschrijven tijdens de collectieve praktijkbeschrijvingsdagen die we elk jaar organiseren. Een expert begeleidt de groep en één deelnemer neemt de pen vast. Door ervaringen uit te wisselen, ontstaat een beschrijving die breder gedragen is dan wat één organisatie alleen kan maken."
        ),
        quote(
            "Door onze werking uit te schrijven, zagen we pas hoeveel we impliciet deden. Nieuwe collega’s vinden nu veel sneller hun weg.",
            "coördinator van een opvoedingswinkel",
        ),
        cta(
            "Twijfel je of je praktijk klaar is?",
            "Neem contact op met het team. We bekijken graag samen of het moment goed is om te starten.",
            "Vraag het aan team EXPOO",
            slug="vraag-het-aan-team-expoo",
        ),
        cta(
            "Wie beoordeelt de beschrijvingen?",
            "Maak kennis met de leden van de commissie.",
            "Naar de commissie",
            slug="over-expoo/commissie",
        ),
    ],
}

TOOLBOX = {
    # The Toolbox itself lives at /toolbox/ (toolbox app, in the main menu); this page explains it.
    "slug": "zo-werkt-de-toolbox",
    "title": "Zo werkt de Toolbox",
    "show_in_menus": False,
    "intro": "Rapporten, artikels, boeken, presentaties, brochures, podcasts en praktijkmateriaal over opvoeden en gezinsondersteuning, op één plek.",
    "body": [
        text(
            "In de Toolbox verzamelen we publicaties die je helpen in je werk met gezinnen. Je zoekt op trefwoord en filtert op type, jaar van publicatie, thema of auteur. Bij elke publicatie vind je een korte samenvatting en een link naar de volledige tekst of een download.",
            "Publicaties van EXPOO zelf herken je aan een label. Je mag ze gratis downloaden, afdrukken en verspreiden, zolang je niets aan de inhoud of de vormgeving verandert. Sommige zijn ook op papier te bestellen.",
        ),
        heading("Handig voor wie verder wil lezen"),
        text(
            [
                "Exporteer een referentie in RIS, BibTeX of CSL-JSON voor je eigen literatuurlijst.",
                "Volg een thema en krijg bericht wanneer er een nieuwe publicatie bijkomt.",
                "Vind bij een publicatie meteen de praktijken en dossiers die erover gaan.",
            ]
        ),
        text("Ken je een publicatie die hier niet mag ontbreken? Laat het ons weten, dan bekijken we of ze in de Toolbox past."),
        video(
            "Zo zoek je snel in de Toolbox",
            "https://video.example.org/expoo/toolbox-zoeken",
            "3:10",
            "Een korte rondleiding langs de zoekbalk, de filters en de exportknop.",
        ),
        cta("Een publicatie voorstellen", "", "Vraag het aan team EXPOO", slug="vraag-het-aan-team-expoo"),
    ],
}

CIJFERS = {
    "slug": "cijfergegevens",
    "title": "Cijfergegevens",
    "show_in_menus": False,
    "intro": "Hoeveel ouders vinden de weg naar de opvoedingswinkels, met welke vragen, en welke ondersteuning krijgen ze? De cijfers geven een beeld.",
    "body": [
        text(
            "De opvoedingswinkels registreren hun contacten met ouders: hoe iemand hen vond, waarover de vraag ging en welke steun er werd geboden. Ze bezorgen die gegevens periodiek aan EXPOO. Wij controleren ze, voegen ze samen en maken er overzichten van.",
            "Zo zie je hoe vragen van ouders evolueren doorheen de jaren, welke thema’s opvallend vaak terugkomen en waar het aanbod nog niet goed aansluit. Elk jaar bundelen we de cijfers in een rapport voor de Vlaamse Regering.",
        ),
        heading("Wat je hier vindt"),
        text(
            [
                "Grafieken en tabellen per jaar, per regio en per thema.",
                "Exports voor wie zelf verder wil analyseren.",
                "De jaarrapporten van de voorbije jaren.",
            ]
        ),
        text(
            "We publiceren alleen samengevoegde cijfers. Gegevens over individuele ouders of gesprekken verlaten de opvoedingswinkel nooit."
        ),
        cta(
            "Een vraag over de cijfers?",
            "Zoek je een cijfer dat je hier niet vindt? Ons team helpt je verder.",
            "Vraag het aan team EXPOO",
            slug="vraag-het-aan-team-expoo",
        ),
    ],
}
