"""Demo thematic dossiers (all fictional): the overview page and one dossier per theme.

Publications and practices are named by slug and looked up when loading; an insight whose source
is missing is left out. Testimonials name a role, never a person; a recording always has a
transcript. Paragraphs are plain text (the loader escapes them).
"""

INDEX = {
    "slug": "thematische-dossiers",
    "title": "Thematische dossiers",
    "show_in_menus": True,
    "intro": (
        "Per thema het belangrijkste op één plek: wat onderzoek ons leert, publicaties uit de Toolbox om verder te lezen, "
        "praktijken uit de databank en getuigenissen van ouders en professionals. Onze redactie werkt elk dossier minstens "
        "één keer per jaar bij. Mis je een thema? Laat het team EXPOO het weten."
    ),
}


def insight(statement, source, explanation="", detail=""):
    return {"statement": statement, "source": source, "explanation": explanation, "source_detail": detail}


def testimonial(quote, speaker, media_url="", kind="", transcript=""):
    return {"quote": quote, "speaker": speaker, "media_url": media_url, "media_kind": kind, "transcript": transcript}


MEDIA = "https://media.example.org/expoo/dossiers/"

DOSSIERS = [
    {
        "slug": "opvoeden-in-armoede",
        "title": "Opvoeden in armoede",
        "theme": "armoede-en-kansengelijkheid",
        "summary": (
            "Gezinnen in armoede hebben evenveel vragen over opvoeden als andere gezinnen, maar vinden moeilijker de weg naar steun. "
            "Dit dossier toont wat drempels verlaagt zonder te stigmatiseren: een warme toegang, eenvoudige procedures en ouders die mee aan tafel zitten."
        ),
        "introduction": [
            "Opvoeden in armoede is opvoeden onder druk. Wie elke maand moet rekenen om de huur, de schoolrekening en het eten te betalen, heeft minder ruimte in het hoofd voor alles wat een kind daarnaast nodig heeft. Dat zegt niets over de betrokkenheid van ouders: ook zij willen het beste voor hun kinderen, en ze zetten zich daar dag na dag voor in.",
            "Toch bereikt het aanbod voor gezinnen net deze ouders het minst. Schaamte, wantrouwen na eerdere ervaringen met hulpverlening, wachtlijsten en formulieren vol vakjargon houden hen weg. Het gaat dus niet alleen over wát je aanbiedt, maar vooral over hóé gezinnen bij je binnenkomen.",
            "In dit dossier vind je wat onderzoek en praktijk ons daarover leren, publicaties om verder te lezen en praktijken van organisaties die de drempel bewust laag houden. Ouders en professionals vertellen wat voor hen het verschil maakte.",
        ],
        "insights": [
            insight(
                "Schaamte houdt ouders langer weg van hulp dan geldgebrek of afstand.",
                "opgroeien-in-armoede-stemmen-van-ouders",
                "In de gesprekken met veertig ouders kwam schaamte telkens terug als reden om een vraag niet te stellen. Ouders vreesden dat hulp vragen zou betekenen dat ze als slechte ouder gezien worden. Een neutrale plek en een medewerker die zonder oordeel luistert, maken de eerste stap kleiner.",
                "hoofdstuk 2",
            ),
            insight(
                "Een warme toegang weegt zwaarder dan een volledig aanbod.",
                "congres-2025-keynote-kansen-voor-elk-kind",
                "Een gemeente kan veel diensten aanbieden en toch weinig gezinnen bereiken. Wat telt, is dat iemand een gezin persoonlijk verder helpt: mee naar het eerste gesprek gaan, terugbellen, samen een formulier invullen.",
                "dia 14–20",
            ),
            insight(
                "Een aanbod voor alle gezinnen, met extra inzet voor wie het moeilijker heeft, draagt geen stempel.",
                "visienota-preventieve-gezinsondersteuning",
                "Een apart armoedeaanbod zet gezinnen apart. Binnen een breed, universeel aanbod kan je gericht meer tijd en middelen inzetten voor gezinnen in een kwetsbare situatie, zonder dat ze zich als ‘arm’ moeten aanmelden.",
                "p. 8–11",
            ),
            insight(
                "Een lokaal actieplan werkt pas als diensten over de grenzen van hun sector heen samenwerken.",
                "lokaal-actieplan-kinderarmoede-brussel",
                "Kinderarmoede raakt aan wonen, werk, onderwijs, gezondheid en vrije tijd. De leidraad raadt gemeenten aan één regisseur aan te stellen en afspraken te maken over doorverwijzen, zodat gezinnen hun verhaal niet telkens opnieuw moeten doen.",
            ),
            insight(
                "Ouders die elkaar in de buurt ontmoeten, doorbreken samen de schaamte.",
                "podcast-armoede-en-schaamte",
                "In de podcast vertellen ouders hoe een buurtwerking hen eerst samenbracht rond iets praktisch, zoals koken of een ruilmarkt. Pas daarna durfden ze hun vragen over opvoeden te stellen.",
                "vanaf minuut 12",
            ),
        ],
        "documents": [
            ("opgroeien-in-armoede-stemmen-van-ouders", "De stem van ouders zelf, met tien concrete aanbevelingen."),
            ("lokaal-actieplan-kinderarmoede-brussel", "Voor wie lokaal beleid voorbereidt."),
            ("podcast-armoede-en-schaamte", "Een halfuur luisteren dat je kijk op drempels verandert."),
        ],
        "practices": ["onthaal-zonder-drempel", "buddy-voor-gezinnen", "samen-aan-tafel"],
        "related": ["ouders-als-partner", "ontmoeting-tussen-ouders", "meertalig-opvoeden"],
        "testimonials": [
            testimonial(
                "De eerste keer ben ik tot aan de deur gegaan en weer naar huis gekeerd. De tweede keer stond er iemand buiten die me gewoon binnen vroeg voor een tas koffie. Meer was er niet nodig.",
                "een moeder van drie kinderen",
                MEDIA + "armoede-moeder.mp3",
                "audio",
                "Interviewer: Hoe ben je bij het Huis van het Kind terechtgekomen?\n"
                "Moeder: Via de school. De juf gaf me een folder, maar ik heb hem weken laten liggen. Ik dacht: daar gaan ze zien dat ik het niet red.\n"
                "Interviewer: En toen?\n"
                "Moeder: De eerste keer ben ik tot aan de deur gegaan en weer naar huis gekeerd. De tweede keer stond er iemand buiten die me gewoon binnen vroeg voor een tas koffie. Meer was er niet nodig. Niemand vroeg naar papieren. Nu kom ik elke week, en mijn jongste gaat naar de speelnamiddag.",
            ),
            testimonial(
                "We hebben ons inschrijvingsformulier herleid van vier bladzijden tot één. Sindsdien komen er gezinnen die we vroeger nooit zagen.",
                "een coördinator van een Huis van het Kind",
            ),
        ],
    },
    {
        "slug": "digitale-opvoeding",
        "title": "Digitale opvoeding",
        "theme": "digitale-opvoeding",
        "summary": (
            "Schermtijd, sociale media en gamen zijn dagelijkse kost in elk gezin. Ouders voelen zich vaak onzeker: hoeveel is te veel, "
            "en hoe stel je grenzen zonder eindeloze discussies? Dit dossier geeft houvast in plaats van verboden."
        ),
        "introduction": [
            "Vragen over schermen behoren tot de vragen die het snelst toenemen in de opvoedingswinkels. Ouders van peuters twijfelen of een filmpje bij het eten kwaad kan, ouders van tieners maken zich zorgen over sociale media, nachtelijk gamen of wat hun kind online tegenkomt.",
            "Onderzoek geeft geen eenvoudig getal dat voor elk kind klopt. Wel wordt duidelijk dat de context belangrijker is dan het aantal minuten: wanneer en waar een kind schermen gebruikt, wat het ermee doet, en of er thuis afspraken zijn die ook de volwassenen volgen.",
            "Dit dossier bundelt wat we vandaag weten, publicaties en werkmateriaal om met ouders aan de slag te gaan, en praktijken uit de databank. Twee ouders en een leerkracht vertellen hoe zij het aanpakken.",
        ],
        "insights": [
            insight(
                "Wie de smartphone mee naar de slaapkamer neemt, slaapt korter.",
                "schermtijd-en-slaap-bij-tieners",
                "In een opvolging van negenhonderd jongeren hing laat schermgebruik samen met minder slaap, het sterkst bij jongeren die hun toestel ’s nachts bij zich hielden. Een vaste oplaadplek buiten de slaapkamer is een eenvoudige afspraak met een duidelijk effect.",
                "tabel 3",
            ),
            insight(
                "Afspraken over schermen werken het best als het hele gezin ze volgt, ook de ouders.",
                "opgroeien-met-schermen",
                "Kinderen aanvaarden grenzen makkelijker als ze zien dat volwassenen zich er zelf aan houden. Samen afspraken maken en ze na een tijd samen bekijken, werkt beter dan regels die alleen voor de kinderen gelden.",
                "hoofdstuk 4",
            ),
            insight(
                "Een gezinsmediaplan maakt afspraken concreet en bespreekbaar.",
                "werkmap-gezinsmediaplan",
                "Met een paar werkbladen bepalen ouders en kinderen samen wanneer, waar en hoe lang schermen gebruikt worden, en wat er gebeurt als het misloopt. Het plan is geen contract, maar een vertrekpunt voor een gesprek dat je elk jaar opnieuw voert.",
            ),
            insight(
                "Vragen over schermgebruik stijgen in de opvoedingswinkels sneller dan bijna elk ander thema.",
                "jaarverslag-opvoedingswinkels-2024",
                "Alleen vragen over slaap groeiden even snel. Vaak hangen beide samen: ouders bellen over een kind dat niet inslaapt, en in het gesprek blijkt dat de tablet of smartphone tot laat aanstaat.",
                "p. 12",
            ),
        ],
        "documents": [
            ("opgroeien-met-schermen", "Een praktische gids voor ouders, ook handig om mee te geven."),
            ("werkmap-gezinsmediaplan", "Klaar voor een ouderavond of een workshop in de bibliotheek."),
            ("schermtijd-en-slaap-bij-tieners", "Het onderzoek achter de slaapadviezen, in het Engels."),
        ],
        "practices": ["schermen-in-huis", "opvoedingsvragen-via-chat", "tieners-in-huis"],
        "related": ["in-gesprek-met-tieners", "psychisch-welbevinden-in-het-gezin"],
        "testimonials": [
            testimonial(
                "We hebben nu een oplaadmand in de keuken. Om negen uur gaan alle telefoons erin, ook de mijne. De eerste week was het mopperen, nu vraagt mijn zoon er zelf naar.",
                "een vader van twee tieners",
                MEDIA + "oplaadmand.mp4",
                "video",
                "Vader: Bij ons thuis was het elke avond hetzelfde liedje: ‘Nog vijf minuutjes.’ En die vijf minuten werden een uur.\n"
                "Vader: Op een ouderavond hoorden we over een gezinsmediaplan. We hebben het samen ingevuld, met de kinderen erbij. Nu hebben we een oplaadmand in de keuken. Om negen uur gaan alle telefoons erin, ook de mijne.\n"
                "Vader: De eerste week was het mopperen. Nu vraagt mijn zoon er zelf naar, want hij slaapt beter en hij is ’s ochtends minder chagrijnig. Dat zegt hij er niet bij, maar we zien het.",
            ),
            testimonial(
                "Ik dacht dat ik mijn dochter moest leren hoe het internet werkt. Uiteindelijk leerde zij mij vooral hoe haar vriendinnen met elkaar praten. Sindsdien gaan onze gesprekken over wat ze meemaakt, niet over minuten.",
                "een moeder van een meisje van twaalf",
            ),
            testimonial(
                "Als een leerling ’s ochtends in slaap valt, vraag ik niet meer of hij te laat gegamed heeft. Ik vraag hoe zijn avond was. Dan komt het verhaal vanzelf.",
                "een leerkracht in het eerste jaar secundair onderwijs",
                MEDIA + "leerkracht-slaap.mp3",
                "audio",
                "Interviewer: Merk je in de klas iets van schermgebruik thuis?\n"
                "Leerkracht: Zeker op maandagochtend. Sommige leerlingen hebben tot diep in de nacht gegamed of gechat.\n"
                "Interviewer: Hoe ga je daarmee om?\n"
                "Leerkracht: Vroeger sprak ik hen erop aan. Nu vraag ik niet meer of hij te laat gegamed heeft. Ik vraag hoe zijn avond was. Dan komt het verhaal vanzelf, en soms blijkt er thuis iets heel anders aan de hand te zijn.",
            ),
        ],
    },
    {
        "slug": "samen-ouder-na-scheiding",
        "title": "Samen ouder blijven na een scheiding",
        "theme": "scheiding",
        "summary": (
            "Een scheiding maakt een einde aan een relatie, niet aan het ouderschap. Dit dossier gaat over wat kinderen helpt als hun ouders "
            "uit elkaar gaan: conflicten buiten hun zicht houden, duidelijke afspraken en ruimte voor beide ouders."
        ),
        "introduction": [
            "Veel kinderen maken mee dat hun ouders uit elkaar gaan. Voor de meesten is dat ingrijpend, maar het hoeft geen blijvende schade te geven. Hoe kinderen een scheiding beleven, hangt vooral af van wat er daarna gebeurt: blijven de ouders met elkaar praten, kennen de kinderen de afspraken, en mogen ze van beide ouders blijven houden?",
            "Ouders zitten in die periode zelf vaak met verdriet, boosheid en zorgen over wonen en geld. Tegelijk moeten ze beslissingen nemen over de verblijfsregeling, de school en de vakanties. Wie gezinnen ondersteunt, kan hen helpen om het ouderschap los te zien van het conflict tussen ex-partners.",
            "In dit dossier vind je inzichten uit onderzoek, brochures en boeken om mee te geven, en praktijken uit de databank. Een moeder en een bemiddelaar vertellen wat voor hen werkte.",
        ],
        "insights": [
            insight(
                "Niet de scheiding zelf, maar aanhoudend conflict tussen de ouders weegt het zwaarst op kinderen.",
                "samen-opvoeden-na-een-scheiding",
                "Kinderen die getuige blijven van ruzies, of die tussen hun ouders in komen te staan, hebben het moeilijker dan kinderen van wie de ouders meningsverschillen buiten hun zicht houden. Ouders hoeven het niet eens te zijn, wel af te spreken waar en wanneer ze het bespreken.",
                "hoofdstuk 2",
            ),
            insight(
                "Vaste overdrachtsmomenten en een gedeelde agenda geven kinderen houvast.",
                "video-co-ouderschap-in-de-praktijk",
                "De gezinnen in de video tonen dat voorspelbaarheid voor kinderen belangrijker is dan een perfect gelijke verdeling van de tijd. De kinderen weten wanneer ze naar welke ouder gaan, en wat ze meenemen.",
            ),
            insight(
                "Kinderen horen het nieuws het liefst van beide ouders samen, in eenvoudige woorden.",
                "brochure-ouders-in-scheiding",
                "Een eerlijke, korte uitleg zonder schuldvraag helpt kinderen het best. Zeg vooral wat er voor hen hetzelfde blijft, en dat het niet hun schuld is.",
                "p. 4–5",
            ),
            insight(
                "Afspraken over nieuwe partners verdienen evenveel aandacht als de verblijfsregeling.",
                "samen-opvoeden-na-een-scheiding",
                "Een nieuwe partner die plots mee opvoedt, kan bij kinderen en bij de andere ouder veel losmaken. Ouders die vooraf afspreken hoe en wanneer ze een nieuwe partner voorstellen, vermijden veel spanning.",
                "hoofdstuk 7",
            ),
        ],
        "documents": [
            ("brochure-ouders-in-scheiding", "Kort en helder, om mee te geven na een eerste gesprek."),
            ("samen-opvoeden-na-een-scheiding", "Met voorbeelden van ouderschapsplannen."),
            ("video-co-ouderschap-in-de-praktijk", "Drie gezinnen tonen hoe zij het aanpakken."),
        ],
        "practices": ["ouderschap-na-scheiding", "telefonische-opvoedingslijn-met-terugbelafspraak"],
        "related": ["psychisch-welbevinden-in-het-gezin", "vaders-bereiken"],
        "testimonials": [
            testimonial(
                "In het begin communiceerden we alleen via sms, en elk bericht werd een ruzie. Nu hebben we een gedeelde agenda en één vast moment per maand om te bellen over de kinderen. Het is geen vriendschap, maar het werkt.",
                "een moeder van twee kinderen in co-ouderschap",
                MEDIA + "co-ouderschap-moeder.mp3",
                "audio",
                "Moeder: Het eerste jaar na de scheiding was chaos. We communiceerden alleen via sms, en elk bericht werd een ruzie. De kinderen merkten dat natuurlijk.\n"
                "Moeder: In de oudergroep leerden we het ouderschap los te zien van onze relatie. Nu hebben we een gedeelde agenda en één vast moment per maand om te bellen over de kinderen. Alleen over de kinderen.\n"
                "Moeder: Het is geen vriendschap, maar het werkt. Mijn dochter zei onlangs dat ze het fijn vindt dat we allebei op haar optreden kwamen zonder ruzie. Dat was voor mij het bewijs.",
            ),
            testimonial(
                "Ik vraag ouders om een foto van hun kinderen mee te brengen naar het eerste gesprek. Die foto ligt op tafel. Het helpt om te onthouden over wie we eigenlijk praten.",
                "een familiebemiddelaar",
            ),
        ],
    },
    {
        "slug": "vaders-bereiken",
        "title": "Vaders bereiken en betrekken",
        "theme": "vaders",
        "summary": (
            "Vaders komen vaker mee dan we denken, maar het aanbod spreekt hen zelden rechtstreeks aan. Dit dossier toont hoe kleine "
            "aanpassingen in uitnodiging, timing en aanpak ervoor zorgen dat vaders zich even welkom voelen als moeders."
        ),
        "introduction": [
            "Vaders nemen vandaag een groter deel van de zorg en de opvoeding op dan vroeger. Toch blijven ze in het aanbod voor gezinnen vaak onzichtbaar. Folders tonen moeders met een baby, activiteiten vallen tijdens de werkuren en in gesprekken richt de professional zich spontaan tot de moeder.",
            "Wie vaders wil bereiken, hoeft niet meteen een apart vaderaanbod uit te bouwen. Vaak volstaat het om bewuster te kijken naar wat je al doet: hoe je uitnodigt, wanneer activiteiten plaatsvinden, welke beelden en woorden je gebruikt, en of je vaders ook rechtstreeks aanspreekt.",
            "In dit dossier vind je wat onderzoek daarover zegt, ervaringen van Huizen van het Kind en praktijken die vaders een plek geven.",
        ],
        "insights": [
            insight(
                "Vaders komen vaak mee naar het consultatiebureau, maar worden zelden aangesproken.",
                "vaders-in-het-consultatiebureau",
                "In de observaties was de vader bij veel consulten aanwezig, maar ging het gesprek bijna altijd naar de moeder. Beide ouders bij naam aanspreken en vragen ook aan de vader richten, veranderde dat patroon merkbaar.",
                "p. 41",
            ),
            insight(
                "Vaders voelen zich aangesproken als ze zichzelf terugzien in de uitnodiging.",
                "webinar-vaders-betrekken",
                "De vijf Huizen van het Kind pasten hun folders aan, richtten uitnodigingen aan beide ouders en planden activiteiten op zaterdag. Het aantal vaders groeide vooral bij activiteiten waarin ze samen met hun kinderen iets deden.",
                "dia 8",
            ),
            insight(
                "Samen met nieuwkomers blijven vaders de groep die Huizen van het Kind het moeilijkst bereiken.",
                "bereik-van-huizen-van-het-kind",
                "Coördinatoren zien het verschil vooral waar ze samenwerken met scholen, sportclubs en werkgevers: plekken waar vaders al komen.",
                "hoofdstuk 4",
            ),
            insight(
                "Vaders zoeken steun vaak eerst bij andere vaders.",
                "podcast-opvoeden-doe-je-niet-alleen-vaders",
                "De vaders in de podcast gaan zelden naar een ouderavond, maar praten graag met andere vaders tijdens een activiteit met de kinderen. Informeel contact opent de deur voor vragen die ze anders voor zich houden.",
            ),
        ],
        "documents": [
            ("vaders-in-het-consultatiebureau", "Het onderzoek achter de eenvoudigste tip: spreek beide ouders aan."),
            ("webinar-vaders-betrekken", "Lessen uit vijf Huizen van het Kind."),
            ("podcast-opvoeden-doe-je-niet-alleen-vaders", "Drie vaders aan het woord."),
        ],
        "practices": ["vaders-langs-de-lijn", "papas-op-zaterdag"],
        "related": ["samen-ouder-na-scheiding", "de-eerste-levensjaren"],
        "testimonials": [
            testimonial(
                "Op het consultatiebureau keek de verpleegkundige altijd naar mijn vrouw, ook als ik de vraag stelde. Sinds ze me bij naam aanspreekt, ga ik met plezier mee.",
                "een vader van een dochter van acht maanden",
                MEDIA + "vader-consultatiebureau.mp4",
                "video",
                "Vader: Ik heb van bij het begin de helft van het ouderschapsverlof genomen. Ik gaf de flesjes, ik deed de nachten. Maar op het consultatiebureau keek de verpleegkundige altijd naar mijn vrouw, ook als ik de vraag stelde.\n"
                "Vader: Op een dag zei ik er iets van. Ze schrok er zelf van. Sindsdien spreekt ze me bij naam aan en vraagt ze ook hoe het met mij gaat.\n"
                "Vader: Het lijkt een detail, maar ik ga nu met plezier mee.",
            ),
            testimonial(
                "We verhuisden onze papa-activiteit van dinsdagavond naar zaterdagochtend en zetten ‘voor papa’s en hun kinderen’ op de affiche. De eerste keer kwamen er vier vaders, nu zijn het er meestal vijftien.",
                "een medewerker van een Huis van het Kind",
            ),
        ],
    },
    {
        "slug": "meertalig-opvoeden",
        "title": "Opvoeden in meerdere talen",
        "theme": "diversiteit",
        "summary": (
            "In veel gezinnen klinkt thuis een andere taal dan op school. Dit dossier legt uit waarom de thuistaal een troef is en geen "
            "hindernis, en hoe kinderopvang, school en Huis van het Kind ouders één duidelijke, positieve boodschap geven."
        ),
        "introduction": [
            "Vlaanderen en zeker Brussel zijn superdivers. Veel kinderen groeien op met twee, drie of meer talen. Toch krijgen hun ouders nog vaak tegenstrijdige raad: de ene professional zegt thuis vooral Nederlands te spreken, de andere moedigt de thuistaal aan.",
            "Onderzoek is daarover vrij eensgezind. Een sterke thuistaal helpt kinderen om ook het Nederlands goed te leren, zeker als ze daarnaast veel rijk Nederlands horen in de kinderopvang, op school en in hun vrije tijd. Ouders spreken met hun kinderen best de taal waarin ze zich het best kunnen uitdrukken.",
            "Meertaligheid gaat over meer dan taal: over gezinnen die hun weg zoeken in een nieuw land, over vertrouwen en over een aanbod dat voor iedereen toegankelijk is. In dit dossier vind je inzichten, publicaties en praktijken om daarmee aan de slag te gaan.",
        ],
        "insights": [
            insight(
                "Elke taal telt: een sterke thuistaal ondersteunt het leren van het Nederlands.",
                "meertalig-opvoeden-verkenning",
                "Kinderen die in hun thuistaal rijke gesprekken voeren en verhalen horen, bouwen een taalbasis op die ze meenemen naar het Nederlands. Ouders vragen hun thuistaal op te geven, verzwakt net die basis en het contact tussen ouder en kind.",
                "hoofdstuk 3",
            ),
            insight(
                "Ouders hebben baat bij één gezamenlijke, positieve boodschap over meertaligheid.",
                "meertalig-opvoeden-verkenning",
                "Als kinderopvang, consultatiebureau en school elk iets anders zeggen, raken ouders in de war. Een boodschap die de partners van een Huis van het Kind samen afspreken, geeft rust.",
                "aanbevelingen",
            ),
            insight(
                "Voorlezen in de thuistaal maakt de overstap naar het Nederlands op school makkelijker.",
                "podcast-meertalig-voorlezen",
                "Kinderen die thuis voorgelezen worden, leren hoe verhalen in elkaar zitten en raken vertrouwd met boeken. Dat nemen ze mee naar de klas, in welke taal ze ook voorgelezen werden.",
            ),
            insight(
                "Informatie in de eigen taal en met pictogrammen verlaagt de drempel voor nieuwe ouders.",
                "folder-welkom-in-het-huis-van-het-kind",
                "Een eenvoudige folder in tien talen zegt al bij het eerste contact dat iedereen welkom is, ook wie nog geen Nederlands spreekt of minder vlot leest.",
            ),
        ],
        "documents": [
            ("meertalig-opvoeden-verkenning", "Onderzoek en praktijk samen, met aanbevelingen."),
            ("folder-welkom-in-het-huis-van-het-kind", "In tien talen, met pictogrammen."),
            ("podcast-meertalig-voorlezen", "Vrijwilligers en ouders over voorlezen in de thuistaal."),
            ("video-wat-is-een-huis-van-het-kind", "Een korte animatie, ondertiteld in zes talen."),
        ],
        "practices": ["thuistaal-als-troef", "meertalige-babyzang", "opvoeden-in-je-eigen-taal"],
        "related": ["de-eerste-levensjaren", "kinderopvang-en-ouders", "opvoeden-in-armoede"],
        "testimonials": [
            testimonial(
                "Ik dacht dat ik mijn zoontje in de war zou brengen met twee talen. De kinderbegeleidster zei: zing met hem in jouw taal, wij zingen in het Nederlands. Nu kent hij liedjes in allebei.",
                "een moeder van een peuter",
                MEDIA + "meertalig-moeder.mp3",
                "audio",
                "Interviewer: Welke talen spreken jullie thuis?\n"
                "Moeder: Ik spreek Turks met hem, mijn man Arabisch, en samen spreken we een beetje Nederlands.\n"
                "Interviewer: Was je daar ongerust over?\n"
                "Moeder: Heel erg. Ik dacht dat ik mijn zoontje in de war zou brengen met twee talen. De kinderbegeleidster zei: zing met hem in jouw taal, wij zingen in het Nederlands. Nu kent hij liedjes in allebei, en hij vertaalt ze soms voor mij.",
            ),
            testimonial(
                "We vragen bij de inschrijving niet meer óf een gezin Nederlands spreekt, maar welke talen er thuis gesproken worden. Dat ene zinnetje verandert de toon van het hele gesprek.",
                "een directeur van een kinderdagverblijf in Brussel",
            ),
        ],
    },
    {
        "slug": "ouders-als-partner",
        "title": "Ouders als partner",
        "theme": "ouderparticipatie",
        "summary": (
            "Ouders weten zelf het best wat hun gezin nodig heeft. Dit dossier gaat over hoe organisaties ouders niet alleen informeren, "
            "maar ook laten meedenken en meebeslissen, en wat dat van professionals vraagt."
        ),
        "introduction": [
            "Ouderparticipatie is een woord dat snel gebruikt wordt. Het kan gaan van een nieuwsbrief of een tevredenheidsbevraging tot ouders die mee beslissen over het aanbod. Al die treden van participatie zijn waardevol, maar het loont om eerlijk te zijn over welke trede je echt zet.",
            "Echte inspraak vraagt tijd en vertrouwen. Ouders die zich eerder niet gehoord voelden, moeten ervaren dat hun inbreng iets verandert. Professionals moeten op hun beurt durven loslaten: niet elk idee past in de planning, en soms leggen ouders de vinger op een pijnlijke plek.",
            "In dit dossier vind je wat onderzoek leert over participatie in de kinderopvang, op school en in het Huis van het Kind, met praktijken en materiaal om zelf te starten.",
        ],
        "insights": [
            insight(
                "Echte inspraak vraagt begeleiders die hun eigen rol durven te bevragen.",
                "ouderparticipatie-in-de-kinderopvang",
                "Participatie blijft vaak steken bij informeren. De stap naar samen beslissen lukt waar begeleiders ouders als deskundigen over hun eigen kind zien en bereid zijn hun gewoontes in vraag te laten stellen.",
                "p. 27",
            ),
            insight(
                "Ouders en school verwachten vaak iets anders van elkaar, en zeggen dat zelden hardop.",
                "scholen-als-partner-in-opvoeding",
                "Een kort gesprek bij de start van het schooljaar over wat ouders en leerkracht van elkaar verwachten, voorkomt later veel misverstanden.",
                "hoofdstuk 5",
            ),
            insight(
                "Een lerend netwerk helpt organisaties participatie vol te houden na het eerste enthousiasme.",
                "lerend-netwerk-ouderparticipatie-2016",
                "De deelnemers wisselden niet alleen successen uit, maar ook wat mislukte. Juist die gesprekken hielpen hen om bij te sturen in plaats van te stoppen.",
            ),
            insight(
                "Ouders in armoede willen mee aan tafel zitten, niet alleen bevraagd worden.",
                "opgroeien-in-armoede-stemmen-van-ouders",
                "Ouders vertelden dat ze vaak hun mening moesten geven, maar zelden hoorden wat er met hun antwoorden gebeurde. Terugkoppelen is even belangrijk als vragen.",
                "aanbeveling 9",
            ),
        ],
        "documents": [
            ("ouderparticipatie-in-de-kinderopvang", "De treden van participatie, toegepast op de kinderopvang."),
            ("gesprekskaarten-opvoedingsvragen", "Om een gesprek met ouders op gang te brengen."),
            ("scholen-als-partner-in-opvoeding", "Over verwachtingen en moeilijke oudergesprekken."),
        ],
        "practices": ["ouderkamer-in-de-school", "koffieochtend-in-de-kinderopvang", "samen-aan-tafel"],
        "related": ["opvoeden-in-armoede", "kinderopvang-en-ouders", "ontmoeting-tussen-ouders"],
        "testimonials": [
            testimonial(
                "Ze vroegen me om mee te denken over de nieuwe openingsuren. Ik dacht dat het voor de vorm was, maar de uren zijn echt veranderd. Nu ga ik ook naar het oudercafé.",
                "een alleenstaande vader in de ouderraad van een kinderdagverblijf",
                MEDIA + "ouderraad-vader.mp4",
                "video",
                "Vader: Ik werk in ploegen. Ophalen om zes uur lukte gewoon niet, en elke keer moest ik iemand anders vragen.\n"
                "Vader: Toen ze me vroegen om mee te denken over de nieuwe openingsuren, dacht ik dat het voor de vorm was. Maar de uren zijn echt veranderd: op dinsdag en donderdag is er nu opvang tot half acht.\n"
                "Vader: Sindsdien ga ik ook naar het oudercafé. Als ze echt luisteren, wil je ook iets teruggeven.",
            ),
            testimonial(
                "Het moeilijkste was niet om ouders uit te nodigen, maar om te zwijgen als ze aan het woord waren.",
                "een brugfiguur in een basisschool",
            ),
        ],
    },
    {
        "slug": "vroegsignalering",
        "title": "Zorgen vroeg bespreekbaar maken",
        "theme": "vroegsignalering",
        "summary": (
            "Kinderbegeleiders, kleuterleraren en consultatiebureaus merken vaak als eersten dat een kind of gezin het moeilijk heeft. "
            "Dit dossier gaat over hoe je een zorg tijdig opmerkt en ze met ouders bespreekt zonder te labelen."
        ),
        "introduction": [
            "Vroegsignalering betekent dat je zorgen over de ontwikkeling van een kind of over de situatie van een gezin vroeg opmerkt, en er iets mee doet voor ze groter worden. Het gaat niet om een diagnose stellen, wel om goed kijken, luisteren en op tijd het gesprek aangaan.",
            "Dat gesprek is voor veel professionals de moeilijkste stap. Ze twijfelen of hun zorg terecht is, willen ouders niet kwetsen en weten niet altijd wie ze kunnen inschakelen. Ouders hebben soms zelf al lang een vermoeden, en zijn opgelucht als iemand het benoemt.",
            "Dit dossier zet op een rij wat helpt: een gedeelde taal tussen kinderopvang, school en CLB, een vast aanspreekpunt, en gesprekken waarin ouders als deskundigen over hun eigen kind behandeld worden.",
        ],
        "insights": [
            insight(
                "Kleuterleraren twijfelen vooral over wanneer en hoe ze een zorg met ouders bespreken.",
                "signalen-van-kwetsbaarheid-bij-kleuters",
                "De leraren in de focusgroepen zagen de signalen wel, maar stelden het gesprek uit uit angst om ouders te kwetsen of ongelijk te hebben. Hoe langer ze wachtten, hoe moeilijker het werd.",
                "p. 112",
            ),
            insight(
                "Een vast aanspreekpunt bij het CLB verlaagt de drempel om een zorg te delen.",
                "signalen-van-kwetsbaarheid-bij-kleuters",
                "Wie weet bij wie hij terechtkan, overlegt sneller. Een vaste CLB-medewerker die af en toe op school langskomt, maakt van een zorg een gewone vraag.",
                "p. 118",
            ),
            insight(
                "Beschrijf wat je ziet in plaats van een label te gebruiken.",
                "studiedag-vroegsignalering-presentatie",
                "Zeg ‘hij speelt meestal alleen en reageert weinig als we zijn naam roepen’ in plaats van een woord als ‘autisme’ te laten vallen. Vraag daarna wat de ouders thuis zien. Zo wordt het een gesprek tussen mensen die het kind elk op hun manier goed kennen.",
                "dia 22–30",
            ),
            insight(
                "Oefenen met herkenbare situaties maakt het gesprek met ouders minder beladen.",
                "video-vroegsignalering-in-de-kinderopvang",
                "Teams die de scènes uit de video samen bekeken en nadien rollenspelen deden, voelden zich zekerder in echte gesprekken.",
            ),
        ],
        "documents": [
            ("studiedag-vroegsignalering-presentatie", "Met de gespreksleidraad van het CLB."),
            ("video-vroegsignalering-in-de-kinderopvang", "Herkenbare scènes om samen te bekijken in een teamoverleg."),
            ("signalen-van-kwetsbaarheid-bij-kleuters", "Wat kleuterleraren zien, en wat hen tegenhoudt."),
        ],
        "practices": [
            "zorgoverleg-met-ouders-aan-tafel",
            "wachtzaalgesprekken-in-het-consultatiebureau",
            "opvoedingsspreekuur-bij-de-huisarts",
        ],
        "related": ["kinderopvang-en-ouders", "de-eerste-levensjaren", "psychisch-welbevinden-in-het-gezin"],
        "testimonials": [
            testimonial(
                "Ik had al maanden het gevoel dat er iets niet klopte met zijn taal. Toen de juf er voorzichtig over begon, was ik eerst boos. Achteraf ben ik haar dankbaar dat ze het niet langer heeft laten liggen.",
                "een moeder van een kleuter",
                MEDIA + "vroegsignalering-moeder.mp3",
                "audio",
                "Moeder: Ik had al maanden het gevoel dat er iets niet klopte met zijn taal. Hij gebruikte veel minder woorden dan zijn neefje van dezelfde leeftijd.\n"
                "Moeder: Toen de juf er voorzichtig over begon, was ik eerst boos. Ik dacht: zij ziet hem maar een paar uur per dag.\n"
                "Moeder: Maar ze vroeg vooral wat ik thuis zag, en we spraken af om samen met het CLB te kijken. Hij gaat nu naar de logopedist en praat honderduit. Achteraf ben ik haar dankbaar dat ze het niet langer heeft laten liggen.",
            ),
            testimonial(
                "Ik begin nu altijd met wat goed gaat. Daarna kunnen ouders veel beter horen waar ik me zorgen over maak.",
                "een kinderbegeleider in een kinderdagverblijf",
            ),
        ],
    },
    {
        "slug": "in-gesprek-met-tieners",
        "title": "In gesprek blijven met tieners",
        "theme": "tieners",
        "summary": (
            "Als kinderen tieners worden, verschuift de rol van ouders van sturen naar begeleiden. Dit dossier gaat over autonomie, "
            "vriendschappen en risico’s, en vooral over hoe je het gesprek gaande houdt als je kind steeds minder vertelt."
        ),
        "introduction": [
            "De tienerjaren zijn een periode van grote veranderingen, voor jongeren en voor hun ouders. Jongeren willen zelf beslissen, zoeken hun eigen weg bij vrienden en online, en nemen soms risico’s die ouders slapeloze nachten bezorgen.",
            "Ouders voelen zich in die jaren vaak overbodig, terwijl onderzoek het tegendeel laat zien: tieners hebben hun ouders nog altijd nodig, alleen op een andere manier. Warmte en interesse blijven belangrijk, net als duidelijke grenzen over wat echt niet kan.",
            "In dit dossier vind je inzichten over het gesprek met tieners, over slaap en schermen en over mentaal welbevinden, met publicaties en praktijken die ouders in deze fase ondersteunen.",
        ],
        "insights": [
            insight(
                "Moeilijke gesprekken lukken beter naast elkaar dan tegenover elkaar.",
                "podcast-opvoeden-doe-je-niet-alleen-tieners",
                "In de auto, tijdens een wandeling of bij het koken: tieners praten makkelijker als ze je niet hoeven aan te kijken en weten dat het gesprek een natuurlijk einde heeft.",
                "vanaf minuut 18",
            ),
            insight(
                "Jongeren en ouders hebben nood aan laagdrempelige plekken waar ze met hun zorgen terechtkunnen.",
                "advies-geestelijke-gezondheid-jongeren",
                "Niet elke zorg vraagt meteen therapie. Een plek dicht bij huis, zonder wachtlijst of verwijsbrief, vangt veel op en zorgt dat wie meer nodig heeft, sneller op de juiste plek komt.",
                "p. 6",
            ),
            insight(
                "Tieners die hun smartphone ’s nachts bij zich houden, slapen korter.",
                "schermtijd-en-slaap-bij-tieners",
                "Slaaptekort maakt jongeren prikkelbaarder en kwetsbaarder. Een afspraak over de smartphone ’s nachts is een van de weinige schermafspraken waarvan het effect duidelijk is.",
            ),
        ],
        "documents": [
            ("podcast-opvoeden-doe-je-niet-alleen-tieners", "Over ruzies, stiltes en het juiste moment."),
            ("opgroeien-met-schermen", "Afspraken over smartphones, games en sociale media."),
            ("advies-geestelijke-gezondheid-jongeren", "Voor wie beleid maakt rond jongeren en welbevinden."),
        ],
        "practices": ["tieners-in-huis", "vaders-langs-de-lijn", "faalangst-de-baas"],
        "related": ["digitale-opvoeding", "psychisch-welbevinden-in-het-gezin"],
        "testimonials": [
            testimonial(
                "Mijn dochter vertelde niets meer. Tot ik stopte met vragen hoe haar dag was, en gewoon elke zondag met haar ging wandelen met de hond. Na een paar weken begon ze zelf te praten.",
                "een moeder van een dochter van vijftien",
                MEDIA + "tieners-moeder.mp4",
                "video",
                "Moeder: Op haar veertiende vertelde mijn dochter plots niets meer. Op elke vraag kreeg ik ‘goed’ of ‘weet ik niet’.\n"
                "Moeder: In de oudergroep zei iemand: stop met vragen, ga gewoon samen iets doen. Dus ging ik elke zondag met haar wandelen met de hond. De eerste keren zeiden we bijna niets.\n"
                "Moeder: Na een paar weken begon ze zelf te praten, over een vriendin die haar buitensloot. Dat had ze me aan tafel nooit verteld.",
            ),
            testimonial(
                "Ouders vragen me vaak hoe ze hun tiener kunnen controleren. Ik vraag terug: wat wil je dat je kind tegen je zegt als het fout loopt? Daarop moet je bouwen.",
                "een medewerker van een opvoedingswinkel",
            ),
        ],
    },
    {
        "slug": "de-eerste-levensjaren",
        "title": "De eerste levensjaren",
        "theme": "jonge-kinderen",
        "summary": (
            "In de eerste levensjaren legt een kind de basis voor later: een veilige band, taal, spel en ritme. Dit dossier bundelt wat "
            "ouders en professionals helpt in de periode van de zwangerschap tot de eerste schooldag."
        ),
        "introduction": [
            "Nergens ontwikkelt een mens zich zo snel als in de eerste jaren. Een baby leert dat er iemand komt als hij huilt, een peuter ontdekt dat hij een eigen wil heeft, een kleuter leert samen spelen. Ouders staan daarbij voor heel wat vragen, van slapen en eten tot driftbuien en de eerste schooldag.",
            "Veel van die vragen zijn geen problemen, maar horen bij het opgroeien. Wat ouders het meest helpt, is geruststelling, herkenning bij andere ouders en een professional die tijd maakt. Tegelijk is dit de periode waarin zorgen over de ontwikkeling het best vroeg opgemerkt worden.",
            "In dit dossier vind je inzichten over gevoelens bij jonge kinderen, over spel en hechting, publicaties om mee te geven aan (aanstaande) ouders en praktijken van Huizen van het Kind en de kinderopvang.",
        ],
        "insights": [
            insight(
                "Driftbuien en angst horen bij de ontwikkeling; een kalme volwassene helpt een kind ermee omgaan.",
                "kleine-kinderen-grote-gevoelens",
                "Jonge kinderen kunnen hun gevoelens nog niet zelf reguleren. Ze lenen als het ware de rust van de volwassene. Benoemen wat het kind voelt en erbij blijven, werkt beter dan straffen of negeren.",
                "hoofdstuk 1",
            ),
            insight(
                "Samen spelen is een van de krachtigste manieren om de band tussen ouder en kind te versterken.",
                "spelkoffer-samen-spelen",
                "Tijdens het spel volgt de ouder het kind, en het kind ervaart dat het gezien wordt. Eenvoudige activiteiten met weinig materiaal volstaan.",
            ),
            insight(
                "Ook na een moeilijke start kan een kind nog een veilige band opbouwen.",
                "pleeggezinnen-en-hechting",
                "Hechting is geen deur die na de eerste maanden dichtvalt. Kinderen die pas later in een stabiel gezin terechtkomen, hebben wel meer tijd en voorspelbaarheid nodig, en hun ouders verdienen daarbij steun.",
                "p. 54",
            ),
            insight(
                "Aanstaande ouders vinden later makkelijker de weg als ze al vóór de geboorte een gezicht kennen.",
                "folder-zwanger-en-nu",
                "Een prenataal ontmoetingsmoment of een kennismaking op het consultatiebureau maakt de stap naar ondersteuning na de geboorte veel kleiner.",
            ),
        ],
        "documents": [
            ("kleine-kinderen-grote-gevoelens", "Over driftbuien, angst en verdriet bij kinderen tot zes jaar."),
            ("folder-zwanger-en-nu", "Om mee te geven aan aanstaande ouders."),
            ("spelkoffer-samen-spelen", "Dertig spelactiviteiten voor ouder-kindmomenten."),
        ],
        "practices": ["de-eerste-duizend-dagen-samen", "babymassage-als-ontmoetingsmoment", "kalm-door-de-storm"],
        "related": ["kinderopvang-en-ouders", "meertalig-opvoeden", "vroegsignalering"],
        "testimonials": [
            testimonial(
                "Na de geboorte van onze tweeling sliep ik amper. Op de babymassage merkte ik dat andere mama’s even moe waren. Dat alleen al deed deugd.",
                "een moeder van een tweeling",
                MEDIA + "tweeling-moeder.mp3",
                "audio",
                "Moeder: Na de geboorte van onze tweeling sliep ik amper. Ik had het gevoel dat iedereen het beter deed dan ik.\n"
                "Moeder: De vroedvrouw raadde me de babymassage in het Huis van het Kind aan. Ik ging vooral om er even uit te zijn.\n"
                "Moeder: Daar merkte ik dat andere mama’s even moe waren. Dat alleen al deed deugd. Met twee van hen spreek ik nog altijd elke week af in het park.",
            ),
            testimonial(
                "Ouders vragen me vaak wat ze fout doen als hun peuter krijsend op de grond ligt in de supermarkt. Mijn antwoord is bijna altijd: niets. Je kind is gewoon twee.",
                "een verpleegkundige van het consultatiebureau",
            ),
        ],
    },
    {
        "slug": "psychisch-welbevinden-in-het-gezin",
        "title": "Psychisch welbevinden in het gezin",
        "theme": "geestelijke-gezondheid",
        "summary": (
            "Kinderen, jongeren en ouders hebben het soms psychisch moeilijk. Dit dossier gaat over hoe je signalen opvangt, waar gezinnen "
            "terechtkunnen zonder lange wachtlijst, en waarom het welzijn van ouders ook dat van hun kinderen is."
        ),
        "introduction": [
            "Psychisch welbevinden is geen kwestie van alles of niets. Een kind kan een periode veel piekeren, een tiener kan zich somber voelen, een ouder kan uitgeput raken. Vaak gaat het vanzelf weer beter, soms is er meer nodig.",
            "Na de coronajaren zijn de vragen over mentaal welbevinden sterk toegenomen, terwijl de wachtlijsten in de geestelijke gezondheidszorg lang blijven. Laagdrempelige steun dicht bij huis, op school, in het Huis van het Kind of in de opvoedingswinkel, kan veel opvangen voor het escaleert.",
            "Ook het welbevinden van ouders verdient aandacht: een ouder die zelf steun krijgt, heeft meer ruimte voor zijn kinderen. In dit dossier vind je inzichten, publicaties en praktijken voor wie gezinnen ondersteunt.",
        ],
        "insights": [
            insight(
                "Laagdrempelige plekken vangen veel zorgen op voor ze zwaar worden.",
                "advies-geestelijke-gezondheid-jongeren",
                "Het advies vraagt te investeren in plekken waar jongeren en ouders zonder verwijsbrief en zonder wachtlijst terechtkunnen, en waar iemand mee zoekt naar de juiste hulp als dat nodig is.",
                "aanbeveling 1",
            ),
            insight(
                "Wanneer school, CLB en geestelijke gezondheidszorg samenwerken, vallen jongeren minder tussen twee stoelen.",
                "advies-geestelijke-gezondheid-jongeren",
                "Vaste contactpersonen en korte lijnen tussen de diensten zorgen ervoor dat een jongere zijn verhaal niet telkens opnieuw moet vertellen.",
                "aanbeveling 4",
            ),
            insight(
                "Ouders die de gevoelens van hun jonge kind benoemen, helpen het die gevoelens te leren hanteren.",
                "kleine-kinderen-grote-gevoelens",
                "Een kind dat hoort ‘je bent boos omdat je toren omviel’, leert zijn gevoel herkennen. Dat is de eerste stap naar er zelf mee leren omgaan.",
                "hoofdstuk 4",
            ),
            insight(
                "Voldoende slaap beschermt het welbevinden van tieners.",
                "schermtijd-en-slaap-bij-tieners",
                "Jongeren die korter sliepen, rapporteerden vaker dat ze zich somber of gespannen voelden. Slaap verdient daarom een plaats in elk gesprek over welbevinden.",
            ),
        ],
        "documents": [
            ("advies-geestelijke-gezondheid-jongeren", "De aanbevelingen aan de Vlaamse Regering."),
            ("kleine-kinderen-grote-gevoelens", "Voor ouders en begeleiders van jonge kinderen."),
            ("pleeggezinnen-en-hechting", "Over hechting in pleeg- en adoptiegezinnen."),
        ],
        "practices": ["kalm-door-de-storm", "faalangst-de-baas", "opvoedingsspreekuur-bij-de-huisarts"],
        "related": ["in-gesprek-met-tieners", "vroegsignalering", "samen-ouder-na-scheiding"],
        "testimonials": [
            testimonial(
                "Ons zoontje had zo’n schrik van school dat hij ’s ochtends moest overgeven. In de groep leerden we zijn angst niet weg te praten, maar samen kleine stapjes te zetten.",
                "een vader van een jongen van negen",
                MEDIA + "faalangst-vader.mp4",
                "video",
                "Vader: Ons zoontje had zo’n schrik van school dat hij ’s ochtends moest overgeven. Wij zeiden altijd: het valt wel mee, je kan het wel.\n"
                "Vader: In de oudergroep leerden we dat we zijn angst daarmee eigenlijk wegpraatten. Nu zeggen we: ‘Je bent bang, dat begrijpen we. Wat is één ding dat je vandaag wel durft?’\n"
                "Vader: Het gaat met kleine stapjes. Maar vorige week is hij uit zichzelf blijven spelen op de speelplaats.",
            ),
            testimonial(
                "Veel ouders die bij ons binnenkomen met een vraag over hun kind, zijn eigenlijk zelf op. Soms is de beste opvoedingstip: zorg eerst voor jezelf.",
                "een psycholoog in een centrum voor geestelijke gezondheidszorg",
            ),
        ],
    },
    {
        "slug": "ontmoeting-tussen-ouders",
        "title": "Ouders die elkaar ontmoeten",
        "theme": "sociale-cohesie",
        "summary": (
            "Ouders leren veel van elkaar, en een klein netwerk in de buurt kan het verschil maken als het even moeilijk gaat. Dit dossier "
            "gaat over ontmoeting als vorm van ondersteuning en over plekken waar gezinnen elkaar vinden."
        ),
        "introduction": [
            "Veel ouders missen een netwerk dichtbij. Familie woont ver weg, buren kennen elkaar nauwelijks, en wie net verhuisd of nieuw in het land is, begint van nul. Juist in de eerste jaren met kinderen kan dat zwaar wegen.",
            "Ontmoeting tussen ouders is daarom meer dan een gezellige extra. Wie andere ouders ontmoet, hoort dat zij met dezelfde vragen worstelen, krijgt praktische tips en bouwt een netwerk op waarop hij later kan terugvallen. Voor professionals zijn ontmoetingsmomenten bovendien een laagdrempelige manier om gezinnen te leren kennen.",
            "In dit dossier vind je wat onderzoek zegt over de ontmoetingsfunctie, voorbeelden uit Huizen van het Kind en praktijken die ouders samenbrengen, van koffieochtenden tot speelmomenten.",
            "Ook grootouders en andere familieleden horen bij dat netwerk. Voor veel gezinnen zijn zij de eersten die inspringen, en ook zij hebben soms vragen.",
        ],
        "insights": [
            insight(
                "Ontmoeting tussen ouders is zelf een vorm van ondersteuning.",
                "de-ontmoetingsfunctie-van-het-huis-van-het-kind",
                "Ouders die elkaar geregeld zien, steunen elkaar met raad, een luisterend oor en praktische hulp. De professional zorgt vooral voor een plek en een sfeer waarin dat kan groeien.",
                "p. 143",
            ),
            insight(
                "Met een concrete activiteit erbij voelt ontmoeten minder spannend.",
                "spelkoffer-samen-spelen",
                "Ouders die samen met hun kinderen spelen, raken vanzelf aan de praat. Een spel geeft een reden om te komen en iets om naar te kijken als het gesprek stilvalt.",
            ),
            insight(
                "Grootouders zijn voor veel gezinnen een onmisbare schakel in het netwerk.",
                "grootouders-als-opvoeders",
                "Grootouders die geregeld oppassen, dragen mee de opvoeding. Professionals die hen erbij betrekken, versterken het hele netwerk rond het kind.",
            ),
            insight(
                "Buurtwerk dat ouders samenbrengt, doorbreekt isolement.",
                "podcast-armoede-en-schaamte",
                "Ouders die elkaar leerden kennen in de buurtwerking, vonden samen de weg naar hulp die ze alleen nooit hadden gezocht.",
            ),
        ],
        "documents": [
            ("de-ontmoetingsfunctie-van-het-huis-van-het-kind", "Met voorbeelden uit Lier, Turnhout en Genk."),
            ("grootouders-als-opvoeders", "Over de rol van grootouders in de dagelijkse zorg."),
            ("brochure-grootouders-oppassen", "Tips om mee te geven aan grootouders."),
        ],
        "practices": ["babymassage-als-ontmoetingsmoment", "moederklas-in-de-buurt", "opvoedingswinkel-op-de-markt"],
        "related": ["opvoeden-in-armoede", "ouders-als-partner", "meertalig-opvoeden"],
        "testimonials": [
            testimonial(
                "Ik kende niemand in de stad toen mijn dochter geboren werd. Via de koffieochtend heb ik nu drie vriendinnen die ik kan bellen als het niet gaat.",
                "een moeder die nieuw was in de stad",
                MEDIA + "ontmoeting-moeder.mp3",
                "audio",
                "Moeder: Ik kende niemand in de stad toen mijn dochter geboren werd. Mijn familie woont in het buitenland, mijn man werkte lange dagen.\n"
                "Moeder: De verpleegkundige van het consultatiebureau vertelde over de koffieochtend. De eerste keer zat ik vooral te luisteren.\n"
                "Moeder: Nu heb ik drie vriendinnen die ik kan bellen als het niet gaat. We passen om beurten op elkaars kinderen.",
            ),
            testimonial(
                "Het mooiste moment is als ouders elkaar tips beginnen te geven en ik alleen nog de koffie moet bijschenken.",
                "een vrijwilliger in een Huis van het Kind",
            ),
        ],
    },
    {
        "slug": "kinderopvang-en-ouders",
        "title": "Kinderopvang als partner van ouders",
        "theme": "kinderopvang",
        "summary": (
            "De kinderopvang ziet ouders bijna elke dag. Dit dossier gaat over hoe kinderbegeleiders die korte contacten benutten: bij het "
            "wennen, bij het brengen en halen, en wanneer er zorgen zijn."
        ),
        "introduction": [
            "Voor veel jonge gezinnen is de kinderopvang de eerste plek buiten het gezin waar hun kind elke dag komt. Kinderbegeleiders zien ouders ’s ochtends en ’s avonds, vaak gehaast, maar wel elke dag. Die korte momenten bouwen samen een vertrouwensband op.",
            "Daardoor speelt de kinderopvang een belangrijke rol in de ondersteuning van gezinnen: ze kan vragen opvangen, ouders met elkaar in contact brengen en zorgen vroeg bespreken. Dat vraagt wel dat begeleiders zich daarin gesteund voelen, en dat ouders echt als partner gezien worden.",
            "In dit dossier vind je inzichten over ouderparticipatie en vroegsignalering in de kinderopvang, met praktijken over wennen, ontmoeting en nieuwkomers.",
        ],
        "insights": [
            insight(
                "Participatie in de kinderopvang begint bij de dagelijkse overdracht.",
                "ouderparticipatie-in-de-kinderopvang",
                "Wie ’s ochtends even vraagt hoe de nacht was en ’s avonds vertelt wat het kind beleefde, legt de basis voor alles wat volgt. Ouders die zich gehoord voelen bij de deur, komen ook naar een ouderavond.",
            ),
            insight(
                "Kinderbegeleiders hebben een gespreksleidraad en een vast aanspreekpunt nodig om zorgen te delen.",
                "studiedag-vroegsignalering-presentatie",
                "Begeleiders die weten hoe ze een zorg kunnen aankaarten en bij wie ze terechtkunnen, wachten minder lang om het gesprek met ouders aan te gaan.",
            ),
            insight(
                "Een positieve boodschap over de thuistaal versterkt het vertrouwen van meertalige ouders.",
                "meertalig-opvoeden-verkenning",
                "Ouders die horen dat hun taal welkom is, voelen zich erkend en praten makkelijker over hun kind, ook als hun Nederlands nog beperkt is.",
            ),
            insight(
                "Samenwerking met de kinderopvang maakt het grootste verschil in wie een Huis van het Kind bereikt.",
                "bereik-van-huizen-van-het-kind",
                "Gemeenten waar kinderopvang en Huis van het Kind samen activiteiten organiseren, bereiken meer gezinnen die het aanbod anders niet zouden vinden.",
                "hoofdstuk 5",
            ),
        ],
        "documents": [
            ("ouderparticipatie-in-de-kinderopvang", "Van informeren naar samen beslissen."),
            ("video-vroegsignalering-in-de-kinderopvang", "Om samen te bekijken in het team."),
        ],
        "practices": [
            "wennen-met-ouder-en-onthaalouder",
            "wegwijs-in-de-kinderopvang-voor-nieuwkomers",
            "taalbad-aan-de-luiertafel",
        ],
        "related": ["de-eerste-levensjaren", "ouders-als-partner", "vroegsignalering"],
        "testimonials": [
            testimonial(
                "Tijdens de wenperiode mocht ik een week lang mee in de leefgroep. Ik zag hoe ze mijn zoon troostten. Daarna kon ik met een gerust hart gaan werken.",
                "een vader van een baby van zes maanden",
                MEDIA + "wennen-vader.mp4",
                "video",
                "Vader: Ik zag er enorm tegen op om mijn zoon voor het eerst achter te laten. Hij was amper zes maanden.\n"
                "Vader: Tijdens de wenperiode mocht ik een week lang mee in de leefgroep. Ik zag hoe ze hem troostten, hoe ze zijn ritme volgden, hoe ze met hem praatten.\n"
                "Vader: Daarna kon ik met een gerust hart gaan werken. En als ik hem nu kom halen, weet ik over wie ze het hebben als ze vertellen over zijn dag.",
            ),
            testimonial(
                "Wij schrijven elke dag drie zinnen in het heen-en-weerschriftje, maar het echte contact gebeurt aan de deur. Daar maken we nu bewust tijd voor.",
                "een verantwoordelijke van een kinderdagverblijf",
            ),
        ],
    },
]
