"""Demo organisations in Oost-Vlaanderen, West-Vlaanderen and Brussels (all fictional).

Each row: (name, kind, municipality, postcode, street, contact person, telephone, theme slugs, description).
"""

ORGANISATIONS_2 = [
    # Oost-Vlaanderen
    (
        "Huis van het Kind Gent – Brugse Poort",
        "huis_van_het_kind",
        "Gent",
        "9000",
        "Bevrijdingslaan 22",
        "Fien Baert",
        "09 225 63 18",
        ["diversiteit", "sociale-cohesie", "gezinsondersteuning"],
        "Deze vestiging van het Gentse Huis van het Kind ligt midden in een jonge, superdiverse wijk. "
        "Ouders komen er voor het consultatiebureau, het taalcafé of gewoon voor een kop koffie met andere ouders. "
        "Medewerkers van verschillende partners zitten samen in één open onthaalruimte.",
    ),
    (
        "Opvoedingswinkel De Knipoog Gent",
        "opvoedingswinkel",
        "Gent",
        "9000",
        "Sint-Pietersnieuwstraat 97",
        "Laura Van Acker",
        "09 233 41 07",
        ["ouderschap-en-opvoeding", "scheiding", "jonge-kinderen"],
        "De Knipoog beantwoordt vragen van ouders over alle leeftijden, aan de balie, via chat of tijdens een huisbezoek. "
        "Populair zijn de korte reeksen over slapen, zindelijkheid en ruzie tussen broers en zussen. "
        "Het team werkt samen met het CAW voor ouders die uit elkaar gaan.",
    ),
    (
        "Provinciaal Steunpunt Gezin Oost-Vlaanderen",
        "support_centre",
        "Gent",
        "9000",
        "Woodrow Wilsonplein 4",
        "Bram Goossens",
        "09 267 80 55",
        ["gezinsondersteuning", "vroegsignalering", "ouderparticipatie"],
        "Het steunpunt ondersteunt de Oost-Vlaamse Huizen van het Kind, opvoedingswinkels en lokale besturen. "
        "We begeleiden regionale lerende netwerken en helpen partners hun praktijk te beschrijven voor de databank.",
    ),
    (
        "Huis van het Kind Aalst",
        "huis_van_het_kind",
        "Aalst",
        "9300",
        "Esplanadeplein 18",
        "Koen Van der Linden",
        "053 72 35 91",
        ["gezinsondersteuning", "armoede-en-kansengelijkheid", "jonge-kinderen"],
        "Het Huis van het Kind Aalst biedt een centraal onthaal en een netwerk van spelotheken, consultatiebureaus en ontmoetingsplaatsen. "
        "Een gezinscoach gaat op huisbezoek bij ouders die nergens anders terechtkunnen. "
        "Partners maken jaarlijks samen een overzicht van het volledige aanbod.",
    ),
    (
        "Huis van het Kind Lokeren",
        "huis_van_het_kind",
        "Lokeren",
        "9160",
        "Roomstraat 25",
        "Evelien Maertens",
        "09 340 92 68",
        ["gezinsondersteuning", "sociale-cohesie", "tieners"],
        "In Lokeren richt het Huis van het Kind zich uitdrukkelijk ook op ouders van tieners. "
        "Naast de klassieke activiteiten voor jonge gezinnen zijn er avonden over puberteit en een inloopuur samen met het jeugdwerk.",
    ),
    (
        "Kinderopvang De Kleine Wereld",
        "childcare",
        "Sint-Niklaas",
        "9100",
        "Hospitaalstraat 40",
        "Nadia Benali",
        "03 776 28 54",
        ["kinderopvang", "diversiteit", "ouderparticipatie"],
        "De Kleine Wereld is een groepsopvang voor zestig kinderen, waar meertaligheid als een troef wordt gezien. "
        "Ouders lezen voor in hun eigen taal en helpen mee bij feesten en uitstappen. "
        "De opvang werkt samen met het consultatiebureau in hetzelfde gebouw.",
    ),
    (
        "CLB Scheldeland",
        "school",
        "Dendermonde",
        "9200",
        "Noordlaan 17",
        "Stijn De Wolf",
        "052 21 64 33",
        ["onderwijs-en-clb", "geestelijke-gezondheid", "vroegsignalering"],
        "CLB Scheldeland begeleidt leerlingen uit het basis- en secundair onderwijs in de regio Dendermonde. "
        "Een team van psychologen, maatschappelijk werkers en verpleegkundigen werkt preventief rond welbevinden en schoolverzuim. "
        "Ouders kunnen ook zelf een gesprek aanvragen.",
    ),
    (
        "Hogeschool Leiedal – Lectoraat Gezinspedagogiek",
        "research",
        "Gent",
        "9050",
        "Hoveniersberg 30",
        "Dr. Saar Vermeulen",
        "09 243 17 70",
        ["ouderparticipatie", "gezinsondersteuning", "diversiteit"],
        "Het lectoraat doet praktijkgericht onderzoek naar samenwerking tussen ouders en professionals. "
        "Studenten en onderzoekers begeleiden organisaties die hun werking willen evalueren of onderbouwen. "
        "Resultaten vloeien terug naar de opleidingen sociaal werk en pedagogie.",
    ),
    (
        "Thuis in de Buurt vzw",
        "welfare",
        "Ronse",
        "9600",
        "Grote Markt 11",
        "Carine Depoorter",
        "055 23 48 09",
        ["armoede-en-kansengelijkheid", "sociale-cohesie", "vaders"],
        "Thuis in de Buurt organiseert huisbezoeken, buurtmaaltijden en een wekelijkse speelnamiddag in twee sociale woonwijken. "
        "Ervaringsdeskundigen werken mee in het team en helpen de kloof met diensten overbruggen.",
    ),
    # West-Vlaanderen
    (
        "Huis van het Kind Zonnebeke",
        "huis_van_het_kind",
        "Zonnebeke",
        "8980",
        "Ieperstraat 5",
        "Ellen Vandamme",
        "051 77 04 36",
        ["gezinsondersteuning", "jonge-kinderen", "sociale-cohesie"],
        "Het Huis van het Kind Zonnebeke is een klein maar hecht samenwerkingsverband in een landelijke gemeente. "
        "Het consultatiebureau, de buitenschoolse opvang en de bibliotheek werken er samen aan één gezinsvriendelijke plek. "
        "Maandelijks is er een babycafé waar nieuwe ouders elkaar leren kennen.",
    ),
    (
        "Huis van het Kind Brugge",
        "huis_van_het_kind",
        "Brugge",
        "8000",
        "Langestraat 120",
        "Michiel Devos",
        "050 44 83 21",
        ["gezinsondersteuning", "ouderparticipatie", "vroegsignalering"],
        "Het Huis van het Kind Brugge heeft een centraal huis in de binnenstad en antennes in de deelgemeenten. "
        "Ouders kunnen er terecht voor informatie, ontmoeting en korte pedagogische begeleiding. "
        "Een ouderraad adviseert over de planning van het aanbod.",
    ),
    (
        "Opvoedingswinkel Leiepunt Kortrijk",
        "opvoedingswinkel",
        "Kortrijk",
        "8500",
        "Budastraat 36",
        "Sarah Vanneste",
        "056 24 39 70",
        ["ouderschap-en-opvoeding", "digitale-opvoeding", "tieners"],
        "Leiepunt is de opvoedingswinkel voor Kortrijk en de omliggende gemeenten. "
        "Ouders vinden er antwoorden op alledaagse opvoedingsvragen en kunnen een reeks gesprekken met een pedagoog aanvragen. "
        "Scholen doen een beroep op het team voor ouderavonden over mediagebruik.",
    ),
    (
        "Provinciaal Steunpunt Gezin West-Vlaanderen",
        "support_centre",
        "Brugge",
        "8200",
        "Koning Leopold III-laan 41",
        "Ann Dewulf",
        "050 40 72 66",
        ["gezinsondersteuning", "sociale-cohesie"],
        "Het West-Vlaamse steunpunt versterkt Huizen van het Kind en lokale besturen bij het uitbouwen van hun aanbod. "
        "We organiseren studiedagen, begeleiden intergemeentelijke samenwerking en delen materialen die partners vrij mogen gebruiken.",
    ),
    (
        "Kinderdagverblijf 't Zeepaardje",
        "childcare",
        "Oostende",
        "8400",
        "Torhoutsesteenweg 211",
        "Jana Coudenys",
        "059 50 18 84",
        ["kinderopvang", "jonge-kinderen", "armoede-en-kansengelijkheid"],
        "'t Zeepaardje is een kinderdagverblijf met veertig plaatsen en ruime openingsuren voor ouders met wisselende diensten. "
        "Een vaste begeleider per kind zorgt voor een veilige band. "
        "Het team werkt samen met het Huis van het Kind rond voorlezen en taalontwikkeling.",
    ),
    (
        "CLB Westhoek",
        "school",
        "Ieper",
        "8900",
        "Elverdingsestraat 64",
        "Frederik Callewaert",
        "057 20 55 13",
        ["onderwijs-en-clb", "vroegsignalering", "geestelijke-gezondheid"],
        "CLB Westhoek begeleidt leerlingen van scholen in Ieper, Poperinge en omgeving. "
        "Het centrum werkt met een vast aanspreekpunt per school en biedt ouders een snelle eerste afspraak bij zorgen over hun kind.",
    ),
    (
        "Stad Roeselare – Gezinspunt",
        "local_government",
        "Roeselare",
        "8800",
        "Botermarkt 2",
        "Kristof Vandenberghe",
        "051 26 21 77",
        ["gezinsondersteuning", "armoede-en-kansengelijkheid", "ouderparticipatie"],
        "Het Gezinspunt is het loket van de stad voor alle vragen van gezinnen, van kinderopvang tot vrijetijdsaanbod. "
        "Het regisseert het Huis van het Kind en beheert een fonds voor schoolkosten. "
        "Ouders worden via een klankbordgroep betrokken bij het lokale gezinsbeleid.",
    ),
    (
        "Gezinswerking De Overkant",
        "welfare",
        "Waregem",
        "8790",
        "Holstraat 48",
        "Lotte Vercruysse",
        "056 60 87 25",
        ["scheiding", "gezinsondersteuning", "geestelijke-gezondheid"],
        "De Overkant begeleidt gezinnen die door een scheiding, ziekte of verlies uit evenwicht zijn geraakt. "
        "Een gezinsbegeleider komt aan huis en helpt ouders opnieuw grip te krijgen op het dagelijkse leven. "
        "Er is ook een praatgroep voor kinderen van gescheiden ouders.",
    ),
    (
        "Voorleeswerking Boekenbende",
        "other",
        "Tielt",
        "8700",
        "Kortrijkstraat 9",
        "Jozefien Lambrecht",
        "051 40 36 59",
        ["jonge-kinderen", "diversiteit", "sociale-cohesie"],
        "Vrijwilligers van de Boekenbende lezen wekelijks voor bij gezinnen thuis en in de wachtzaal van het consultatiebureau. "
        "Ze laten ouders zien hoe je ook zonder veel woorden samen van een prentenboek kan genieten.",
    ),
    # Brussels Hoofdstedelijk Gewest
    (
        "Huis van het Kind Kanaalzone",
        "huis_van_het_kind",
        "Sint-Jans-Molenbeek",
        "1080",
        "Ninoofsesteenweg 188",
        "Meryem Ouali",
        "02 410 37 62",
        ["diversiteit", "armoede-en-kansengelijkheid", "gezinsondersteuning"],
        "Het Huis van het Kind Kanaalzone werkt voor gezinnen aan beide kanten van het kanaal. "
        "Ouders worden onthaald in het Nederlands, Frans, Arabisch of Engels, en samen wordt gezocht naar opvang, school of een ontmoetingsplek. "
        "Het huis werkt nauw samen met Nederlandstalige scholen en kinderopvang in de buurt.",
    ),
    (
        "Opvoedingspunt De Stadsboom Brussel",
        "opvoedingswinkel",
        "Brussel",
        "1000",
        "Anspachlaan 74",
        "Gilles Dubois",
        "02 511 86 20",
        ["ouderschap-en-opvoeding", "diversiteit", "scheiding"],
        "De Stadsboom is de Brusselse opvoedingswinkel voor ouders die Nederlands spreken of hun kinderen naar Nederlandstalige voorzieningen sturen. "
        "Pedagogen geven advies op afspraak en tijdens vrije inloopmomenten. "
        "Het team organiseert ook oudergroepen over meertalig opvoeden.",
    ),
    (
        "Brussels Steunpunt Gezin",
        "support_centre",
        "Brussel",
        "1000",
        "Arduinkaai 29",
        "Hilde Verstraete",
        "02 502 64 91",
        ["gezinsondersteuning", "diversiteit", "ouderparticipatie"],
        "Het steunpunt ondersteunt Nederlandstalige organisaties die in Brussel met gezinnen werken. "
        "We brengen partners uit welzijn, onderwijs en kinderopvang samen en helpen hen hun aanbod af te stemmen op de stedelijke realiteit.",
    ),
    (
        "Kinderdagverblijf Elfje",
        "childcare",
        "Anderlecht",
        "1070",
        "Bergensesteenweg 350",
        "Ines Mukendi",
        "02 520 14 38",
        ["kinderopvang", "diversiteit", "jonge-kinderen"],
        "Elfje is een Nederlandstalig kinderdagverblijf waar kinderen uit meer dan twintig taalachtergronden samen spelen. "
        "De begeleiders stimuleren het Nederlands op een speelse manier en geven de thuistaal volop ruimte.",
    ),
    (
        "CLB De Passer",
        "school",
        "Vorst",
        "1190",
        "Van Volxemlaan 102",
        "Jonas Verbist",
        "02 344 79 05",
        ["onderwijs-en-clb", "vroegsignalering", "tieners"],
        "CLB De Passer begeleidt leerlingen van Nederlandstalige scholen in het zuiden van Brussel. "
        "Het centrum werkt rond schoolverzuim, studiekeuze en welbevinden, en zoekt actief contact met ouders die het Nederlands minder goed beheersen.",
    ),
    (
        "Buurthuis De Kaai",
        "welfare",
        "Schaarbeek",
        "1030",
        "Haachtsesteenweg 215",
        "Youssef Chahid",
        "02 242 58 16",
        ["sociale-cohesie", "armoede-en-kansengelijkheid", "tieners"],
        "Buurthuis De Kaai is een open huis voor buurtbewoners van alle leeftijden. "
        "Voor gezinnen zijn er huiswerkklassen, een moedergroep en een vaderatelier. "
        "Jongeren vinden er een eigen ruimte en een vertrouwenspersoon.",
    ),
    (
        "Gemeente Jette – Nederlandstalige gezinsdienst",
        "local_government",
        "Jette",
        "1090",
        "Kardinaal Mercierplein 1",
        "Wendy Goris",
        "02 423 12 94",
        ["gezinsondersteuning", "kinderopvang"],
        "De gezinsdienst informeert Nederlandstalige gezinnen over kinderopvang, scholen en vrije tijd in Jette. "
        "Ze organiseert samen met partners een jaarlijkse gezinsdag en een maandelijks ouder-kindmoment.",
    ),
    (
        "Ouderplatform Samen Meertalig",
        "other",
        "Elsene",
        "1050",
        "Vergniesstraat 7",
        "Clara Rossi",
        "02 640 35 77",
        ["diversiteit", "ouderparticipatie", "onderwijs-en-clb"],
        "Samen Meertalig is een netwerk van ouders die hun kinderen in meerdere talen opvoeden. "
        "Het platform organiseert ontmoetingen, deelt ervaringen en geeft ouders een stem in het overleg met scholen en beleid.",
    ),
]
