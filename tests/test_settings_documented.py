"""Every setting and every HTTP endpoint is documented (docs/settings.md, docs/endpoints.md)."""

from __future__ import annotations

import re
from pathlib import Path

from lod import settings
from lod.web import create_app

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _table_first_cells(path: Path) -> set[str]:
    """The code spans in the first column of the markdown tables of `path`."""
    cells = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`([^`]+)`\s*\|", line)
        if match:
            cells.add(match.group(1))
    return cells


def test_every_setting_is_documented_with_its_default_and_variable() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    documented = _table_first_cells(DOCS / "settings.md")
    missing = {s.name for s in settings.SETTINGS} - documented
    assert not missing, f"settings missing from docs/settings.md: {sorted(missing)}"
    for s in settings.SETTINGS:
        row = next(line for line in text.splitlines() if line.startswith(f"| `{s.name}` |"))
        assert f"`{s.env}`" in row, s.name
        assert f"`{s.default}`" in row, s.name
    stale = documented - {s.name for s in settings.SETTINGS}
    assert not stale, f"docs/settings.md documents settings that do not exist: {sorted(stale)}"


def test_every_endpoint_is_documented(tmp_path: Path) -> None:
    app = create_app({"data": str(tmp_path)})
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    documented = _table_first_cells(DOCS / "endpoints.md")
    missing = rules - documented
    assert not missing, f"endpoints missing from docs/endpoints.md: {sorted(missing)}"
    stale = documented - rules
    assert not stale, f"docs/endpoints.md documents routes that do not exist: {sorted(stale)}"
