"""Pages about the practice-oriented capabilities: agenda, Ask EXPOO, network, virtual workplace, parenting by age."""

from .util import cta, heading, quote, text

AGENDA = {
    # The agenda itself lives at /agenda/ (events app, in the main menu); this page explains it.
    "slug": "zo-werkt-de-agenda",
    "title": "Zo werkt de agenda",
    "show_in_menus": False,
    "intro": "Vormingen, studiedagen, webinars, het congres en campagneweken, van EXPOO en van partners.",
    "body": [
        text(
            "In de agenda vind je het vormingsaanbod voor iedereen die met gezinnen werkt. Je filtert op thema, regio, soort activiteit en datum. Elke activiteit heeft een eigen pagina met het programma, de praktische informatie en een link om in te schrijven.",
            "Samen met de Opgroeien Academie bouwen we een aanbod uit om bij te leren: korte webinars over één vraag, vormingsreeksen om een methodiek onder de knie te krijgen, en studiedagen waar onderzoek en praktijk elkaar ontmoeten.",
        ),
        heading("Het congres"),
        text(
            "Met vaste regelmaat organiseren we een congres vol inspiratie en ontmoeting. Het verderzetten van die lange traditie vinden we belangrijk: het is hét moment waarop het hele werkveld elkaar ziet."
        ),
        heading("Zelf een activiteit aankondigen"),
        text(
            "Organiseert jouw organisatie een vorming of studiedag die interessant is voor collega’s elders? Leden van een organisatie kunnen zelf een activiteit voorstellen. Het EXPOO-team kijkt ze na voor ze in de agenda verschijnt.",
            "Wil je niets missen? Voeg de agenda toe aan je eigen digitale kalender via de iCalendar-link, of volg een thema om bericht te krijgen bij nieuwe activiteiten.",
        ),
        cta(
            "Op de hoogte blijven",
            "Schrijf je in op de nieuwsbrief of volg je favoriete thema’s.",
            "Netwerk en nieuwsbrief",
            slug="netwerk-en-nieuwsbrief",
        ),
    ],
}

VRAAG = {
    "slug": "vraag-het-aan-team-expoo",
    "title": "Vraag het aan team EXPOO",
    "show_in_menus": False,
    "intro": "Heb je een vraag over opvoeden, gezinsondersteuning of dit platform? Of een suggestie om iets beter te maken? Laat het ons weten.",
    "body": [
        text(
            "Het team van EXPOO helpt je zoeken naar betrouwbare informatie en kennis. We krijgen vragen van praktijkwerkers, beleidsmedewerkers, studenten en onderzoekers: over een thema, een cijfer, een publicatie of een methodiek die je wil invoeren.",
            "Elke vraag komt terecht in één gedeelde inbox. Een teamlid neemt ze op en je ontvangt een bevestiging. We proberen binnen vijf werkdagen inhoudelijk te antwoorden; als het langer duurt, laten we weten waarom.",
        ),
        heading("Wat gebeurt er met je vraag?"),
        text(
            "Sommige vragen komen vaak terug. Die beantwoorden we, zonder jouw naam of andere persoonlijke gegevens, ook in de lijst met veelgestelde vragen. Zo heeft iedereen er iets aan.",
            "Ben je ouder en zit je met een dringende zorg over je kind? Dan ben je sneller geholpen bij je huisarts, het Huis van het Kind of de opvoedingswinkel in je buurt. In noodsituaties bel je 112.",
        ),
        cta(
            "Stel je vraag",
            "Vul het contactformulier in; kies als onderwerp wat het best past.",
            "Naar het contactformulier",
            slug="contact",
        ),
    ],
}

NETWERK = {
    "slug": "netwerk-en-nieuwsbrief",
    "title": "Netwerk en nieuwsbrief",
    "show_in_menus": False,
    "intro": "Sluit aan bij het netwerk van mensen die gezinnen ondersteunen, en kies zelf waarover je op de hoogte wil blijven.",
    "body": [
        text(
            "EXPOO werkt als een open netwerk. Hoe meer mensen hun kennis en ervaring delen, hoe sterker de ondersteuning voor gezinnen wordt. Wie zich aansluit, krijgt nieuws uit het werkveld en wordt uitgenodigd voor ontmoetingen en bevragingen.",
            "Je beslist zelf wat je ontvangt. Volg de thema’s die jou aanbelangen en kies tussen een bericht zodra er iets nieuws is, of een overzicht per week of per maand.",
        ),
        heading("Waarover kan je berichten krijgen?"),
        text(
            [
                "Nieuwe praktijken in de databank en praktijken die een volgend niveau bereiken.",
                "Nieuwe publicaties in de Toolbox.",
                "Vormingen, studiedagen en webinars in de agenda.",
                "Nieuws van EXPOO en de tweemaandelijkse nieuwsbrief.",
            ]
        ),
        text(
            "Werk je liever met een feedlezer? Voor de databank, de Toolbox, de agenda en het nieuws bieden we ook RSS- en Atom-feeds aan. Uitschrijven kan altijd met één klik onderaan elk bericht."
        ),
    ],
}

WERKPLEK = {
    "slug": "virtuele-werkplek",
    "title": "Virtuele werkplek Huizen van het Kind",
    "show_in_menus": False,
    "intro": "Een afgeschermde plek waar medewerkers en coördinatoren van Huizen van het Kind samen leren, documenten delen en ervaringen vastleggen.",
    "body": [
        text(
            "Huizen van het Kind staan voor gelijkaardige vragen: hoe bereik je alle gezinnen, hoe werk je goed samen met partners, hoe organiseer je een toegankelijk onthaal? De virtuele werkplek brengt mensen samen die daar elke dag mee bezig zijn.",
            "Op de werkplek zijn er besloten groepen, zoals lerende netwerken per regio en een community of practice van coördinatoren uit de groot- en centrumsteden. Leden voeren er discussies, delen documenten en houden bij wat ze geleerd hebben, zodat ook anderen daar later iets aan hebben.",
        ),
        heading("Wie kan deelnemen?"),
        text(
            "De werkplek is bedoeld voor medewerkers van Huizen van het Kind en hun partners. Je hebt een account nodig dat gekoppeld is aan je organisatie. De beheerder van je organisatie of het EXPOO-team voegt je toe aan de juiste groepen.",
            "Wat in een groep gedeeld wordt, blijft in die groep. Wil je een les of een document breder verspreiden, dan kan je het samen met ons omzetten naar een publicatie of een praktijkbeschrijving.",
        ),
        quote(
            "In het lerend netwerk hoorden we hoe een ander Huis zijn onthaal had georganiseerd. Twee maanden later werkten wij op dezelfde manier.",
            "coördinator van een Huis van het Kind",
        ),
        cta(
            "Nog geen toegang?",
            "Laat ons weten voor welk Huis van het Kind je werkt, dan helpen we je op weg.",
            "Neem contact op",
            slug="contact",
        ),
    ],
}

LEEFTIJD = {
    "slug": "opvoeden-per-leeftijd",
    "title": "Opvoeden per leeftijd",
    "show_in_menus": True,
    "intro": "Elke leeftijd brengt eigen vragen mee. Hier vind je per levensfase de basis, als vertrekpunt voor gesprekken met ouders.",
    "body": [
        text(
            "Deze basisinformatie is geschreven voor professionals die met ouders in gesprek gaan. Ze vervangt geen advies op maat, maar helpt je om vragen te plaatsen en gericht door te verwijzen."
        ),
        heading("Voor de geboorte"),
        text(
            "Tijdens de zwangerschap bereiden aanstaande ouders zich voor op een grote verandering. Naast praktische vragen spelen er vaak zorgen over het ouderschap zelf, over de relatie en over de combinatie met werk. Een eerste contact met het Huis van het Kind kan nu al drempels wegnemen voor later."
        ),
        heading("Baby’s en peuters (0–3 jaar)"),
        text(
            "In de eerste levensjaren draait veel om slapen, eten en een veilige band. Ouders hebben vooral behoefte aan geruststelling en herkenning: ook andere ouders worstelen met huilbuien en korte nachten. Peuters ontdekken hun eigen wil, en driftbuien horen daar gewoon bij."
        ),
        heading("Kleuters en lagereschoolkinderen (3–12 jaar)"),
        text(
            "Met de stap naar school verbreedt de wereld van het kind. Vriendschappen, regels thuis en op school, en de eerste ervaringen met schermen worden belangrijke thema’s. Ouders zoeken een evenwicht tussen houvast bieden en zelfstandigheid aanmoedigen."
        ),
        heading("Tieners en jongvolwassenen (12–25 jaar)"),
        text(
            "In de tienerjaren verschuift de rol van ouders van sturen naar begeleiden. Jongeren willen meer zelf beslissen, en dat schuurt soms. In gesprek blijven is dan het belangrijkste. Ook jongvolwassenen die het huis uit gaan, blijven vaak op hun ouders terugvallen; opvoeden stopt niet op achttien jaar."
        ),
        cta(
            "Meer weten over een thema?",
            "In de thematische dossiers vind je per thema de belangrijkste inzichten en publicaties.",
            "Naar de dossiers",
            slug="thematische-dossiers",
        ),
    ],
}
