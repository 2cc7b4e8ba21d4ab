"""The news overview and a handful of (fictional) news items from 2026."""

import datetime

from .util import cta, heading, quote, text

NEWS_INDEX = {
    "slug": "nieuws",
    "title": "Nieuws",
    "show_in_menus": True,
    "intro": "Nieuwe praktijken, publicaties, vormingen en wat er verder beweegt in het werkveld opvoeden en opgroeien.",
}

NEWS = [
    {
        "slug": "nieuwe-praktijk-goed-beschreven-samen-aan-tafel",
        "title": "‘Samen aan tafel’ is de eerste goed beschreven praktijk van 2026",
        "date": datetime.date(2026, 1, 20),
        "themes": ["sociale-cohesie", "armoede-en-kansengelijkheid"],
        "intro": "Ontmoetingshuis De Tafel in Diest beschreef hoe gezinnen er samen koken en eten, en hoe daaruit vertrouwen groeit. De commissie gaf positieve feedback.",
        "body": [
            text(
                "‘Samen aan tafel’ brengt elke week gezinnen in armoede, vrijwilligers en buurtbewoners rond een gezamenlijke maaltijd. Tijdens het koken en eten ontstaan gesprekken die elders moeilijk op gang komen, en vinden ouders de weg naar ondersteuning.",
                "Het team werkte bijna een jaar aan de beschrijving. ‘We moesten leren uitschrijven wat voor ons vanzelfsprekend is’, vertelt de coördinator. De commissie prees vooral de manier waarop ervaringsdeskundigen mee vorm geven aan de werking.",
            ),
            quote(
                "Niemand komt hier binnen als cliënt. Je komt om te eten, en de rest volgt vanzelf.",
                "een vrijwilliger van De Tafel",
            ),
            cta(
                "Meer over de databank",
                "Ontdek hoe je zelf een praktijk kan laten beschrijven.",
                "Naar de databank",
                slug="databank-kwaliteitsvolle-praktijken",
            ),
        ],
    },
    {
        "slug": "inschrijvingen-collectieve-praktijkbeschrijvingsdagen-2026",
        "title": "Inschrijvingen open voor de collectieve praktijkbeschrijvingsdagen",
        "date": datetime.date(2026, 2, 10),
        "themes": ["gezinsondersteuning", "ouderparticipatie"],
        "intro": "Werk je met een methodiek die ook elders wordt toegepast? Beschrijf ze dit najaar samen met collega’s van andere organisaties.",
        "body": [
            text(
                "Tijdens drie werkdagen in oktober en november begeleiden experts groepen van organisaties die dezelfde praktijk toepassen. Elke groep duidt een pennenhouder aan die de gezamenlijke tekst bijhoudt; de andere deelnemers lezen mee en vullen aan.",
                "Groepen van drie tot acht organisaties kunnen zich tot eind april kandidaat stellen. We selecteren maximaal vier groepen, zodat elke groep voldoende begeleiding krijgt.",
            ),
            cta(
                "Interesse?",
                "Stel je vraag of meld je groep aan via het team.",
                "Vraag het aan team EXPOO",
                slug="vraag-het-aan-team-expoo",
            ),
        ],
    },
    {
        "slug": "themadossier-digitale-opvoeding-online",
        "title": "Nieuw themadossier: opvoeden in een digitale wereld",
        "date": datetime.date(2026, 3, 5),
        "themes": ["digitale-opvoeding", "tieners", "ouderschap-en-opvoeding"],
        "intro": "Schermtijd, sociale media en gamen: in het nieuwe dossier vind je wat onderzoek ons leert en hoe collega’s ouders hierover aanspreken.",
        "body": [
            text(
                "Vragen over schermen behoren tot de meest gestelde vragen in opvoedingswinkels. Ouders voelen zich vaak onzeker: hoeveel is te veel, en hoe stel je grenzen zonder voortdurend ruzie te maken?",
                "Het dossier zet de belangrijkste inzichten op een rij, verwijst naar bruikbare publicaties en toont drie praktijken uit de databank. Twee ouders en een leerkracht vertellen hoe zij het aanpakken.",
            ),
            cta("Bekijk alle dossiers", "", "Thematische dossiers", slug="thematische-dossiers"),
        ],
    },
    {
        "slug": "commissie-verwelkomt-nieuwe-leden",
        "title": "Commissie verwelkomt drie nieuwe leden",
        "date": datetime.date(2026, 4, 14),
        "themes": ["gezinsondersteuning"],
        "intro": "Met een onderzoeker, een ervaringsdeskundige en een directeur uit de kinderopvang krijgt de commissie er nieuwe invalshoeken bij.",
        "body": [
            text(
                "De commissie beoordeelt elke praktijkbeschrijving die in de databank terechtkomt. Omdat het aantal indieningen stijgt, breiden we het aantal leden uit. De nieuwe leden volgden een introductie over het grondplan en de manier van reviewen.",
                "Elke beschrijving wordt voortaan door minstens drie leden gelezen. Zo krijgt de indiener feedback vanuit praktijk, onderzoek en de ervaring van gezinnen.",
            ),
            cta("Maak kennis met de commissie", "", "Naar de commissie", slug="over-expoo/commissie"),
        ],
    },
    {
        "slug": "week-van-de-opvoeding-2026",
        "title": "Campagneweek rond opvoeden: doe mee met je organisatie",
        "date": datetime.date(2026, 5, 4),
        "themes": ["ouderschap-en-opvoeding", "sociale-cohesie"],
        "intro": "Tijdens de jaarlijkse campagneweek zetten organisaties in heel Vlaanderen en Brussel opvoeden in de kijker. Het campagnemateriaal staat klaar.",
        "body": [
            text(
                "Dit jaar staat de campagne in het teken van kleine momenten: samen eten, een verhaaltje voor het slapengaan, een wandeling naar school. Die gewone momenten maken een groot verschil.",
                "Huizen van het Kind, scholen, bibliotheken en kinderopvang kunnen gratis affiches, stickers en een draaiboek voor een ouderactiviteit downloaden. Laat in de agenda weten wat jij organiseert, zodat gezinnen het vinden.",
            ),
            cta("Activiteit aankondigen", "", "Zo werkt de agenda", slug="zo-werkt-de-agenda"),
        ],
    },
    {
        "slug": "jaarrapport-opvoedingswinkels-2025",
        "title": "Jaarrapport opvoedingswinkels: meer vragen over tieners",
        "date": datetime.date(2026, 6, 18),
        "themes": ["tieners", "digitale-opvoeding", "geestelijke-gezondheid"],
        "intro": "Het jaarrapport over de registraties van de opvoedingswinkels is klaar. Opvallend: ouders van tieners vinden steeds vaker de weg.",
        "body": [
            heading("De belangrijkste vaststellingen"),
            text(
                [
                    "Vragen over tieners nemen toe, vooral over mentaal welbevinden en online gedrag.",
                    "Steeds meer ouders nemen eerst digitaal contact op, via chat of e-mail.",
                    "Vaders vormen nog altijd een minderheid van wie een vraag stelt.",
                ]
            ),
            text(
                "Het rapport bevat grafieken per provincie en per thema. De cijfers werden ook aan de Vlaamse Regering bezorgd."
            ),
            cta("Bekijk de cijfers", "", "Cijfergegevens", slug="cijfergegevens"),
        ],
    },
    {
        "slug": "virtuele-werkplek-vernieuwd",
        "title": "Vernieuwde virtuele werkplek voor Huizen van het Kind",
        "date": datetime.date(2026, 9, 8),
        "themes": ["gezinsondersteuning", "sociale-cohesie"],
        "intro": "Coördinatoren en medewerkers van Huizen van het Kind kunnen vanaf nu in besloten groepen discussiëren, documenten delen en lessen vastleggen.",
        "body": [
            text(
                "De werkplek kreeg een nieuwe vorm op basis van wat gebruikers ons vertelden. Groepen zijn overzichtelijker, je krijgt een melding als iemand reageert op jouw bericht, en elke groep heeft een eigen plek voor geleerde lessen.",
                "De lerende netwerken per provincie zijn al verhuisd. De community of practice van coördinatoren uit de groot- en centrumsteden volgt in oktober.",
            ),
            cta("Meer over de werkplek", "", "Virtuele werkplek", slug="virtuele-werkplek"),
        ],
    },
]
