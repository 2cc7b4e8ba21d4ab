"""Texts the demo practices share: intake notes, read-along comments, reviews and the chair's feedback.

Pools are keyed by template section; the loader picks one variant per practice (by its title), so
two practices rarely get the same sentence for the same section.
"""

from practices.default_template import SECTIONS

SECTION_TITLES = {key: title for key, _phase, _required, title, _questions, _help in SECTIONS}

INTAKE_NOTES = [
    "Gesprek met de coördinator en twee uitvoerders van {org}. De werking draait al enkele jaren en is goed ingebed, maar staat nog nauwelijks op papier. Afgesproken: eerst aanleiding, doelgroep en doelen uitschrijven, daarna de aanpak.",
    "Kennismaking met het team van {org}. We overliepen het grondplan en de werkvragen. Het team wil in fases werken en eerst de beschrijving indienen; de onderbouwing volgt later. Eerste meeleesmoment na ongeveer zes weken.",
    "{org} heeft al een intern draaiboek; dat is een goede basis voor de aanpak en de randvoorwaarden. Aandachtspunt: de doelen scherper formuleren als een verandering bij ouders. Vaste contactpersoon bij EXPOO afgesproken.",
    "Open gesprek met {org} over wat een praktijkbeschrijving vraagt. Het team twijfelde of de werking ‘af’ genoeg is; we spraken af dat beschrijven net helpt om keuzes te maken. Planning: indienen voor de commissie binnen een half jaar.",
]

READ_ALONG_MESSAGE = [
    "We lazen jullie ontwerp en lieten bij enkele onderdelen opmerkingen achter. Het geheel staat al sterk; met deze aanvullingen is de beschrijving klaar voor de commissie.",
    "Bedankt voor het mooie werk. Onze feedback staat bij de onderdelen zelf. Neem gerust contact op als iets niet duidelijk is.",
    "De feedback is klaar: een paar aanvullingen, verder vooral complimenten. Dien in wanneer jullie er klaar voor zijn.",
]

# What the team asks while reading along, for a section that lacks its last part.
READ_ALONG_GAP = {
    "aanleiding": [
        "Jullie beschrijven het probleem helder vanuit de ervaring van het team. Hebben jullie ook signalen of cijfers die tonen hoe vaak het voorkomt? Denk aan jullie eigen registratie of aan lokale gegevens.",
        "Mooi dat de situatie van gezinnen centraal staat. Wat nog ontbreekt: waaruit blijkt dat dit een reële nood is? Een paar concrete gegevens maken de probleemanalyse sterker.",
    ],
    "doelgroep": [
        "De doelgroep is duidelijk. Voeg nog toe hoe gezinnen bij jullie terechtkomen: wie leidt toe, en hoe bereiken jullie ouders die zelf de stap niet zetten?",
        "Hoe vinden gezinnen de weg naar jullie? Een korte paragraaf over bereik en toeleiding helpt collega’s die de praktijk willen overnemen.",
    ],
    "doelen": [
        "De subdoelen zijn concreet, maar waaraan merken jullie dat ze bereikt zijn? Een of twee zinnen over wat jullie zien of bijhouden volstaan.",
        "Probeer te beschrijven hoe jullie nagaan of de doelen gehaald worden: wat zien jullie veranderen bij ouders of kinderen?",
    ],
    "aanpak": [
        "De stappen zijn goed te volgen. Een kort voorbeeld van een traject zou de aanpak voor een lezer nog tastbaarder maken.",
        "Kunnen jullie één gezin, fictief of geanonimiseerd, door de stappen volgen? Zo ziet een collega meteen hoe het er in de praktijk aan toegaat.",
    ],
    "randvoorwaarden": [
        "Vermeld ook wat de uitvoering ongeveer kost en hoe ze gefinancierd wordt. Voor organisaties die de praktijk willen overnemen, is dat essentiële informatie.",
        "Wat is er financieel nodig om dit te doen? Een ruwe inschatting van de personeelsinzet en de werkingskosten volstaat.",
    ],
    "overdraagbaarheid": [
        "Welke onderdelen kan een andere organisatie aanpassen aan haar eigen context, en welke liever niet? Dat onderscheid ontbreekt nog.",
        "Maak het onderscheid tussen de kern en wat flexibel is iets explicieter. Waar hebben jullie zelf al dingen bijgestuurd?",
    ],
    "onderbouwing": [
        "De theorieën zijn goed gekozen. Maak nog expliciet welke werkzame elementen jullie daaruit afleiden en waar ze in de aanpak terugkomen.",
    ],
    "uitvoerbaarheid": [
        "Jullie beschrijven vooral wat goed loopt. Welke knelpunten ervaren uitvoerders, en hoe gaan jullie ermee om?",
    ],
    "onderzoek": [
        "Vermeld ook de beperkingen van het onderzoek, zoals de omvang van de groep of het ontbreken van een vergelijkingsgroep.",
    ],
}

# A word of appreciation while reading along.
READ_ALONG_GOOD = {
    "samenvatting": [
        "Sterke samenvatting: na het lezen weet je meteen wat de praktijk inhoudt en voor wie ze bedoeld is.",
        "De samenvatting is helder. Ze mag eventueel nog iets korter, maar dat is een detail.",
    ],
    "aanleiding": [
        "Heel herkenbaar beschreven vanuit de leefwereld van gezinnen.",
        "Goed dat jullie naar wat ouders zelf vertellen verwijzen; dat maakt de analyse overtuigend.",
    ],
    "doelgroep": [
        "Duidelijk afgebakend, ook wie buiten de doelgroep valt. Dat helpt lezers enorm.",
        "Fijn dat jullie het onderscheid maken tussen ouders en kinderen als doelgroep.",
    ],
    "doelen": [
        "De doelen zijn geformuleerd als een verandering bij ouders, precies zoals het grondplan vraagt.",
        "Helder hoofddoel en goed gekozen subdoelen.",
    ],
    "aanpak": [
        "De stappen zijn zo beschreven dat een collega ermee aan de slag kan. Knap werk.",
        "Heel concreet. Misschien kan je bij de eerste stap nog vermelden hoe lang die ongeveer duurt.",
    ],
    "randvoorwaarden": [
        "Fijn dat de vorming van nieuwe medewerkers zo concreet beschreven is.",
        "Duidelijk overzicht van wat een organisatie moet regelen voor ze start.",
    ],
    "overdraagbaarheid": [
        "Helder onderscheid tussen de kern en wat aanpasbaar is.",
        "Goed dat jullie eerlijk zijn over wat moeilijk over te nemen is.",
    ],
    "materialen": ["Goed dat de materialen ook voor andere organisaties beschikbaar zijn."],
}

# The writers' answer to a read-along comment.
REPLY = {
    "aanleiding": [
        "Goed punt. We hebben gegevens uit onze eigen registratie toegevoegd en verwijzen naar wat we van partners horen.",
        "Aangevuld met de signalen die we het afgelopen jaar bijhielden.",
    ],
    "doelgroep": [
        "We hebben een paragraaf toegevoegd over hoe gezinnen bij ons terechtkomen en wie vooral doorverwijst.",
        "Toegevoegd: hoe we ouders bereiken die niet uit zichzelf komen.",
    ],
    "doelen": [
        "We hebben beschreven waaraan we merken dat de doelen bereikt zijn.",
        "Aangevuld. We twijfelden of het concreet genoeg is; laat gerust weten als het nog scherper moet.",
    ],
    "aanpak": [
        "Er staat nu een voorbeeld van een traject bij, gebaseerd op een gezin dat we vorig jaar begeleidden (geanonimiseerd en met hun toestemming).",
        "Voorbeeld toegevoegd onderaan de aanpak.",
    ],
    "randvoorwaarden": [
        "We hebben de kosten en de financiering toegevoegd. De bedragen zijn afgerond.",
        "Aangevuld met een inschatting van de personeelsinzet en de werkingskosten.",
    ],
    "overdraagbaarheid": [
        "We hebben beschreven wat andere organisaties kunnen aanpassen en wat voor ons de kern is.",
        "Aangevuld, op basis van wat we zelf al bijstuurden.",
    ],
    "onderbouwing": ["De werkzame elementen staan er nu apart bij."],
    "uitvoerbaarheid": ["We hebben de knelpunten toegevoegd en hoe we ermee omgaan."],
    "onderzoek": ["De beperkingen van het onderzoek staan er nu bij."],
}

# A commission member's note on a section that lacks its last part.
REVIEW_GAP = {
    "aanleiding": [
        "De probleemschets is herkenbaar, maar blijft gebaseerd op indrukken. Ik mis gegevens die de omvang van het probleem onderbouwen.",
        "Goed vertrokken vanuit de leefwereld van gezinnen. Voeg signalen of cijfers toe, zodat de lezer ziet dat het om een reële nood gaat.",
        "Wat ontbreekt, zijn signalen uit de praktijk of cijfers die laten zien hoe groot de nood is.",
    ],
    "doelgroep": [
        "Wie de doelgroep is, is duidelijk; hoe ze bereikt wordt niet. Dat is net cruciaal voor gezinnen die het aanbod niet uit zichzelf vinden.",
        "Beschrijf de toeleiding: via welke partners en kanalen komen gezinnen binnen?",
        "Ik lees niet hoe gezinnen die het aanbod niet kennen, bij de praktijk terechtkomen. Graag aanvullen.",
    ],
    "doelen": [
        "De doelen zijn sympathiek maar weinig toetsbaar. Hoe weet het team dat een doel bereikt is?",
        "Het hoofddoel is helder. Bij de subdoelen ontbreekt een indicatie van wat er bij ouders of kinderen verandert.",
        "Voeg toe hoe het team nagaat of de doelen gehaald worden. Nu blijft dat vaag.",
    ],
    "aanpak": [
        "De stappen zijn logisch opgebouwd, maar voor een buitenstaander nog abstract. Een voorbeeld van een traject zou veel verduidelijken.",
        "Ik kan de aanpak volgen, maar zie niet goed hoe het er bij één gezin concreet aan toegaat. Voeg een casus toe.",
        "Een concreet traject van één gezin zou de aanpak voor collega's veel duidelijker maken.",
    ],
    "randvoorwaarden": [
        "Personeel en vorming zijn goed beschreven. De kosten en de financiering ontbreken.",
        "Een organisatie die wil starten, weet na het lezen nog niet wat dit kost. Vul dat aan.",
        "Ik mis een inschatting van de kosten en van de manier waarop de praktijk gefinancierd wordt.",
    ],
    "overdraagbaarheid": [
        "Het is nog onduidelijk welke elementen essentieel zijn en welke een andere organisatie mag aanpassen.",
        "Maak expliciet wat lokaal kan variëren. Dat bepaalt of de praktijk echt overdraagbaar is.",
        "Welke onderdelen zijn onmisbaar, en wat mag een andere organisatie aanpassen? Dat onderscheid ontbreekt.",
    ],
    "onderbouwing": [
        "De gekozen theorieën passen bij de praktijk, maar de vertaling naar werkzame elementen blijft impliciet.",
        "Goede keuze van kaders. Maak de link met de concrete stappen van de aanpak explicieter.",
        "De theorie wordt goed uitgelegd, maar de werkzame elementen worden niet apart benoemd.",
    ],
    "uitvoerbaarheid": [
        "Dit onderdeel is vooral positief. Ik lees graag ook welke knelpunten er zijn en hoe het team ermee omgaat.",
        "Hoe haalbaar is dit voor een organisatie met minder middelen? Benoem de knelpunten.",
        "Te weinig aandacht voor wat moeilijk loopt in de uitvoering.",
    ],
    "onderzoek": [
        "De resultaten zijn bemoedigend. Vermeld ook de beperkingen van het onderzoek.",
        "Het onderzoeksopzet is helder, maar de beperkingen ontbreken. Dat is nodig om de resultaten juist te kunnen lezen.",
        "Graag ook een paragraaf over wat dit onderzoek niet kan aantonen.",
    ],
}

# A commission member's note on a section that is fine.
REVIEW_GOOD = {
    "samenvatting": [
        "Heldere samenvatting die de kern goed vat.",
        "De samenvatting geeft een goed beeld van de praktijk.",
        "Beknopt en uitnodigend geschreven.",
    ],
    "aanleiding": [
        "Sterke probleemanalyse, met aandacht voor oorzaken én gevolgen.",
        "Overtuigend beschreven vanuit wat gezinnen ervaren.",
        "De aanleiding is concreet en goed gedocumenteerd.",
    ],
    "doelgroep": [
        "Goed afgebakende doelgroep, inclusief wie er buiten valt.",
        "De toeleiding is concreet beschreven.",
        "Helder, met aandacht voor gezinnen die moeilijker bereikt worden.",
    ],
    "doelen": [
        "Heldere en haalbare doelen.",
        "De doelen zijn als verandering bij ouders geformuleerd. Goed.",
        "De doelen sluiten goed aan bij de probleemanalyse.",
    ],
    "aanpak": [
        "De aanpak is zo beschreven dat een andere organisatie ermee aan de slag kan.",
        "Mooi uitgewerkt, het voorbeeld maakt het tastbaar.",
        "Heldere stappen, goed overdraagbaar.",
    ],
    "randvoorwaarden": [
        "Volledig en realistisch.",
        "Goed dat ook intervisie en kwaliteitsbewaking aan bod komen.",
        "Eerlijk over wat de praktijk vraagt aan personeel en middelen.",
    ],
    "overdraagbaarheid": [
        "Duidelijk wat de kern is en wat aanpasbaar is.",
        "Overtuigend: de praktijk wordt al elders toegepast.",
        "Goed nagedacht over wat een andere organisatie nodig heeft.",
    ],
    "onderbouwing": [
        "De theoretische kaders zijn goed gekozen en helder vertaald naar de praktijk.",
        "Sterk onderbouwd, met duidelijke werkzame elementen.",
        "De koppeling tussen theorie en aanpak is overtuigend.",
    ],
    "uitvoerbaarheid": [
        "Eerlijk en concreet over wat werkt en wat moeilijk loopt.",
        "Goed beeld van hoe uitvoerders en gezinnen de praktijk ervaren.",
        "Realistisch beeld van de uitvoering, inclusief knelpunten.",
    ],
    "onderzoek": [
        "Degelijk onderzoek, helder gerapporteerd.",
        "Goed dat ook de beperkingen vermeld worden.",
        "Het onderzoek is zorgvuldig opgezet voor een praktijk van deze schaal.",
    ],
}

REVIEW_OVERALL = {
    "accept": [
        "Een waardevolle praktijk, zorgvuldig beschreven. Ik adviseer de commissie om ze te aanvaarden.",
        "De beschrijving is volledig en goed leesbaar. Mijn opmerkingen zijn suggesties, geen voorwaarden.",
        "Overtuigend. De praktijk verdient een plaats in de databank.",
    ],
    "revise": [
        "Een mooie praktijk, maar de beschrijving is nog niet volledig. Met de gevraagde aanvullingen kan ze zeker aanvaard worden.",
        "Sterke basis. Enkele onderdelen vragen nog werk voor een andere organisatie ermee aan de slag kan.",
        "Ik adviseer een herwerking op de punten die ik per onderdeel noteerde.",
    ],
    "draft": [
        "Eerste indrukken genoteerd; ik werk mijn review later deze week af.",
        "Nog niet afgewerkt. Tot nu toe vooral positief.",
    ],
}

FEEDBACK = {
    "revise_open": [
        "De commissie las de beschrijving met veel interesse. De praktijk is waardevol en herkenbaar voor het werkveld. Voor we ze kunnen publiceren, vragen we enkele aanvullingen:",
        "Dank voor de zorgvuldige beschrijving. De commissie ziet een sterke praktijk, maar vindt de beschrijving op enkele punten nog te beperkt:",
        "De commissie besprak jullie beschrijving. Het geheel is goed leesbaar, maar een collega in een andere organisatie zou nog te veel moeten raden. Concreet vragen we:",
    ],
    "ask": {
        "aanleiding": [
            "onderbouw de probleemanalyse met signalen of cijfers (eigen registratie, lokale gegevens of literatuur).",
            "maak duidelijk hoe vaak het probleem voorkomt en bij wie.",
        ],
        "doelgroep": [
            "beschrijf hoe gezinnen bereikt en toegeleid worden.",
            "vul aan via welke partners en kanalen gezinnen bij jullie terechtkomen.",
        ],
        "doelen": [
            "beschrijf waaraan jullie merken dat de doelen bereikt zijn.",
            "maak de subdoelen toetsbaar.",
        ],
        "aanpak": [
            "voeg een voorbeeld van een concreet traject toe.",
            "maak de aanpak tastbaar met een casus.",
        ],
        "randvoorwaarden": [
            "vermeld de kosten van de uitvoering en hoe ze gefinancierd worden.",
            "geef een inschatting van wat de praktijk kost.",
        ],
        "overdraagbaarheid": [
            "maak het onderscheid tussen de kern en wat een andere organisatie mag aanpassen.",
            "beschrijf welke onderdelen lokaal kunnen variëren.",
        ],
        "onderbouwing": ["benoem de werkzame elementen en koppel ze aan de stappen van de aanpak."],
        "uitvoerbaarheid": ["beschrijf de knelpunten in de uitvoering en hoe jullie ermee omgaan."],
        "onderzoek": ["vermeld de beperkingen van het onderzoek."],
    },
    "revise_close": [
        "We kijken uit naar de herwerkte versie. Het EXPOO-team leest graag opnieuw mee voor je indient.",
        "Met deze aanvullingen verwachten we de beschrijving snel te kunnen aanvaarden.",
        "Neem gerust contact op met het EXPOO-team als je vragen hebt bij deze feedback.",
    ],
    "accept_open": {
        "description": [
            "De commissie beoordeelt de beschrijving als goed beschreven. Proficiat aan het hele team!",
            "Met plezier laten we weten dat de commissie de praktijk als goed beschreven aanvaardt.",
            "De commissie las de beschrijving met veel waardering en aanvaardt ze als goed beschreven.",
        ],
        "substantiation": [
            "De commissie aanvaardt de onderbouwing: de praktijk is voortaan theoretisch onderbouwd.",
            "De theoretische onderbouwing en de beschrijving van de uitvoerbaarheid overtuigen de commissie. De praktijk krijgt het niveau theoretisch onderbouwd.",
        ],
        "research": [
            "De commissie aanvaardt het onderzoeksluik: de praktijk is voortaan wetenschappelijk onderzocht.",
            "Het onderzoek naar de uitvoering is degelijk en helder beschreven. De praktijk krijgt het niveau wetenschappelijk onderzocht.",
        ],
    },
    "strength": [
        "De commissie waardeert vooral hoe concreet de aanpak beschreven is: een collega in een andere organisatie kan er meteen mee aan de slag.",
        "Opvallend sterk is de manier waarop ouders zelf een stem krijgen in de praktijk.",
        "De probleemanalyse en de doelen sluiten mooi op elkaar aan; dat maakt de praktijk geloofwaardig.",
        "De randvoorwaarden zijn eerlijk en realistisch beschreven, wat de overdraagbaarheid ten goede komt.",
    ],
    "accept_next": {
        "description": [
            "Wie later de stap naar theoretisch onderbouwd wil zetten, kan beginnen met de werkzame elementen die nu al in de aanpak zichtbaar zijn. Het EXPOO-team denkt graag mee.",
            "De beschrijving wordt gepubliceerd in de databank. We nemen contact op om samen een klein communicatiemoment te plannen.",
        ],
        "substantiation": [
            "Een evaluatie van de uitvoering, bijvoorbeeld samen met een hogeschool, zou een mooie volgende stap zijn.",
            "De vernieuwde beschrijving wordt gepubliceerd. Wie onderzoek naar de praktijk overweegt, kan bij EXPOO terecht voor advies.",
        ],
        "research": [
            "De praktijk is een voorbeeld voor het werkveld. Over vijf jaar kijkt de commissie graag opnieuw mee.",
            "De vernieuwde beschrijving wordt gepubliceerd. Dank voor de jarenlange inzet.",
        ],
    },
}

TEXTS = {
    "section_titles": SECTION_TITLES,
    "intake_notes": INTAKE_NOTES,
    "read_along_message": READ_ALONG_MESSAGE,
    "read_along_gap": READ_ALONG_GAP,
    "read_along_good": READ_ALONG_GOOD,
    "reply": REPLY,
    "review_gap": REVIEW_GAP,
    "review_good": REVIEW_GOOD,
    "review_overall": REVIEW_OVERALL,
    "feedback": FEEDBACK,
}
