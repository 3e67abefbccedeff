"""The project's modules import each other without a cycle, and in one direction.

Imports inside functions count too: a cycle hidden in a function is still a cycle.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "wijkaanpak",
    "initiatives",
    "neighbourhoods",
    "subscriptions",
    "budgets",
    "answers",
    "voices",
    "results",
    "duplicates",
    "attachments",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {
        _module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                # "from initiatives import rules" imports the module initiatives.rules.
                targets = [f"{node.module}.{alias.name}" for alias in node.names]
                targets = [t if t in modules else node.module for t in targets]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_import_graph_has_no_cycle():
    assert _cycle(_graph()) is None, " -> ".join(_cycle(_graph()) or [])


def test_neighbourhoods_knows_nothing_of_initiatives():
    graph = _graph()
    for name, targets in graph.items():
        if name.startswith("neighbourhoods"):
            assert not {t for t in targets if t.startswith("initiatives")}, name


def test_models_ask_no_rules_views_or_services():
    graph = _graph()
    assert not graph["initiatives.models"] & {
        "initiatives.rules",
        "initiatives.services",
        "initiatives.views",
    }
