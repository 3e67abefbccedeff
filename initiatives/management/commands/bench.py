"""`make bench`: measure every main page at scale against Django's own floor (/healthz).

The run, in order (docs/performance.md explains the numbers):
1. create a separate PostgreSQL database (BENCH_DATABASE_URL) and migrate it;
2. fill it with a realistic data set of the chosen size using bulk inserts (`bench_data`);
3. per page, count SQL queries and HTML/gzip bytes in-process (DEBUG-independent);
4. start gunicorn with production settings (DEBUG off, 2 sync workers) on a free port on
   127.0.0.1 and measure each page with wrk: 1 connection (median, p95) and 8 connections
   (requests/s), after a warm-up, for a fixed time;
5. read each worker's peak memory, stop gunicorn, print one table and write JSON under
   bench/results/.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

TIERS = {"smoke": 200, "1k": 1_000, "10k": 10_000, "100k": 100_000}
DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/wijkaanpak_bench"
RESULTS_DIR = Path(settings.BASE_DIR) / "bench" / "results"

# wrk prints this table at the end of a run (latency in microseconds), with how many answers
# came from the page cache (the X-Page-Cache header of initiatives.pagecache).
WRK_REPORT = """
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() hits = 0; misses = 0 end
response = function(status, headers, body)
  local answer = headers["X-Page-Cache"]
  if answer == "hit" then hits = hits + 1 elseif answer == "miss" then misses = misses + 1 end
end
done = function(summary, latency, requests)
  local h, m = 0, 0
  for _, thread in ipairs(threads) do h = h + thread:get("hits"); m = m + thread:get("misses") end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "non_2xx": %d, '
    .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "hits": %d, "misses": %d}\\n',
    summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), h, m))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = "Benchmark the main pages at 1k/10k/100k initiatives (see docs/performance.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tier", choices=sorted(TIERS), default="1k")
        parser.add_argument(
            "--smoke",
            action="store_true",
            help="Tiny data, one second per page: checks the harness, not the speed (CI).",
        )
        parser.add_argument("--duration", type=int, default=10, help="Seconds per measurement.")
        parser.add_argument("--warmup", type=int, default=2, help="Seconds of warm-up per page.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--reuse-data", action="store_true", help="Keep the database of an earlier run."
        )
        parser.add_argument(
            "--writes",
            type=float,
            default=0,
            metavar="RATE",
            help="Measure every page again while bench_writes writes RATE times a second.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        tier = "smoke" if options["smoke"] else options["tier"]
        duration = 1 if options["smoke"] else options["duration"]
        warmup = 0 if options["smoke"] else options["warmup"]
        database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_BENCH_DATABASE_URL)
        if not database_url.startswith(("postgres://", "postgresql://")):
            raise CommandError("BENCH_DATABASE_URL must point at PostgreSQL.")
        wrk = self._wrk()
        env = self._environment(database_url)

        if not options["reuse_data"]:
            self._recreate_database(database_url)
            self._manage(env, "migrate", "--no-input", "-v0")
            started = time.monotonic()
            self._manage(env, "bench_data", "--initiatives", str(TIERS[tier]))
            self.stderr.write(
                f"Loaded {TIERS[tier]:,} initiatives in {time.monotonic() - started:.0f} s"
            )
            self._vacuum(database_url)
        self._manage(env, "collectstatic", "--no-input", "-v0")
        pages = json.loads(self._manage(env, "bench_data", "--pages", capture=True))

        port = free_port()
        gunicorn = self._start_gunicorn(env, port, options["workers"])
        try:
            base = f"http://127.0.0.1:{port}"
            results = []
            for page in pages:
                self.stderr.write(f"  {page['name']} …")
                url = base + page["path"]
                headers = page.get("headers", {})
                if warmup:
                    self._wrk_run(wrk, url, headers, connections=1, seconds=warmup)
                single = self._wrk_run(wrk, url, headers, connections=1, seconds=duration)
                loaded = self._wrk_run(
                    wrk, url, headers, connections=options["connections"], seconds=duration
                )
                result = {**page, "single": single, "loaded": loaded}
                if options["writes"]:
                    writer = self._start_writer(
                        env, options["writes"], warmup + 2 * duration + 5, seed=len(results)
                    )
                    try:
                        if warmup:
                            self._wrk_run(wrk, url, headers, connections=1, seconds=warmup)
                        result["writes_single"] = self._wrk_run(
                            wrk, url, headers, connections=1, seconds=duration
                        )
                        result["writes_loaded"] = self._wrk_run(
                            wrk, url, headers, connections=options["connections"], seconds=duration
                        )
                    finally:
                        result["writer"] = self._stop_writer(writer)
                results.append(result)
            memory = self._worker_peak_memory(gunicorn)
        finally:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)

        report = self._report(tier, results, memory, duration, options)
        self.stdout.write(self._table(report))
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = RESULTS_DIR / f"{tier}-{stamp}.json"
        path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        self.stdout.write(f"Results written to {path.relative_to(settings.BASE_DIR)}")
        failures = [r["name"] for r in results if r["single"]["errors"] or r["single"]["non_2xx"]]
        if failures:
            raise CommandError(f"Pages answered with errors or non-2xx statuses: {failures}")

    # --- Set-up -----------------------------------------------------------------------

    def _wrk(self) -> str:
        found = shutil.which("wrk")
        if found:
            return found
        self.stderr.write("wrk is missing; installing the Debian package …")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)  # noqa: S607
        found = shutil.which("wrk")
        if not found:
            raise CommandError("wrk is needed: apt-get install wrk")
        return found

    def _environment(self, database_url: str) -> dict[str, str]:
        """Production settings, except plain HTTP on loopback (no TLS terminator here)."""
        return {
            **os.environ,
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "HTTPS": "0",
            "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", "bench-only-" + "x" * 50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "STATIC_MANIFEST": "1",
            "TASKS_BACKEND": "database",
            "EMAIL_BACKEND": "console",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "wijkaanpak.settings",
        }

    def _recreate_database(self, database_url: str) -> None:
        import psycopg

        parts = urlsplit(database_url)
        name = parts.path.lstrip("/")
        if not name or not name.replace("_", "").isalnum():
            raise CommandError(f"Unusable benchmark database name: {name!r}")
        admin_url = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')

    def _vacuum(self, database_url: str) -> None:
        """What autovacuum does to a live database: visibility map and statistics up to date.

        Without it, index-only scans on freshly bulk-loaded tables still read the heap.
        """
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute("VACUUM (ANALYZE)")

    def _manage(self, env: dict[str, str], *args: str, capture: bool = False) -> str:
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=env,
            check=False,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        if result.returncode:
            raise CommandError(f"manage.py {' '.join(args)} failed ({result.returncode})")
        return result.stdout or ""

    def _start_gunicorn(self, env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "wijkaanpak.wsgi",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--access-logfile",
                "/dev/null",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,
        )
        # The master listens before its workers have imported Django: wait for real answers.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    return process
            except OSError:
                time.sleep(0.2)
        process.kill()
        raise CommandError("gunicorn did not start within 120 s")

    # --- Measuring --------------------------------------------------------------------

    def _wrk_run(
        self, wrk: str, url: str, headers: dict[str, str], *, connections: int, seconds: int
    ) -> dict[str, float]:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT)
        command = [
            wrk,
            f"-t{min(connections, 2)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            script.name,
        ]
        for key, value in headers.items():
            command += ["-H", f"{key}: {value}"]
        result = subprocess.run(  # noqa: S603
            [*command, url], capture_output=True, text=True, check=False, timeout=seconds + 60
        )
        Path(script.name).unlink(missing_ok=True)
        line = next(
            (row for row in result.stdout.splitlines() if row.startswith('{"requests"')), None
        )
        if line is None:
            raise CommandError(f"wrk failed on {url}: {result.stderr or result.stdout}")
        raw = json.loads(line)
        return {
            "requests": raw["requests"],
            "requests_per_second": raw["requests"] / (raw["duration_us"] / 1e6),
            "median_ms": raw["p50_us"] / 1000,
            "p95_ms": raw["p95_us"] / 1000,
            "p99_ms": raw["p99_us"] / 1000,
            "errors": raw["errors"],
            "non_2xx": raw["non_2xx"],
            "hits": raw["hits"],
            "misses": raw["misses"],
        }

    def _start_writer(
        self, env: dict[str, str], rate: float, seconds: int, seed: int
    ) -> subprocess.Popen:
        writer = subprocess.Popen(  # noqa: S603 - our own manage.py
            [
                sys.executable,
                "manage.py",
                "bench_writes",
                "--rate",
                str(rate),
                "--seconds",
                str(seconds),
                "--seed",
                str(seed),
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        # Measure only once it writes: Django's start-up is not part of the load.
        if '"ready"' not in (writer.stdout.readline() if writer.stdout else ""):
            writer.kill()
            raise CommandError("bench_writes did not start")
        return writer

    def _stop_writer(self, writer: subprocess.Popen) -> dict:
        """Stop the writer (it may still be pacing) and read what it did, if it finished."""
        writer.send_signal(signal.SIGTERM)
        output, _errors = writer.communicate(timeout=30)
        line = next((row for row in output.splitlines() if row.startswith('{"writes"')), None)
        return json.loads(line) if line else {}

    def _worker_peak_memory(self, master: subprocess.Popen) -> dict[str, float]:
        """Peak resident memory (VmHWM) of each gunicorn worker, in MB."""
        children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
        pids = children.read_text().split() if children.exists() else []
        peaks = {}
        for pid in pids:
            status = Path(f"/proc/{pid}/status")
            if not status.exists():
                continue
            for row in status.read_text().splitlines():
                if row.startswith(("VmHWM:", "VmRSS:")):
                    key, value = row.split(":")
                    peaks.setdefault(pid, {})[key] = int(value.split()[0]) / 1024
        return {
            "peak_mb": max((p.get("VmHWM", 0) for p in peaks.values()), default=0),
            "rss_after_mb": max((p.get("VmRSS", 0) for p in peaks.values()), default=0),
        }

    # --- Reporting --------------------------------------------------------------------

    def _report(
        self, tier: str, results: list[dict], memory: dict, duration: int, options: dict
    ) -> dict:
        healthz = next(r for r in results if r["name"] == "healthz")
        floor = healthz["loaded"]["requests_per_second"]
        for result in results:
            rate = result["loaded"]["requests_per_second"]
            result["fraction_of_healthz"] = rate / floor if floor else 0.0
            if "writes_loaded" in result:
                # Against /healthz under the same writes, measured in the same run.
                under = healthz["writes_loaded"]["requests_per_second"]
                rate = result["writes_loaded"]["requests_per_second"]
                result["writes_fraction_of_healthz"] = rate / under if under else 0.0
                answered = result["writes_loaded"]["hits"] + result["writes_loaded"]["misses"]
                answered += result["writes_single"]["hits"] + result["writes_single"]["misses"]
                hits = result["writes_loaded"]["hits"] + result["writes_single"]["hits"]
                result["writes_hit_rate"] = hits / answered if answered else None
        return {
            "tier": tier,
            "initiatives": TIERS[tier],
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {
                "cpus": os.cpu_count(),
                "python": sys.version.split()[0],
                "platform": os.uname().sysname + " " + os.uname().release,
            },
            "settings": {
                "workers": options["workers"],
                "connections": options["connections"],
                "seconds_per_measurement": duration,
                # PAGE_CACHE_SECONDS=0 make bench measures what a visitor costs on a miss.
                "page_cache_seconds": int(os.environ.get("PAGE_CACHE_SECONDS") or 3600),
            },
            "writes_per_second": options["writes"],
            "worker_memory": memory,
            "pages": results,
        }

    def _table(self, report: dict) -> str:
        writes = report["writes_per_second"]
        header = (
            f"{'page':<28} {'median ms':>9} {'p95 ms':>7} {'req/s (8)':>9} "
            f"{'of /healthz':>11} {'queries':>7} {'HTML KB':>7} {'gzip KB':>7}"
        )
        if writes:
            header += (
                f" | {'writes: median':>14} {'p95':>6} {'p99':>6} {'of /healthz':>11} "
                f"{'cache hits':>10}"
            )
        lines = [
            f"Tier {report['tier']} ({report['initiatives']:,} initiatives), "
            f"{report['settings']['workers']} workers, "
            f"{report['settings']['connections']} connections, page cache "
            + ("on" if report["settings"]["page_cache_seconds"] else "off")
            + (f", then again under {writes:g} writes/s" if writes else ""),
            header,
            "-" * len(header),
        ]
        for page in report["pages"]:
            line = (
                f"{page['name']:<28} {page['single']['median_ms']:>9.2f} "
                f"{page['single']['p95_ms']:>7.2f} {page['loaded']['requests_per_second']:>9.0f} "
                f"{page['fraction_of_healthz']:>10.0%} {page.get('queries', 0):>7} "
                f"{page.get('html_bytes', 0) / 1024:>7.1f} {page.get('gzip_bytes', 0) / 1024:>7.1f}"
            )
            if writes:
                under = page["writes_single"]
                hit_rate = page["writes_hit_rate"]
                line += (
                    f" | {under['median_ms']:>14.2f} {under['p95_ms']:>6.2f} "
                    f"{under['p99_ms']:>6.2f} {page['writes_fraction_of_healthz']:>10.0%} "
                    + (f"{hit_rate:>10.0%}" if hit_rate is not None else f"{'—':>10}")
                )
            lines.append(line)
        memory = report["worker_memory"]
        lines.append(
            f"Worker memory: peak {memory['peak_mb']:.0f} MB, "
            f"after the run {memory['rss_after_mb']:.0f} MB"
        )
        if writes:
            done: dict[str, int] = {}
            for page in report["pages"]:
                for kind, count in page.get("writer", {}).get("writes", {}).items():
                    done[kind] = done.get(kind, 0) + count
            lines.append(
                "Writes done: " + ", ".join(f"{kind} {count}" for kind, count in done.items())
            )
        return "\n".join(lines) + "\n"
