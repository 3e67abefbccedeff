"""What residents raise in the demo: initiatives, ideas the wijkaanpak declines, meldingen."""

from dataclasses import dataclass

from initiatives.models import Need, Status


@dataclass(frozen=True)
class Idea:
    key: str
    title: str
    description: str
    public_title: str = ""
    public_summary: str = ""
    priorities: tuple[str, ...] = ()  # slugs
    needs: tuple[str, ...] = ()
    amount: int | None = None  # euro requested
    partners: tuple[tuple[str, str], ...] = ()  # (PARTNERS key, what the partner does)
    updates: tuple[str, ...] = ()  # public progress updates, in order
    # Meldingen are referred, ideas the wijkaanpak cannot take on are declined, with this text.
    fate: str = ""
    reason: str = ""
    referred_to: str = ""


KIDS, WORK, RULES = "kinderen", "werkloosheid", "handhaving"
HELP, MONEY, PLACE, VOLUNTEERS, PERMIT, OTHER = (
    Need.HELP,
    Need.MONEY,
    Need.PLACE,
    Need.VOLUNTEERS,
    Need.PERMIT,
    Need.OTHER,
)

IDEAS = [
    Idea(
        "speeltuin",
        "Speeltuin bij onze flat opknappen",
        "De speeltuin achter onze flat is oud en kapot. De glijbaan is al maanden afgezet met "
        "lint. Er wonen hier veel kinderen, maar ze spelen nu op de parkeerplaats. Wij willen "
        "met een paar ouders de speeltuin opknappen, zodat kinderen weer veilig kunnen spelen.",
        "Speeltuin opknappen met ouders uit de buurt",
        "Ouders knappen samen met de woningcorporatie de speeltuin achter de flat op, zodat "
        "kinderen weer veilig buiten kunnen spelen.",
        (KIDS,),
        (MONEY, VOLUNTEERS),
        4500,
        (
            ("parteon", "Eigenaar van de grond; betaalt mee aan nieuwe speeltoestellen"),
            ("bewoners", "Organiseert de klusdag"),
        ),
        (
            "Op de klusdag hielpen twintig bewoners. Het hek staat en de zandbak is schoon.",
            "De nieuwe glijbaan en schommels staan er. Kom gerust kijken!",
        ),
    ),
    Idea(
        "huiswerkklas",
        "Huiswerkklas voor kinderen uit groep 7 en 8",
        "Veel kinderen in onze buurt krijgen thuis geen hulp bij hun huiswerk. Hun ouders "
        "spreken soms nog niet goed Nederlands of werken 's avonds. Ik ben gepensioneerd "
        "docent en wil twee middagen per week een huiswerkklas starten. We hebben een lokaal "
        "nodig en een paar vrijwilligers.",
        "Huiswerkklas op dinsdag en donderdag",
        "Een oud-docent en vrijwilligers helpen kinderen uit groep 7 en 8 twee middagen per "
        "week met hun huiswerk.",
        (KIDS,),
        (PLACE, VOLUNTEERS),
        1200,
        (
            ("school", "Stelt een lokaal beschikbaar na schooltijd"),
            ("welzijn", "Zoekt en begeleidt de vrijwilligers"),
        ),
        (
            "De huiswerkklas is begonnen met twaalf kinderen.",
            "Er zijn drie nieuwe vrijwilligers bij. Er is nog plek voor vijf kinderen.",
        ),
    ),
    Idea(
        "taalcafe",
        "Taalcafé voor vrouwen in de buurt",
        "Ik ken veel vrouwen die graag beter Nederlands willen spreken. Een cursus is vaak te "
        "duur of te moeilijk. In een taalcafé kun je op een gezellige manier oefenen, met "
        "koffie en thee. Zo leer je ook andere vrouwen uit de wijk kennen. Misschien helpt het "
        "later ook om werk te vinden.",
        "Taalcafé: samen Nederlands oefenen",
        "Elke week oefenen vrouwen uit de wijk samen Nederlands, met koffie en thee. "
        "Taalmaatjes helpen mee.",
        (WORK,),
        (PLACE, VOLUNTEERS),
        600,
        (("welzijn", "Levert taalmaatjes en een ruimte in het buurthuis"),),
        (
            "Het eerste taalcafé was meteen vol: vijftien vrouwen kwamen oefenen.",
            "Het taalcafé is nu elke woensdagochtend van 10.00 tot 12.00 uur.",
        ),
    ),
    Idea(
        "barbecue",
        "Buurtbarbecue voor de hele straat",
        "In onze straat kennen mensen elkaar bijna niet meer. Er wonen veel nieuwe gezinnen. "
        "Wij willen in de zomer een barbecue op het grasveld, voor iedereen. Iedereen neemt "
        "iets mee. We hebben geld nodig voor de barbecue, tafels en een springkussen.",
        "Buurtbarbecue op het grasveld",
        "Bewoners organiseren een barbecue voor de hele straat, zodat oude en nieuwe buren "
        "elkaar leren kennen.",
        (),
        (MONEY, PERMIT),
        450,
        (("bewoners", "Helpt met opbouwen en opruimen"),),
        (
            "De vergunning is rond. De barbecue is op de laatste zaterdag van de maand.",
            "Er kwamen meer dan honderd buren. Dank aan alle helpers!",
        ),
    ),
    Idea(
        "jongeren",
        "Iets voor de jongeren die 's avonds bij het winkelcentrum hangen",
        "Elke avond staat er een groep jongens bij het winkelcentrum. Ze doen niet echt iets "
        "verkeerd, maar mensen voelen zich onveilig. Ik denk dat ze zich vervelen. Er is hier "
        "niets voor jongeren boven de 14. Kunnen we een plek maken waar ze kunnen chillen, "
        "sporten of muziek maken?",
        "Een eigen plek voor jongeren",
        "Jongerenwerkers en bewoners zoeken samen met jongeren een plek om te sporten, muziek "
        "te maken en elkaar te ontmoeten.",
        (KIDS, RULES),
        (HELP, PLACE),
        3000,
        (
            ("welzijn", "Jongerenwerkers gaan in gesprek met de jongeren"),
            ("politie", "Wijkagent denkt mee over veiligheid"),
        ),
        (
            "De jongerenwerkers hebben met de jongeren gepraat. Ze willen vooral een plek om "
            "te sporten en muziek te maken.",
            "Elke vrijdagavond is de gymzaal nu open voor jongeren, met een jongerenwerker erbij.",
        ),
    ),
    Idea(
        "zwerfafval",
        "Opruimactie zwerfafval met kinderen",
        "Rond de school en in het park ligt veel afval: blikjes, chipszakken, plastic. Ik wil "
        "één keer per maand met kinderen en ouders afval prikken. Zo leren kinderen ook dat je "
        "afval niet op straat gooit. We hebben grijpers, vuilniszakken en hesjes nodig.",
        "Elke maand een opruimactie met kinderen",
        "Eén keer per maand prikken kinderen en ouders samen zwerfafval rond de school en in "
        "het park.",
        (KIDS, RULES),
        (VOLUNTEERS, OTHER),
        250,
        (("parteon", "Haalt de volle zakken op"), ("school", "Doet mee met een klas")),
        ("Bij de eerste actie deden 25 kinderen mee. Samen vulden ze 18 zakken met afval.",),
    ),
    Idea(
        "moestuin",
        "Moestuin op het grasveld achter de school",
        "Achter de school ligt een groot grasveld waar niemand iets mee doet. Wij willen daar "
        "een moestuin maken voor de buurt. Kinderen leren hoe groente groeit en ouderen kunnen "
        "helpen. We hebben hulp nodig met een hek, bakken, aarde en zaden.",
        "Buurtmoestuin achter de school",
        "Op een ongebruikt grasveld maken kinderen en buren samen een moestuin. Ouderen geven "
        "tips.",
        (KIDS,),
        (PLACE, MONEY, VOLUNTEERS),
        1800,
        (
            ("school", "Gebruikt de moestuin in de natuurlessen"),
            ("bewoners", "Geeft water in de vakanties"),
        ),
        (
            "De bakken staan en de eerste zaadjes zijn geplant.",
            "De eerste oogst: sla, radijs en tomaten. Die hebben we samen opgegeten op school.",
        ),
    ),
    Idea(
        "sollicitatie",
        "Sollicitatietraining voor jongeren zonder werk",
        "Mijn zoon en zijn vrienden zoeken al lang werk. Ze weten niet goed hoe je een cv maakt "
        "of hoe een gesprek gaat. Ze krijgen veel afwijzingen en geven dan op. Ik wil een "
        "training met mensen uit bedrijven die vertellen waar ze op letten. Misschien kunnen "
        "ze daarna ook een stage krijgen.",
        "Sollicitatietraining met ondernemers uit de wijk",
        "Ondernemers uit de buurt helpen jongeren met hun cv en oefenen "
        "sollicitatiegesprekken. Wie goed meedoet, maakt kans op een stage.",
        (WORK, KIDS),
        (HELP, PLACE),
        900,
        (
            ("ondernemers", "Ondernemers geven de training en bieden stageplekken"),
            ("welzijn", "Zoekt deelnemers"),
        ),
        (
            "Tien jongeren doen mee. Elke week oefenen ze een sollicitatiegesprek.",
            "Vier jongeren hebben na de training een stage of bijbaan gevonden.",
        ),
    ),
    Idea(
        "voetbal",
        "Straatvoetbaltoernooi in de zomervakantie",
        "In de zomervakantie gaan veel kinderen niet op vakantie. Ze hangen dan de hele dag op "
        "straat. Wij willen een voetbaltoernooi op het sportveldje, met teams uit verschillende "
        "straten. De wijkagent mag ook meedoen! We hebben geld nodig voor prijzen, shirts en "
        "drinken.",
        "Straatvoetbaltoernooi voor kinderen",
        "In de zomervakantie spelen teams uit verschillende straten een voetbaltoernooi. De "
        "wijkagent speelt mee.",
        (KIDS,),
        (MONEY, VOLUNTEERS),
        1500,
        (("welzijn", "Sportcoach organiseert de wedstrijden"), ("politie", "Wijkagent speelt mee")),
        (
            "Er zijn al acht teams opgegeven.",
            "Het toernooi was een groot feest. Het team van de wijkagent werd tweede.",
        ),
    ),
    Idea(
        "verlichting",
        "Meer licht in het park",
        "Als het donker is, durf ik niet meer door het park naar huis te lopen. Er zijn maar "
        "twee lampen en één is al lang kapot. Veel vrouwen en ouderen lopen daarom om. Kan er "
        "meer verlichting komen langs het pad?",
        "Meer licht langs het pad door het park",
        "Bewoners vragen om meer licht langs het pad door het park, zodat iedereen 's avonds "
        "veilig naar huis kan lopen.",
        (RULES,),
        (HELP,),
        None,
        (("politie", "Loopt met bewoners een avondronde langs de donkere plekken"),),
        (
            "Bij een avondwandeling met bewoners en de wijkagent zijn de donkere plekken in "
            "kaart gebracht.",
            "Er staan vier nieuwe lantaarnpalen langs het pad.",
        ),
    ),
    Idea(
        "repaircafe",
        "Repair Café in het buurthuis",
        "Veel mensen gooien spullen weg die nog te maken zijn, zoals een broodrooster, een "
        "fiets of een broek. Ik ben handig en ken nog meer mensen die dat zijn. In een Repair "
        "Café repareren buren samen dingen. Dat scheelt geld en het is gezellig.",
        "Repair Café: samen repareren",
        "Eén zaterdag per maand repareren handige buren in het buurthuis samen met bewoners "
        "kapotte spullen, gratis.",
        (),
        (PLACE, OTHER),
        500,
        (("welzijn", "Stelt de grote zaal van het buurthuis beschikbaar"),),
        ("Het eerste Repair Café is geweest: 23 spullen zijn weer heel.",),
    ),
    Idea(
        "buurtmoeders",
        "Buurtmoeders: moeders helpen moeders",
        "Ik ben moeder van drie kinderen en weet hoe moeilijk het soms is. Veel moeders hier "
        "weten niet waar ze terecht kunnen met vragen over school, geld of opvoeding. Ik wil "
        "met een paar andere moeders een groep starten die moeders helpt en de weg wijst.",
        "Buurtmoeders wijzen de weg",
        "Moeders uit de wijk helpen andere moeders met vragen over school, geld en opvoeding, "
        "en brengen ze in contact met de juiste hulp.",
        (KIDS,),
        (HELP, MONEY),
        2000,
        (
            ("welzijn", "Geeft de buurtmoeders een korte training"),
            ("school", "Brengt moeders in contact met de buurtmoeders"),
        ),
        (
            "Zes moeders hebben de training gevolgd en zijn nu buurtmoeder.",
            "De buurtmoeders hebben al meer dan veertig gezinnen geholpen.",
        ),
    ),
    Idea(
        "naaiatelier",
        "Naaiatelier voor vrouwen die werk zoeken",
        "Ik heb jarenlang in een kledingatelier gewerkt. Ik wil vrouwen leren naaien, zodat ze "
        "kleding kunnen maken en herstellen. Sommige vrouwen kunnen daarna misschien zelf iets "
        "verdienen. We hebben een ruimte nodig en een paar naaimachines.",
        "Naaiatelier: leren naaien en werkervaring opdoen",
        "In een naaiatelier leren vrouwen naaien en kleding herstellen. Zo doen ze "
        "werkervaring op.",
        (WORK,),
        (PLACE, MONEY),
        2400,
        (
            ("parteon", "Verhuurt een lege winkelruimte voor weinig geld"),
            ("welzijn", "Werft deelnemers"),
        ),
        ("Er staan nu zes naaimachines. Het atelier is open op maandag en donderdag.",),
    ),
    Idea(
        "voorlezen",
        "Voorlezen voor peuters",
        "In onze buurt wordt thuis weinig voorgelezen. Ik wil elke week in het buurthuis "
        "voorlezen aan peuters, samen met hun ouders. Zo leren kinderen al vroeg nieuwe "
        "woorden en zien ouders hoe leuk voorlezen is. Ouders kunnen boeken mee naar huis "
        "nemen.",
        "Voorleesochtend voor peuters en hun ouders",
        "Elke week lezen vrijwilligers voor aan peuters en hun ouders. Ouders kunnen boeken lenen.",
        (KIDS,),
        (VOLUNTEERS, OTHER),
        350,
        (("school", "Nodigt de ouders van de peutergroep uit"),),
        ("De eerste voorleesochtend was gezellig: elf peuters en hun ouders waren er.",),
    ),
    Idea(
        "veiligheidsavond",
        "Bewonersavond over veiligheid met de wijkagent",
        "Er wordt veel gepraat over inbraken en drugs in de buurt, maar niemand weet precies "
        "wat er aan de hand is. Ik wil een avond waar bewoners vragen kunnen stellen aan de "
        "wijkagent en de gemeente. Dan weten we ook wat we zelf kunnen doen.",
        "Bewonersavond over veiligheid",
        "Bewoners praten met de wijkagent en de gemeente over veiligheid in de wijk en over "
        "wat ze zelf kunnen doen.",
        (RULES,),
        (PLACE,),
        200,
        (
            ("politie", "Wijkagent vertelt en beantwoordt vragen"),
            ("bewoners", "Nodigt de buren uit"),
        ),
        (
            "Ruim zestig bewoners kwamen naar de avond. De vragen en antwoorden staan in de "
            "nieuwsbrief van de bewonersgroep.",
        ),
    ),
    Idea(
        "kookclub",
        "Samen koken, jong en oud",
        "Veel ouderen in onze flat eten alleen. En veel jongeren kunnen niet koken. Ik wil een "
        "kookclub waar jongeren en ouderen samen koken en eten. Iedereen neemt een recept mee "
        "uit zijn eigen land.",
        "Kookclub voor jong en oud",
        "Jongeren en ouderen koken en eten samen, met recepten uit alle landen van de buurt.",
        (),
        (PLACE, MONEY),
        800,
        (("welzijn", "Regelt de keuken in het buurthuis"),),
        ("Elke tweede vrijdag van de maand wordt er nu samen gekookt.",),
    ),
    Idea(
        "computerles",
        "Computerles voor mensen die werk zoeken",
        "Bijna alle vacatures staan online. Veel mensen in de wijk kunnen niet goed met een "
        "computer omgaan. Ze weten niet hoe je een e-mail stuurt of een formulier invult. Ik "
        "wil les geven in het buurthuis. We hebben laptops en wifi nodig.",
        "Computerles: online solliciteren",
        "Bewoners leren met een laptop werken: e-mailen, formulieren invullen en online "
        "solliciteren.",
        (WORK,),
        (PLACE, MONEY, OTHER),
        1600,
        (("ondernemers", "Geeft tien gebruikte laptops"), ("welzijn", "Regelt het lokaal")),
        ("De laptops zijn er. De eerste groep van acht mensen is begonnen.",),
    ),
    Idea(
        "stages",
        "Stageplekken bij bedrijven in de wijk",
        "Jongeren van het mbo in onze wijk vinden moeilijk een stage. Maar er zijn genoeg "
        "winkels en bedrijven hier. Ik wil dat ondernemers en jongeren elkaar leren kennen, "
        "bijvoorbeeld met een speeddate-middag.",
        "Speeddaten voor een stageplek",
        "Ondernemers en mbo-studenten uit de wijk ontmoeten elkaar op een speeddate-middag "
        "voor stageplekken.",
        (WORK,),
        (HELP, PLACE),
        400,
        (("ondernemers", "Brengt ondernemers mee"),),
        ("Twintig jongeren en twaalf ondernemers deden mee. Er zijn negen stages afgesproken.",),
    ),
    Idea(
        "speelweek",
        "Speelweek in de zomervakantie",
        "De zomervakantie is lang voor kinderen die niet weg kunnen. Wij willen een week met "
        "spelletjes, knutselen en een uitje voor kinderen van 4 tot 12 jaar, met ouders als "
        "vrijwilligers. Er is geld nodig voor materiaal, eten en een bus voor het uitje.",
        "Speelweek voor kinderen die thuisblijven",
        "In de zomervakantie is er een week met spelletjes, knutselen en een uitje voor "
        "kinderen van 4 tot 12 jaar.",
        (KIDS,),
        (MONEY, VOLUNTEERS),
        3500,
        (
            ("welzijn", "Leidt de vrijwilligers op"),
            ("school", "Stelt het schoolplein en de gymzaal beschikbaar"),
        ),
        (
            "Er hebben zich 60 kinderen aangemeld en 15 ouders helpen mee.",
            "De speelweek was een succes. Het uitje naar de kinderboerderij was voor veel "
            "kinderen het hoogtepunt.",
        ),
    ),
    Idea(
        "geveltuintjes",
        "Geveltuintjes in onze straat",
        "Onze straat is grijs en stenig. Met geveltuintjes wordt het mooier en groener. Veel "
        "buren willen meedoen. We hebben toestemming nodig om tegels weg te halen, en "
        "plantjes en aarde.",
        "Groene straat met geveltuintjes",
        "Buren maken samen geveltuintjes, zodat de straat groener en gezelliger wordt.",
        (),
        (PERMIT, OTHER),
        300,
        (("parteon", "Geeft toestemming bij de huurwoningen"),),
        ("Op de plantdag zijn 22 geveltuintjes aangelegd.",),
    ),
    Idea(
        "maatjes",
        "Maatjes die helpen bij het vinden van werk",
        "Toen ik net in Nederland was, heb ik lang gezocht naar werk. Een buurman heeft mij "
        "toen geholpen. Ik wil een groep maatjes starten: mensen met werk die iemand zonder "
        "werk een paar maanden helpen. Met hun netwerk, met brieven en met moed houden.",
        "Maatjes voor werkzoekenden",
        "Bewoners met een baan helpen een buurtgenoot een paar maanden bij het zoeken naar werk.",
        (WORK,),
        (HELP, VOLUNTEERS),
        500,
        (("welzijn", "Koppelt maatjes en werkzoekenden"),),
        ("Er zijn nu tien koppels van een maatje en een werkzoekende.",),
    ),
    Idea(
        "vrouwensport",
        "Sportuur voor vrouwen",
        "Veel vrouwen in de wijk willen graag sporten, maar niet in een sportschool met "
        "mannen. Ik wil een sportuur alleen voor vrouwen in de gymzaal, met een trainster. Dat "
        "is goed voor je gezondheid en je leert andere vrouwen kennen.",
        "Sportuur voor vrouwen in de gymzaal",
        "Elke week is er een sportuur alleen voor vrouwen, met een trainster, in de gymzaal "
        "van de school.",
        (),
        (PLACE, MONEY),
        1100,
        (("school", "Verhuurt de gymzaal op maandagavond"),),
        ("Het sportuur zit vol. Er komt een tweede groep op donderdag.",),
    ),
    Idea(
        "schoolplein",
        "Schoolplein open na schooltijd",
        "Het schoolplein gaat om 15.00 uur op slot. Maar het is de enige plek waar kinderen "
        "veilig kunnen voetballen. Kan het plein open blijven tot het donker wordt? Ouders "
        "willen om de beurt een oogje in het zeil houden.",
        "Schoolplein ook na schooltijd open",
        "Ouders houden om de beurt toezicht, zodat kinderen na schooltijd op het schoolplein "
        "kunnen spelen.",
        (KIDS,),
        (PERMIT, VOLUNTEERS),
        None,
        (("school", "Houdt het plein open tot 19.00 uur"),),
        ("Vanaf deze week is het plein open tot 19.00 uur.",),
    ),
    Idea(
        "wijkkrant",
        "Wijkkrant gemaakt door jongeren",
        "Er gebeurt veel moois in onze wijk, maar in de krant lees je alleen slechte dingen. "
        "Ik wil met jongeren een eigen wijkkrant maken. Ze leren schrijven, fotograferen en "
        "interviewen. Dat is goed voor later.",
        "Jongeren maken een wijkkrant",
        "Jongeren leren schrijven, fotograferen en interviewen en maken samen een wijkkrant "
        "met goed nieuws uit de buurt.",
        (KIDS, WORK),
        (MONEY, HELP),
        1300,
        (("ondernemers", "Drukt de krant tegen kostprijs"),),
        ("De eerste wijkkrant is uit en bij 2.000 huizen bezorgd.",),
    ),
    Idea(
        "buurtpreventie",
        "Buurtpreventie: samen een rondje door de wijk",
        "De laatste tijd zijn er veel auto's opengebroken in onze straat. Ik wil met buren een "
        "buurtpreventieteam starten. We lopen 's avonds een rondje en letten op. We willen "
        "hesjes, zaklampen en contact met de wijkagent.",
        "Buurtpreventieteam loopt avondrondes",
        "Buren lopen 's avonds samen een rondje door de wijk en houden contact met de wijkagent.",
        (RULES,),
        (HELP, OTHER),
        350,
        (("politie", "Wijkagent traint het team en is hun aanspreekpunt"),),
        ("Het team van veertien buren loopt nu drie avonden per week een ronde.",),
    ),
    Idea(
        "zwemles",
        "Zwemles voor kinderen zonder diploma",
        "Op de school van mijn kinderen hebben veel kinderen geen zwemdiploma. Zwemles is te "
        "duur voor veel ouders. Hier is overal water, dus dat is gevaarlijk. Kan de gemeente "
        "helpen zodat alle kinderen leren zwemmen?",
        "Zwemles voor kinderen zonder diploma",
        "Kinderen uit de wijk zonder zwemdiploma krijgen zwemles, zodat ze veilig zijn in en "
        "bij het water.",
        (KIDS,),
        (MONEY,),
        6000,
        (("school", "Zoekt uit welke kinderen nog geen diploma hebben"),),
        ("Dertig kinderen zijn begonnen met zwemles.", "Achttien kinderen hebben hun A-diploma!"),
    ),
    Idea(
        "rondkomen",
        "Cursus rondkomen met weinig geld",
        "Veel gezinnen hier hebben schulden. Ze schamen zich en vragen geen hulp. Ik wil een "
        "cursus waar je leert hoe je een budget maakt en waar je hulp kunt krijgen. In kleine "
        "groepen, en in de eigen taal als dat nodig is.",
        "Cursus: rondkomen met weinig geld",
        "In kleine groepen leren bewoners een budget maken en ontdekken ze waar ze hulp "
        "krijgen bij geldzorgen.",
        (WORK,),
        (HELP, PLACE),
        700,
        (("welzijn", "Schuldhulpmaatjes geven de cursus"),),
        ("De eerste groep van acht deelnemers heeft de cursus afgerond.",),
    ),
    Idea(
        "buurtmaaltijd",
        "Buurtmaaltijd voor iedereen",
        "Eén keer per maand wil ik een maaltijd organiseren voor de hele buurt. Voor weinig "
        "geld, of gratis als je het niet kunt betalen. Zo komen mensen uit hun huis en leren "
        "ze elkaar kennen.",
        "Buurtmaaltijd elke maand",
        "Eén keer per maand eten buren samen voor weinig geld. Wie het niet kan betalen, eet "
        "gratis mee.",
        (),
        (MONEY, PLACE, VOLUNTEERS),
        900,
        (("welzijn", "Stelt de keuken van het buurthuis beschikbaar"),),
        ("Bij de eerste buurtmaaltijd schoven 48 buren aan.",),
    ),
    Idea(
        "muurschildering",
        "Muurschildering in plaats van graffiti",
        "De muur bij de onderdoorgang zit altijd vol met lelijke graffiti en scheldwoorden. "
        "Steeds als het is schoongemaakt, komt er nieuwe bij. Ik wil met jongeren uit de buurt "
        "een mooie muurschildering maken. Dan blijft die muur mooi.",
        "Jongeren maken een muurschildering",
        "Jongeren uit de buurt ontwerpen en schilderen samen met een kunstenaar een "
        "muurschildering bij de onderdoorgang.",
        (KIDS, RULES),
        (MONEY, PERMIT),
        2200,
        (
            ("parteon", "Eigenaar van de muur; betaalt de verf"),
            ("welzijn", "Jongerenwerker begeleidt de groep"),
        ),
        (
            "Het ontwerp is klaar. De jongeren kozen zelf voor de molens langs de Zaan.",
            "De muurschildering is af. Sindsdien is er geen nieuwe graffiti bijgekomen.",
        ),
    ),
    Idea(
        "klusjesdienst",
        "Klusjesdienst door werkzoekenden",
        "Veel ouderen hebben kleine klusjes in huis die ze zelf niet meer kunnen doen. Veel "
        "werkzoekenden zijn handig, maar hebben geen werkervaring. Laten we die twee bij elkaar "
        "brengen: een klusjesdienst voor weinig geld, met een begeleider.",
        "Klusjesdienst: werkervaring opdoen en buren helpen",
        "Werkzoekenden doen kleine klussen bij ouderen in de buurt en doen zo werkervaring op.",
        (WORK,),
        (HELP, OTHER),
        1400,
        (
            ("parteon", "Geeft klusjes van oudere huurders door"),
            ("welzijn", "Begeleidt de klussers"),
        ),
        ("De klusjesdienst heeft al vijftig klussen gedaan.",),
    ),
    Idea(
        "kledingruil",
        "Kledingruil voor kinderkleding",
        "Kinderen groeien zo snel uit hun kleren. Ik wil elke drie maanden een ruilmarkt voor "
        "kinderkleding. Je brengt wat te klein is en neemt mee wat past. Het kost niets.",
        "Ruilmarkt voor kinderkleding",
        "Elke drie maanden ruilen ouders kinderkleding die te klein is geworden. Het kost niets.",
        (KIDS,),
        (PLACE,),
        100,
        (("school", "Stelt de aula beschikbaar"),),
        ("Op de eerste ruilmarkt zijn meer dan 300 kledingstukken geruild.",),
    ),
    Idea(
        "speelstraat",
        "Speelstraat op woensdagmiddag",
        "In onze straat rijden auto's vaak te hard. Kinderen kunnen niet buiten spelen. Wij "
        "willen dat de straat op woensdagmiddag dicht gaat voor auto's, zodat kinderen kunnen "
        "spelen. Buren houden toezicht.",
        "Speelstraat op woensdagmiddag",
        "Op woensdagmiddag is de straat dicht voor auto's en kunnen kinderen veilig buiten spelen.",
        (KIDS, RULES),
        (PERMIT,),
        None,
        (("bewoners", "Zet de hekken neer en houdt toezicht"),),
        (
            "De ontheffing is rond. Vanaf volgende maand is de straat op woensdagmiddag een "
            "speelstraat.",
        ),
    ),
    Idea(
        "fietsles",
        "Fietsles voor volwassen vrouwen",
        "Veel vrouwen in onze buurt hebben nooit leren fietsen. Daardoor zijn ze afhankelijk "
        "van de bus of van hun man. Met een fiets kom je ook makkelijker bij je werk of een "
        "cursus. Ik wil fietsles geven op een plein, met een paar oefenfietsen.",
        "Fietsles voor vrouwen",
        "Vrouwen die nooit hebben leren fietsen, krijgen les op een afgesloten plein. Zo "
        "kunnen ze zelf naar hun werk of school.",
        (WORK,),
        (VOLUNTEERS, PLACE, OTHER),
        1000,
        (
            ("ondernemers", "Een fietsenmaker leent oefenfietsen uit"),
            ("welzijn", "Zoekt vrijwilligers die les geven"),
        ),
        ("Twaalf vrouwen zijn begonnen met fietsles.",),
    ),
]

# Ideas the wijkaanpak cannot take on: the broker declines them and says where to go instead.
DECLINED_IDEAS = [
    Idea(
        "zwembad",
        "Een zwembad in de wijk",
        "Er is geen zwembad in de buurt. Kinderen moeten met de bus naar een ander deel van de "
        "stad. Kan de gemeente een zwembad bouwen in onze wijk? Bij het park is genoeg ruimte.",
        priorities=(KIDS,),
        needs=(MONEY, PLACE),
        fate=Status.DECLINED,
        reason="Dank u wel voor uw idee. Een nieuw zwembad is een groot besluit van de "
        "gemeenteraad en past niet in de wijkaanpak. Er is wel een initiatief voor zwemles "
        "voor kinderen zonder diploma. Wilt u daarover meepraten? Dan brengen we u graag in "
        "contact.",
    ),
    Idea(
        "fietsenstalling",
        "Overdekte fietsenstalling bij onze flat",
        "Bij onze flat worden steeds fietsen gestolen. Er is geen plek om ze binnen te zetten. "
        "Wij willen een overdekte fietsenstalling met een slot, voor alle bewoners van de flat.",
        needs=(MONEY, PERMIT),
        amount=9000,
        fate=Status.DECLINED,
        reason="De stalling komt op grond van de woningcorporatie. Daarom kan de gemeente dit "
        "niet betalen. Wij hebben uw vraag doorgegeven aan Parteon. Zij nemen contact met u "
        "op.",
    ),
    Idea(
        "parkeren",
        "Gratis parkeren voor bewoners",
        "Sinds er betaald parkeren is, moeten wij betalen om in onze eigen straat te parkeren. "
        "Veel mensen hier hebben weinig geld. Bewoners zouden gratis moeten kunnen parkeren.",
        needs=(OTHER,),
        fate=Status.DECLINED,
        reason="Parkeerregels stelt de gemeenteraad vast. Die horen niet bij de wijkaanpak. "
        "U kunt uw mening geven als de gemeente het parkeerbeleid bespreekt. Op de website "
        "van de gemeente leest u hoe dat gaat.",
    ),
    Idea(
        "cameras",
        "Camera's in de hele wijk",
        "Er gebeurt veel in de wijk: inbraken, drugs, vernielingen. Met camera's op elke hoek "
        "durven mensen niets meer. Ik wil dat de gemeente overal camera's ophangt.",
        priorities=(RULES,),
        needs=(HELP,),
        fate=Status.DECLINED,
        reason="Over camera's op straat beslist de burgemeester, en alleen op plekken waar het "
        "echt nodig is. Dat kunnen we niet met een bewonersinitiatief regelen. Wel praten we "
        "graag met u over een buurtpreventieteam of een avond met de wijkagent.",
    ),
]

MELDPUNT = "Meldpunt openbare ruimte"
MELDPUNT_TEXT = (
    "Dank u wel voor uw melding. Dit lost het {to} op. Wij hebben uw melding daar "
    "doorgegeven, met kenmerk {reference}. Met dit kenmerk kunt u bij het meldpunt vragen "
    "hoe het ervoor staat."
)

# Reports (meldingen) rather than initiatives: referred to where they are handled.
MELDINGEN = [
    Idea(
        "hondenpoep",
        "Hondenpoep op het speelveld",
        "Op het grasveld waar de kinderen spelen ligt overal hondenpoep. Mensen laten hier "
        "gewoon hun hond uit, terwijl dat verboden is. Kan er iemand komen controleren?",
        priorities=(RULES, KIDS),
        needs=(HELP,),
        fate=Status.REFERRED,
        referred_to=MELDPUNT,
        reason=MELDPUNT_TEXT,
    ),
    Idea(
        "lantaarnpalen",
        "Drie lantaarnpalen kapot in onze straat",
        "Al drie weken zijn er drie lantaarnpalen kapot. Het is 's avonds heel donker in de "
        "straat. Ik heb al een keer gebeld, maar er gebeurt niets.",
        priorities=(RULES,),
        needs=(HELP,),
        fate=Status.REFERRED,
        referred_to=MELDPUNT,
        reason=MELDPUNT_TEXT,
    ),
    Idea(
        "grofvuil",
        "Grofvuil naast de containers",
        "Bij de containers aan het eind van de straat staat steeds grofvuil: banken, matrassen, "
        "zakken. Het stinkt en er komen ratten op af.",
        priorities=(RULES,),
        needs=(HELP,),
        fate=Status.REFERRED,
        referred_to=MELDPUNT,
        reason=MELDPUNT_TEXT,
    ),
    Idea(
        "tegels",
        "Losse stoeptegels bij de bushalte",
        "Bij de bushalte liggen de stoeptegels los en scheef. Mijn moeder is daar gevallen met "
        "haar rollator. Kan dit snel gemaakt worden?",
        needs=(HELP,),
        fate=Status.REFERRED,
        referred_to=MELDPUNT,
        reason=MELDPUNT_TEXT,
    ),
    Idea(
        "scooters",
        "Scooters rijden te hard over het fietspad",
        "Elke middag rijden scooters veel te hard over het fietspad langs de school. Ik ben "
        "bang dat er een kind wordt aangereden.",
        priorities=(RULES, KIDS),
        needs=(HELP,),
        fate=Status.REFERRED,
        referred_to="Politie Zaanstad (wijkagent)",
        reason="Dank u wel voor uw melding. Verkeersoverlast pakt de politie aan. Wij hebben "
        "uw melding doorgegeven aan de wijkagent. Die gaat de komende weken extra controleren "
        "bij de school.",
    ),
]
