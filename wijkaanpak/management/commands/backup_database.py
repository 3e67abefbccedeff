"""Dump the PostgreSQL database with pg_dump's custom format into a file only its owner reads.

Backups hold residents' personal data, and pg_dump on its own writes with the process umask
(usually world-readable). docs/deploy.md describes the restore.
"""

import os
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.utils import timezone


def pg_dump_command(settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """pg_dump's arguments and environment for one database; the password goes in the env."""
    command = ["pg_dump", "--format=custom", "--no-password"]
    env = dict(os.environ)
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command.append(f"{option}={settings_dict[key]}")
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    if sslmode := settings_dict.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    command.append(f"--dbname={settings_dict['NAME']}")
    return command, env


class Command(BaseCommand):
    help = (
        "Write a pg_dump (custom format) of the database to a new file with mode 0600. "
        "Restore it with pg_restore --no-owner --no-privileges (see docs/deploy.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="The file to write, which must not exist yet, or a directory to write "
            "wijkaanpak-YYYYMMDD-HHMMSS.dump in (default: the current directory).",
        )
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, output: Path | None, database: str, **options) -> None:
        connection = connections[database]
        if connection.vendor != "postgresql":
            raise CommandError(
                f"backup_database needs PostgreSQL; this database is {connection.vendor}."
            )
        if output is None or output.is_dir():
            name = f"wijkaanpak-{timezone.now():%Y%m%d-%H%M%S}.dump"
            output = (output or Path()) / name
        if output.exists():
            raise CommandError(f"{output} exists already; choose another name.")
        command, env = pg_dump_command(connection.settings_dict)
        # Written under another name first, so a failed dump never looks like a backup.
        partial = output.with_name(output.name + ".partial")
        previous = os.umask(0o077)  # no moment at which another user could open the file
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        finally:
            os.umask(previous)
        try:
            with os.fdopen(descriptor, "wb") as file:
                result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
                    command, stdout=file, stderr=subprocess.PIPE, env=env, check=False
                )
            if result.returncode != 0:
                message = result.stderr.decode(errors="replace").strip()
                raise CommandError(f"pg_dump failed ({result.returncode}): {message}")
            partial.replace(output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        size = output.stat().st_size
        self.stdout.write(f"Wrote {output} ({size:,} bytes, mode 0600).")
