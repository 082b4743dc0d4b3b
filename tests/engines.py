"""External SPARQL engines for tests: the Oxigraph server (PyPI `oxigraph`, in every test run) and
Virtuoso (Debian `virtuoso-opensource`, in `make engine-test` only), each started on 127.0.0.1
with its own data directory and configuration, and stopped afterwards."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from server_fixtures import free_port

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
TEST_PASSWORD = "lod-engine-test"


@dataclass
class RunningEngine:
    kind: str
    url: str
    process: subprocess.Popen[bytes]
    folder: Path
    sql_port: int | None = None

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:  # stopped a moment ago by another thread (a test's timer)
                pass
            self.process.wait(10)


def _wait(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"engine exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"engine at {url} did not start: {log.read_text()[-2000:]}")


def oxigraph_binary() -> str | None:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    return found if os.access(found, os.X_OK) else None


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[RunningEngine]:
    binary = oxigraph_binary()
    assert binary, "the oxigraph package (PyPI) is not installed"
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "oxigraph.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    engine = RunningEngine("oxigraph", f"http://127.0.0.1:{port}", process, folder)
    try:
        _wait(engine.url + "/query", process, log)
        yield engine
    finally:
        engine.stop()


@contextmanager
def virtuoso_server(folder: Path, secure: bool = True, max_seconds: int = 5,
                    max_rows: int = 10000) -> Iterator[RunningEngine]:
    """Virtuoso with its own database and ports; `secure`: the dba password changed to TEST_PASSWORD;
    `max_rows`: its ResultSetMaxRows (Debian's 10,000 by default: the tests check that a cut answer
    is refused; the benchmark sets it above its max-rows, as docs/deploy.md says)."""
    assert shutil.which("virtuoso-t") and VIRTUOSO_INI.is_file(), "virtuoso-opensource is not installed"
    http_port, sql_port = free_port(), free_port()
    db, load = folder / "db", folder / "load"
    fresh = not (db / "virtuoso.db").exists()  # else: the same database started again
    db.mkdir(parents=True, exist_ok=True)
    load.mkdir(exist_ok=True)
    ini = VIRTUOSO_INI.read_text()
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(db))
    ini = re.sub(r"(?m)^ServerPort(\s*)= 1111\b", rf"ServerPort\g<1>= {sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort(\s*)= 8890\b", rf"ServerPort\g<1>= {http_port}", ini)
    ini = re.sub(r"(?m)^DirsAllowed(\s*)= .*$", rf"DirsAllowed\g<1>= ., /usr/share/virtuoso-opensource-7/vad, {load}", ini)
    ini = re.sub(r"(?m)^MaxQueryExecutionTime(\s*)= .*$", rf"MaxQueryExecutionTime\g<1>= {max_seconds}", ini)
    # its cost estimator refuses queries the other stores answer (the example queries at N = 2000):
    # off, so that only the time limit decides
    ini = re.sub(r"(?m)^MaxQueryCostEstimationTime(\s*)= .*$", r"MaxQueryCostEstimationTime\g<1>= 0", ini)
    ini = re.sub(r"(?m)^ResultSetMaxRows(\s*)= .*$", rf"ResultSetMaxRows\g<1>= {max_rows}", ini)
    (folder / "virtuoso.ini").write_text(ini)
    log = folder / "virtuoso.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(["virtuoso-t", "+configfile", str(folder / "virtuoso.ini"), "+foreground"],
                                   stdout=out, stderr=subprocess.STDOUT, cwd=folder, start_new_session=True)
    engine = RunningEngine("virtuoso", f"http://127.0.0.1:{http_port}", process, folder, sql_port)
    try:
        _wait(engine.url + "/sparql", process, log)
        if secure and fresh:
            subprocess.run(["isql-vt", str(sql_port), "dba", "dba", f"exec=user_set_password('dba', '{TEST_PASSWORD}');"],
                           check=True, capture_output=True, timeout=60)
        yield engine
    finally:
        engine.stop()
