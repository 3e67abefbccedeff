"""The container's HEALTHCHECK: ask this gunicorn's /healthz on the address BIND gives it.

`python -m wijkaanpak.healthcheck` exits 0 when /healthz answers 200, 1 otherwise. It reads
the same BIND as gunicorn.conf.py (default 0.0.0.0:8000) and never imports Django, so it
costs a few milliseconds every interval.
"""

import http.client
import os
import socket
import sys

DEFAULT_BIND = "0.0.0.0:8000"
# Listening on every address means the loopback one answers too.
WILDCARDS = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}  # noqa: S104


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def connection_for(bind: str, timeout: float = 2) -> http.client.HTTPConnection:
    """A connection to the first address of a gunicorn bind value (host:port, [v6]:port, unix:)."""
    bind = bind.split(",")[0].strip() or DEFAULT_BIND
    if bind.startswith("unix:"):
        return UnixHTTPConnection(bind.removeprefix("unix:"), timeout)
    if bind.startswith("fd://"):
        raise ValueError("a file descriptor bind has no address to check; use another BIND")
    host, _, port = bind.rpartition(":")
    if not host and not port.isdigit():  # gunicorn reads a bare "host" as host:8000
        host, port = port, "8000"
    host = host.removeprefix("[").removesuffix("]")
    host = WILDCARDS.get(host, host)
    return http.client.HTTPConnection(host, int(port), timeout=timeout)


def main() -> int:
    try:
        connection = connection_for(os.environ.get("BIND", DEFAULT_BIND))
        connection.request("GET", "/healthz", headers={"User-Agent": "healthcheck"})
        status = connection.getresponse().status
    except (OSError, ValueError, http.client.HTTPException) as error:
        print(f"healthcheck: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"healthcheck: /healthz answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
