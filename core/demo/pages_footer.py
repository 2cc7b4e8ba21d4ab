"""Pages the footer links to: accessibility and privacy statements and the contact form."""

from .util import heading, text

ACCESSIBILITY = {
    "slug": "toegankelijkheidsverklaring",
    "title": "Toegankelijkheidsverklaring",
    "show_in_menus": False,
    "intro": "We willen dat iedereen dit kennisplatform kan gebruiken, ook wie een schermlezer, vergroting of alleen een toetsenbord gebruikt.",
    "body": [
        text(
            "Het kennisplatform van EXPOO streeft naar conformiteit met de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals de Europese richtlijn voor websites van overheidsinstanties vraagt. We testen nieuwe onderdelen met automatische controles en laten ze nakijken door mensen die hulpmiddelen gebruiken.",
        ),
        heading("Wat nog niet goed werkt"),
        text(
            [
                "Sommige oudere publicaties in de Toolbox zijn pdf-bestanden die niet volledig toegankelijk zijn. Je kan een toegankelijke versie opvragen.",
                "Bij een deel van de video’s ontbreekt nog een uitgeschreven tekst.",
            ]
        ),
        heading("Een probleem melden"),
        text(
            "Loop je tegen een drempel aan? Meld het via het contactformulier of mail naar toegankelijkheid@expoo.example. We antwoorden binnen tien werkdagen en zoeken intussen een andere manier om je de informatie te bezorgen.",
            "Deze verklaring werd opgesteld in januari 2026 en wordt elk jaar herzien.",
        ),
    ],
}

PRIVACY = {
    "slug": "privacyverklaring",
    "title": "Privacyverklaring",
    "show_in_menus": False,
    "intro": "Welke persoonsgegevens we verwerken wanneer je dit platform gebruikt, waarom we dat doen en welke rechten je hebt.",
    "body": [
        text(
            "Het agentschap Opgroeien is verantwoordelijk voor de verwerking van persoonsgegevens op dit kennisplatform. We verwerken alleen wat nodig is om het platform te laten werken en houden ons aan de Algemene Verordening Gegevensbescherming.",
        ),
        heading("Welke gegevens en waarom"),
        text(
            [
                "Accountgegevens (naam, e-mailadres, functie, organisatie): om je te laten inloggen en praktijken, activiteiten en je organisatieprofiel te beheren.",
                "Berichten via het contactformulier of ‘Vraag het aan team EXPOO’: om je vraag te beantwoorden.",
                "Abonnementen: om je de berichten te sturen waarvoor je gekozen hebt.",
                "Technische gegevens zoals serverlogs: om het platform veilig te houden. Die bewaren we hoogstens drie maanden.",
            ]
        ),
        text(
            "We gebruiken geen cookies om je te volgen en plaatsen geen video’s of knoppen van sociale netwerken die gegevens doorsturen. Alleen functionele cookies, bijvoorbeeld om ingelogd te blijven, worden gebruikt.",
        ),
        heading("Hoelang we gegevens bewaren"),
        text(
            [
                "Berichten via het contactformulier: een jaar na ontvangst.",
                "Accounts: zolang je ze gebruikt. Logde je drie jaar niet meer in, dan wissen we je account; een maand vooraf krijg je daarover een e-mail.",
                "Gepubliceerde praktijken van je organisatie blijven openbaar onder de naam van de organisatie, ook als je account gewist is.",
            ]
        ),
        heading("Je rechten"),
        text(
            "Je mag je gegevens inkijken, laten verbeteren of laten wissen, en je kan je verzetten tegen een verwerking. Heb je een account, dan download je al je gegevens of wis je je account zelf, onder ‘Mijn EXPOO’ bij ‘Je gegevens: downloaden of wissen’. Je kan je verzoek ook sturen naar privacy@expoo.example. Ben je niet tevreden over ons antwoord, dan kan je klacht indienen bij de Vlaamse Toezichtcommissie.",
        ),
    ],
}

CONTACT = {
    "slug": "contact",
    "title": "Contact",
    "show_in_menus": False,
    "intro": "<p>Heb je een vraag, een suggestie of wil je iets melden? Vul het formulier in. Het team leest elke boodschap en antwoordt zo snel mogelijk, meestal binnen vijf werkdagen.</p>",
    "thank_you_text": "<p>Bedankt voor je bericht. Je ontvangt binnen vijf werkdagen een antwoord van team EXPOO.</p>",
    "to_address": "team@expoo.example",
    "from_address": "noreply@expoo.example",
    "subject": "Nieuw bericht via het contactformulier",
    # (label, field type, required, choices, help text)
    "fields": [
        ("Naam", "singleline", True, "", ""),
        ("E-mailadres", "email", True, "", "We gebruiken je adres alleen om je te antwoorden."),
        (
            "Onderwerp",
            "dropdown",
            False,
            "Een vraag over opvoeden of gezinsondersteuning\nDe databank kwaliteitsvolle praktijken\nVorming en agenda\nMijn account of organisatie\nIets anders",
            "",
        ),
        ("Vraag", "multiline", True, "", ""),
    ],
}
