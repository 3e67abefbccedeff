"""Two-factor log-in: staff and council members need a code from an app after the password."""

import re
from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from initiatives import rules
from tests.factories import InitiativeFactory, UserFactory
from tests.second_factor import app_device, code_for, finish_log_in
from wijkaanpak.second_factor import SESSION_KEY, new_recovery_codes

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = reverse("login")
STEP = reverse("second_factor")
SETUP = reverse("second_factor_setup")
RECOVER = reverse("second_factor_recover")
CODES = reverse("second_factor_codes")
WORKSPACE = reverse("initiatives:workspace")


def password(client, username: str, **data):
    return client.post(LOGIN, {"username": username, "password": PASSWORD, **data})


# --- Without the second factor, nothing -------------------------------------------------------


def test_a_broker_with_only_a_password_is_sent_to_the_second_step(client, broker_a):
    client.force_login(broker_a, second_factor=False)
    response = client.get(WORKSPACE)
    assert response.status_code == 302
    assert response["Location"] == f"{STEP}?next={WORKSPACE}"
    assert not rules.can_manage(_request_user(client), InitiativeFactory())


def _request_user(client):
    """request.user as the site sees it for this client (through the middleware)."""
    response = client.get(reverse("home"))
    return response.wsgi_request.user


def test_without_the_second_factor_a_user_has_no_roles(client, coordinator):
    client.force_login(coordinator, second_factor=False)
    user = _request_user(client)
    assert rules.awaits_second_factor(user)
    assert rules.roles(user) == frozenset()
    assert not rules.is_coordinator(user)
    assert not rules.can_see_all_figures(user)


def test_a_superuser_with_only_a_password_gets_no_admin(client, superuser):
    client.force_login(superuser, second_factor=False)
    for url in (reverse("admin:index"), reverse("admin:initiatives_initiative_changelist")):
        response = client.get(url)
        assert response["Location"] == f"/beheer/login/?next={url}"
        response = client.get(response["Location"])
        assert response["Location"] == f"{STEP}?next={url}"
    assert not rules.is_coordinator(_request_user(client))


def test_the_admin_works_once_verified(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:initiatives_initiative_changelist")).status_code == 200


def test_the_admins_own_log_in_page_sends_to_the_sites(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/beheer/"


def test_a_council_member_with_only_a_password_sees_public_figures_and_how_to_finish(
    client, council_member, wijk_a
):
    InitiativeFactory(neighbourhood=wijk_a)  # not published: counted for council only
    client.force_login(council_member, second_factor=False)
    page = client.get(reverse("initiatives:neighbourhood", kwargs={"slug": "poelenburg"}))
    assert page.status_code == 200
    assert "U bent nog niet helemaal ingelogd" in page.text
    assert f'href="{STEP}?next=/wijken/poelenburg/"' in page.text
    client.force_login(council_member)
    page = client.get(reverse("initiatives:neighbourhood", kwargs={"slug": "poelenburg"}))
    assert "U bent nog niet helemaal ingelogd" not in page.text


def test_a_new_password_needs_the_second_factor_first(client, broker_a):
    client.force_login(broker_a, second_factor=False)
    response = client.get(reverse("password_change"))
    assert response["Location"] == f"{STEP}?next=/account/password_change/"


# --- Logging in with the code -----------------------------------------------------------------


def test_a_broker_logs_in_with_password_and_code(client, broker_a):
    device = app_device(broker_a)
    response = password(client, "broker_a")
    assert response["Location"] == STEP
    page = client.get(STEP)
    assert page.status_code == 200
    assert "Vul de code uit uw app in" in page.text
    assert 'autocomplete="one-time-code"' in page.text
    response = client.post(STEP, {"code": code_for(device)})
    assert response["Location"] == WORKSPACE
    assert client.get(WORKSPACE).status_code == 200


def test_the_page_asked_for_comes_after_the_code(client, broker_a):
    device = app_device(broker_a)
    response = password(client, "broker_a", next="/werkvoorraad/partners/")
    assert response["Location"] == f"{STEP}?next=/werkvoorraad/partners/"
    page = client.get(response["Location"])
    assert 'name="next" value="/werkvoorraad/partners/"' in page.text
    response = client.post(STEP, {"code": code_for(device), "next": "/werkvoorraad/partners/"})
    assert response["Location"] == "/werkvoorraad/partners/"


def test_another_site_is_never_the_next_page(client, broker_a):
    device = app_device(broker_a)
    password(client, "broker_a")
    response = client.post(STEP, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == WORKSPACE


def test_a_wrong_code_says_so_and_keeps_the_user_out(client, broker_a):
    device = app_device(broker_a)
    password(client, "broker_a")
    wrong = "000000" if code_for(device) != "000000" else "111111"
    response = client.post(STEP, {"code": wrong})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    assert client.get(WORKSPACE).status_code == 302


def test_a_code_that_is_not_six_digits_is_refused_before_it_is_tried(client, broker_a):
    device = app_device(broker_a)
    password(client, "broker_a")
    response = client.post(STEP, {"code": "12ab"})
    assert "Vul de 6 cijfers uit uw app in" in response.text
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_wrong_codes_make_the_next_try_wait(client, broker_a):
    device = app_device(broker_a)
    password(client, "broker_a")
    for _ in range(3):
        client.post(STEP, {"code": "000001" if code_for(device) != "000001" else "000002"})
    response = client.post(STEP, {"code": code_for(device)})
    assert response.status_code == 429
    assert "Wacht even" in response.text
    assert client.get(WORKSPACE).status_code == 302


def test_a_code_works_once(client, broker_a):
    device = app_device(broker_a)
    password(client, "broker_a")
    code = code_for(device)
    client.post(STEP, {"code": code})
    client.post(reverse("logout"))
    password(client, "broker_a")
    assert client.post(STEP, {"code": code}).status_code == 200
    assert client.get(WORKSPACE).status_code == 302


def test_logging_in_again_asks_for_the_code_again(client, broker_a):
    client.force_login(broker_a)
    assert SESSION_KEY in client.session
    password(client, "broker_a")
    assert SESSION_KEY not in client.session
    assert client.get(WORKSPACE).status_code == 302


def test_a_user_without_a_role_logs_in_with_a_password_only(client, db):
    UserFactory(username="gewoon")
    response = password(client, "gewoon")
    assert response["Location"] == reverse("home")


def test_council_members_can_be_exempted(client, council_member, settings):
    settings.SECOND_FACTOR_EXEMPT_COUNCIL = True
    response = password(client, "raadslid")
    assert response["Location"] == reverse("home")
    assert rules.can_see_all_figures(_request_user(client))


def test_the_exemption_does_not_cover_a_council_member_who_is_also_staff(
    client, council_member, settings
):
    settings.SECOND_FACTOR_EXEMPT_COUNCIL = True
    council_member.is_staff = True
    council_member.save(update_fields=["is_staff"])
    assert password(client, "raadslid")["Location"].startswith(STEP)


# --- Recovery codes ---------------------------------------------------------------------------


def test_a_recovery_code_works_once(client, broker_a):
    app_device(broker_a)
    codes = new_recovery_codes(broker_a)
    password(client, "broker_a")
    response = client.post(RECOVER, {"code": codes[0].upper()})
    assert response["Location"] == WORKSPACE
    page = client.get(WORKSPACE)
    assert "U heeft een herstelcode gebruikt. U heeft nog 9 codes over." in page.text
    client.post(reverse("logout"))
    password(client, "broker_a")
    response = client.post(RECOVER, {"code": codes[0]})
    assert response.status_code == 200
    assert "Deze herstelcode klopt niet of is al gebruikt" in response.text


def test_recovery_codes_can_be_replaced(client, broker_a):
    app_device(broker_a)
    old = new_recovery_codes(broker_a)
    client.force_login(broker_a)
    page = client.get(CODES)
    assert "U heeft nog 10 herstelcodes." in page.text
    response = client.post(CODES)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    new = re.findall(r"<code>([a-z0-9]+)</code>", response.text)
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)


# --- Setting up the app -----------------------------------------------------------------------


def test_a_broker_without_an_app_sets_one_up_after_the_password(client, broker_a):
    response = password(client, "broker_a")
    assert response["Location"] == STEP
    response = client.get(STEP)
    assert response["Location"] == SETUP
    page = client.get(SETUP)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0")
    device = TOTPDevice.objects.get(user=broker_a, confirmed=False)
    secret = re.search(r'<code class="secret" id="geheime-code">([A-Z2-7 ]+)</code>', page.text)
    assert secret.group(1).replace(" ", "") == b32encode(device.bin_key).decode().rstrip("=")
    assert 'src="data:image/svg+xml' in page.text
    # The secret is still not enough to get in: the app must prove it has it.
    assert client.get(WORKSPACE).status_code == 302
    response = client.post(SETUP, {"code": code_for(device)})
    assert response.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]+)</code>", response.text)
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(WORKSPACE).status_code == 200


def test_opening_the_setup_again_keeps_the_same_secret(client, broker_a):
    client.force_login(broker_a, second_factor=False)
    first = client.get(SETUP).text
    again = client.get(SETUP).text
    secret = re.compile(r'id="geheime-code">([^<]+)<')
    assert secret.search(first).group(1) == secret.search(again).group(1)
    assert TOTPDevice.objects.filter(user=broker_a).count() == 1


def test_a_wrong_code_at_setup_keeps_the_page(client, broker_a):
    client.force_login(broker_a, second_factor=False)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000001"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    assert 'id="geheime-code"' in response.text
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_someone_with_only_the_password_cannot_replace_the_app(client, broker_a):
    app_device(broker_a)
    client.force_login(broker_a, second_factor=False)
    response = client.get(SETUP)
    assert response["Location"] == STEP
    assert client.post(SETUP, {"code": "123456"})["Location"] == STEP
    assert TOTPDevice.objects.filter(user=broker_a).count() == 1


# --- Query counts -----------------------------------------------------------------------------


def test_the_second_step_page_costs_a_fixed_number_of_queries(
    client, broker_a, django_assert_num_queries
):
    app_device(broker_a)
    client.force_login(broker_a, second_factor=False)
    # session, user, the user's groups, the app device.
    with django_assert_num_queries(4):
        assert client.get(STEP).status_code == 200


def test_the_recovery_codes_page_costs_a_fixed_number_of_queries(
    client, broker_a, django_assert_num_queries
):
    new_recovery_codes(broker_a)
    client.force_login(broker_a)
    # session, user, the user's groups, the count of codes left.
    with django_assert_num_queries(4):
        assert client.get(CODES).status_code == 200


def test_finish_log_in_helper_types_the_code(client, broker_a):
    response = finish_log_in(client, password(client, "broker_a"))
    assert response["Location"] == WORKSPACE
