"""`lod serve --data output` as a user types it: a data path relative to the working directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.server_fixtures import running_server


def test_relative_data_directory_serves_dumps_and_documents(
    corpus_build: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    workdir = tmp_path_factory.mktemp("user")
    shutil.copytree(corpus_build, workdir / "output")
    with running_server(Path("output"), workdir / "server.log", cwd=workdir) as server:
        dump = server.get("/dumps/lod.nt.gz")
        assert dump.status_code == 200
        assert dump.content == (workdir / "output/dumps/lod.nt.gz").read_bytes()
        listed = sorted(p.name for p in (workdir / "output/documents").glob("*.ttl"))
        page = server.get(f"/documents/{listed[0]}")
        assert page.status_code == 200 and page.text.startswith("@prefix")
