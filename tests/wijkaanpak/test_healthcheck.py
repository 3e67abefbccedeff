import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wijkaanpak import healthcheck


@pytest.mark.parametrize(
    ("bind", "host", "port"),
    [
        ("0.0.0.0:8000", "127.0.0.1", 8000),
        ("127.0.0.1:8123", "127.0.0.1", 8123),
        (":9000", "127.0.0.1", 9000),
        ("9000", "127.0.0.1", 9000),
        ("[::]:8080", "::1", 8080),
        ("[::1]:8080", "::1", 8080),
        ("10.1.2.3:8000,127.0.0.1:8001", "10.1.2.3", 8000),
        ("web", "web", 8000),
        ("", "127.0.0.1", 8000),
    ],
)
def test_healthcheck_asks_the_address_gunicorn_binds(bind, host, port):
    connection = healthcheck.connection_for(bind)
    assert (connection.host, connection.port) == (host, port)


def test_healthcheck_speaks_to_a_unix_socket_bind():
    connection = healthcheck.connection_for("unix:/run/wijkaanpak/gunicorn.sock")
    assert connection.path == "/run/wijkaanpak/gunicorn.sock"


class Answer(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self):
        self.send_response(self.status if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_healthcheck_passes_when_healthz_on_bind_answers(server, monkeypatch):
    monkeypatch.setenv("BIND", f"0.0.0.0:{server.server_port}")
    assert healthcheck.main() == 0


def test_healthcheck_fails_when_healthz_answers_an_error(server, monkeypatch):
    monkeypatch.setattr(Answer, "status", 503)
    monkeypatch.setenv("BIND", f"127.0.0.1:{server.server_port}")
    assert healthcheck.main() == 1


def test_healthcheck_fails_when_nothing_listens(server, monkeypatch, capsys):
    port = server.server_port
    server.shutdown()
    server.server_close()
    monkeypatch.setenv("BIND", f"127.0.0.1:{port}")
    assert healthcheck.main() == 1
    assert "healthcheck:" in capsys.readouterr().err
