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
"""

from __future__ import annotations

import errno
import shutil
import pickle
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from lod.model import Resolution
from lod.rdf import WorkRegistry
from lod.search import INDEX_FILE, IndexWriter, document_record
from lod.publish.limits import fork_context

FULL_DISK_BYTES = 1 << 20
"""Free space below which a failed index writer is taken to have met a full disk."""


def save_record(res: Resolution, registry: WorkRegistry, path: Path) -> None:
    """In a worker: the document's search record, pickled to `path`."""
    iri = registry.work_for(res)
    record = document_record(res, iri.work(), iri.component_iri("main"),
                             lambda cited: registry.work_for_citation(cited, res.body_key, res.body))
    path.write_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))


def write_index(target: Path, records: list[Path]) -> None:
    """The index folder of these record files, in this order (a full disk is an OSError naming it)."""
    writer = IndexWriter(target)
    try:
        for saved in records:
            writer.add(pickle.loads(saved.read_bytes()))
        writer.close()
    except BaseException as exc:
        try:
            writer.abort()
        except ValueError:
            pass  # a writer tantivy already killed has nothing to roll back
        if isinstance(exc, ValueError) and _disk_full(target):
            # tantivy reports an I/O failure of its writer threads only as "An index writer was killed"
            raise OSError(errno.ENOSPC, "No space left on device", str(target)) from None
        raise


def _disk_full(target: Path) -> bool:
    """Whether the file system of `target` has (almost) no room left: how a killed index writer is explained."""
    try:
        return shutil.disk_usage(target.parent).free < FULL_DISK_BYTES
    except OSError:
        return False


class IndexStage:
    """In the main process: the published documents' record files, in corpus order, then the
    process that writes the index from them. A context manager: on a failed build the writing
    process is waited for before the staging directory (which it writes into) is removed."""

    def __init__(self, staging: Path) -> None:
        self.target = staging / INDEX_FILE
        self.records: list[Path] = []
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> IndexStage:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None and self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def add(self, saved: Path) -> None:
        """A published document's record (the file stays until the index is written)."""
        self.records.append(saved)

    def start_closing(self) -> None:
        """Write and commit the index in a process of its own (forked: it needs only the paths)."""
        self._started = time.perf_counter()
        self._pool = ProcessPoolExecutor(1, mp_context=fork_context())
        self._future: Future[None] = self._pool.submit(write_index, self.target, self.records)

    def finish(self) -> float:
        """Wait for the index to be written; its seconds. Raises what writing it raised."""
        assert self._pool is not None
        try:
            self._future.result()
        finally:
            self._pool.shutdown()
        return time.perf_counter() - self._started
