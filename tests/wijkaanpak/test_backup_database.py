import os
import re
import stat
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from wijkaanpak.management.commands.backup_database import pg_dump_command

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL only"
)


@needs_postgresql
@pytest.mark.django_db
def test_backup_is_a_custom_format_dump_only_its_owner_can_read(tmp_path):
    output = tmp_path / "wijkaanpak.dump"
    previous = os.umask(0o022)  # pg_dump's own file would be world-readable under this
    try:
        call_command("backup_database", output=output)
    finally:
        os.umask(previous)

    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert output.read_bytes().startswith(b"PGDMP")
    listing = subprocess.run(  # noqa: S603
        ["pg_restore", "--list", str(output)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TABLE public initiatives_initiative" in listing
    assert not list(tmp_path.glob("*.partial"))


@needs_postgresql
@pytest.mark.django_db
def test_backup_into_a_directory_is_named_after_the_moment(tmp_path):
    call_command("backup_database", output=tmp_path)
    (dump,) = tmp_path.iterdir()
    assert re.fullmatch(r"wijkaanpak-[0-9]{8}-[0-9]{6}\.dump", dump.name)
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600


@needs_postgresql
@pytest.mark.django_db
def test_backup_refuses_to_overwrite_a_file(tmp_path):
    output = tmp_path / "earlier.dump"
    output.write_bytes(b"an earlier backup")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_database", output=output)
    assert output.read_bytes() == b"an earlier backup"


@needs_postgresql
@pytest.mark.django_db
def test_failed_dump_leaves_no_file_behind(tmp_path, monkeypatch):
    output = tmp_path / "wijkaanpak.dump"
    monkeypatch.setitem(connection.settings_dict, "NAME", "no_such_database_for_backup")
    with pytest.raises(CommandError, match="pg_dump failed"):
        call_command("backup_database", output=output)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_backup_of_sqlite_is_refused(tmp_path):
    if connection.vendor == "postgresql":
        pytest.skip("this database is PostgreSQL")
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("backup_database", output=tmp_path / "x.dump")


def test_password_goes_to_the_environment_not_the_command_line():
    command, env = pg_dump_command(
        {
            "NAME": "wijkaanpak",
            "HOST": "db.example.nl",
            "PORT": 5432,
            "USER": "wijkaanpak",
            "PASSWORD": "s3cret",
            "OPTIONS": {"sslmode": "require"},
        }
    )
    assert "s3cret" not in " ".join(command)
    assert env["PGPASSWORD"] == "s3cret"
    assert env["PGSSLMODE"] == "require"
    assert command[-1] == "--dbname=wijkaanpak"
    assert "--host=db.example.nl" in command
