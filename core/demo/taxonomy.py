"""Demo taxonomy: themes, target groups, age groups, functions of parenting support, settings."""

from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme

from .util import get_or_create_term

# (slug, name, name_en, description)
THEMES = [
    (
        "ouderschap-en-opvoeding",
        "Ouderschap en opvoeding",
        "Parenthood and parenting",
        "Wat ouders bezighoudt in de dagelijkse opvoeding: grenzen stellen, troosten, ruzies, routines en het plezier van samen opgroeien.",
    ),
    (
        "armoede-en-kansengelijkheid",
        "Armoede en kansengelijkheid",
        "Poverty and equal opportunities",
        "Hoe gezinnen met weinig middelen toegang krijgen tot ondersteuning, en hoe we drempels wegnemen zodat elk kind kansrijk kan opgroeien.",
    ),
    (
        "gezinsondersteuning",
        "Gezinsondersteuning",
        "Family support",
        "Het brede preventieve aanbod voor gezinnen, van informatie en ontmoeting tot intensievere begeleiding aan huis.",
    ),
    (
        "ouderparticipatie",
        "Ouderparticipatie",
        "Parent participation",
        "Ouders als volwaardige partners: meedenken, meebeslissen en mee vormgeven aan het aanbod dat voor hen bedoeld is.",
    ),
    (
        "kinderopvang",
        "Kinderopvang",
        "Childcare",
        "De kinderopvang als plek waar kinderen zich ontwikkelen en waar ouders dagelijks contact hebben met professionals.",
    ),
    (
        "onderwijs-en-clb",
        "Onderwijs en CLB",
        "Education and pupil guidance centres",
        "Samenwerking tussen gezin, school en centrum voor leerlingenbegeleiding rond leren, welbevinden en schoolloopbaan.",
    ),
    (
        "geestelijke-gezondheid",
        "Geestelijke gezondheid",
        "Mental health",
        "Psychisch welbevinden van kinderen, jongeren en ouders, en hoe je signalen tijdig opvangt.",
    ),
    (
        "scheiding",
        "Scheiding",
        "Separation and divorce",
        "Ouderschap na een relatiebreuk: co-ouderschap, communicatie tussen ex-partners en nieuw samengestelde gezinnen.",
    ),
    (
        "diversiteit",
        "Diversiteit en meertaligheid",
        "Diversity and multilingualism",
        "Opvoeden in een superdiverse samenleving: verschillende gezinsvormen, talen, culturen en levensbeschouwingen.",
    ),
    (
        "jonge-kinderen",
        "Jonge kinderen",
        "Young children",
        "De eerste levensjaren: hechting, slapen, eten, spelen en de overgang naar de kleuterklas.",
    ),
    (
        "tieners",
        "Tieners",
        "Teenagers",
        "Opvoeden als kinderen groter worden: autonomie, vriendschappen, verliefdheid, risicogedrag en het gesprek gaande houden.",
    ),
    (
        "sociale-cohesie",
        "Sociale cohesie en ontmoeting",
        "Social cohesion and meeting places",
        "Ouders die elkaar ontmoeten en steunen, en buurten waar gezinnen op elkaar kunnen rekenen.",
    ),
    (
        "vroegsignalering",
        "Vroegsignalering",
        "Early detection",
        "Zorgen over een kind of gezin vroeg opmerken, bespreekbaar maken en samen met het gezin de juiste hulp zoeken.",
    ),
    (
        "digitale-opvoeding",
        "Digitale opvoeding",
        "Digital parenting",
        "Schermtijd, sociale media, gaming en online veiligheid: hoe ouders hun kinderen begeleiden in een digitale wereld.",
    ),
    (
        "vaders",
        "Vaders en vaderschap",
        "Fathers and fatherhood",
        "Vaders bereiken en betrekken: een aanbod dat ook voor hen herkenbaar en bruikbaar is.",
    ),
]

TARGET_GROUPS = [
    ("ouders", "Ouders", "Parents", "Alle ouders en opvoedingsverantwoordelijken, ongeacht de leeftijd van hun kinderen."),
    (
        "aanstaande-ouders",
        "Aanstaande ouders",
        "Expectant parents",
        "Koppels en alleenstaanden die een kind verwachten of net ouder geworden zijn.",
    ),
    (
        "grootouders",
        "Grootouders en andere opvoeders",
        "Grandparents and other carers",
        "Grootouders, familieleden en andere volwassenen die mee een kind grootbrengen.",
    ),
    ("alleenstaande-ouders", "Alleenstaande ouders", "Single parents", "Ouders die de opvoeding grotendeels alleen dragen."),
    (
        "kwetsbare-gezinnen",
        "Gezinnen in een kwetsbare situatie",
        "Families in vulnerable situations",
        "Gezinnen die te maken hebben met armoede, huisvestingsproblemen, ziekte of een klein sociaal netwerk.",
    ),
    (
        "nieuwkomers",
        "Nieuwkomers en anderstalige gezinnen",
        "Newcomers and families speaking other languages",
        "Gezinnen die pas in Vlaanderen of Brussel wonen of thuis een andere taal spreken.",
    ),
    (
        "pleeg-en-adoptiegezinnen",
        "Pleeg- en adoptiegezinnen",
        "Foster and adoptive families",
        "Gezinnen die een kind opvangen of adopteren, met hun eigen vragen over hechting en identiteit.",
    ),
    (
        "professionals",
        "Professionals en vrijwilligers",
        "Professionals and volunteers",
        "Wie beroepshalve of als vrijwilliger met gezinnen werkt: van kinderbegeleider tot leerkracht en maatschappelijk werker.",
    ),
    (
        "kinderen-en-jongeren",
        "Kinderen en jongeren",
        "Children and young people",
        "Kinderen en jongeren zelf, als gesprekspartner en deelnemer.",
    ),
]

# (slug, name, name_en, description, min_age, max_age)
AGE_GROUPS = [
    ("prenataal", "Prenataal", "Prenatal", "De periode van de zwangerschap en de voorbereiding op het ouderschap.", None, None),
    ("0-3-jaar", "Baby's en peuters (0–3 jaar)", "Babies and toddlers (0–3)", "Van de geboorte tot de eerste schooldag.", 0, 3),
    ("3-6-jaar", "Kleuters (3–6 jaar)", "Pre-schoolers (3–6)", "De kleuterschooljaren.", 3, 6),
    ("6-12-jaar", "Lagereschoolkinderen (6–12 jaar)", "Primary school children (6–12)", "De jaren in de lagere school.", 6, 12),
    ("12-18-jaar", "Tieners (12–18 jaar)", "Teenagers (12–18)", "De jaren in het secundair onderwijs.", 12, 18),
    (
        "18-25-jaar",
        "Jongvolwassenen (18–25 jaar)",
        "Young adults (18–25)",
        "Jongeren op weg naar zelfstandigheid, studie of werk.",
        18,
        25,
    ),
]

SUPPORT_FUNCTIONS = [
    (
        "informatie-en-advies",
        "Informatie en advies",
        "Information and advice",
        "Ouders vinden betrouwbare, begrijpelijke informatie en krijgen een antwoord op hun vragen over opvoeden.",
    ),
    (
        "praktisch-pedagogische-steun",
        "Praktisch-pedagogische steun",
        "Practical-pedagogical support",
        "Concrete hulp in het dagelijkse leven met kinderen, bijvoorbeeld materiaal, tips die je meteen kan toepassen of een helpende hand.",
    ),
    (
        "emotionele-steun",
        "Emotionele steun",
        "Emotional support",
        "Ouders voelen zich gehoord en erkend in wat opvoeden met hen doet, ook als het moeilijk loopt.",
    ),
    (
        "sociale-steun",
        "Sociale steun",
        "Social support",
        "Het netwerk rond gezinnen versterken: ontmoeting, lotgenotencontact en zelfhulp.",
    ),
    (
        "vroegsignalering-en-toeleiding",
        "Vroegsignalering en toeleiding",
        "Early detection and referral",
        "Onzekerheid of problemen tijdig opmerken en gezinnen warm doorverwijzen naar passende hulp.",
    ),
    (
        "pedagogisch-advies",
        "Pedagogisch advies",
        "Pedagogical advice",
        "Begeleiding op maat bij een concrete opvoedingsvraag, in enkele gesprekken of aan huis.",
    ),
    (
        "intensievere-laagdrempelige-hulp",
        "Intensievere laagdrempelige hulp",
        "More intensive accessible help",
        "Een langere, intensievere begeleiding die toch vlot toegankelijk blijft, zonder wachtlijst of verwijsbrief.",
    ),
]

SETTINGS = [
    (
        "huis-van-het-kind",
        "Huis van het Kind",
        "Family centre (Huis van het Kind)",
        "Lokale samenwerkingsverbanden die het aanbod voor gezinnen bundelen en toegankelijk maken.",
    ),
    ("kinderopvang", "Kinderopvang", "Childcare", "Kinderdagverblijven, onthaalouders en buitenschoolse opvang."),
    (
        "onderwijs",
        "Onderwijs en CLB",
        "Education and pupil guidance",
        "Scholen, centra voor leerlingenbegeleiding en brugfiguren.",
    ),
    (
        "preventieve-gezondheidszorg",
        "Preventieve gezinsondersteuning en gezondheid",
        "Preventive family support and health",
        "Consultatiebureaus, vroedvrouwen, kraamzorg en huisartsen.",
    ),
    ("welzijnswerk", "Welzijnswerk", "Social welfare", "Centra voor algemeen welzijnswerk, OCMW's en sociale huizen."),
    (
        "geestelijke-gezondheidszorg",
        "Geestelijke gezondheidszorg",
        "Mental health care",
        "Centra voor geestelijke gezondheidszorg en andere psychologische hulp.",
    ),
    (
        "vrije-tijd",
        "Vrije tijd, jeugdwerk en sport",
        "Leisure, youth work and sport",
        "Speelpleinen, jeugdbewegingen, sportclubs en speel-o-theken.",
    ),
    (
        "buurtwerk",
        "Buurt- en opbouwwerk",
        "Community work",
        "Buurtcentra, opbouwwerk en verenigingen waar armen het woord nemen.",
    ),
    (
        "cultuur-en-bibliotheek",
        "Bibliotheek en cultuur",
        "Libraries and culture",
        "Bibliotheken, cultuurcentra en musea met een aanbod voor gezinnen.",
    ),
]


def load_taxonomy(stats) -> None:
    for model, rows, label in [
        (Theme, THEMES, "themes"),
        (TargetGroup, TARGET_GROUPS, "target groups"),
        (SupportFunction, SUPPORT_FUNCTIONS, "support functions"),
        (Setting, SETTINGS, "settings"),
    ]:
        for order, (slug, name, name_en, description) in enumerate(rows, start=1):
            _obj, created = get_or_create_term(model, slug, name, name_en=name_en, description=description, sort_order=order * 10)
            stats.count(label, created)
    for order, (slug, name, name_en, description, min_age, max_age) in enumerate(AGE_GROUPS, start=1):
        _obj, created = get_or_create_term(
            AgeGroup,
            slug,
            name,
            name_en=name_en,
            description=description,
            sort_order=order * 10,
            min_age=min_age,
            max_age=max_age,
        )
        stats.count("age groups", created)
