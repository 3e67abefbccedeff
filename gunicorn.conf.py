"""gunicorn settings; every value can be overridden on the command line or in GUNICORN_CMD_ARGS."""

import os

from gunicorn.glogging import Logger

bind = os.environ.get("BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn's heartbeat files; tmpfs avoids disk stalls
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


class RedactingLogger(Logger):
    """Access log without residents' private tracking tokens (they live in the URL path)."""

    def atoms(self, resp, req, environ, request_time):
        from wijkaanpak.logging import redact

        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "f", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms


logger_class = RedactingLogger
