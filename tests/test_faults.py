"""Faults and bad input: each recovers, or fails in one clear line with the previous output intact.

A damaged store beside the output, a build killed with SIGKILL (its staging directory, its pool
workers), a disk that fills up, an output that cannot be written; documents over the page, time
and memory caps, 100,000 paragraphs, symbolic link loops, UTF-16 without a byte order mark.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from corpora import CORPUS, REPO_CORPUS
from lod.parse import parse_file, parse_text
from lod.publish import BuildError, build
from lod.publish import limits as limits_module
from lod.publish import vocabulary, workers
from lod.publish.limits import DocumentLimits
from lod.store import OxigraphStore, load_build
from lod.store.loading import verify_store
from server_fixtures import ROOT, running_server

ONE_DOCUMENT = sorted(p for p in REPO_CORPUS.iterdir() if p.suffix == ".txt")[0]


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def many_paragraphs(n: int) -> str:
    """A General Assembly resolution with `n` numbered operative paragraphs."""
    head = ("United Nations A/RES/75/999\n\nGeneral Assembly\n\nDistr.: General\n10 December 2020\n\n"
            "Seventy-fifth session\nAgenda item 70\n\nResolution adopted by the General Assembly on 9 December 2020\n\n"
            "75/999. Many paragraphs\n\nThe General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n")
    body = "\n".join(f"{k}. Requests the Secretary-General to report on item {k} of this resolution;" for k in range(1, n))
    return head + body + f"\n{n}. Decides to remain seized of the matter.\n"


# --- the store beside the output --------------------------------------------------------------

@pytest.fixture()
def one_build(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    build(ONE_DOCUMENT, out, progress=False, jobs=1)
    return out


def _largest_table(store: Path) -> Path:
    return max(store.glob("*.sst"), key=lambda p: p.stat().st_size)


def test_a_store_with_changed_tables_is_noticed_and_loaded_again(one_build: Path, tmp_path: Path) -> None:
    root = tmp_path / "stores"
    store = load_build(one_build, root=root)
    quads = len(OxigraphStore.open_read_only(store).select("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))
    table = _largest_table(store)
    with open(table, "r+b") as fh:  # garbage in place: same size, opens fine, answers wrongly
        fh.seek(table.stat().st_size // 3)
        fh.write(os.urandom(4096))
    assert verify_store(store) is None, "sizes alone cannot see it"
    assert "sha256" in (verify_store(store, deep=True) or "")
    assert load_build(one_build, root=root, deep=True) == store
    assert verify_store(store, deep=True) is None
    assert len(OxigraphStore.open_read_only(store).select("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")) == quads


@pytest.mark.parametrize("damage", ["truncate", "delete", "marker"])
def test_a_store_missing_or_cut_tables_is_loaded_again_without_a_deep_check(one_build: Path, tmp_path: Path,
                                                                              damage: str) -> None:
    root = tmp_path / "stores"
    store = load_build(one_build, root=root)
    table = _largest_table(store)
    if damage == "truncate":
        os.truncate(table, 100)
    elif damage == "delete":
        table.unlink()
    else:
        (store / ".complete").write_text("3ec9c686")  # a marker of an older loader: no table list
    assert verify_store(store) is not None
    assert load_build(one_build, root=root) == store
    assert verify_store(store, deep=True) is None
    assert OxigraphStore.open_read_only(store).ask("ASK { GRAPH ?g { ?s ?p ?o } }")


def test_the_server_rebuilds_a_damaged_store_beside_the_output(one_build: Path, tmp_path: Path) -> None:
    store = load_build(one_build)  # where `lod serve` keeps it: .output.store/ beside output/
    table = _largest_table(store)
    with open(table, "r+b") as fh:
        fh.seek(table.stat().st_size // 2)
        fh.write(os.urandom(4096))
    with running_server(one_build, tmp_path / "server.log") as server:
        assert server.get("/").status_code == 200
        answer = server.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                            headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200 and int(answer.json()["results"]["bindings"][0]["n"]["value"]) > 100
        assert server.get("/documents").status_code == 200
    assert "cannot be trusted" in (tmp_path / "server.log").read_text()


# --- killed builds ----------------------------------------------------------------------------

def _start_build(corpus: Path, out: Path, jobs: int, log: Path) -> subprocess.Popen[bytes]:
    code = ("import sys; from pathlib import Path; from lod.publish import build; "
            f"build(Path({str(corpus)!r}), Path({str(out)!r}), jobs={jobs}, progress=False)")
    with open(log, "wb") as fh:
        return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@contextmanager
def _slow_corpus(tmp_path: Path) -> Iterator[Path]:
    """Two documents, one of which takes its worker tens of seconds (100,000 paragraphs)."""
    corpus = tmp_path / "slow"
    corpus.mkdir()
    shutil.copy(ONE_DOCUMENT, corpus / ONE_DOCUMENT.name)
    (corpus / "long.txt").write_text(many_paragraphs(100_000), encoding="utf-8")
    yield corpus


def test_sigkill_of_a_build_leaves_staging_that_the_next_build_removes(tmp_path: Path) -> None:
    out = tmp_path / "output"
    build(ONE_DOCUMENT, out, progress=False, jobs=1)
    before = _tree_digest(out)
    with _slow_corpus(tmp_path) as corpus:
        process = _start_build(corpus, out, jobs=2, log=tmp_path / "build.log")
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".output.building-*")) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        workers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    leftovers = list(tmp_path.glob(".output.building-*"))
    assert leftovers, "the killed build left its staging directory"
    assert _tree_digest(out) == before, "the published output is untouched"
    # the pool workers notice that the build is gone and exit, busy or idle
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert workers and not any(_alive(w) for w in workers), f"workers still running: {workers}"
    build(ONE_DOCUMENT, out, progress=False, jobs=1)
    assert not any(p.exists() for p in leftovers), "the next build removed what the killed one left"
    assert json.loads((out / "report.json").read_text())["published"] == 1


# --- disk full, read-only output --------------------------------------------------------------

@contextmanager
def tiny_filesystem(folder: Path, kilobytes: int) -> Iterator[Path]:
    """A tmpfs of `kilobytes` at `folder` (needs root: skipped, with the reason, otherwise)."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs (disk-full and read-only cases)")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _cli_build(corpus: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lod.cli", "build", str(corpus), "--out", str(out), "--jobs", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def _one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_full_disk_ends_the_build_in_one_line_naming_the_file(tmp_path: Path) -> None:
    # 28 MiB: one document's output fits (≈ 2.8 MiB of vocabulary files and ≈ 15 MiB of descriptions,
    # most of them the authorities', in 4 KiB blocks), the corpus beside it does not
    with tiny_filesystem(tmp_path / "disk", 28672) as disk:
        out = disk / "output"
        build(ONE_DOCUMENT, out, progress=False, jobs=1)
        before = _tree_digest(out)
        record = (disk / "output.published-works.tsv").read_bytes()
        result = _cli_build(CORPUS, out)
        line = _one_clear_line(result)
        assert "No space left on device" in line and str(disk) in line, line
        assert _tree_digest(out) == before
        # beside the output: the first build's cache (lod.publish.cache) and record; no staging is left
        assert sorted(p.name for p in disk.iterdir()) == [".output.cache", "output", "output.published-works.tsv"]
        assert (disk / "output.published-works.tsv").read_bytes() == record  # the failed build recorded nothing


def test_a_read_only_output_ends_the_build_in_one_line_naming_the_file(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", 28672) as disk:
        out = disk / "output"
        build(ONE_DOCUMENT, out, progress=False, jobs=1)
        before = _tree_digest(out)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        line = _one_clear_line(_cli_build(CORPUS, out))
        assert "Read-only file system" in line and str(disk) in line, line
        assert _tree_digest(out) == before


def test_a_write_failure_in_a_worker_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a small disk to fill: the worker's write fails as a full disk fails it."""
    def full(path: Path, lines: list[str]) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(workers, "write_part", full)
    out = tmp_path / "output"
    with pytest.raises(BuildError, match=r"cannot write .*\.parts/.*\.nt: No space left on device"):
        build(ONE_DOCUMENT, out, progress=False, jobs=1)
    assert not out.exists() and not list(tmp_path.glob(".output.building-*"))


def test_a_write_failure_in_the_vocabulary_process_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The vocabulary files are written by a process of their own (VocabularyStage, forked, so
    it runs this patched writer): its failure is the build's, named, and the output stays as it was."""
    def full(staging: Path, base: str, previous: Path | None = None) -> list[Path]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(staging / "vocab" / "ontology.ttl"))

    out = tmp_path / "output"
    build(ONE_DOCUMENT, out, progress=False, jobs=1)
    before = _tree_digest(out)
    monkeypatch.setattr(vocabulary, "write_vocabularies", full)
    with pytest.raises(BuildError, match=r"cannot write .*/vocab/ontology\.ttl: No space left on device"):
        build(ONE_DOCUMENT, out, progress=False, jobs=1)
    assert _tree_digest(out) == before
    assert not list(tmp_path.glob(".output.building-*"))


# --- bad input --------------------------------------------------------------------------------

def _blank_pdf(path: Path, pages: int) -> Path:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    document.save(path)
    document.close()
    return path


def test_a_document_with_too_many_pages_is_refused_and_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ONE_DOCUMENT, corpus / ONE_DOCUMENT.name)
    _blank_pdf(corpus / "huge.pdf", 31)
    report = build(corpus, tmp_path / "out", progress=False, jobs=2, limits=DocumentLimits(max_pages=30))
    huge = next(d for d in report.documents if d.source == "huge.pdf")
    assert huge.status == "refused"
    assert huge.errors == ["huge.pdf: refused: more than 30 pages (31; setting max-pages)"]
    assert len(report.published) == 1
    written = json.loads((tmp_path / "out" / "report.json").read_text())
    assert any(d["status"] == "refused" for d in written["documents"])


def test_a_document_over_its_time_is_refused_and_the_others_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_parse = workers.parse_file

    def endless_for_one(path: Path):  # type: ignore[no-untyped-def]
        if path.name == "long.txt":  # a converter that never ends on this document (fast machines too)
            while True:
                time.sleep(0.05)
        return real_parse(path)

    monkeypatch.setattr(workers, "parse_file", endless_for_one)  # the forked build workers inherit it
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ONE_DOCUMENT, corpus / ONE_DOCUMENT.name)
    (corpus / "long.txt").write_text(many_paragraphs(50), encoding="utf-8")
    started = time.monotonic()
    report = build(corpus, tmp_path / "out", progress=False, jobs=2, limits=DocumentLimits(seconds=2))
    assert time.monotonic() - started < 60
    long = next(d for d in report.documents if d.source == "long.txt")
    assert long.status == "refused" and "refused: parsing took more than 2 s (setting document-seconds)" in long.errors[0], long.errors
    assert len(report.published) == 1


def test_build_workers_have_the_memory_cap_and_a_document_over_it_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=limits_module.fork_context(), initializer=limits_module.start_worker,
                             initargs=(DocumentLimits(memory_mb=3000),)) as pool:
        soft, _ = pool.submit(resource.getrlimit, resource.RLIMIT_DATA).result()
    assert soft == 3000 << 20

    def greedy(path: Path) -> None:
        raise MemoryError()

    monkeypatch.setattr(workers, "parse_file", greedy)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ONE_DOCUMENT, corpus / "a.txt")
    with pytest.raises(BuildError, match="a.txt: refused: needs more than 64 MB of memory"):
        build(corpus, tmp_path / "out", progress=False, jobs=1, limits=DocumentLimits(memory_mb=64))


def test_paragraphs_beyond_999_keep_their_numbers() -> None:
    res = parse_text(many_paragraphs(3000), source="many.txt")
    assert [p.num for p in res.operative] == [str(k) for k in range(1, 3001)]
    assert res.operative[-1].text.startswith("Decides to remain seized")


def test_symbolic_link_loops_are_named_in_the_report(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    shutil.copy(ONE_DOCUMENT, corpus / ONE_DOCUMENT.name)
    (corpus / "a.txt").symlink_to("b.txt")
    (corpus / "b.txt").symlink_to("a.txt")
    (corpus / "self.txt").symlink_to("self.txt")
    (corpus / "sub" / "up").symlink_to("..")
    (corpus / "gone.txt").symlink_to("nowhere.txt")
    build(corpus, tmp_path / "out", progress=False, jobs=1)
    skipped = {s["source"]: s["reason"] for s in json.loads((tmp_path / "out" / "report.json").read_text())["skipped"]}
    assert set(skipped) == {"a.txt", "b.txt", "self.txt", "sub/up", "gone.txt"}
    assert all(skipped[name].startswith("skipped: symbolic link loop") for name in ("a.txt", "b.txt", "self.txt", "sub/up"))
    assert skipped["gone.txt"] == "skipped: broken symbolic link to nowhere.txt"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / ONE_DOCUMENT.name
    path.write_bytes(ONE_DOCUMENT.read_text(encoding="utf-8").encode(encoding))
    assert parse_file(path).to_json() | {"source": None} == parse_file(ONE_DOCUMENT).to_json() | {"source": None}


def test_binary_data_with_nul_bytes_is_still_refused(tmp_path: Path) -> None:
    from lod.parse import ParseError

    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ParseError, match="binary"):
        parse_file(path)


def test_a_full_disk_while_lists_sqlite_is_written_is_an_os_error_naming_it(tmp_path: Path) -> None:
    """SQLite says a full disk in its own words (an OperationalError): the build's one-line
    error needs the OSError it reports everywhere else."""
    from lod.publish.dumps import DocumentPart
    from lod.publish.lists import write_lists

    work = "http://x.org/akn/w1"
    run = tmp_path / "run.nt"
    run.write_text(f"<{work}> <https://w3id.org/un-lod/ontology#docProponent> <http://x.org/id/state/AUT> .\n")
    with tiny_filesystem(tmp_path / "disk", 8) as disk:
        with pytest.raises(OSError) as raised:
            write_lists(disk, [DocumentPart("w1", work, run, 1)])
    assert raised.value.errno == errno.ENOSPC and raised.value.filename.endswith("lists.sqlite.partial")
