"""A broker on a phone, JavaScript off, records three voices, turns one into an intake, and
sees them on the wijk page; axe and the HTML checker on every new page, Dutch and English."""

import pytest
from playwright.sync_api import expect

from initiatives.models import Initiative
from tests.factories import broker_of
from tests.initiatives.workspace.test_browser import log_in
from voices.models import Voice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    ),
]


def record(page, summary: str, residents: str, tag: str, *, publishable: bool = True) -> None:
    page.fill("#id_what-summary", summary)
    page.fill("#id_what-residents", residents)
    page.locator("input[name='what-priorities']").first.check()
    page.fill("#id_what-tags", tag)
    if publishable:
        page.locator("#id_what-is_publishable").check()
    page.locator("input[name=channel][value=school]").check()
    page.locator("form.form button[type=submit]").click()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_three_voices_one_intake_and_the_wijk_page(
    checked_page, live_server, axe, wijk_a, language
):
    page = checked_page
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    log_in(page, live_server, "anna")
    page.goto(live_server.url + "/werkvoorraad/signalen/nieuw/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    axe(page)
    record(page, "Ouders vinden oversteken bij school gevaarlijk.", "12", "oversteken")
    expect(page.locator(".messages")).to_be_visible()
    record(page, "Bel mevrouw op 06-12345678 over de speeltuin.", "1", "speeltuin")
    expect(page.locator("#foutmeldingen")).to_be_visible()  # the personal-data warning
    axe(page)
    page.fill("#id_what-summary", "Kinderen willen een veilige speeltuin.")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    record(page, "Tieners vervelen zich op woensdag.", "3", "tieners", publishable=False)
    assert Voice.objects.count() == 3

    page.goto(live_server.url + "/werkvoorraad/signalen/")
    axe(page)
    voice = Voice.objects.get(summary__startswith="Ouders")
    page.locator(f"a[href='/werkvoorraad/signalen/{voice.pk}/initiatief/']").click()
    axe(page)
    page.locator("input[name=channel][value=spreekuur]").check()
    page.fill("#id_title", "Klaar-overs bij de school")
    page.fill("#id_description", "Ouders willen zelf helpen bij het oversteken.")
    page.fill("#id_name", "Karim")
    page.fill("#id_phone", "0612345678")
    page.locator("input[name=consent_basis][value=verbal]").check()
    page.locator("#id_consent").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/brief/")
    initiative = Initiative.objects.get()
    assert list(initiative.voices.all()) == [voice]

    page.goto(live_server.url + "/werkvoorraad/signalen/meerdere/")
    axe(page)

    page.goto(live_server.url + f"/wijken/{wijk_a.slug}/")
    says = page.locator(".wijk-says")
    expect(says).to_contain_text("16")  # 12 + 1 + 3 residents about the first priority
    expect(says).to_contain_text("Ouders vinden oversteken bij school gevaarlijk.")
    expect(says).not_to_contain_text("Tieners vervelen zich")  # not publishable
    axe(page)
    page.goto(live_server.url + "/wijken/")
    axe(page)
