"""`lod check PATH`: convert documents without publishing and list what a curator must look at.

Each file is parsed in a worker process (PDFium is not thread-safe, and parsing is CPU-bound);
the findings are lod.quality's, the same the build report, the RDF and the HTML carry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lod.quality import BY_CODE, CHECKS, CURATOR, Finding, findings, refusal


@dataclass
class Checked:
    """One file: read or refused, and its findings (a refusal is one finding)."""

    path: str
    source: str
    refused: bool
    symbol: str | None = None
    kind: str | None = None
    layout: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path, "source": self.source, "refused": self.refused, "symbol": self.symbol,
            "kind": self.kind, "layout": self.layout, "findings": [f.to_json() for f in self.findings],
        }


def check_file(path: Path) -> Checked:
    """Parse one file and check what was read; never raises for a bad document."""
    from lod.parse import ParseError, parse_file

    try:
        res = parse_file(path)
    except ParseError as exc:
        return Checked(str(path), path.name, True, findings=[refusal(exc.source, exc.reason)])
    except Exception as exc:  # a converter bug is reported against its file, never fatal
        return Checked(str(path), path.name, True, findings=[refusal(path.name, f"internal error: {type(exc).__name__}: {exc}")])
    return Checked(str(path), res.source, False, res.symbol, res.kind, res.layout, findings(res) + unpublishable(res))


def unpublishable(res: Any) -> list[Finding]:
    """Why the build would not publish what was read: each violation of the shapes (the document
    mapped alone, its cited works as stubs, as a build maps it) and of the AKN schema. A converter
    that reads a document into a model the shapes refuse (an eId given twice) had read it "ok"
    here while `lod build` left it out."""
    from lod.akn.schema import akn_errors
    from lod.akn.writer import akn_document
    from lod.rdf import MappingError, WorkRegistry, map_resolution
    from lod.validate import validate_lines

    try:
        registry = WorkRegistry.from_corpus([res])
        found = validate_lines(map_resolution(res, registry, registry.base).lines(), res.source)
    except MappingError as exc:  # no IRI can be made (no date printed or derivable): the build fails it
        return [Finding("invalid", str(exc))]
    out = [Finding("invalid", f"{r.message} ({r.shape.rsplit('#', 1)[-1]})", r.focus.rsplit("#", 1)[-1] if "#" in r.focus else "")
           for r in found.violations]
    out += [Finding("invalid", f"AKN schema: {error}") for error in akn_errors(akn_document(res, registry, registry.base))]
    return out


def check_all(paths: list[Path], jobs: int | None = None) -> Iterator[Checked]:
    """Every file, in the order given, parsed on `jobs` processes (1: in this process)."""
    if jobs == 1 or len(paths) < 4:
        yield from map(check_file, paths)
        return
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(check_file, paths, chunksize=8)


@dataclass
class Tally:
    """A folder's counts: documents read, refused, read with findings a curator should look at
    (informational findings, which describe the source, are counted by kind only), findings by kind."""

    documents: int = 0
    refused: int = 0
    with_findings: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)

    def add(self, checked: Checked) -> None:
        self.documents += 1
        if checked.refused:
            self.refused += 1
            self.refusals[_reason_class(checked.findings[0].message)] += 1
            return
        if any(f.for_curator for f in checked.findings):
            self.with_findings += 1
        self.by_kind.update(f.code for f in checked.findings)

    @property
    def read(self) -> int:
        return self.documents - self.refused


def _reason_class(message: str) -> str:
    """A refusal's reason without its file name, cut at the first colon or parenthesis."""
    reason = message.split(": ", 1)[1] if ": " in message else message
    return reason.split(" (")[0].split(": ")[0][:100]


def tally(results: Iterable[Checked]) -> Tally:
    out = Tally()
    for checked in results:
        out.add(checked)
    return out


def heading(code: str) -> str:
    """A kind's code, with its severity where a curator cannot act on it."""
    severity = BY_CODE[code].severity
    return code if severity == CURATOR else f"{code} ({severity})"


def markdown_table(rows: list[tuple[str, Tally]]) -> str:
    """Folders as rows: read, refused, with findings, and each kind of finding."""
    # "invalid" always has its column: that none is unpublishable is the measure, not an absence
    kinds = [c.code for c in CHECKS if c.code != "refused" and (c.code == "invalid" or any(t.by_kind[c.code] for _, t in rows))]
    head = ["folder", "documents", "read", "refused", "with findings", *(heading(k) for k in kinds)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, t in rows:
        cells = [f"`{name}`", t.documents, t.read, t.refused, t.with_findings, *(t.by_kind[k] for k in kinds)]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)
