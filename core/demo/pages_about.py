"""The "Over EXPOO" page and its children: team, reflection group, partners, yearly plan, commission."""

from .util import cta, heading, people, quote, text

TEAM = [
    ("Evi Lauwers", "teamcoördinator", "Houdt de koers van het team in het oog en is het aanspreekpunt voor partners en beleid."),
    (
        "Ines Vanhoutte",
        "stafmedewerker kennisdeling en redactie",
        "Zorgt voor de webteksten, de nieuwsbrief en de thematische dossiers.",
    ),
    (
        "Jonas De Clercq",
        "stafmedewerker databank",
        "Begeleidt organisaties die hun praktijk beschrijven en ondersteunt de commissie.",
    ),
    ("Lotte Verbeke", "stafmedewerker vorming en agenda", "Plant studiedagen, webinars en het congres, en modereert de agenda."),
    (
        "Samir Haddouchi",
        "analist cijfergegevens",
        "Verwerkt de registratiegegevens van de opvoedingswinkels tot rapporten en grafieken.",
    ),
    ("Hanna Verlinden", "functioneel beheerder", "Beheert het kennisplatform, de accounts en het grondplan."),
]

COMMISSION = [
    ("Mieke Van Hecke", "voorzitter – docent gezinspedagogiek", "Bundelt de reviews tot één terugkoppeling voor de indiener."),
    ("Pieterjan Roels", "orthopedagoog, geestelijke gezondheidszorg", "Kijkt vooral naar de probleemanalyse en de doelen."),
    ("Karel Dewaele", "onderzoeker ontwikkelingspsychologie", "Leest mee op theoretische onderbouwing en onderzoek."),
    ("Fatma Öztürk", "coördinator van een opvoedingswinkel", "Brengt de blik van de dagelijkse praktijk binnen."),
    ("Lieve Segers", "ervaringsdeskundige in armoede", "Let op de toegankelijkheid van een praktijk voor gezinnen in armoede."),
    ("Wouter Baeten", "directeur van een kinderopvangorganisatie", "Bewaakt de haalbaarheid en de randvoorwaarden."),
]

ABOUT = {
    "slug": "over-expoo",
    "title": "Over EXPOO",
    "show_in_menus": True,
    "intro": "EXPOO is het Expertisecentrum Opvoeden en Opgroeien van het agentschap Opgroeien. We brengen kennis over opvoeden samen, maken ze bruikbaar en delen ze met iedereen die gezinnen ondersteunt.",
    "body": [
        heading("Waar we voor staan"),
        text(
            "Elk kind en elke jongere in Vlaanderen en Brussel heeft recht op kansrijk opgroeien. Daar bouwen we mee aan. We kijken daarbij niet alleen naar het gezin, maar ook naar alles eromheen: de buurt, de opvang, de school, de sportclub en de jeugdbeweging.",
            "Opvoeden doe je nooit helemaal alleen. Grootouders, buren, leerkrachten en begeleiders spelen allemaal een rol. Daarom richten we ons op iedereen die mee een opgroeiklimaat vormgeeft: wie nadenkt over beleid en wie elke dag met gezinnen aan de slag is.",
        ),
        quote("Om een kind groot te brengen, heb je een heel dorp nodig.", "spreekwoord"),
        heading("Wat we doen"),
        text(
            "We werken op vier manieren:",
            [
                "We verzamelen en duiden kennis uit onderzoek en cijfers, uit de ervaring van professionals en uit wat ouders zelf vertellen.",
                "We helpen nieuwe methodieken en instrumenten een vaste plek te geven in de praktijk, met oog voor wat op lange termijn werkt.",
                "We houden het brede landschap van welzijn, onderwijs en gezondheid in het oog, leggen verbanden en signaleren tendensen aan onderzoek en beleid.",
                "We maken ruimte om te experimenteren: nieuwe ideeën krijgen bij ons de kans om te groeien, want samen leer je meer.",
            ],
        ),
        heading("Hoe het begon"),
        text(
            "Het Vlaamse decreet over opvoedingsondersteuning legde de basis voor EXPOO. Aanvankelijk was het een samenwerking tussen Kind en Gezin en Jongerenwelzijn; vandaag is EXPOO een team binnen het agentschap Opgroeien.",
            "Van bij het begin werken we als een open netwerk. Er is in Vlaanderen en Brussel veel kennis over opvoeden aanwezig, en wij willen de plek zijn waar die samenkomt en verder groeit. Een kenniscentrum dat alleen rapporten schrijft, willen we niet zijn: wat we maken, moet bruikbaar zijn voor wie dagelijks met gezinnen werkt.",
        ),
        cta(
            "Een vraag voor ons team?",
            "Stel je vraag of deel je suggestie, we antwoorden zo snel mogelijk.",
            "Vraag het aan team EXPOO",
            slug="vraag-het-aan-team-expoo",
        ),
    ],
    "children": [
        {
            "slug": "team",
            "title": "Team",
            "show_in_menus": True,
            "intro": "Een klein team met een brede opdracht, gesteund door een reflectiegroep en een netwerk van partners.",
            "body": [
                text(
                    "Het EXPOO-team combineert achtergronden in pedagogiek, sociaal werk, communicatie en data-analyse. We werken vanuit Brussel, maar zijn vaak op pad: bij Huizen van het Kind, op studiedagen en in lerende netwerken.",
                    "Heb je een vraag voor een van ons? Gebruik het contactformulier of de knop ‘Vraag het aan team EXPOO’. Zo komt je vraag bij de juiste persoon terecht en blijft ze niet liggen als iemand afwezig is.",
                ),
                people("Maak kennis met het team", TEAM),
                cta("Contact opnemen", "", "Naar het contactformulier", slug="contact"),
            ],
        },
        {
            "slug": "reflectiegroep",
            "title": "Reflectiegroep",
            "show_in_menus": True,
            "intro": "Een groep mensen uit praktijk, beleid en onderzoek die met ons meedenkt en ons een spiegel voorhoudt.",
            "body": [
                text(
                    "De reflectiegroep komt drie tot vier keer per jaar samen. De leden bespreken het jaarplan, brengen signalen uit hun eigen werkveld binnen en stellen kritische vragen bij de keuzes die we maken.",
                    "In de groep zitten mensen uit Huizen van het Kind, opvoedingswinkels, kinderopvang, onderwijs, welzijnswerk en hogescholen. Ook ouders met ervaring in armoede of met een migratieachtergrond nemen deel, zodat het perspectief van gezinnen altijd aan tafel zit.",
                ),
                heading("Drie rollen"),
                text(
                    [
                        "Klankbord: de groep toetst nieuwe plannen en producten af aan de praktijk.",
                        "Signaalfunctie: leden melden wat ze zien veranderen bij gezinnen en in hun sector.",
                        "Kritische vriend: de groep mag en moet ons bevragen over prioriteiten en aanpak.",
                    ]
                ),
            ],
        },
        {
            "slug": "partners-en-netwerken",
            "title": "Partners en netwerken",
            "show_in_menus": True,
            "intro": "We bereiken meer door samen te werken: met steunpunten, lokale partners, kennisinstellingen en internationale netwerken.",
            "body": [
                text(
                    "In elke provincie en in Brussel is er een steunpunt dat Huizen van het Kind en lokale besturen ondersteunt. Met hen vormen we een pool van ondersteuners die op maat begeleiding kan bieden: een buddy voor een nieuwe coördinator, een lerend netwerk of een procesbegeleiding bij een fusie.",
                    "Voor vorming werken we samen met de Opgroeien Academie. Met hogescholen en universiteiten zetten we onderzoek op en vertalen we resultaten naar de praktijk. Koepelorganisaties uit kinderopvang, onderwijs en welzijn helpen ons om kennis tot bij hun leden te brengen.",
                    "Ook over de grenzen kijken we mee. Via internationale netwerken rond family centres en ouderschapsondersteuning wisselen we ervaringen uit en halen we inspiratie voor de Vlaamse praktijk.",
                ),
                cta(
                    "Partner worden?",
                    "Werkt jouw organisatie met gezinnen en wil je kennis delen of mee beschrijven? Laat van je horen.",
                    "Neem contact op",
                    slug="contact",
                ),
            ],
        },
        {
            "slug": "jaarplan",
            "title": "Jaarplan",
            "show_in_menus": True,
            "intro": "Waar we dit jaar op inzetten, vertaald naar concrete acties.",
            "body": [
                text(
                    "Het jaarplan maakt onze opdrachten concreet. We stellen het op samen met de reflectiegroep en stemmen het af op het ondernemingsplan van Opgroeien."
                ),
                heading("Onze lijnen voor 2026"),
                text(
                    [
                        "Ouderschap, opvoeding en gezinsondersteuning als kernthema verder uitdiepen.",
                        "Het brede aanbod aan gezinsondersteuning zichtbaar en vindbaar maken, onder meer via dit kennisplatform.",
                        "Betrouwbare basisinformatie over opvoeden voor ouders actueel houden.",
                        "Sensibiliseren via de jaarlijkse campagneweek rond opvoeden.",
                        "Aandacht voor alle levensdomeinen van gezinnen: wonen, werk, vrije tijd, onderwijs en gezondheid.",
                        "Huizen van het Kind verder ondersteunen als toegankelijke basisvoorziening.",
                        "Nieuwe samenwerkingsverbanden begeleiden, en onze eigen processen en partnerschappen evalueren.",
                    ]
                ),
                text("Het volledige jaarplan publiceren we in de Toolbox, samen met het verslag van het vorige werkjaar."),
            ],
        },
        {
            "slug": "commissie",
            "title": "De commissie",
            "show_in_menus": True,
            "intro": "Een groep geëngageerde mensen uit praktijk en onderzoek die elke ingediende praktijkbeschrijving grondig leest en van feedback voorziet.",
            "body": [
                text(
                    "Bij de samenstelling van de commissie zochten we mensen met een brede blik en uiteenlopende expertise: uit de kinderopvang, de geestelijke gezondheidszorg, het onderzoek en het welzijnswerk, en ook mensen met ervaringsdeskundigheid.",
                    "De commissie werkt schriftelijk. Elk lid dat een dossier toegewezen krijgt, meldt eerst of er een belangenconflict is, bijvoorbeeld omdat hij of zij zelf bij de indienende organisatie werkt. Daarna schrijft elk lid een review per onderdeel van het grondplan. De voorzitter bundelt die reviews tot één heldere terugkoppeling voor de indiener.",
                    "Naast het beoordelen van praktijken denkt de commissie mee over wat een goede praktijk is en hoe je onderbouwd werkt. Zo bouwt ze mee aan het bredere kennisplatform.",
                ),
                people("Leden van de commissie", COMMISSION),
                cta(
                    "Hoe verloopt een beoordeling?",
                    "Lees alles over de stappen van aanmelding tot publicatie.",
                    "Naar de databank",
                    slug="databank-kwaliteitsvolle-praktijken",
                ),
            ],
        },
    ],
}
