"""The package's floor plan holds: private names stay in their module (more layout rules follow)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jamsostek"
SOURCES = sorted([*PACKAGE.rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])
# The ingest helpers' own private toolkit is being taken apart on its own branch (issue #14).
PRIVATE_EXEMPT = ("jamsostek/ingest/",)


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
