"""docs/deploy.md's table of environment variables against what the code really reads.

The variables and their defaults are read from the source (settings.py and gunicorn.conf.py)
with ast, so a new setting without a row, a row for a setting that is gone, or a default
changed in one place only fails here.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "wijkaanpak" / "settings.py", ROOT / "gunicorn.conf.py"]
DOCS = ROOT / "docs" / "deploy.md"
# The settings module's helpers: name first, then the default (envlist's is "").
HELPERS = {"envbool", "envint", "envlist", "envchoice", "envdatetime"}
COMPUTED = object()  # a default that depends on another setting (DEBUG, HTTPS)


def literal_text(node: ast.expr | None) -> object:
    """How the docs write a default: `1`/`0` for booleans, "" for empty, None for none."""
    if node is None:
        return None
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            return "1" if node.value else "0"
        return str(node.value)
    return COMPUTED


def environment_reads() -> dict[str, object]:
    """Every variable the sources read, with its default as the docs should write it."""
    reads: dict[str, object] = {}
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            name, default = None, None
            if isinstance(node, ast.Call) and node.args:
                function = node.func
                called = ast.unparse(function)
                if called in {"os.environ.get", "os.getenv"} or called in HELPERS:
                    name = node.args[0]
                    default = node.args[1] if len(node.args) > 1 else None
                    if called == "envlist" and default is None:
                        default = ast.Constant("")
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
                name = node.slice
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                if isinstance(default, ast.IfExp):
                    both = (literal_text(default.body), literal_text(default.orelse))
                    value = both if COMPUTED not in both else COMPUTED
                else:
                    value = literal_text(default)
                # The first read with a default wins over a bare `os.environ["X"]`.
                if reads.get(name.value) is None:
                    reads[name.value] = value
    return reads


def documented() -> dict[str, str]:
    """Variable → the text of its default cell, from the table under "Environment variables"."""
    section = DOCS.read_text(encoding="utf-8").split("## Environment variables", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("`"):
            continue
        names = re.findall(r"`([A-Z][A-Z0-9_]*)`", cells[0])
        default_cell = cells[1]
        if len(names) == 1:
            rows[names[0]] = default_cell
            continue
        # Several variables in one row: one default each, in the same order.
        defaults = [part.strip() for part in default_cell.split(", ")]
        assert len(defaults) == len(names), f"row {names}: {len(defaults)} defaults"
        rows.update(zip(names, defaults, strict=True))
    return rows


def written_as(default: str | None, cell: str) -> bool:
    """Whether a default cell says this default."""
    if default in (None, ""):
        return cell.startswith(("empty", "—"))
    return f"`{default}`" in cell


def test_the_sources_are_parsed():
    reads = environment_reads()
    # A few that must be found, each read a different way.
    assert reads["SECRET_KEY"] == ""
    assert reads["DEBUG"] == "0"
    assert reads["CONN_MAX_AGE"] == "60"
    assert reads["EMAIL_BACKEND"] == ("console", "smtp")
    assert reads["SILENCED_SYSTEM_CHECKS"] == ""
    assert reads["BIND"] == "0.0.0.0:8000"
    assert "REDIS_URL" in reads


def test_every_variable_the_code_reads_is_documented():
    missing = sorted(set(environment_reads()) - set(documented()))
    assert missing == [], f"add to docs/deploy.md's table: {missing}"


def test_every_documented_variable_is_read_by_the_code():
    stale = sorted(set(documented()) - set(environment_reads()))
    assert stale == [], f"docs/deploy.md documents variables nothing reads: {stale}"


@pytest.mark.parametrize("name", sorted(environment_reads()))
def test_documented_default_is_the_real_one(name):
    default, cell = environment_reads()[name], documented().get(name)
    if cell is None:
        pytest.fail(f"{name} is not documented")
    if default is COMPUTED:
        return  # depends on DEBUG or HTTPS: the docs say which in words
    if isinstance(default, tuple):
        # `a if DEBUG else b` (or HTTPS): the docs name both values.
        for value in default:
            said = f"`{value}`" in cell if value else "empty" in cell
            assert said, f"{name}: default {value!r} (one of {default}) not in {cell!r}"
        return
    assert written_as(default, cell), f"{name}: code says {default!r}, docs say {cell!r}"
