"""What brokers and initiators write in the demo's timelines."""

INTAKE_TEXTS = [
    "Dank u wel voor uw initiatief! Ik ben {broker}, sociaal makelaar in {wijk}. Ik neem deze "
    "week contact met u op om kennis te maken.",
    "Wat een goed idee. Ik ben {broker} van de gemeente. Ik wil graag met u praten over uw "
    "plan. Ik bel u binnenkort.",
    "Dank u wel voor uw plan voor {wijk}. Ik ga ermee aan de slag en maak een afspraak met u "
    "om het samen te bespreken.",
]
PREPARING_TEXTS = [
    "Fijn dat we elkaar hebben gesproken. We gaan uw plan nu samen voorbereiden. Ik zoek uit "
    "welke partners kunnen helpen.",
    "Uw plan is in voorbereiding. We maken samen een begroting en een planning.",
    "Goed gesprek gehad! De volgende stap: we regelen de ruimte, het geld en de mensen die "
    "nodig zijn.",
]
IN_PROGRESS_TEXTS = [
    "Alles is geregeld. Uw initiatief is van start gegaan!",
    "Het geld is toegekend en de partners doen mee. Uw initiatief is nu in uitvoering.",
]
COMPLETED_TEXTS = [
    "Het initiatief is afgerond. Dank u wel voor uw inzet voor de wijk!",
    "Klaar! Wat mooi dat dit gelukt is. Heeft u een nieuw idee? Laat het ons weten.",
]
PREPARING_UPDATE = (
    "De voorbereiding is begonnen. We zoeken nog mensen die willen helpen. Wilt u meedoen? "
    "Klik dan op 'Ik wil helpen'."
)
SIMILAR_DECLINE = (
    "Er is in de wijk al een initiatief dat bijna hetzelfde doet. Daarom steunen we dit plan "
    "niet apart. We brengen u graag in contact met die groep, zodat u samen verder kunt."
)
BUDGET_DECLINE = (
    "Helaas is het wijkbudget voor dit jaar op. Daarom kunnen we uw plan nu niet steunen. "
    "Het spijt me."
)
REOPEN_TEXT = "Goed nieuws: er is nu toch ruimte in het wijkbudget. We pakken uw plan weer op."
# (message from the broker, the initiator's reply)
CONVERSATIONS = [
    (
        "Mag ik u bellen om uw plan te bespreken? Welke dag past u het beste?",
        "Ja hoor, u kunt mij bellen op woensdagmiddag.",
    ),
    (
        "Kunt u iets meer vertellen over wie er allemaal meedoen?",
        "Er doen nu zes buren mee, en mijn zus helpt ook.",
    ),
    (
        "Heeft u al een idee hoeveel geld er nodig is? Een ruwe schatting is genoeg.",
        "Ik denk ongeveer het bedrag dat ik heb ingevuld. Ik maak een lijstje van wat we nodig "
        "hebben.",
    ),
    (
        "Ik heb een afspraak gemaakt met de school. Kunt u volgende week dinsdag om 15.00 uur "
        "ook komen?",
        "Dinsdag kan ik, ik kom.",
    ),
]
NOTES = [
    "Kennismakingsgesprek gehad. Enthousiaste initiatiefnemer met een groot netwerk in de straat.",
    "Navragen bij de corporatie of de grond van hen is.",
    "Past goed bij wat bewoners belangrijk vinden. Er is nog budget dit kwartaal.",
    "Besproken in het wijkteamoverleg. Iedereen is positief.",
    "Volgende keer een tolk van het buurthuis vragen; dat praat makkelijker.",
]
OUT_OF_SCOPE_NOTE = (
    "Valt buiten de wijkaanpak. Initiatiefnemer gebeld en uitgelegd waar het wel kan."
)
WITHDRAW_REASONS = [
    "We gaan verhuizen, dus ik kan dit niet meer doen.",
    "Het lukt ons niet om genoeg mensen te vinden. Misschien later.",
    "Iemand anders in de straat doet al iets vergelijkbaars. Ik help daar mee.",
    "",  # the service's own text: "Ingetrokken door de initiatiefnemer."
]
