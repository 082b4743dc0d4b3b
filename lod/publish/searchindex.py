"""The build's search index stage: records made in the workers, written in corpus order.

A map worker has the parsed document and the work registry in hand, so it makes the document's
search record there (lod.search.document_record: passages, IRIs, facets) and leaves it in a
pickle beside the document's run file; the main process adds the records of published
documents to the index in corpus order, one at a time (memory does not grow with the corpus,
and the same input gives the same file). The index is written into the staging directory and
lands with the rest of the output in the atomic swap.
"""

from __future__ import annotations

import pickle
import threading
import time
from pathlib import Path

from lod.model import Resolution
from lod.rdf import WorkRegistry
from lod.search import INDEX_FILE, IndexWriter, document_record


def save_record(res: Resolution, registry: WorkRegistry, path: Path) -> None:
    """In a worker: the document's search record, pickled to `path`."""
    iri = registry.work_for(res)
    record = document_record(res, iri.work(), iri.component_iri("main"),
                             lambda cited: registry.work_for_citation(cited, res.body))
    path.write_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))


class IndexStage:
    """In the main process: the index file of the staging directory, fed record files in order."""

    def __init__(self, staging: Path) -> None:
        self.writer = IndexWriter(staging / INDEX_FILE)

    def add(self, saved: Path) -> None:
        """Add a published document's record (the file stays: it may be the build cache's)."""
        self.writer.add(pickle.loads(saved.read_bytes()))

    def start_closing(self) -> None:
        """Merge and write the index in a thread: SQLite does it without holding the GIL."""
        self._error: BaseException | None = None
        self._started = time.perf_counter()
        self._thread = threading.Thread(target=self._close, name="search-index")
        self._thread.start()

    def _close(self) -> None:
        try:
            self.writer.close()
        except BaseException as exc:  # re-raised in the build's thread by finish()
            self._error = exc

    def finish(self) -> float:
        """Wait for the index to be written; its seconds. Raises what writing it raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return time.perf_counter() - self._started
