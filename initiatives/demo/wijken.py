"""The demo's Zaanstad wijken and the partners that work in them."""

from dataclasses import dataclass

from initiatives.models import PartnerKind

# --- Wijken ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wijk:
    slug: str
    name: str
    description: str
    code: str  # the sample wijk code in cbs/ (gemeente 9999: no municipality has it)
    postcodes: tuple[str, ...] = ()  # PC4 areas, so that every postcode there finds a wijk
    weight: int = 1  # how many of the demo initiatives come from here, relatively


# The wijken, their PC6s and their population come from the sample files in cbs/ through
# import_areas (see cbs/README.md): sample figures, not CBS's own, under codes of the made-up
# municipality 9999 so that none looks real. The PC4 areas are the demo's own rough division
# of Zaandam's and the villages' postcodes, so that any postcode there finds a demo wijk; real
# wijken cut across PC4 areas.
WIJKEN = [
    Wijk(
        "poelenburg",
        "Poelenburg",
        "Wijk in Zaandam-Noord met veel flats uit de jaren zestig. Er wonen veel jonge gezinnen "
        "met roots in veel verschillende landen. Bewoners willen vooral meer voor de kinderen.",
        weight=5,
        code="WK999901",
        postcodes=("1504",),
    ),
    Wijk(
        "peldersveld",
        "Peldersveld",
        "Buurwijk van Poelenburg in Zaandam-Noord, met portiekflats en eengezinswoningen. "
        "Bewoners werken hier samen aan een schone en veilige buurt.",
        weight=4,
        code="WK999902",
        postcodes=("1503",),
    ),
    Wijk(
        "kogerveld",
        "Kogerveld",
        "Wijk in het noordoosten van Zaandam, rond station Kogerveld. Een rustige woonwijk "
        "met veel groen, maar ook met buurten waar mensen moeilijk werk vinden.",
        weight=3,
        code="WK999903",
        postcodes=("1502",),
    ),
    Wijk(
        "rosmolenwijk",
        "Rosmolenwijk",
        "Oude wijk dicht bij het centrum van Zaandam, met veel kleine huurwoningen. "
        "Hier wonen veel alleenstaanden en gezinnen met weinig geld.",
        weight=3,
        code="WK999904",
        postcodes=("1501",),
    ),
    Wijk(
        "zaandam-zuid",
        "Zaandam-Zuid",
        "Wijk in het zuiden van Zaandam, met oude straten en nieuwe woningen. "
        "Bewoners vragen vooral om meer te doen voor jongeren.",
        weight=2,
        code="WK999905",
        postcodes=("1507", "1508"),
    ),
    Wijk(
        "westerwatering",
        "Westerwatering",
        "Wijk in het westen van Zaandam, met veel water en groen tussen de huizen. "
        "Er wonen veel ouderen en steeds meer jonge gezinnen.",
        weight=2,
        code="WK999906",
        postcodes=("1505",),
    ),
    Wijk(
        "zaandam-oost",
        "Zaandam-Oost",
        "Wijk aan de oostkant van de Zaan, met straten uit de vorige eeuw en nieuwe flats. "
        "Bewoners zetten zich in voor een schone en gezellige buurt.",
        weight=2,
        code="WK999907",
        postcodes=("1506", "1509"),
    ),
    Wijk(
        "krommenie",
        "Krommenie",
        "Dorp in het noorden van Zaanstad, met een oude dorpskern en nieuwere woonwijken. "
        "Veel verenigingen en actieve vrijwilligers.",
        code="WK999908",
        postcodes=("1561", "1562"),
    ),
    Wijk(
        "wormerveer",
        "Wormerveer",
        "Dorp aan de Zaan, met oude fabrieken en pakhuizen langs het water. "
        "Bewoners willen meer werk en leerplekken dichtbij huis.",
        code="WK999909",
        postcodes=("1521",),
    ),
    Wijk(
        "assendelft",
        "Assendelft",
        "Groot dorp in het westen van Zaanstad, met de nieuwe wijk Saendelft. "
        "Er wonen veel jonge gezinnen met kinderen.",
        weight=2,
        code="WK999910",
        postcodes=("1566", "1567"),
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
