"""Incoming links and labels from the build's own N-Triples: a sort/merge join, not a query.

A description holds what other documents say about a resource (the links into it, the facts
they state about a cited work) and the names of what it links to. The build has every triple
already, as one sorted run file per document (lod.publish.runs); so each map worker writes,
beside its document's run, two small runs keyed by the IRI the line concerns:

* link records `{owner}\\t{line}`: every line of the document about another resource, keyed by
  the resource it concerns: the object's owner (a link into it) or the subject's owner (a fact
  about it, such as a cited work's symbol). `owner` is the work an IRI belongs to
  (`{work}/!main#para_3` → `{work}`), or the IRI itself;
* label records `{subject}\\t{line}`: every line naming a thing (lod.describe.labels).

The build merges each kind with `sort -m` (bytes order; `\\t` sorts before any IRI character,
so one key's records are contiguous) and reads each key's records by offset: the description of
a resource is its own graph plus its key's records plus the labels of both ends.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from lod.describe.labels import LABEL_PREDICATES, POINTER_PREDICATES, RDF_TYPE, SYMBOL_PREDICATES
from lod.uri import IRIError, WorkIRI

TAB = b"\t"
_NAMING = frozenset(f"<{p}>" for p in (*LABEL_PREDICATES, *SYMBOL_PREDICATES))
_TYPE = f"<{RDF_TYPE}>"
_POINTERS = frozenset(f"<{p}>" for p in POINTER_PREDICATES)


@dataclass
class Owners:
    """The resource each IRI is described under: its work for IRIs inside a work on `base`."""

    base: str
    _known: dict[str, str]

    @classmethod
    def on(cls, base: str) -> Owners:
        return cls(base.rstrip("/") + "/", {})

    def __len__(self) -> int:
        """IRIs remembered (a worker starts a new table when it grows too large)."""
        return len(self._known)

    def __call__(self, iri: str) -> str:
        found = self._known.get(iri)
        if found is None:
            found = iri
            if iri.startswith(self.base + "akn/"):
                try:
                    found = WorkIRI.parse(iri).work()
                except IRIError:
                    pass
            self._known[iri] = found
        return found


def split_line(line: str) -> tuple[str, str, str]:
    """(subject, predicate, object) of an N-Triples line as written (`<…>`, `_:b`, `"…"@en`)."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest[:-2] if rest.endswith(" .") else rest.rstrip(" .")


def records(lines: Iterable[str], own: str | None, owners: Owners) -> tuple[list[bytes], list[bytes]]:
    """(link records, label records) of one document's lines; `own` is its work, whose own
    description holds its lines already. Blank nodes are a document's own: never keyed; nor is a
    web page elsewhere that a line only points at (lod.describe.labels.POINTER_PREDICATES)."""
    links: set[str] = set()
    labels: set[str] = set()
    ours = "<" + owners.base
    for line in lines:
        subject, predicate, obj = split_line(line)
        if not subject.startswith("<"):
            continue
        if predicate in _NAMING:
            labels.add(f"{subject[1:-1]}\t{line}")
        about = owners(subject[1:-1])
        if about != own:
            links.add(f"{about}\t{line}")
        if obj.startswith("<") and predicate != _TYPE and (predicate not in _POINTERS or obj.startswith(ours)):
            target = owners(obj[1:-1])
            if target != own and target != about:
                links.add(f"{target}\t{line}")
    return sorted(s.encode("utf-8") for s in links), sorted(s.encode("utf-8") for s in labels)


def write_records(path: Path, items: list[bytes]) -> None:
    path.write_bytes(b"".join(item + b"\n" for item in items))


@dataclass(frozen=True)
class Slice:
    """Where one key's records are in the merged file."""

    offset: int
    length: int


def index_records(path: Path, digests: dict[str, str] | None = None) -> dict[str, Slice]:
    """key → its records' place in a merged, sorted record file (one pass, no record kept);
    `digests`, if given, gets each key's sha256 of its records (lod.describe.reuse)."""
    found: dict[str, Slice] = {}
    offset = 0
    key: bytes | None = None
    start = 0
    digest = hashlib.sha256() if digests is not None else None
    with open(path, "rb") as f:
        for record in f:
            cut = record.index(TAB)
            if record[:cut] != key:
                if key is not None:
                    _close(found, digests, digest, key, start, offset)
                    digest = hashlib.sha256() if digests is not None else None
                key, start = record[:cut], offset
            offset += len(record)
            if digest is not None:
                digest.update(record)
    if key is not None:
        _close(found, digests, digest, key, start, offset)
    return found


def _close(found: dict[str, Slice], digests: dict[str, str] | None, digest: Any, key: bytes, start: int, end: int) -> None:
    name = key.decode("utf-8")
    found[name] = Slice(start, end - start)
    if digests is not None:
        digests[name] = digest.hexdigest()


def read_slice(path: Path, where: Slice | None) -> list[str]:
    """The N-Triples lines of one key's records."""
    if where is None:
        return []
    with open(path, "rb") as f:
        f.seek(where.offset)
        data = f.read(where.length).decode("utf-8")
    return [record.split("\t", 1)[1] for record in data.splitlines()]


def label_table(path: Path) -> Iterator[tuple[str, str]]:
    """(subject IRI, N-Triples line) of every label record of a merged label file."""
    with open(path, "rb") as f:
        for record in f:
            subject, _, line = record.decode("utf-8").rstrip("\n").partition("\t")
            yield subject, line


def symbol_of(line: str) -> str | None:
    """The symbol a symbol line states (`<w> unres:symbol "A/RES/70/174" .`), else None."""
    _, predicate, obj = split_line(line)
    if predicate[1:-1] not in SYMBOL_PREDICATES or not obj.startswith('"'):
        return None
    if "\\" in obj:  # an escape: let the N-Triples parser read it
        return str(next(iter(ox.parse((line + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))).object.value)
    return obj[1:obj.rfind('"')]
