"""VoID counts of the dataset (triples, distinct subjects and objects, class and property
partitions, links to Wikidata), taken in one streaming pass while the dumps are written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby, pairwise
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from rdflib import RDF
from rdflib.namespace import OWL

from lod.publish.runs import DistinctCounter

WIKIDATA_ENTITY = b"<http://www.wikidata.org/entity/"
RDF_TYPE = f"<{RDF.type}>".encode()
OWL_SAME_AS = f"<{OWL.sameAs}>".encode()
DOC_DATE = b"<https://w3id.org/un-lod/ontology#docDate>"
"""Every work (published or cited) has exactly one: its subjects are the dataset's work IRIs."""
ALIAS = b"<https://w3id.org/un-lod/ontology#alias>"
ANY_URI = b"^^<http://www.w3.org/2001/XMLSchema#anyURI>"


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
    works: list[bytes] = field(default_factory=list)
    """The subject term of every unres:docDate line: the work IRIs the 301 table needs
    (lod.publish.workiris), taken in the same pass."""
    aliases: list[tuple[bytes, bytes]] = field(default_factory=list)
    """(subject term, object term) of every unres:alias that is an IRI (xsd:anyURI): other
    names of our works (the UN's `unga` IRIs, earlier IRIs) that the 301 table sends on."""
    _objects: DistinctCounter | None = None
    _distinct_objects: int | None = None
    _last_line: bytes = b""
    _last_subject: bytes | None = None

    def add(self, line: bytes) -> None:
        """Count one N-Triples line (no terminator); lines must come sorted and unique."""
        self.add_batch([line])

    def add_batch(self, lines: list[bytes]) -> None:
        """Count N-Triples lines (no terminators), sorted and unique, continuing earlier batches.

        Batches keep the per-line work in C (comprehensions, `Counter.update`, `set.update`):
        the count runs over every line of the dataset in the build's one serial step.
        """
        if not lines:
            return
        if self.triples and lines[0] <= self._last_line or any(a >= b for a, b in pairwise(lines)):
            raise ValueError("DatasetStatistics.add needs sorted, unique lines")
        self._last_line = lines[-1]
        terms = [line.split(b" ", 2) for line in lines]
        self.triples += len(lines)
        subjects = [t[0] for t in terms]
        self.subjects += sum(1 for _ in groupby(subjects)) - (subjects[0] == self._last_subject)
        self._last_subject = subjects[-1]
        self.predicates.update(t[1] for t in terms)
        self.works.extend(t[0] for t in terms if t[1] == DOC_DATE)
        objects = [_object(t[2]) for t in terms]
        self.classes.update(o for t, o in zip(terms, objects) if t[1] == RDF_TYPE)
        self.aliases.extend((t[0], o) for t, o in zip(terms, objects) if t[1] == ALIAS and o.endswith(ANY_URI))
        self.wikidata_links += sum(
            1 for t, o in zip(terms, objects) if t[1] == OWL_SAME_AS and o.startswith(WIKIDATA_ENTITY)
        )
        if self._objects is None:
            self._objects = DistinctCounter(self.scratch)
        self._objects.update(objects)

    @property
    def objects(self) -> int:
        """Distinct objects; the first read merges the spilled runs (and deletes them)."""
        if self._distinct_objects is None:
            self._distinct_objects = self._objects.count() if self._objects else 0
        return self._distinct_objects

    @staticmethod
    def counted(lines: list[bytes]) -> tuple[dict[str, Any], set[bytes]]:
        """The additive counts of a chunk of sorted, unique lines that shares no subject with
        any other chunk (lod.publish.chunks), as JSON, and its distinct object terms (counted
        apart, across chunks), taken in the same pass."""
        with TemporaryDirectory(prefix="lod-void-") as scratch:
            distinct = DistinctCounter(Path(scratch), buffer=1 << 62)  # never spills: a chunk's objects stay in memory
            statistics = DatasetStatistics(Path(scratch), _objects=distinct)
            statistics.add_batch(lines)
        return {
            "triples": statistics.triples, "subjects": statistics.subjects,
            "wikidata_links": statistics.wikidata_links,
            "predicates": {k.decode(): n for k, n in statistics.predicates.items()},
            "classes": {k.decode(): n for k, n in statistics.classes.items()},
            "works": [w.decode() for w in statistics.works],
            "aliases": [[a.decode(), b.decode()] for a, b in statistics.aliases],
        }, distinct.items()

    @classmethod
    def combined(cls, scratch: Path, counts: Iterable[dict[str, Any]], objects: int) -> DatasetStatistics:
        """The dataset's counts from its chunks' `counted` and its number of distinct objects."""
        total = cls(scratch, _distinct_objects=objects)
        for part in counts:
            total.triples += part["triples"]
            total.subjects += part["subjects"]
            total.wikidata_links += part["wikidata_links"]
            total.predicates.update({k.encode(): n for k, n in part["predicates"].items()})
            total.classes.update({k.encode(): n for k, n in part["classes"].items()})
            total.works.extend(w.encode() for w in part["works"])  # chunks come in file order
            total.aliases.extend((a.encode(), b.encode()) for a, b in part["aliases"])
        return total

    @classmethod
    def of(cls, lines: Iterable[str]) -> DatasetStatistics:
        """The counts of a small dataset given as sorted, unique N-Triples strings."""
        with TemporaryDirectory(prefix="lod-void-") as scratch:
            statistics = cls(Path(scratch))
            for line in lines:
                statistics.add(line.encode("utf-8"))
            statistics.objects  # noqa: B018 - merge the runs while the scratch folder exists
            return statistics


def _object(rest: bytes) -> bytes:
    """The object term of what follows the predicate: the line's ` .` and spaces cut.

    Bytes rather than strings: the terms end in `>`, `"`, a language tag or a blank-node label,
    never in whitespace, so ASCII `rstrip` cuts exactly what `str.rstrip` would (a subject or
    predicate term never holds a space, so splitting the line at its first two spaces is exact).
    """
    return rest.rstrip()[:-1].rstrip()
