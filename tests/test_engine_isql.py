"""Virtuoso's SQL side (isql-vt: the bulk loader, the text index) without a Virtuoso: a loader that
stops answering is reported as an EngineError naming what and how long, and a large load is
given time in proportion to its size (10.8 M triples took more than the 300 s HTTP timeout)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from lod.engines import EngineError
from lod.engines.base import Credentials
from lod.engines.virtuoso import LOADER_FLOOR_BYTES_PER_S, Virtuoso, loading_budget


def test_a_large_load_gets_time_for_its_size() -> None:
    assert loading_budget(300, 0) == 300
    assert loading_budget(300, 1_600 * LOADER_FLOOR_BYTES_PER_S) == 1_900


def test_a_loader_that_never_answers_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stuck = tmp_path / "isql-vt"
    stuck.write_text("#!/bin/sh\nexec sleep 30\n")
    stuck.chmod(stuck.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setenv("LOD_ENGINE_SQL_PORT", "1111")
    data = tmp_path / "g.nt"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n")
    engine = Virtuoso("http://127.0.0.1:1", Credentials("dba", "not-the-default"), timeout=1.0)
    with pytest.raises(EngineError, match=r"virtuoso bulk load did not finish within 1 s \(isql-vt on port 1111\)"):
        engine.bulk_load({"urn:graph": str(data)})
