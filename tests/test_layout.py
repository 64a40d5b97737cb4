"""The package's floor plan holds: layers import only downwards, no import cycle, duckdb only in store/,
streamlit only in ui/ (and dashboard.py, pages/), never benchmarks/, and private names stay in their module."""

from __future__ import annotations

import ast
from functools import cache
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jamsostek"
SOURCES = sorted([*PACKAGE.rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])
# The ingest helpers' own private toolkit is being taken apart on its own branch (issue #14).
PRIVATE_EXEMPT = ("jamsostek/ingest/",)


# Lowest first; a module may import its own layer and the layers before it. What each does:
# settings, domain: constants and programme facts · i18n: labels and formats · store: DuckDB and SQL ·
# geo: wilayah and boundaries · analysis: pure coverage maths, charts and maps (no store, no geo) ·
# reports: documents and download formats built from query results · access: accounts, roles, privacy ·
# ingest: extract files into the store (uses privacy) · usulan: candidate lists, their verification and
# enrolment (uses ingest's readers) · sample: synthetic extracts · plan: budget allocation ·
# meetings: weekly meetings and their minutes · ui: Streamlit pieces · cli: every area's command line.
LAYERS = (("settings", "domain"), ("i18n",), ("store",), ("geo",), ("sasaran",), ("analysis",), ("reports",), ("access",),
          ("ingest",), ("usulan",), ("sample",), ("plan",), ("meetings",), ("ui",), ("cli",))
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    """Dotted module name of a file in the repository ('jamsostek.ui.context', 'pages.peta')."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree: ast.Module) -> dict[str, str]:
    """Local name -> jamsostek module it is bound to, from `import a.b as c` and `from a import b`."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("jamsostek"):
                    names[alias.asname or alias.name.split(".")[0]] = alias.name
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jamsostek"):
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


@cache
def imports(path: Path) -> frozenset[str]:
    """Every module a file imports (top-level names for outside packages, full names for jamsostek)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names
                      if (PACKAGE.parent / f"{node.module}.{alias.name}".replace(".", "/")).with_suffix(".py").exists()
                      or (PACKAGE.parent / f"{node.module}.{alias.name}".replace(".", "/") / "__init__.py").exists()}
    return frozenset(found)


PACKAGE_MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {m for m in imports(path) if m in PACKAGE_MODULES and m != name}
         for name, path in PACKAGE_MODULES.items()}


def layer(module: str) -> str | None:
    """The layer of a jamsostek module: its folder, or 'cli' for a command line (jamsostek/cli.py, */cli.py)."""
    parts = module.split(".")
    if parts[-1] in {"cli", "__main__"}:
        return "cli"
    return parts[1] if len(parts) > 1 else None  # the package itself (jamsostek/__init__.py)


def test_every_folder_of_the_package_has_a_layer():
    assert {layer(m) for m in PACKAGE_MODULES} - {None} <= set(RANK)


def test_no_import_cycle_inside_the_package():
    try:
        TopologicalSorter(GRAPH).prepare()
    except CycleError as cycle:
        pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")


def test_layers_import_only_downwards():
    upward = [f"{m} ({layer(m)}) imports {d} ({layer(d)})" for m, deps in GRAPH.items() for d in sorted(deps)
              if layer(m) and layer(d) and RANK[layer(d)] > RANK[layer(m)]]
    assert upward == []


def _importers(top_level: str) -> set[str]:
    return {name for name, path in PACKAGE_MODULES.items()
            if any(m == top_level or m.startswith(top_level + ".") for m in imports(path))}


def test_only_the_store_imports_duckdb():
    assert {m for m in _importers("duckdb") if layer(m) != "store"} == set()


def test_only_the_ui_imports_streamlit():
    assert {m for m in _importers("streamlit") if layer(m) != "ui"} == set()


def test_the_package_never_imports_benchmarks():
    assert _importers("benchmarks") == set()


def test_the_layer_scan_sees_real_imports():
    # Guards against a scan that finds nothing: these edges exist and point downwards.
    assert "jamsostek.store.db" in GRAPH["jamsostek.ui.context"]
    assert "jamsostek.i18n" in GRAPH["jamsostek.analysis.metrics"]
    assert "jamsostek.ui.context" in _importers("streamlit") and "jamsostek.store.db" in _importers("duckdb")


def private_uses(path: Path, source: str | None = None) -> list[str]:
    """`module._name` uses (and `from module import _name`) in `path` where module is a jamsostek module."""
    tree = ast.parse(path.read_text(encoding="utf-8") if source is None else source)
    modules = imported_modules(tree)
    where = path.relative_to(ROOT)
    attributes = [f"{where}:{node.lineno}: {node.value.id}.{node.attr}" for node in ast.walk(tree)
                  if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                  and node.value.id in modules and _private(node.attr)]
    imports = [f"{where}:{node.lineno}: from {node.module} import {alias.name}" for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jamsostek")
               for alias in node.names if _private(alias.name)]
    return attributes + imports


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_private_name_is_used_outside_its_module():
    uses = [use for path in SOURCES if not str(path.relative_to(ROOT)).startswith(PRIVATE_EXEMPT)
            for use in private_uses(path)]
    assert uses == []


def test_the_private_name_scan_finds_a_use():
    source = ("from jamsostek.ui import context as ctx\nfrom jamsostek.i18n import _merge, t\nctx._connect('x')\n"
              "ctx.run('y')\n")
    assert private_uses(ROOT / "jamsostek" / "_layout_probe.py", source) == ["jamsostek/_layout_probe.py:3: ctx._connect",
                                    "jamsostek/_layout_probe.py:2: from jamsostek.i18n import _merge"]
