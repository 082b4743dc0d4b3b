"""VoID counts of the dataset (triples, distinct subjects and objects, class and property
partitions, links to Wikidata), taken in one streaming pass while the dumps are written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

from rdflib import RDF
from rdflib.namespace import OWL

from lod.publish.runs import DistinctCounter

WIKIDATA_ENTITY = b"<http://www.wikidata.org/entity/"
RDF_TYPE = f"<{RDF.type}>".encode()
OWL_SAME_AS = f"<{OWL.sameAs}>".encode()


@dataclass
class DatasetStatistics:
    """The VoID counts of a dataset, taken in one pass over its sorted, unique N-Triples lines.

    Memory does not grow with the triples: the lines are sorted, so each subject's lines are
    contiguous (a subject term holds no space, and all lines starting with "subject " sort
    together) and distinct subjects are counted as changes of subject. Objects are not grouped
    by the sort; they are counted by `DistinctCounter`, which spills sorted runs to `scratch`.
    Predicates and classes are few (the vocabulary's terms) and stay in counters.
    """

    scratch: Path
    triples: int = 0
    subjects: int = 0
    wikidata_links: int = 0
    predicates: Counter[bytes] = field(default_factory=Counter)
    classes: Counter[bytes] = field(default_factory=Counter)
    _objects: DistinctCounter | None = None
    _distinct_objects: int | None = None
    _last_line: bytes = b""
    _last_subject: bytes | None = None

    def add(self, line: bytes) -> None:
        """Count one N-Triples line (no terminator); lines must come sorted and unique."""
        if self.triples and line <= self._last_line:
            raise ValueError("DatasetStatistics.add needs sorted, unique lines")
        self._last_line = line
        s, p, o = _split(line)
        self.triples += 1
        if s != self._last_subject:
            self.subjects += 1
            self._last_subject = s
        self.predicates[p] += 1
        if p == RDF_TYPE:
            self.classes[o] += 1
        elif p == OWL_SAME_AS and o.startswith(WIKIDATA_ENTITY):
            self.wikidata_links += 1
        if self._objects is None:
            self._objects = DistinctCounter(self.scratch)
        self._objects.add(o)

    @property
    def objects(self) -> int:
        """Distinct objects; the first read merges the spilled runs (and deletes them)."""
        if self._distinct_objects is None:
            self._distinct_objects = self._objects.count() if self._objects else 0
        return self._distinct_objects

    @classmethod
    def of(cls, lines: Iterable[str]) -> DatasetStatistics:
        """The counts of a small dataset given as sorted, unique N-Triples strings."""
        with TemporaryDirectory(prefix="lod-void-") as scratch:
            statistics = cls(Path(scratch))
            for line in lines:
                statistics.add(line.encode("utf-8"))
            statistics.objects  # noqa: B018 - merge the runs while the scratch folder exists
            return statistics


def _split(line: bytes) -> tuple[bytes, bytes, bytes]:
    """Subject, predicate and object of an N-Triples line (terms are never split inside IRIs).

    Bytes rather than strings: the terms end in `>`, `"`, a language tag or a blank-node label,
    never in whitespace, so ASCII `rstrip` cuts exactly what `str.rstrip` would.
    """
    s, rest = line.split(b" ", 1)
    p, o = rest.split(b" ", 1)
    return s, p, o.rstrip()[:-1].rstrip()
