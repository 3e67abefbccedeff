"""The demo's Zaanstad wijken and the partners that work in them."""

from dataclasses import dataclass

from initiatives.models import PartnerKind

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
