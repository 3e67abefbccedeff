"""The answer templates of the demo (``manage.py seed_demo``), in B1 Dutch and English."""

from collections.abc import Callable

from answers.models import AnswerTemplate
from initiatives.workflow import Status

Kind = AnswerTemplate.Kind

# name -> (kind, to_status, Dutch, English)
TEMPLATES: dict[str, tuple[str, str, str, str]] = {
    "Eerste contact: mag ik u bellen?": (
        Kind.MESSAGE,
        "",
        "Beste {voornaam},\n\n"
        "Dank u wel voor uw idee voor {wijk}. Ik ben {makelaar}, sociaal makelaar in uw wijk. "
        "Ik wil u graag bellen om meer over uw idee te horen. Wanneer kan ik u het beste "
        "bellen?\n\n"
        "Met vriendelijke groet,\n{makelaar}",
        "Dear {voornaam},\n\n"
        "Thank you for your idea for {wijk}. I am {makelaar}, the social broker for your "
        "neighbourhood. I would like to call you to hear more about your idea. When is a good "
        "time to call you?\n\n"
        "Kind regards,\n{makelaar}",
    ),
    "Nog even geduld": (
        Kind.MESSAGE,
        "",
        "Beste {voornaam},\n\n"
        "We hebben uw idee goed ontvangen. U hoort uiterlijk {datum} van ons.\n\n"
        "Met vriendelijke groet,\n{makelaar}",
        "Dear {voornaam},\n\n"
        "We have received your idea. You will hear from us by {datum} at the latest.\n\n"
        "Kind regards,\n{makelaar}",
    ),
    "In gesprek: ik maak een afspraak": (
        Kind.STATUS,
        Status.INTAKE,
        "Beste {voornaam},\n\n"
        "We gaan met u in gesprek over uw idee. Ik neem contact met u op om een afspraak te "
        "maken.\n\n"
        "Met vriendelijke groet,\n{makelaar}, sociaal makelaar in {wijk}",
        "Dear {voornaam},\n\n"
        "We would like to talk with you about your idea. I will contact you to make an "
        "appointment.\n\n"
        "Kind regards,\n{makelaar}, social broker in {wijk}",
    ),
    "Doorverwezen naar de gemeente": (
        Kind.STATUS,
        Status.REFERRED,
        "Beste {voornaam},\n\n"
        "Uw idee past beter bij een andere afdeling van de gemeente. Daarom hebben we het "
        "naar hen gestuurd. Zij nemen contact met u op. Heeft u een vraag? Stuur mij dan een "
        "bericht.\n\n"
        "Met vriendelijke groet,\n{makelaar}",
        "Dear {voornaam},\n\n"
        "Your idea is a better fit for another department of the municipality, so we have "
        "sent it to them. They will contact you. Do you have a question? Then send me a "
        "message.\n\n"
        "Kind regards,\n{makelaar}",
    ),
    "Afgewezen: past niet in het wijkbudget": (
        Kind.STATUS,
        Status.DECLINED,
        "Beste {voornaam},\n\n"
        "Helaas kunnen we uw idee niet steunen. Het past niet in de regels van het "
        "wijkbudget van {wijk}. Wilt u weten wat wel kan? Ik denk graag met u mee.\n\n"
        "Met vriendelijke groet,\n{makelaar}",
        "Dear {voornaam},\n\n"
        "Unfortunately we cannot support your idea. It does not fit the rules of the "
        "neighbourhood budget of {wijk}. Would you like to know what is possible? I am happy "
        "to think along with you.\n\n"
        "Kind regards,\n{makelaar}",
    ),
    "Voortgang: de eerste bijeenkomst": (
        Kind.UPDATE,
        "",
        "De eerste bijeenkomst is geweest. Bewoners van {wijk} denken mee over de volgende "
        "stappen. Wilt u ook helpen? Laat het ons weten op deze pagina.",
        "The first meeting has taken place. Residents of {wijk} are helping to plan the next "
        "steps. Would you like to help too? Let us know on this page.",
    ),
}


def load_answer_templates(log: Callable[[str], None]) -> None:
    """Add the templates that are not there yet; a template a coordinator changed stays."""
    new = 0
    for name, (kind, to_status, text_nl, text_en) in TEMPLATES.items():
        _template, created = AnswerTemplate.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "to_status": to_status, "text_nl": text_nl, "text_en": text_en},
        )
        new += created
    log(f"Answer templates: {len(TEMPLATES)} ({new} new)")
