"""gunicorn settings; every value can be overridden on the command line or in GUNICORN_CMD_ARGS.

gunicorn's own logs (errors on stderr, access on stdout) are JSON lines like the
application's (wijkaanpak.logging), with secret-bearing paths taken out.
"""

import os

from gunicorn.glogging import Logger

bind = os.environ.get("BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn's heartbeat files; tmpfs avoids disk stalls
accesslog = "-"
errorlog = "-"
# The time is in the JSON line already; the rest is Apache's combined format.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27's control socket (for gunicornc) defaults to one path per user
# (~/.gunicorn/gunicorn.ctl): a second instance on the host, or its shutdown, takes it from
# the first. Nothing here uses it.
control_socket_disable = True


class RedactingLogger(Logger):
    """gunicorn's error and access logs as JSON lines, without secrets from URL paths.

    Residents' tracking links and password-reset links carry their secret in the path; a
    malformed request line is logged by the error log, so both logs are redacted.
    """

    def setup(self, cfg) -> None:
        from wijkaanpak.logging import JSONFormatter, RedactSecretsFilter

        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if getattr(handler, "_gunicorn", False):
                    handler.setFormatter(JSONFormatter())
                    handler.addFilter(RedactSecretsFilter())

    def atoms(self, resp, req, environ, request_time):
        from wijkaanpak.logging import redact

        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "f", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms


logger_class = RedactingLogger
