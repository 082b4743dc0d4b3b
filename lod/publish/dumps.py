"""Dump files: one Turtle file per document and the whole dataset in four formats.

Every writer starts from sorted, de-duplicated N-Triples lines, so the same input gives
byte-identical files (gzip without timestamps or file names), and uses pyoxigraph's
serializers: rdflib's pretty Turtle writer is two orders of magnitude slower at dataset scale.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from lod.rdf.namespaces import PREFIXES

DUMP_FORMATS: dict[str, tuple[str, str]] = {
    "lod.ttl": ("text/turtle", "Turtle"),
    "lod.nt.gz": ("application/n-triples", "N-Triples (gzip)"),
    "lod.nq.gz": ("application/n-quads", "N-Quads, one named graph per document (gzip)"),
    "lod.jsonld": ("application/ld+json", "JSON-LD"),
}
"""File name → (media type, label): the distributions the dataset description lists."""


@dataclass(frozen=True)
class DocumentTriples:
    """One published document: its slug, named graph and sorted N-Triples lines."""

    slug: str
    graph: str
    lines: tuple[str, ...]


def _parse_lines(lines: Iterable[str]) -> list[ox.Triple]:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def _gzip_write(path: Path, chunks: Iterable[bytes]) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        for chunk in chunks:
            gz.write(chunk)


def write_turtle(path: Path, lines: Sequence[str]) -> None:
    ox.serialize(_parse_lines(lines), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_documents(out: Path, documents: Sequence[DocumentTriples]) -> None:
    folder = out / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    for doc in documents:
        write_turtle(folder / f"{doc.slug}.ttl", doc.lines)


def write_dataset(out: Path, documents: Sequence[DocumentTriples], extra: Sequence[str] = ()) -> list[str]:
    """Write the whole-dataset dumps; return the dataset's sorted unique N-Triples lines.

    `extra` are triples that belong to the dataset but to no single document (the dataset's
    own description): they go to the default graph of the N-Quads dump.
    """
    folder = out / "dumps"
    folder.mkdir(parents=True, exist_ok=True)
    merged = sorted({line for doc in documents for line in doc.lines}.union(extra))
    _gzip_write(folder / "lod.nt.gz", ((line + "\n").encode("utf-8") for line in merged))

    def quads() -> Iterable[bytes]:
        for doc in sorted(documents, key=lambda d: d.graph):
            suffix = f" <{doc.graph}> .\n"
            for line in doc.lines:
                yield (line[: line.rstrip().rfind(".")].rstrip() + suffix).encode("utf-8")
        for line in sorted(extra):
            yield (line + "\n").encode("utf-8")

    _gzip_write(folder / "lod.nq.gz", quads())
    triples = _parse_lines(merged)
    ox.serialize(triples, str(folder / "lod.ttl"), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    ox.serialize(triples, str(folder / "lod.jsonld"), format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES)
    return merged


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(out: Path) -> dict[str, str]:
    """SHA256SUMS in the format `sha256sum -c` reads, for every file of the build."""
    sums = {
        str(p.relative_to(out)): sha256(p)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "SHA256SUMS"
    }
    (out / "SHA256SUMS").write_text("".join(f"{h}  {name}\n" for name, h in sums.items()), encoding="utf-8")
    return sums
