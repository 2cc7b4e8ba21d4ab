"""Demo organisations in the provinces of Antwerpen, Limburg and Vlaams-Brabant (all fictional).

Each row: (name, kind, municipality, postcode, street, contact person, telephone, theme slugs, description).
"""

ORGANISATIONS_1 = [
    # Antwerpen
    (
        "Huis van het Kind Lier",
        "huis_van_het_kind",
        "Lier",
        "2500",
        "Kartuizersvest 41",
        "Sofie Van den Broeck",
        "03 480 21 17",
        ["gezinsondersteuning", "jonge-kinderen", "sociale-cohesie"],
        "Het Huis van het Kind Lier brengt het consultatiebureau, de kinderopvang, het welzijnswerk en de bibliotheek samen onder één dak. "
        "Ouders kunnen er zonder afspraak binnenlopen met een vraag, of aansluiten bij een babymassage en het wekelijkse ouder-kindmoment. "
        "Een vaste onthaalmedewerker zorgt ervoor dat niemand met lege handen vertrekt.",
    ),
    (
        "Opvoedingswinkel De Wegwijzer Antwerpen",
        "opvoedingswinkel",
        "Antwerpen",
        "2060",
        "Offerandestraat 8",
        "Yasmina El Idrissi",
        "03 236 55 90",
        ["ouderschap-en-opvoeding", "diversiteit", "tieners"],
        "In de opvoedingswinkel kunnen Antwerpse ouders terecht met elke vraag over opvoeden, van driftbuien tot puberteit. "
        "Pedagogen geven advies aan de balie, aan de telefoon of tijdens een huisbezoek. "
        "Daarnaast organiseren we thema-avonden in verschillende talen, samen met buurtorganisaties.",
    ),
    (
        "Provinciaal Steunpunt Gezin Antwerpen",
        "support_centre",
        "Antwerpen",
        "2018",
        "Lange Kievitstraat 112",
        "Pieter Wouters",
        "03 240 61 30",
        ["gezinsondersteuning", "ouderparticipatie"],
        "Het steunpunt ondersteunt lokale besturen en Huizen van het Kind in de provincie bij het uitbouwen van een samenhangend gezinsaanbod. "
        "We begeleiden lerende netwerken, verspreiden materiaal en brengen praktijkwerkers uit verschillende sectoren samen.",
    ),
    (
        "Kinderdagverblijf De Speelboom",
        "childcare",
        "Turnhout",
        "2300",
        "Graatakker 27",
        "Hanne Smolders",
        "014 42 18 63",
        ["kinderopvang", "jonge-kinderen", "ouderparticipatie"],
        "De Speelboom vangt zesenveertig baby's en peuters op in vier leefgroepen. "
        "Ouders worden actief betrokken via een ouderraad en een maandelijkse koffieochtend. "
        "De kinderbegeleiders volgen een traject rond taalstimulering bij meertalige peuters.",
    ),
    (
        "CLB Kempenland",
        "school",
        "Geel",
        "2440",
        "Pas 152",
        "Bart Verhaegen",
        "014 58 73 20",
        ["onderwijs-en-clb", "vroegsignalering", "geestelijke-gezondheid"],
        "Het centrum voor leerlingenbegeleiding werkt samen met een dertigtal scholen in de Zuiderkempen. "
        "Leerlingen, ouders en leerkrachten kunnen er gratis en vertrouwelijk terecht met vragen over leren, welbevinden en gezondheid.",
    ),
    (
        "Sociaal Huis Mol – team Gezin",
        "local_government",
        "Mol",
        "2400",
        "Markt 3",
        "Elke Geudens",
        "014 33 09 41",
        ["armoede-en-kansengelijkheid", "gezinsondersteuning"],
        "Het team Gezin van het Sociaal Huis helpt gezinnen wegwijs in premies, tegemoetkomingen en het lokale aanbod. "
        "Met het project Startpakket krijgen jonge gezinnen met een beperkt inkomen een bezoek aan huis en een pakket met babyspullen. "
        "Het team coördineert ook het lokale overleg gezinsondersteuning.",
    ),
    (
        "Buurtwerking De Ankerplaats",
        "welfare",
        "Antwerpen",
        "2140",
        "Kroonstraat 96",
        "Karim Bouzian",
        "03 235 12 84",
        ["sociale-cohesie", "armoede-en-kansengelijkheid", "vaders"],
        "De Ankerplaats is een ontmoetingsplek in Borgerhout waar ouders elkaar vinden rond koken, huiswerkbegeleiding en praatgroepen. "
        "Een vadergroep komt tweewekelijks samen om ervaringen te delen. "
        "Buurtbewoners bepalen mee welke activiteiten er komen.",
    ),
    (
        "Huis van het Kind Turnhout",
        "huis_van_het_kind",
        "Turnhout",
        "2300",
        "Otterstraat 55",
        "Nathalie Peeters",
        "014 44 27 16",
        ["gezinsondersteuning", "vroegsignalering", "jonge-kinderen"],
        "Het Huis van het Kind Turnhout bundelt het aanbod van een twintigtal partners voor aanstaande en jonge ouders. "
        "Via een centraal onthaalpunt zoeken we samen met het gezin welke ondersteuning past. "
        "Er is ook een inloopmoment voor ouders van peuters die binnenkort naar school gaan.",
    ),
    (
        "Speel-o-theek Het Tolletje",
        "other",
        "Herentals",
        "2200",
        "Augustijnenlaan 19",
        "Wim Aerts",
        "014 21 60 72",
        ["sociale-cohesie", "jonge-kinderen", "armoede-en-kansengelijkheid"],
        "In de speel-o-theek lenen gezinnen tegen een kleine bijdrage speelgoed en gezelschapsspellen uit. "
        "Vrijwilligers geven tips over spelen op elke leeftijd en organiseren op woensdagnamiddag een open speelmoment.",
    ),
    # Limburg
    (
        "Huis van het Kind Genk",
        "huis_van_het_kind",
        "Genk",
        "3600",
        "Stalenstraat 14",
        "Ayse Yildirim",
        "089 65 40 22",
        ["diversiteit", "gezinsondersteuning", "ouderparticipatie"],
        "Het Huis van het Kind Genk heeft vestigingen in drie wijken, telkens dicht bij de scholen en het consultatiebureau. "
        "Ouders met verschillende moedertalen werken mee als sleutelfiguur en brengen buren naar het aanbod. "
        "Samen met de bibliotheek loopt een voorleesproject voor peuters.",
    ),
    (
        "Opvoedingswinkel Het Kompas Hasselt",
        "opvoedingswinkel",
        "Hasselt",
        "3500",
        "Kunstlaan 6",
        "Tom Schepers",
        "011 26 48 35",
        ["ouderschap-en-opvoeding", "digitale-opvoeding", "scheiding"],
        "Het Kompas geeft ouders uit Hasselt en omgeving laagdrempelig advies over opvoeden. "
        "Je kan er terecht voor een gesprek, een cursus positief opvoeden of een workshop over schermtijd. "
        "Voor ouders in scheiding is er een maandelijkse gespreksgroep.",
    ),
    (
        "Provinciaal Steunpunt Gezin Limburg",
        "support_centre",
        "Hasselt",
        "3500",
        "Universiteitslaan 21",
        "Liesbeth Moors",
        "011 23 71 04",
        ["gezinsondersteuning", "vroegsignalering"],
        "Het steunpunt begeleidt de Limburgse Huizen van het Kind en hun partners bij samenwerking en kwaliteitszorg. "
        "We organiseren intervisie voor coördinatoren en helpen gemeenten die samen een aanbod willen uitbouwen.",
    ),
    (
        "Huis van het Kind Tongeren-Borgloon",
        "huis_van_het_kind",
        "Tongeren-Borgloon",
        "3700",
        "Maastrichterstraat 33",
        "Gert Vanoppen",
        "012 39 84 51",
        ["gezinsondersteuning", "jonge-kinderen", "armoede-en-kansengelijkheid"],
        "Sinds de fusie werkt het Huis van het Kind met een vast aanspreekpunt in beide voormalige gemeenten. "
        "Een mobiele gezinsbus brengt het aanbod naar de kleinere dorpen. "
        "Ouders kunnen er ook terecht voor tweedehandskleding en een gratis babyweegmoment.",
    ),
    (
        "Basisschool De Vlindertuin",
        "school",
        "Beringen",
        "3582",
        "Koersel-Kapelstraat 12",
        "Ilse Claes",
        "011 45 96 17",
        ["onderwijs-en-clb", "ouderparticipatie", "diversiteit"],
        "De Vlindertuin is een kleine wijkschool waar ouders welkom zijn in de klas en op het oudercafé. "
        "Een brugfiguur legt contact met gezinnen die de weg naar school minder makkelijk vinden. "
        "De school werkt nauw samen met het Huis van het Kind en de buitenschoolse opvang.",
    ),
    (
        "Onthaalouderdienst Zonnestraal",
        "childcare",
        "Lommel",
        "3920",
        "Kerkhofstraat 28",
        "Griet Theunis",
        "011 54 32 80",
        ["kinderopvang", "jonge-kinderen"],
        "Zonnestraal begeleidt een netwerk van zesentwintig onthaalouders in het noorden van Limburg. "
        "De dienst helpt ouders een opvangplaats te vinden en ondersteunt onthaalouders met vorming en huisbezoeken.",
    ),
    (
        "Lokaal bestuur Maasmechelen – dienst Gezin",
        "local_government",
        "Maasmechelen",
        "3630",
        "Steenweg 260",
        "Marco Lombardi",
        "089 76 92 14",
        ["armoede-en-kansengelijkheid", "sociale-cohesie", "gezinsondersteuning"],
        "De dienst Gezin coördineert het lokale aanbod voor gezinnen en is de regisseur van het Huis van het Kind. "
        "In samenwerking met het OCMW loopt een traject om kinderarmoede vroeger op te sporen. "
        "Gezinnen vinden er ook info over kinderopvang en vrijetijdspassen.",
    ),
    (
        "Onderzoekscentrum Opgroeien in Context",
        "research",
        "Diepenbeek",
        "3590",
        "Agoralaan 5",
        "Prof. dr. Veerle Jacobs",
        "011 26 80 43",
        ["ouderschap-en-opvoeding", "geestelijke-gezondheid", "vroegsignalering"],
        "Dit onderzoekscentrum bestudeert hoe gezinnen omgaan met overgangen, zoals de geboorte van een kind of de stap naar het secundair onderwijs. "
        "Onderzoekers werken samen met praktijkorganisaties om evaluaties op te zetten die in de dagelijkse werking passen.",
    ),
    # Vlaams-Brabant
    (
        "Huis van het Kind Leuven",
        "huis_van_het_kind",
        "Leuven",
        "3000",
        "Ridderstraat 48",
        "Annelies Maes",
        "016 27 41 90",
        ["gezinsondersteuning", "ouderparticipatie", "jonge-kinderen"],
        "Het Huis van het Kind Leuven werkt met een netwerk van partners verspreid over de deelgemeenten. "
        "Een ouderpanel denkt mee over nieuwe initiatieven en test folders en websites op leesbaarheid. "
        "Wekelijks is er een inloopmoment voor ouders met baby's.",
    ),
    (
        "Opvoedingswinkel Dijleland",
        "opvoedingswinkel",
        "Leuven",
        "3010",
        "Diestsesteenweg 140",
        "Jeroen Van Laer",
        "016 35 22 06",
        ["ouderschap-en-opvoeding", "tieners", "digitale-opvoeding"],
        "De opvoedingswinkel geeft advies aan ouders uit Leuven en de omliggende gemeenten. "
        "Naast individuele gesprekken lopen er oudercursussen over tieners en over online gedrag. "
        "Pedagogen geven ook vorming aan professionals uit kinderopvang en onderwijs.",
    ),
    (
        "Provinciaal Steunpunt Gezin Vlaams-Brabant",
        "support_centre",
        "Leuven",
        "3000",
        "Provincieplein 2",
        "Katrien Lemmens",
        "016 26 75 18",
        ["gezinsondersteuning", "diversiteit"],
        "Het steunpunt ondersteunt Huizen van het Kind en lokale besturen in Vlaams-Brabant, met bijzondere aandacht voor de meertalige Rand rond Brussel. "
        "We delen praktijkvoorbeelden, organiseren regionale ontmoetingen en begeleiden nieuwe samenwerkingsverbanden.",
    ),
    (
        "Huis van het Kind Vilvoorde",
        "huis_van_het_kind",
        "Vilvoorde",
        "1800",
        "Leuvensestraat 71",
        "Rachid Amrani",
        "02 255 46 39",
        ["diversiteit", "gezinsondersteuning", "armoede-en-kansengelijkheid"],
        "Het Huis van het Kind Vilvoorde zet sterk in op gezinnen die pas in de stad wonen. "
        "Een team van brugfiguren en tolken helpt ouders hun weg te vinden naar kinderopvang, school en gezondheidszorg. "
        "In de zomer trekt een speelbus door de wijken.",
    ),
    (
        "Huis van het Kind Pajottegem",
        "huis_van_het_kind",
        "Pajottegem",
        "1755",
        "Dorp 12",
        "Lien De Smedt",
        "054 56 23 80",
        ["gezinsondersteuning", "sociale-cohesie", "jonge-kinderen"],
        "Dit Huis van het Kind bedient een landelijke fusiegemeente met veel kleine kernen. "
        "Daarom komt het aanbod naar de gezinnen toe: consultaties, voorleesmomenten en ouderavonden wisselen van dorp tot dorp.",
    ),
    (
        "Kinderopvang De Notelaar",
        "childcare",
        "Halle",
        "1500",
        "Basiliekstraat 85",
        "Marieke Lenaerts",
        "02 356 19 47",
        ["kinderopvang", "armoede-en-kansengelijkheid", "diversiteit"],
        "De Notelaar is een kinderdagverblijf met inkomensgerelateerde prijs en flexibele plaatsen voor ouders die werk zoeken of een opleiding volgen. "
        "De begeleiders werken met een vaste wenprocedure en houden ouders dagelijks op de hoogte via een schriftje.",
    ),
    (
        "Basisschool Het Klaverblad",
        "school",
        "Tienen",
        "3300",
        "Grijpenlaan 9",
        "Dirk Vranckx",
        "016 81 47 25",
        ["onderwijs-en-clb", "ouderparticipatie", "armoede-en-kansengelijkheid"],
        "Het Klaverblad werkt aan een warme schoolomgeving waar elk gezin zich welkom voelt. "
        "De school houdt kosten voor ouders bewust laag en organiseert ouderochtenden met tolken. "
        "Samen met het CLB volgt een zorgteam leerlingen op die het moeilijk hebben.",
    ),
    (
        "Ontmoetingshuis De Tafel",
        "welfare",
        "Diest",
        "3290",
        "Koning Albertstraat 30",
        "Joke Vandervelden",
        "013 31 58 62",
        ["armoede-en-kansengelijkheid", "sociale-cohesie", "gezinsondersteuning"],
        "De Tafel is een ontmoetingshuis waar gezinnen in armoede samen eten, praten en activiteiten plannen. "
        "Een groep alleenstaande ouders komt er maandelijks samen met een begeleider. "
        "Vrijwilligers helpen bij administratie en het aanvragen van tegemoetkomingen.",
    ),
    (
        "Instituut voor Gezinsonderzoek Leuven",
        "research",
        "Leuven",
        "3000",
        "Naamsestraat 61",
        "Dr. Hendrik Mertens",
        "016 32 90 11",
        ["ouderschap-en-opvoeding", "scheiding", "armoede-en-kansengelijkheid"],
        "Het instituut onderzoekt hoe gezinsvormen in Vlaanderen veranderen en wat dat betekent voor ouders en kinderen. "
        "Een lopend project volgt vijfhonderd gezinnen gedurende de eerste drie levensjaren van hun kind. "
        "Resultaten worden vertaald naar korte praktijkfiches voor professionals.",
    ),
]
