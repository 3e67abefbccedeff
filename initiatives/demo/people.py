"""The demo's people: a user for every role, the residents who submit, the helpers who offer."""

from dataclasses import dataclass

from django.utils.text import slugify

from initiatives.models import OfferKind
from initiatives.rules import Role

# --- Users ----------------------------------------------------------------------------------

# Demo passwords, printed on purpose: seed_demo refuses to run unless DEBUG is on.
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


# --- Residents ------------------------------------------------------------------------------

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


def email_of(name: str, domain: str) -> str:
    return f"{slugify(name).replace('-', '.')}@{domain}"
