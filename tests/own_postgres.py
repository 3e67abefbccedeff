"""A PostgreSQL cluster of a test's own, to stop and start mid-test (fault tests).

Never the shared server on 5432: this one lives in a temporary directory on a free port
and is removed afterwards. As root (CI), the server runs as the postgres user.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.checks import IN_CI

BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnPostgres:
    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="wijkaanpak-pg-"))
        self.data = self.directory / "data"
        self.port = _free_port()
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as_postgres:
            shutil.chown(self.directory, "postgres")
        self._run(BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres")

    def _run(self, *args) -> None:
        subprocess.run(  # noqa: S603 - PostgreSQL's own tools
            [*self._as_postgres, *map(str, args)], check=True, capture_output=True, timeout=60
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -F"
        log = self.directory / "server.log"
        self._run(BIN / "pg_ctl", "-D", self.data, "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run(BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def url(self, name: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self) -> None:
        subprocess.run(  # noqa: S603
            [
                *self._as_postgres,
                str(BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture
def own_postgres():
    """A started cluster of this test's own; stopped and removed afterwards."""
    if not (BIN / "initdb").exists():
        if IN_CI:
            pytest.fail(f"PostgreSQL's server binaries are needed in {BIN} (PG_BIN)")
        pytest.skip(f"no PostgreSQL server binaries in {BIN} (PG_BIN)")
    cluster = OwnPostgres()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()
