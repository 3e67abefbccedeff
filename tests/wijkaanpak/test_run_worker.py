"""run_worker outlives a database outage: a real PostgreSQL of the test's own, stopped while
the worker starts and started again a moment later; the queued task then runs."""

import os
import queue
import subprocess
import sys
import threading
import time

from tests.own_postgres import own_postgres  # noqa: F401 - the fixture
from tests.wijkaanpak.test_operations import PRODUCTION_ENV, ROOT, run_manage

ENQUEUE = (
    "from wijkaanpak.tasks import send_password_reset; "
    "send_password_reset.enqueue(user_id=404, domain='x', use_https=True, language='nl')"
)
STATUSES = "from django_tasks_db.models import DBTaskResult as R; print(*R.objects.values_list('status', flat=True))"  # noqa: E501


def test_the_worker_waits_for_the_database_and_then_runs_the_queue(own_postgres):  # noqa: F811
    env = {**PRODUCTION_ENV, "DATABASE_URL": own_postgres.url(), "LOG_LEVEL": "INFO"}
    for command in (("migrate", "--no-input", "-v0"), ("shell", "--no-imports", "-c", ENQUEUE)):
        result = run_manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    own_postgres.stop()

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--batch", "--pause", "0.3"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV} | env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Read the worker's output as it comes: the database starts again only once the worker
    # has said it cannot reach it (on a busy machine its start alone can take seconds).
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(
        target=lambda: [lines.put(line) for line in worker.stdout], daemon=True
    )
    reader.start()
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while not any("Database unreachable" in line for line in seen):
            assert worker.poll() is None, "".join(seen)  # still waiting, not exited
            remaining = deadline - time.monotonic()
            assert remaining > 0, "".join(seen)
            try:
                seen.append(lines.get(timeout=min(remaining, 1)))
            except queue.Empty:
                continue
        own_postgres.start()
        worker.wait(timeout=60)
        reader.join(timeout=10)
    finally:
        worker.kill()
    while not lines.empty():
        seen.append(lines.get())
    output = "".join(seen)
    assert worker.returncode == 0, output
    assert "Database unreachable" in output
    assert "Traceback" not in output
    statuses = run_manage("shell", "--no-imports", "-c", STATUSES, env=env)
    assert statuses.stdout.split() == ["SUCCESSFUL"], statuses.stderr
