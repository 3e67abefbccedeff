"""Load the demo setting that `make run` shows: Zaanstad wijken, partners, a user for every role
and about 80 initiatives in every stage of their life, spread over the last 18 months.

For a laptop only: it prints the demo passwords, so it refuses to run unless DEBUG is on.
Running it again creates nothing twice and sets the printed passwords again.
"""

import hashlib
import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractUser, Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from initiatives import services
from initiatives.models import (
    INITIATOR_VISIBLE,
    EntryKind,
    HelpOffer,
    Initiative,
    InitiativePartner,
    Need,
    OfferKind,
    Partner,
    PartnerKind,
    Status,
    Support,
    TimelineEntry,
)
from initiatives.rules import Role
from initiatives.workdays import is_working_day, local_date, working_days_between
from neighbourhoods.models import Neighbourhood, PostcodeArea, Priority
from wijkaanpak.second_factor import demo_device, give_demo_app, secret_text

SEED = 2026
# Demo initiatives carry submission_key = uuid5(DEMO_NAMESPACE, plan key), so a second run
# recognises the ones the first run made.
DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wijkaanpak.example/seed_demo")
OLDEST_DAYS = 530  # just within 18 months
DAY = timedelta(days=1)

# --- Wijken ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wijk:
    slug: str
    name: str
    description: str
    postcodes: tuple[str, ...] = ()
    weight: int = 1  # how many of the demo initiatives come from here, relatively


# No CBS codes: made-up codes would look real. Only PC4 areas that lie wholly in the village.
WIJKEN = [
    Wijk(
        "poelenburg",
        "Poelenburg",
        "Wijk in Zaandam-Noord met veel flats uit de jaren zestig. Er wonen veel jonge gezinnen "
        "met roots in veel verschillende landen. Bewoners willen vooral meer voor de kinderen.",
        weight=5,
    ),
    Wijk(
        "peldersveld",
        "Peldersveld",
        "Buurwijk van Poelenburg in Zaandam-Noord, met portiekflats en eengezinswoningen. "
        "Bewoners werken hier samen aan een schone en veilige buurt.",
        weight=4,
    ),
    Wijk(
        "kogerveld",
        "Kogerveld",
        "Wijk in het noordoosten van Zaandam, rond station Kogerveld. Een rustige woonwijk "
        "met veel groen, maar ook met buurten waar mensen moeilijk werk vinden.",
        weight=3,
    ),
    Wijk(
        "rosmolenwijk",
        "Rosmolenwijk",
        "Oude wijk dicht bij het centrum van Zaandam, met veel kleine huurwoningen. "
        "Hier wonen veel alleenstaanden en gezinnen met weinig geld.",
        weight=3,
    ),
    Wijk(
        "zaandam-zuid",
        "Zaandam-Zuid",
        "Wijk in het zuiden van Zaandam, met oude straten en nieuwe woningen. "
        "Bewoners vragen vooral om meer te doen voor jongeren.",
        weight=2,
    ),
    Wijk(
        "westerwatering",
        "Westerwatering",
        "Wijk in het westen van Zaandam, met veel water en groen tussen de huizen. "
        "Er wonen veel ouderen en steeds meer jonge gezinnen.",
        weight=2,
    ),
    Wijk(
        "zaandam-oost",
        "Zaandam-Oost",
        "Wijk aan de oostkant van de Zaan, met straten uit de vorige eeuw en nieuwe flats. "
        "Bewoners zetten zich in voor een schone en gezellige buurt.",
        weight=2,
    ),
    Wijk(
        "krommenie",
        "Krommenie",
        "Dorp in het noorden van Zaanstad, met een oude dorpskern en nieuwere woonwijken. "
        "Veel verenigingen en actieve vrijwilligers.",
        postcodes=("1561",),
    ),
    Wijk(
        "wormerveer",
        "Wormerveer",
        "Dorp aan de Zaan, met oude fabrieken en pakhuizen langs het water. "
        "Bewoners willen meer werk en leerplekken dichtbij huis.",
        postcodes=("1521",),
    ),
    Wijk(
        "assendelft",
        "Assendelft",
        "Groot dorp in het westen van Zaanstad, met de nieuwe wijk Saendelft. "
        "Er wonen veel jonge gezinnen met kinderen.",
        postcodes=("1566",),
        weight=2,
    ),
]

# --- Partners -------------------------------------------------------------------------------

# key: (name, kind, contact: a role, never a person's name, notes)
PARTNERS: dict[str, tuple[str, str, str, str]] = {
    "parteon": (
        "Parteon",
        PartnerKind.HOUSING,
        "Wijkcoördinator",
        "Woningcorporatie met veel huurwoningen in de wijken. Eigenaar van flats en grond.",
    ),
    "welzijn": (
        "Welzijn Zaanstad",
        PartnerKind.WELFARE,
        "Opbouwwerker",
        "Buurthuizen, jongerenwerk, vrijwilligers en taalmaatjes.",
    ),
    "politie": (
        "Politie Zaanstad",
        PartnerKind.POLICE,
        "Wijkagent",
        "Aanspreekpunt voor veiligheid en overlast in de wijk.",
    ),
    "school": (
        "Basisschool De Kameleon",
        PartnerKind.SCHOOL,
        "Directeur",
        "Brede school. Lokalen en gymzaal zijn na schooltijd te gebruiken.",
    ),
    "bewoners": (
        "Bewonersgroep Samen Sterk",
        PartnerKind.RESIDENTS,
        "Voorzitter",
        "Actieve bewoners die buurtactiviteiten organiseren.",
    ),
    "ondernemers": (
        "Ondernemersvereniging Zaandam-Noord",
        PartnerKind.BUSINESS,
        "Secretaris",
        "Winkeliers en bedrijven die stageplekken en materiaal aanbieden.",
    ),
}

# --- Users ----------------------------------------------------------------------------------

# Demo passwords, printed on purpose: this command refuses to run unless DEBUG is on.
COORDINATOR_PASSWORD = "demo-coordinator-2026"  # noqa: S105
BROKER_PASSWORD = "demo-makelaar-2026"  # noqa: S105
COUNCIL_PASSWORD = "demo-raadslid-2026"  # noqa: S105
ADMINISTRATOR_PASSWORD = "demo-beheerder-2026"  # noqa: S105
SUPERUSER_PASSWORD = "demo-admin-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str  # as the table calls it
    password: str
    groups: tuple[str, ...] = ()
    wijken: tuple[str, ...] = ()  # slugs
    is_staff: bool = False
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser(
        "marieke",
        "Marieke",
        "Smit",
        "coördinator",
        COORDINATOR_PASSWORD,
        groups=(Role.COORDINATOR,),
        is_staff=True,
    ),
    DemoUser(
        "samira",
        "Samira",
        "Bouzid",
        "sociaal makelaar",
        BROKER_PASSWORD,
        groups=(Role.BROKER,),
        wijken=("poelenburg", "peldersveld", "kogerveld"),
        is_staff=True,
    ),
    DemoUser(
        "jeroen",
        "Jeroen",
        "de Boer",
        "sociaal makelaar",
        BROKER_PASSWORD,
        groups=(Role.BROKER,),
        wijken=("rosmolenwijk", "zaandam-zuid", "zaandam-oost"),
        is_staff=True,
    ),
    DemoUser(
        "fatma",
        "Fatma",
        "Yilmaz",
        "sociaal makelaar",
        BROKER_PASSWORD,
        groups=(Role.BROKER,),
        wijken=("peldersveld", "westerwatering"),
        is_staff=True,
    ),
    DemoUser(
        "ruud",
        "Ruud",
        "Visser",
        "sociaal makelaar",
        BROKER_PASSWORD,
        groups=(Role.BROKER,),
        wijken=("krommenie", "wormerveer", "assendelft"),
        is_staff=True,
    ),
    DemoUser("raadslid", "Els", "de Ruiter", "raadslid", COUNCIL_PASSWORD, groups=(Role.COUNCIL,)),
    DemoUser(
        "beheerder",
        "Karin",
        "Jansen",
        "functioneel beheerder",
        ADMINISTRATOR_PASSWORD,
        groups=(Role.ADMINISTRATOR,),
        is_staff=True,
    ),
    DemoUser("admin", "", "", "superuser", SUPERUSER_PASSWORD, is_staff=True, is_superuser=True),
]

# --- What residents raise -------------------------------------------------------------------


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
        "Eén zaterdag per maand repareren handige buren samen met bewoners kapotte spullen, "
        "gratis.",
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

# --- What brokers and initiators write ------------------------------------------------------

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

INITIATORS = [
    "Fatima el Amrani", "Jan de Wit", "Ayşe Demir", "Mohamed Bakkali", "Sandra Koster",
    "Kees Jonker", "Priya Ramdin", "Ilse Bakker", "Hakan Yildiz", "Nadia Bouchtaoui",
    "Wim Verhoeven", "Gerda Kok", "Rachid Ait Ouali", "Sevda Arslan", "Marco Dekker",
    "Linda Meijer", "Esther Huisman", "Kofi Mensah", "Monique Vos", "Tamara de Graaf",
    "Bilal Chaouch", "Joke Zwart", "Ruben Kramer", "Soufiane el Hadji", "Anouk Brouwer",
    "Yusuf Öztürk", "Petra Hoekstra", "Samir Azzouzi", "Lotte de Jong", "Malika Tahiri",
    "Henk Groot", "Zeynep Çelik", "Dewi Pinas", "Thijs Willems", "Aziz Benali",
    "Chantal Roos", "Emre Aydin", "Fenna Post",
]  # fmt: skip
# (name, what they offer, what they write)
HELPERS = [
    ("Kees Mulder", (OfferKind.TIME,), "Ik ben met pensioen en heb doordeweeks tijd."),
    ("Yasmina Haddou", (OfferKind.SKILLS,), "Ik ben juf en kan helpen met de kinderen."),
    ("Pieter van Dam", (OfferKind.MATERIALS,), "Ik heb gereedschap en een aanhanger."),
    (
        "Naima Amrani",
        (OfferKind.TIME, OfferKind.SKILLS),
        "Ik spreek Arabisch en Nederlands en kan vertalen.",
    ),
    ("Dirk Schouten", (OfferKind.PLACE,), "In de kantine van mijn bedrijf is op zaterdag plek."),
    ("Esra Kaya", (OfferKind.TIME,), "Ik kan op woensdagmiddag helpen."),
    ("Bas Timmer", (OfferKind.SKILLS, OfferKind.MATERIALS), "Ik ben timmerman."),
]
SUPPORT_COUNTS = [0, 1, 2, 3, 5, 8, 12, 17, 24, 31, 45]
# Days from submission to the first response: mostly in time, sometimes late.
FIRST_RESPONSE_DAYS = [0.2, 0.7, 1.1, 1.9, 2.8, 3.6, 4.3, 5.5, 7.8, 11.5]


def email_of(name: str, domain: str) -> str:
    return f"{slugify(name).replace('-', '.')}@{domain}"


# --- The plan: which initiatives, where, in which status ------------------------------------

# How many demo initiatives end in each status; declined and referred ones also come from
# DECLINED_IDEAS and MELDINGEN.
STATUS_COUNTS = {
    Status.SUBMITTED: 12,
    Status.INTAKE: 13,
    Status.PREPARING: 10,
    Status.IN_PROGRESS: 13,
    Status.COMPLETED: 14,
    Status.DECLINED: 6,
    Status.REFERRED: 7,
    Status.WITHDRAWN: 5,
}
# How long ago (days) initiatives that end in a status were submitted: later stages are older.
AGES = {
    Status.SUBMITTED: (1, 6),
    Status.INTAKE: (5, 60),
    Status.PREPARING: (30, 200),
    Status.IN_PROGRESS: (60, 400),
    Status.COMPLETED: (150, OLDEST_DAYS),
    Status.DECLINED: (10, OLDEST_DAYS),
    Status.REFERRED: (5, OLDEST_DAYS),
    Status.WITHDRAWN: (20, OLDEST_DAYS),
}
# Published (index within the status below this number); about half of all.
PUBLISHED = {Status.INTAKE: 7, Status.PREPARING: 8, Status.IN_PROGRESS: 12, Status.COMPLETED: 13}


@dataclass(frozen=True)
class Plan:
    key: str
    idea: Idea
    wijk: Wijk
    status: str
    index: int  # among the plans ending in this status; decides the variant
    days_ago: int
    initiator: str
    published: bool = False
    overdue: bool = False  # still waiting for a first response, past its due date
    awaiting_reply: bool = False  # the broker asked the initiator something, no answer yet
    reopened: bool = False  # declined once, then picked up again

    @property
    def submission_key(self) -> uuid.UUID:
        return uuid.uuid5(DEMO_NAMESPACE, self.key)


def demo_plans() -> list[Plan]:
    """The demo initiatives; the same list on every run (a fixed seed, no clock)."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, not secrets
    special = [(idea, Status.DECLINED) for idea in DECLINED_IDEAS]
    special += [
        (MELDINGEN[n % len(MELDINGEN)], Status.REFERRED)
        for n in range(STATUS_COUNTS[Status.REFERRED])
    ]
    left = Counter(STATUS_COUNTS)
    left.subtract(Counter(status for _idea, status in special))
    statuses = sorted(left.elements())
    rng.shuffle(statuses)
    ideas = list(IDEAS)
    rng.shuffle(ideas)
    pairs = special + [(ideas[n % len(ideas)], status) for n, status in enumerate(statuses)]

    plans = []
    seen: Counter[str] = Counter()
    used: set[tuple[str, str]] = set()
    weights = [wijk.weight for wijk in WIJKEN]
    for number, (idea, status) in enumerate(pairs, start=1):
        index = seen[status]
        seen[status] += 1
        wijk = rng.choices(WIJKEN, weights)[0]
        while (idea.key, wijk.slug) in used:  # the same idea twice in one wijk looks odd
            wijk = rng.choices(WIJKEN, weights)[0]
        used.add((idea.key, wijk.slug))
        overdue = status == Status.SUBMITTED and index < 4
        awaiting = (status, index) in {
            (Status.SUBMITTED, 4),
            (Status.SUBMITTED, 5),
            (Status.INTAKE, 8),
            (Status.INTAKE, 9),
            (Status.INTAKE, 10),
            (Status.PREPARING, 8),
        }
        youngest, oldest = AGES[status]
        if overdue:
            youngest, oldest = 10, 40
        elif awaiting and status == Status.SUBMITTED:
            youngest, oldest = 4, 14
        plans.append(
            Plan(
                key=f"demo-{number:02d}-{idea.key}-{wijk.slug}",
                idea=idea,
                wijk=wijk,
                status=status,
                index=index,
                days_ago=rng.randint(youngest, oldest),
                initiator=rng.choice(INITIATORS),
                published=index < PUBLISHED.get(status, 0),
                overdue=overdue,
                awaiting_reply=awaiting,
                reopened=(status, index) == (Status.PREPARING, 9),
            )
        )
    return plans


# --- One initiative's life ------------------------------------------------------------------

# (days after the previous step, what happens, whether a broker does it in office hours)
Step = tuple[float, Callable[[], object], bool]


class Story:
    """One demo initiative's life, played through the services and then dated back.

    The services stamp what they write with the present moment. Each step here notes the
    moment it should have happened; ``redate`` then moves the rows there and derives the
    initiative's own dates from its timeline, by the same rules the services follow.
    """

    def __init__(
        self,
        initiative: Initiative,
        plan: Plan,
        broker: AbstractUser,
        coordinator: AbstractUser,
        partners: dict[str, Partner],
        limit: datetime,
    ) -> None:
        self.initiative = initiative
        self.plan = plan
        self.broker = broker
        self.coordinator = coordinator
        self.partners = partners
        self.limit = limit
        self.zone = limit.tzinfo
        self.rng = random.Random(f"{SEED}:{plan.key}")  # noqa: S311 - demo data
        self.now = initiative.submitted_at
        self.until = limit
        self.entry_moments: list[datetime] = []
        self.support_moments: list[datetime] = []
        self.offer_moments: dict[int, datetime] = {}
        self.connect_moments: dict[int, datetime] = {}
        self.link_moments: list[datetime] = []

    def play(self, steps: list[Step]) -> None:
        # Squeeze the steps in before `limit` when the initiative is too young for them.
        room = (self.limit - self.initiative.submitted_at) / DAY * 0.9
        total = sum(gap for gap, _action, _office in steps)
        scale = min(1.0, room / total) if total else 1.0
        moments = []
        moment = previous = self.initiative.submitted_at
        for gap, _action, office in steps:
            moment += gap * scale * DAY
            previous = self.place(moment, previous, office)
            moments.append(previous)
        for number, (_gap, action, _office) in enumerate(steps):
            self.now = moments[number]
            self.until = moments[number + 1] if number + 1 < len(moments) else self.limit
            action()
        self.redate()

    def place(self, moment: datetime, previous: datetime, office: bool) -> datetime:
        """``moment``, moved into office hours on a working day when a broker acts then.

        Always after ``previous`` and before ``limit``, so the timeline keeps its order.
        """
        if office:
            day = local_date(moment)
            while not is_working_day(day):
                day += DAY
            minute = self.rng.randint(8 * 60 + 30, 17 * 60)
            moment = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=self.zone)
        if moment <= previous:
            moment = previous + timedelta(minutes=self.rng.randint(5, 45))
        if moment >= self.limit:
            moment = previous + (self.limit - previous) / 2
        return moment

    # Each step calls one service and notes the moment of every row it writes.

    def take(self) -> None:
        self.initiative = services.assign(self.initiative, self.broker, actor=self.broker)
        self.entry_moments.append(self.now)

    def assign(self) -> None:
        self.initiative = services.assign(self.initiative, self.broker, actor=self.coordinator)
        self.entry_moments.append(self.now)

    def move(self, to: str, text: str, referred_to: str = "") -> None:
        reference = ""
        if referred_to == MELDPUNT:
            reference = f"MOR-{self.now:%Y}-{self.rng.randint(10000, 99999)}"
        text = text.format(
            broker=self.broker.get_full_name(),
            wijk=self.plan.wijk.name,
            to=referred_to,
            reference=reference,
        )
        self.initiative = services.change_status(
            self.initiative,
            to,
            actor=self.broker,
            public_text=text,
            referred_to=referred_to,
            referral_reference=reference,
        )
        self.entry_moments.append(self.now)

    def withdraw(self, reason: str) -> None:
        self.initiative = services.withdraw_as_initiator(self.initiative, reason)
        self.entry_moments.append(self.now)

    def message(self, text: str) -> None:
        services.send_message(self.initiative, text, actor=self.broker)
        self.entry_moments.append(self.now)

    def reply(self, text: str) -> None:
        services.reply_as_initiator(self.initiative, text)
        self.entry_moments.append(self.now)

    def note(self, text: str) -> None:
        services.add_note(self.initiative, text, actor=self.broker)
        self.entry_moments.append(self.now)

    def update(self, text: str) -> None:
        services.post_update(self.initiative, text, actor=self.broker)
        self.entry_moments.append(self.now)

    def publish(self) -> None:
        idea = self.plan.idea
        self.initiative = services.publish(
            self.initiative,
            actor=self.broker,
            public_title=idea.public_title,
            public_summary=idea.public_summary,
        )
        self.entry_moments.append(self.now)

    def grant(self, amount: Decimal) -> None:
        self.initiative = services.grant_money(
            self.initiative, amount, actor=self.broker, note="Uit het wijkbudget."
        )
        self.entry_moments.append(self.now)

    def link(self, partner: str, role: str) -> None:
        services.link_partner(self.initiative, self.partners[partner], role, actor=self.broker)
        self.entry_moments.append(self.now)
        self.link_moments.append(self.now)

    def supports(self, count: int) -> None:
        """``count`` residents support it, spread until the next step."""
        for number in range(count):
            key = hashlib.sha256(f"{self.plan.key}:{number}".encode()).hexdigest()
            services.add_support(self.initiative, key)
            self.support_moments.append(
                self.now + (self.until - self.now) * (number + 1) / (count + 1)
            )

    def offer_help(self, count: int) -> None:
        for number, (name, kinds, message) in enumerate(self.rng.sample(HELPERS, count)):
            offer = services.offer_help(
                self.initiative,
                name=name,
                email=email_of(name, "voorbeeld.example"),
                offer_kinds=kinds,
                message=message,
            )
            moment = self.now + (self.until - self.now) * (number + 1) / (count + 2)
            self.offer_moments[offer.pk] = moment
            self.entry_moments.append(moment)

    def connect_help(self) -> None:
        for offer in self.initiative.help_offers.filter(is_connected=False):
            services.connect_help_offer(offer, actor=self.broker)
            self.connect_moments[offer.pk] = self.now
            self.entry_moments.append(self.now)

    def redate(self) -> None:
        initiative = self.initiative
        entries = list(initiative.timeline.order_by("pk"))
        # Every row the services wrote must have had its moment noted, in order.
        if len(entries) != len(self.entry_moments):
            raise CommandError(f"{self.plan.key}: the timeline does not match the story.")
        for entry, moment in zip(entries, self.entry_moments, strict=True):
            entry.created_at = moment
        TimelineEntry.objects.bulk_update(entries, ["created_at"])

        supports = list(initiative.supports.order_by("pk"))
        for support, moment in zip(supports, self.support_moments, strict=True):
            support.created_at = moment
        Support.objects.bulk_update(supports, ["created_at"])

        offers = list(initiative.help_offers.all())
        for offer in offers:
            offer.created_at = offer.consent_at = self.offer_moments[offer.pk]
            if offer.is_connected:
                offer.connected_at = self.connect_moments[offer.pk]
        HelpOffer.objects.bulk_update(offers, ["created_at", "consent_at", "connected_at"])

        links = list(initiative.partner_links.order_by("pk"))
        for link, moment in zip(links, self.link_moments, strict=True):
            link.created_at = moment
        InitiativePartner.objects.bulk_update(links, ["created_at"])

        # The initiative's own dates, as the services would have set them at those moments.
        current = Initiative.objects.get(pk=initiative.pk)
        dates: dict[str, object] = {"updated_at": max(self.entry_moments, default=self.now)}
        if current.first_response_at is not None:
            # The first thing a broker did that the initiator sees (services._mark_first_response).
            first = min(
                entry.created_at
                for entry in entries
                if entry.actor_id is not None and entry.kind in INITIATOR_VISIBLE
            )
            dates["first_response_at"] = first
            dates["response_working_days"] = max(
                0, working_days_between(local_date(current.submitted_at), local_date(first))
            )
        if current.closed_at is not None:
            dates["closed_at"] = max(
                entry.created_at for entry in entries if entry.kind == EntryKind.STATUS_CHANGE
            )
        if current.published_at is not None:
            dates["published_at"] = min(
                entry.created_at for entry in entries if entry.kind == EntryKind.PUBLISHED
            )
        if current.waiting_for_initiator_since is not None:
            dates["waiting_for_initiator_since"] = max(
                entry.created_at
                for entry in entries
                if entry.kind == EntryKind.MESSAGE_TO_INITIATOR
            )
        Initiative.objects.filter(pk=initiative.pk).update(**dates)


def steps_for(plan: Plan, story: Story) -> list[Step]:
    """What happens to this initiative, step by step, until it reaches its status."""
    rng, idea, status, index = story.rng, plan.idea, plan.status, plan.index
    steps: list[Step] = []

    def then(days: float, action: Callable[[], object], *, by_initiator: bool = False) -> None:
        steps.append((days, action, not by_initiator))

    def days(low: float, high: float) -> float:
        return rng.uniform(low, high)

    first = rng.choice(FIRST_RESPONSE_DAYS)
    question, answer = rng.choice(CONVERSATIONS)

    if idea.fate == Status.REFERRED:
        then(first, lambda: story.move(Status.REFERRED, idea.reason, referred_to=idea.referred_to))
        return steps
    if idea.fate == Status.DECLINED:
        then(first, story.take)
        then(0.05, lambda: story.note(OUT_OF_SCOPE_NOTE))
        then(0.05, lambda: story.move(Status.DECLINED, idea.reason))
        return steps
    if status == Status.SUBMITTED:
        if plan.overdue and index == 0:
            # A note is not a response: this one is still overdue.
            then(days(1, 3), lambda: story.note(NOTES[1]))
        elif plan.awaiting_reply:
            then(first, story.take)
            then(0.02, lambda: story.message(question))
        return steps
    if status == Status.WITHDRAWN and index % 2 == 0:  # before anyone reacted
        then(days(0.5, 3), lambda: story.withdraw(rng.choice(WITHDRAW_REASONS)), by_initiator=True)
        return steps

    then(first, story.take if index % 4 else story.assign)
    then(0.02, lambda: story.move(Status.INTAKE, rng.choice(INTAKE_TEXTS)))
    if not plan.awaiting_reply and rng.random() < 0.6:
        then(days(0.5, 4), lambda: story.message(question))
        then(days(0.2, 2), lambda: story.reply(answer), by_initiator=True)
    if rng.random() < 0.6:
        then(days(0.5, 3), lambda: story.note(rng.choice(NOTES)))
    if plan.published:
        then(days(1, 6), story.publish)
        then(0.01, lambda: story.supports(rng.choice(SUPPORT_COUNTS)))
    if status == Status.INTAKE:
        if plan.awaiting_reply:
            then(days(1, 5), lambda: story.message(question))
        return steps
    if status == Status.DECLINED:
        then(days(5, 20), lambda: story.move(Status.DECLINED, SIMILAR_DECLINE))
        return steps
    if status == Status.WITHDRAWN:
        then(days(5, 30), lambda: story.withdraw(rng.choice(WITHDRAW_REASONS)), by_initiator=True)
        return steps
    if plan.reopened:
        then(days(10, 20), lambda: story.move(Status.DECLINED, BUDGET_DECLINE))
        then(days(20, 40), lambda: story.move(Status.INTAKE, REOPEN_TEXT))

    then(days(7, 30), lambda: story.move(Status.PREPARING, rng.choice(PREPARING_TEXTS)))
    for partner, role in idea.partners:
        then(days(1, 8), lambda partner=partner, role=role: story.link(partner, role))
    if idea.amount and rng.random() < 0.8:
        requested = Decimal(idea.amount)
        share = rng.choice([Decimal(1), Decimal(1), Decimal("0.75"), Decimal("0.5")])
        granted = (requested * share / 50).quantize(Decimal(1)) * 50
        then(days(3, 15), lambda: story.grant(granted))
    if plan.published:
        then(days(2, 10), lambda: story.update(PREPARING_UPDATE))
        then(0.01, lambda: story.offer_help(rng.randint(0, 3)))
    if status == Status.PREPARING:
        if plan.awaiting_reply:
            then(days(1, 5), lambda: story.message(question))
        return steps

    then(days(10, 40), lambda: story.move(Status.IN_PROGRESS, rng.choice(IN_PROGRESS_TEXTS)))
    then(days(1, 5), story.connect_help)
    then(days(3, 20), lambda: story.update(idea.updates[0]))
    if status == Status.IN_PROGRESS:
        return steps

    if len(idea.updates) > 1:
        then(days(20, 60), lambda: story.update(idea.updates[1]))
    then(days(5, 40), lambda: story.move(Status.COMPLETED, rng.choice(COMPLETED_TEXTS)))
    return steps


# --- The command ----------------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Load demo data for a laptop: Zaanstad wijken, partners, a user for every role (the "
        "passwords are printed) and about 80 initiatives. Runs only with DEBUG on; a second "
        "run creates nothing twice."
    )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off: it loads demo data and prints the "
                "passwords of its users, which is for a laptop only. Run it with DEBUG=1."
            )
        # The services queue e-mail through django.tasks when their transaction commits. For
        # the seeding the task backend is Django's DummyBackend, which keeps enqueued tasks in
        # memory and never runs them: no mail floods the console, no "e-mail sent" entries
        # stamped today land in the back-dated timelines, and with TASKS_BACKEND=database
        # nothing is left queued for db_worker to send later. Pointing MAILERS at the dummy
        # e-mail backend would quiet the console as well (`mail.mailers` builds a backend
        # from settings.MAILERS on every access; nothing is cached per alias), but the tasks
        # would still run, or be queued and sent for real once this command has ended.
        # override_settings fires setting_changed, which resets the cached task backends on
        # the way in and out; the transaction commits, and queues, inside the override.
        with (
            override_settings(
                TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
            ),
            transaction.atomic(),
        ):
            wijken = self.seed_wijken()
            partners = self.seed_partners()
            users = self.seed_users(wijken)
            created, existing = self.seed_initiatives(wijken, partners, users)
        self.report(created, existing)

    def seed_wijken(self) -> dict[str, Neighbourhood]:
        wijken = {}
        new_wijken = new_areas = 0
        for wijk in WIJKEN:
            neighbourhood, created = Neighbourhood.objects.get_or_create(
                slug=wijk.slug, defaults={"name": wijk.name, "description": wijk.description}
            )
            new_wijken += created
            wijken[wijk.slug] = neighbourhood
            for postcode in wijk.postcodes:
                # An area an earlier import put elsewhere stays where it is.
                _area, created = PostcodeArea.objects.get_or_create(
                    postcode=postcode, defaults={"neighbourhood": neighbourhood}
                )
                new_areas += created
        self.stdout.write(
            f"Wijken: {len(wijken)} ({new_wijken} new), {new_areas} new postcode areas"
        )
        return wijken

    def seed_partners(self) -> dict[str, Partner]:
        partners = {}
        new = 0
        for key, (name, kind, contact, notes) in PARTNERS.items():
            partners[key], created = Partner.objects.get_or_create(
                name=name,
                defaults={
                    "kind": kind,
                    "contact_name": contact,
                    "contact_email": email_of(contact, f"{slugify(name)}.example"),
                    "notes": notes,
                },
            )
            new += created
        self.stdout.write(f"Partners: {len(partners)} ({new} new)")
        return partners

    def seed_users(self, wijken: dict[str, Neighbourhood]) -> dict[str, AbstractUser]:
        groups = {group.name: group for group in Group.objects.filter(name__in=list(Role))}
        # Hashing is slow on purpose (a third of a second each); users who share a demo
        # password share its hash.
        hashes = {demo.password: make_password(demo.password) for demo in DEMO_USERS}
        users = {}
        new = 0
        for demo in DEMO_USERS:
            user, created = get_user_model().objects.update_or_create(
                username=demo.username,
                defaults={
                    "first_name": demo.first_name,
                    "last_name": demo.last_name,
                    "email": f"{demo.username}@gemeente.example",
                    "is_active": True,
                    "is_staff": demo.is_staff,
                    "is_superuser": demo.is_superuser,
                },
            )
            # Set on every run, so the printed password is always the one that works.
            user.password = hashes[demo.password]
            user.save(update_fields=["password"])
            user.groups.set([groups[name] for name in demo.groups])
            for slug in demo.wijken:
                wijken[slug].brokers.add(user)
            # Every demo user logs in with the printed demo app secret (wijkaanpak.second_factor).
            give_demo_app(user)
            new += created
            users[demo.username] = user
        self.stdout.write(f"Users: {len(users)} ({new} new), passwords set")
        return users

    def seed_initiatives(
        self,
        wijken: dict[str, Neighbourhood],
        partners: dict[str, Partner],
        users: dict[str, AbstractUser],
    ) -> tuple[list[Plan], int]:
        plans = demo_plans()
        existing = set(
            Initiative.objects.filter(
                submission_key__in=[plan.submission_key for plan in plans]
            ).values_list("submission_key", flat=True)
        )
        brokers = {
            slug: [users[demo.username] for demo in DEMO_USERS if slug in demo.wijken]
            for slug in wijken
        }
        priorities = {priority.slug: priority for priority in Priority.objects.all()}
        coordinator = users["marieke"]
        zone = timezone.get_current_timezone()
        today = timezone.localdate()
        # Everything happened before today, so no moment lies in the future.
        limit = datetime.combine(today, time(0), tzinfo=zone)
        created = []
        for plan in plans:
            if plan.submission_key in existing:
                continue
            rng = random.Random(f"{SEED}:{plan.key}:submitted")  # noqa: S311 - demo data
            submitted_at = datetime.combine(
                today - plan.days_ago * DAY,
                time(rng.randint(7, 22), rng.randint(0, 59)),
                tzinfo=zone,
            )
            idea = plan.idea
            initiative, _token = services.submit_initiative(
                title=idea.title,
                description=idea.description,
                neighbourhood=wijken[plan.wijk.slug],
                priorities=[priorities[slug] for slug in idea.priorities],
                needs=idea.needs,
                amount_requested=None if idea.amount is None else Decimal(idea.amount),
                name=plan.initiator,
                email=email_of(plan.initiator, "bewoner.example"),
                submission_key=plan.submission_key,
                now=submitted_at,
            )
            broker = rng.choice(brokers[plan.wijk.slug])
            story = Story(initiative, plan, broker, coordinator, partners, limit)
            story.play(steps_for(plan, story))
            created.append(plan)
        return created, len(existing)

    def report(self, created: list[Plan], existing: int) -> None:
        if created:
            by_status = Counter(plan.status for plan in created)
            statuses = ", ".join(f"{by_status[status]} {status}" for status in Status.values)
            published = sum(plan.published for plan in created)
            self.stdout.write(
                f"Initiatives: {len(created)} new ({statuses}); {published} published"
            )
        if existing:
            self.stdout.write(f"Initiatives: {existing} demo initiatives were already there")

        login = settings.SITE_URL + reverse("login")
        admin = settings.SITE_URL + reverse("admin:index")
        rows = [("Role", "Username", "Password", "Wijken", "Log in at")]
        names = {wijk.slug: wijk.name for wijk in WIJKEN}
        for demo in DEMO_USERS:
            where = f"{login} and {admin}" if demo.is_staff else login
            wijken = ", ".join(names[slug] for slug in demo.wijken) or "-"
            if Role.COORDINATOR in demo.groups or demo.is_superuser:
                wijken = "(every wijk)"
            rows.append((demo.role, demo.username, demo.password, wijken, where))
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        self.stdout.write("")
        self.stdout.write("Demo accounts (for this laptop only):")
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  " + "  ".join([*cells, row[4]]))
        self.stdout.write("")
        self.stdout.write(
            "After the password every demo user is asked for a code from an app. Add this "
            f"secret to an authenticator app once: {secret_text(demo_device())}"
        )
        self.stdout.write(
            "or print the current code with: DEBUG=1 .venv/bin/python manage.py demo_code"
        )
