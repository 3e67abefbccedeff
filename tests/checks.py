"""Page checks every test can use: axe-core in a real browser, the Nu HTML checker in a batch.

Under CI=true a missing checker fails the run; on a laptop it is reported and left out.
"""

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def missing_tool(message: str) -> None:
    """Fail under CI, skip with a visible reason elsewhere."""
    if IN_CI:
        pytest.fail(f"{message} (CI=true: a missing checker is an error, not a skip)")
    pytest.skip(message)


_axe: Axe | None = None


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page; fail listing every violation."""
    global _axe
    if not AXE_JS.exists():
        missing_tool(f"axe-core is not installed at {AXE_JS}; run `npm ci`")
    if _axe is None:
        _axe = Axe.from_file(AXE_JS)
    # After a click the new page's DOM can be there before its stylesheets: axe would then
    # judge unstyled targets (target-size) and colours.
    page.wait_for_load_state("load")
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if violations:
        lines = [f"axe found {len(violations)} violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
        pytest.fail("\n".join(lines))


class HTMLCollector:
    """Keeps every distinct HTML page the tests render, to validate them in one JVM run.

    Pages are files in one directory shared by all xdist workers (``<digest>.html`` plus a
    ``<digest>.source`` naming the request), so the controlling process checks them all.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)

    def add(self, html: str, source: str) -> None:
        digest = hashlib.sha256(html.encode()).hexdigest()[:20]
        page = self.directory / f"{digest}.html"
        if page.exists():
            return
        page.write_text(html, encoding="utf-8")
        (self.directory / f"{digest}.source").write_text(source, encoding="utf-8")

    def count(self) -> int:
        return sum(1 for _ in self.directory.glob("*.html"))

    def validate(self) -> list[str]:
        """Return the Nu HTML checker's errors, each naming the request that rendered it."""
        if not self.count():
            return []
        java = shutil.which("java")
        if not java or not VNU_JAR.exists():
            raise FileNotFoundError(f"java and {VNU_JAR} are needed for the HTML check")
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [
                java,
                "-Xss8m",
                "-jar",
                str(VNU_JAR),
                "--errors-only",
                "--format",
                "json",
                "--skip-non-html",
                str(self.directory),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        messages = json.loads(result.stderr or '{"messages": []}')["messages"]
        errors = []
        for message in messages:
            if message.get("type") not in {"error", "non-document-error"}:
                continue
            page = Path(message.get("url", "").removeprefix("file:"))
            source = page.with_suffix(".source")
            where = source.read_text(encoding="utf-8") if source.exists() else str(page)
            errors.append(f"{where} line {message.get('lastLine', '?')}: {message['message']}")
        return errors
