"""docs/architecture.md is the map of the code: it names every module, names nothing the code
lacks, and the modules stay small enough to read (~400 lines, the guide's bound)."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lod.output import DUMPS

ROOT = Path(__file__).resolve().parent.parent
MAP = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
MODULES = sorted(p for p in (ROOT / "lod").rglob("*.py") if p.name != "__main__.py")
MOST_LINES = 400


def _dotted(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _named(module: str) -> bool:
    return re.search(re.escape(module) + r"(?![\w.])|" + re.escape(module) + r"\.[A-Za-z_]", MAP) is not None


@pytest.mark.parametrize("path", MODULES, ids=_dotted)
def test_module_is_on_the_map(path: Path) -> None:
    module = _dotted(path)
    assert _named(module) or f"{path.relative_to(ROOT)}" in MAP, f"{module} is named nowhere in docs/architecture.md"


@pytest.mark.parametrize("path", MODULES, ids=_dotted)
def test_module_is_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, f"{path.relative_to(ROOT)} has {lines} lines (more than {MOST_LINES})"


def _resolves(name: str) -> bool:
    parts = name.split(".")
    for k in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:k]))
        except ImportError:
            continue
        for attribute in parts[k:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def test_every_name_on_the_map_is_in_the_code() -> None:
    names = set(re.findall(r"\blod(?:\.[A-Za-z_]\w*)+", MAP)) - set(DUMPS)  # lod.ttl …: the dumps' file names
    stale = sorted(name for name in names if not _resolves(name))
    assert not stale, f"docs/architecture.md names what the code does not have: {stale}"


def test_the_check_sees_a_missing_module() -> None:
    assert _named("lod.parse.openings") and not _named("lod.parse.no_such_module")
    assert not _resolves("lod.parse.no_such_module") and _resolves("lod.parse.openings.operative_start")


def test_the_server_never_loads_the_parser() -> None:
    """The web layer never parses text: a server process (lod.serve and the app it runs) starts
    without importing lod.parse or the build's pipeline, which also keeps each of its processes
    (workers, query children) quick to start. Checked in a fresh interpreter."""
    probe = ("import sys, lod.serve, lod.web.app; "
             "print(' '.join(sorted(m for m in sys.modules if m.startswith(('lod.parse', 'lod.publish.pipeline')))))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert loaded.stdout.split() == [], loaded.stdout


@pytest.mark.parametrize("module", ["lod.describe.workfacts", "lod.describe.adoption", "lod.describe.page"])
def test_a_description_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    """lod.describe.adoption imported lod.describe.page at its end, and page imports workfacts, which imports
    adoption: importing workfacts first failed (a circular import), and test_every_name_on_the_map_is_in_the_code,
    which imports the map's names in hash order, failed one run in about forty."""
    subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=True, cwd=ROOT)
