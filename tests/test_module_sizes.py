"""Files a newcomer can hold in their head: no Python module over 600 lines.

Migrations (written by makemigrations) and the demo's texts (``initiatives/demo/ideas.py``,
data rather than code) are left out. The overviews' view module stays under 500: its
figures live in ``initiatives.figures`` and its open data in ``initiatives.opendata``.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIRECTORIES = (
    "wijkaanpak",
    "initiatives",
    "neighbourhoods",
    "subscriptions",
    "budgets",
    "answers",
    "voices",
    "results",
    "tests",
)
MOST_LINES = 600
DATA = {Path("initiatives/demo/ideas.py")}
SMALLER = {Path("initiatives/views/overviews.py"): 500}


def _modules():
    for directory in DIRECTORIES:
        for path in (ROOT / directory).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if "migrations" not in relative.parts and relative not in DATA:
                yield relative


def test_no_module_is_over_600_lines():
    too_long = {
        str(path): lines
        for path in _modules()
        if (lines := len((ROOT / path).read_text(encoding="utf-8").splitlines()))
        > SMALLER.get(path, MOST_LINES)
    }
    assert too_long == {}
