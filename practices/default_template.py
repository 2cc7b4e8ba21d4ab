"""The default grondplan shipped with the platform (version 1). Administrators copy and adapt it in
the admin; this text is only loaded by the data migration when no template exists."""

TITLE = "Grondplan praktijkbeschrijving"
INTRODUCTION = (
    "Beschrijf je praktijk zo dat een collega in een andere organisatie ermee aan de slag kan. "
    "De werkvragen helpen je op weg: je hoeft ze niet één voor één te beantwoorden, maar na het lezen "
    "van een onderdeel moet duidelijk zijn wat je doet, voor wie en waarom."
)

# (key, phase, required, title, guiding questions, help text)
SECTIONS = [
    (
        "samenvatting",
        "description",
        True,
        "Samenvatting",
        "Wat houdt de praktijk in, in vijf tot tien zinnen?\nVoor wie is ze bedoeld en wat wil ze bereiken?\nHoe ziet de aanpak er in grote lijnen uit?",
        "Schrijf dit onderdeel als laatste. Het is de tekst die bezoekers van de databank als eerste lezen.",
    ),
    (
        "aanleiding",
        "description",
        True,
        "Aanleiding en probleemanalyse",
        "Welk probleem of welke vraag van gezinnen ligt aan de basis?\nHoe vaak komt het voor en bij wie?\nWat zijn de oorzaken en de gevolgen als er niets gebeurt?\nWelke signalen uit de praktijk of cijfers tonen dat?",
        "Beschrijf de situatie van gezinnen, niet van je organisatie. Verwijs naar bronnen waar je kan.",
    ),
    (
        "doelgroep",
        "description",
        True,
        "Doelgroep",
        "Wie is de doelgroep (ouders, kinderen, gezinnen, professionals)?\nWelke leeftijd hebben de kinderen?\nWie valt uitdrukkelijk buiten de doelgroep?\nHoe bereik je de doelgroep en hoe leid je toe?",
        "Onderscheid eventueel de uiteindelijke doelgroep (bijvoorbeeld kinderen) van de intermediaire doelgroep (bijvoorbeeld ouders).",
    ),
    (
        "doelen",
        "description",
        True,
        "Doelen",
        "Wat is het hoofddoel van de praktijk?\nWelke concrete subdoelen dragen daartoe bij?\nWaaraan merk je dat een doel bereikt is?",
        "Formuleer doelen als een verandering bij de doelgroep, zo concreet en toetsbaar mogelijk.",
    ),
    (
        "aanpak",
        "description",
        True,
        "Aanpak",
        "Hoe is de praktijk opgebouwd (fasen, stappen)?\nWelke activiteiten doe je, met wie en waar?\nHoe lang duurt het traject en hoe intensief is het?\nHoe stem je af op de noden van een gezin?",
        "Beschrijf de aanpak zo dat een collega ze kan uitvoeren. Een voorbeeld van een traject maakt veel duidelijk.",
    ),
    (
        "materialen",
        "description",
        False,
        "Materialen",
        "Welke materialen, werkbladen of handleidingen gebruik je?\nZijn ze beschikbaar voor anderen, en onder welke voorwaarden?",
        "Voeg materialen als pdf toe bij de praktijk; ze worden pas zichtbaar wanneer de beschrijving gepubliceerd is.",
    ),
    (
        "randvoorwaarden",
        "description",
        True,
        "Randvoorwaarden voor uitvoering",
        "Welke medewerkers zijn nodig en met welke deskundigheid?\nIs er een opleiding, intervisie of supervisie?\nHoe bewaak je de kwaliteit?\nWat kost de uitvoering en hoe wordt ze gefinancierd?",
        "Denk aan alles wat een andere organisatie moet regelen voordat ze kan starten.",
    ),
    (
        "overdraagbaarheid",
        "description",
        True,
        "Overdraagbaarheid",
        "Wat is nodig om de praktijk elders toe te passen?\nWelke onderdelen zijn essentieel en welke kunnen aangepast worden?\nWordt de praktijk al door andere organisaties toegepast?",
        "",
    ),
    (
        "onderbouwing",
        "substantiation",
        True,
        "Theoretische onderbouwing",
        "Op welke theorieën of modellen steunt de praktijk?\nHoe leidt de aanpak volgens die theorie tot de beoogde verandering (veranderingstheorie)?\nWat zijn de werkzame elementen?",
        "Koppel algemene theorieën aan het probleem, de doelen en de aanpak van jouw praktijk. Vermeld je bronnen.",
    ),
    (
        "uitvoerbaarheid",
        "substantiation",
        True,
        "Uitvoerbaarheid",
        "Hoe ervaren uitvoerders en gezinnen de praktijk?\nWat zijn knelpunten in de uitvoering en hoe ga je ermee om?\nIn welke mate wordt de praktijk uitgevoerd zoals bedoeld?",
        "",
    ),
    (
        "onderzoek",
        "research",
        True,
        "Onderzoek en evaluatie",
        "Welk onderzoek of welke evaluatie gebeurde naar de uitvoering of de effecten?\nWie voerde het uit, met welke methode en hoeveel deelnemers?\nWat zijn de belangrijkste resultaten en beperkingen?",
        "Vermeld rapporten of artikelen met een volledige referentie.",
    ),
]


def load(DescriptionTemplate, TemplateSection):
    """Create version 1 when no template exists yet."""
    if DescriptionTemplate.objects.exists():
        return None
    template = DescriptionTemplate.objects.create(version=1, title=TITLE, introduction=INTRODUCTION, is_active=True)
    for order, (key, phase, required, title, questions, help_text) in enumerate(SECTIONS):
        TemplateSection.objects.create(
            template=template,
            sort_order=order,
            key=key,
            phase=phase,
            is_required=required,
            title=title,
            guiding_questions=questions,
            help_text=help_text,
        )
    return template
