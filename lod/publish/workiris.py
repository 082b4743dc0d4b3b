"""The table that keeps work IRIs from breaking: which IRI a work has now, by actor and number.

A work IRI carries a date (`…/{actor}/{date}/{number}`). While no text prints a cited work's
date, its IRI has an approximate one (1 January of the year its number implies); once a
document prints the date, the IRI changes. A client holding the old IRI must still get there,
so the build writes `work-iris.json` and the server (lod.web.moved) answers any AKN work IRI
whose actor and number are known but whose date is not the current one with a 301 to the
current IRI, from this file alone (no SPARQL query).

Some IRIs change in more than the date: a document printing no symbol is named by its file
stem until a sidecar or a later version gives its symbol. For those, the build keeps a record
beside the output (`{output}.published-works.tsv`: every work path a build of this output
published, with the corpus file that published it), and each later build maps a recorded path
whose actor and number are gone to the work the same file publishes now; a recorded path whose
file is gone too is listed as gone (410). The record only grows, so an IRI published once
keeps answering.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

WORK_IRIS = "work-iris.json"
"""The table's file name in the output folder."""

WORK_PATH = re.compile(r"^/akn/un/statement/deliberation/(?P<actor>[^/]+)/(?P<date>[^/]+)/(?P<number>[^/!#@.][^/!#@]*)")
"""A work path: the part of an AKN IRI after the base, up to the number (any date shape matches,
so a wrong date is recognised as one)."""


def work_key(actor: str, number: str) -> str:
    """The table's key of a work: its actor and encoded number (what never changes)."""
    return f"{actor} {number}"


@dataclass
class WorkIRITable:
    """actor + number → current work path; earlier paths → current path; paths gone for good."""

    current: dict[str, str] = field(default_factory=dict)
    earlier: dict[str, str] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)

    def moved(self, path: str) -> tuple[int, str] | None:
        """(301, the current path with the rest of `path` kept) or (410, "") for an AKN path
        naming a work under an IRI that is not its current one; None when nothing moved (the
        current IRI, an unknown number, or not a work path at all)."""
        m = WORK_PATH.match(path)
        if m is None:
            return None
        head, rest = m.group(0), path[m.end():]
        if rest and not rest.startswith("/"):
            return None
        target = self.current.get(work_key(m["actor"], m["number"])) or self.earlier.get(head)
        if target is not None:
            return None if target == head else (301, target + rest)
        return (410, "") if head in self.gone else None

    def to_json(self) -> str:
        return json.dumps({"current": self.current, "earlier": self.earlier, "gone": self.gone},
                          indent=0, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def read(cls, path: Path) -> WorkIRITable:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(dict(data.get("current", {})), dict(data.get("earlier", {})), list(data.get("gone", [])))


def record_path(out: Path) -> Path:
    """The record of every work path builds of `out` published, kept beside it (the build
    replaces `out` as a whole)."""
    return out.parent / f"{out.name}.published-works.tsv"


def read_record(record: Path) -> dict[str, str]:
    """Recorded work path → the corpus file that published it (the last build that did)."""
    if not record.exists():
        return {}
    found: dict[str, str] = {}
    for line in record.read_text(encoding="utf-8").splitlines():
        path, _, source = line.partition("\t")
        if WORK_PATH.match(path):
            found[path] = source
    return found


def work_table(works: Iterable[str], published: dict[str, str], recorded: dict[str, str], base: str,
               aliases: Iterable[tuple[str, str]] = ()) -> WorkIRITable:
    """The table of this build: `works` are the work IRIs of the dataset (subjects of
    unres:docDate), `published` maps each published work IRI to its corpus file, `recorded`
    the paths earlier builds published (read_record), `aliases` (IRI, alias IRI) pairs of the
    data's unres:alias ^^xsd:anyURI (the UN's `unga` IRIs of a work and its expressions)."""
    table = WorkIRITable()
    for iri in sorted(set(works)):
        path = iri.removeprefix(base)
        m = WORK_PATH.fullmatch(path)
        if m is not None:
            table.current[work_key(m["actor"], m["number"])] = path
    for iri, alias in sorted(set(aliases)):
        ours, theirs = WORK_PATH.match(iri.removeprefix(base)), WORK_PATH.match(alias.removeprefix(base))
        if ours is not None and theirs is not None and work_key(theirs["actor"], theirs["number"]) not in table.current:
            if theirs.group(0) != ours.group(0):
                table.earlier.setdefault(theirs.group(0), ours.group(0))
    by_source = {source: iri.removeprefix(base) for iri, source in sorted(published.items())}
    for path, source in sorted(recorded.items()):
        m = WORK_PATH.fullmatch(path)
        if m is None or work_key(m["actor"], m["number"]) in table.current:
            continue  # the actor + number rule answers it
        now = by_source.get(source)
        if now is not None and now != path:
            table.earlier[path] = now
        elif now is None:
            table.gone.append(path)
    return table


@dataclass(frozen=True)
class PublishedRecord:
    """The record of published work paths as it will be once this build's output is in place."""

    path: Path
    entries: dict[str, str]

    def save(self) -> None:
        """Called after the swap: a build that fails publishes nothing and records nothing."""
        self.path.write_text("".join(f"{p}\t{s}\n" for p, s in sorted(self.entries.items())), encoding="utf-8")


def write_work_iris(staging: Path, out: Path, works: Iterable[bytes], published: dict[str, str], base: str,
                    aliases: Iterable[tuple[bytes, bytes]] = ()) -> PublishedRecord:
    """Write `work-iris.json` into the staged output; return the record to save once the output
    is swapped in. `works` and `aliases` are N-Triples terms (lod.publish.statistics collects them)."""
    base = base.rstrip("/")
    iris = [w.decode("utf-8").strip("<>") for w in works]
    named = [(s.decode("utf-8").strip("<>"), o[1:o.rindex(b'"^^')].decode("utf-8")) for s, o in aliases]
    record = record_path(out)
    recorded = read_record(record)
    table = work_table(iris, published, recorded, base, named)
    (staging / WORK_IRIS).write_text(table.to_json(), encoding="utf-8")
    recorded.update({iri.removeprefix(base): source for iri, source in published.items()})
    return PublishedRecord(record, recorded)
