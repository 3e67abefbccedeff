"""The demo log-ins of `make run` work with the second factor: a printed app secret."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test.utils import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_a_demo_broker_logs_in_with_the_printed_code(client):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Add this secret to an authenticator app once" in out.getvalue()
    codes = StringIO()
    call_command("demo_code", stdout=codes)
    code = re.search(r"Code now: (\d{6})", codes.getvalue()).group(1)
    password = re.search(r"makelaar\S*\s+(\w+)\s+(demo-makelaar-2026)", out.getvalue()).group(2)
    username = re.search(r"makelaar\S*\s+(\w+)\s+demo-makelaar-2026", out.getvalue()).group(1)
    response = client.post(reverse("login"), {"username": username, "password": password})
    assert response["Location"] == reverse("second_factor")
    response = client.post(reverse("second_factor"), {"code": code})
    assert response["Location"] == reverse("initiatives:workspace")


def test_demo_code_refuses_without_debug():
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("demo_code", stdout=StringIO())
