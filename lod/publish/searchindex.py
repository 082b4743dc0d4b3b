"""The build's search index stage: records made in the workers, written in corpus order.

A map worker has the parsed document and the work registry in hand, so it makes the document's
search record there (lod.search.document_record: passages, IRIs, facets) and leaves it in a
pickle beside the document's run file (in the build cache: an unchanged document's record is
not made again). Once every document is placed, a process of its own adds the published
documents' records to the tantivy index in corpus order, one at a time (the writer holds at most
lod.search.engine.WRITER_HEAP bytes before it writes a segment, and the same input gives the
same files), and commits it while the main process writes the dumps: the index costs the
build's main process nothing. The index is written into the staging directory and lands with
the rest of the output in the atomic swap.

The index is made of groups of documents (lod.search.engine.search_group), each one segment. With
the build cache, each group's segment is kept in the cache under a digest of its members (their
records' sha256, in order, and lod's code fingerprint): a group none of whose documents changed is not written again but
linked, so a one-document change writes one group's segment. Written afresh or found in the
cache, a group's files are the same bytes.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import pickle
import time
from collections import defaultdict
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from lod.model import Resolution
from lod.rdf import WorkRegistry
from lod.search import INDEX_FILE, IndexWriter, document_record
from lod.search.engine import assemble, search_group
from lod.publish.cache import code_fingerprint
from lod.publish.limits import fork_context
from lod.publish.signatures import sha256_file, signature, unchanged

FULL_DISK_BYTES = 1 << 20
"""Free space below which a failed index writer is taken to have met a full disk."""


def save_record(res: Resolution, registry: WorkRegistry, path: Path) -> None:
    """In a worker: the document's search record, pickled to `path`."""
    iri = registry.work_for(res)
    record = document_record(res, iri.work(), iri.component_iri("main"),
                             lambda cited: registry.work_for_citation(cited, res.body_key, res.body))
    path.write_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))


CHECK = "check.json"
"""In a group's folder in the cache: each file's sha256 and stat signature (lod.publish.signatures)."""


def write_index(target: Path, groups: dict[str, list[tuple[Path, str | None]]], store: Path | None) -> set[str]:
    """The index folder of these groups of record files and their sha256 (each in this order), their segments
    found in or written to `store` (the cache; None: written beside `target` and dropped once
    linked). The names of the group folders used in `store`. A full disk is an OSError naming it."""
    scratch = target.with_name(f".{target.name}-groups")
    folders, used = [], set()
    try:
        for name in sorted(groups):
            records = [path for path, _ in groups[name]]
            if store is None:
                folder = scratch / name
                _write_group(folder, records)
            else:
                members = "\n".join([code_fingerprint()] + [sha256 or sha256_file(path) for path, sha256 in groups[name]])
                digest = hashlib.sha256(members.encode()).hexdigest()
                folder = store / digest
                if not _intact(folder):
                    _write_group(folder, records)
                used.add(digest)
            folders.append(folder)
        assemble(target, folders)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return used


def _intact(folder: Path) -> bool:
    """Whether a group's folder in the cache holds the files written then."""
    try:
        check = json.loads((folder / CHECK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(unchanged(folder / name, sha256, recorded) for name, (sha256, recorded) in check.items())


def _write_group(folder: Path, records: list[Path]) -> None:
    """One group's index, written beside `folder` and renamed to it once checked."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = folder.with_name(f".{folder.name}.{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    writer = IndexWriter(temporary)
    try:
        for saved in records:
            writer.add(pickle.loads(saved.read_bytes()))
        writer.close()
    except BaseException as exc:
        try:
            writer.abort()
        except ValueError:
            pass  # a writer tantivy already killed has nothing to roll back
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(exc, ValueError) and _disk_full(folder.parent):
            # tantivy reports an I/O failure of its writer threads only as "An index writer was killed"
            raise OSError(errno.ENOSPC, "No space left on device", str(folder)) from None
        raise
    check = {p.name: [sha256_file(p), signature(p)] for p in sorted(temporary.iterdir())}
    (temporary / CHECK).write_text(json.dumps(check, sort_keys=True), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(temporary, folder)


def _disk_full(folder: Path) -> bool:
    """Whether the file system of `folder` has (almost) no room left: how a killed index writer is explained."""
    try:
        return shutil.disk_usage(folder).free < FULL_DISK_BYTES
    except OSError:
        return False


class IndexStage:
    """In the main process: the published documents' record files, in corpus order, then the
    process that writes the index from them. A context manager: on a failed build the writing
    process is waited for before the staging directory (which it writes into) is removed."""

    def __init__(self, staging: Path) -> None:
        self.target = staging / INDEX_FILE
        self.groups: dict[str, list[tuple[Path, str | None]]] = defaultdict(list)
        self.store: Path | None = None
        """Where the groups' segments are kept between builds (the build cache's), if anywhere."""
        self.used: set[str] = set()
        """The group folders of `store` this build's index is made of (what the cache keeps)."""
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> IndexStage:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None and self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def add(self, saved: Path, source: str, sha256: str | None) -> None:
        """A published document's record (the file stays until the index is written) and its
        sha256 if known; `source` is its name in the corpus, which gives its group."""
        self.groups[search_group(source)].append((saved, sha256))

    def start_closing(self) -> None:
        """Write and commit the index in a process of its own (forked: it needs only the paths)."""
        self._started = time.perf_counter()
        self._pool = ProcessPoolExecutor(1, mp_context=fork_context())
        self._future: Future[set[str]] = self._pool.submit(write_index, self.target, dict(self.groups), self.store)

    def finish(self) -> float:
        """Wait for the index to be written; its seconds. Raises what writing it raised."""
        assert self._pool is not None
        try:
            self.used = self._future.result()
        finally:
            self._pool.shutdown()
        return time.perf_counter() - self._started
