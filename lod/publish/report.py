"""What a build tells its caller: one outcome per input file, and the build's report.

report.json is `BuildReport.to_json()`: no timings and no cache counts, so the same input gives
the same bytes whether the build was full or incremental.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["published", "parse-error", "invalid", "error", "refused"]


class BuildError(Exception):
    """The build was stopped and nothing was written (strict mode, or nothing to publish)."""


@dataclass
class DocumentOutcome:
    """What happened to one input file; `errors` say why it was not published."""

    source: str
    status: Status
    symbol: str | None = None
    kind: str | None = None
    layout: str | None = None
    work: str | None = None
    slug: str | None = None
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    findings: list[dict[str, str]] = field(default_factory=list)
    """What a curator must look at (lod.quality): code, message, eId; the same as `lod check`."""
    akn: str | None = None
    """The output path of the document's AKN XML (its manifestation IRI's path)."""
    title: str | None = None
    language: str | None = None
    """The title as printed, and the file's language (ISO 639-2: eng, fra …)."""


@dataclass
class BuildReport:
    corpus: str
    out: str
    base: str
    documents: list[DocumentOutcome]
    triples: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    dump_seconds: dict[str, float] = field(default_factory=dict)
    """Seconds each dump took to write (written concurrently; documents/*.ttl summed over workers)."""
    skipped: list[dict[str, str]] = field(default_factory=list)
    """Entries of the corpus that are not documents and say why (a symbolic link loop, say)."""
    reused: int = 0
    """Documents taken whole from the build cache (lod.publish.cache): not parsed, mapped or validated."""
    remapped: int = 0
    """Documents whose parsed model came from the cache but whose cited works' facts changed: mapped again."""
    descriptions_reused: int = 0
    """Descriptions whose files were taken from the previous output (lod.describe.build)."""
    descriptions_by_key: int = 0
    """Of those, the ones taken by their reuse key, no worker reading their inputs (lod.describe.reuse)."""
    link_keys_gathered: int | None = None
    """Keys whose link records changed, gathered from the cache's groups (lod.describe.link_index);
    None when the build merged every document's link records instead."""

    @property
    def published(self) -> list[DocumentOutcome]:
        return [d for d in self.documents if d.status == "published"]

    @property
    def failed(self) -> list[DocumentOutcome]:
        return [d for d in self.documents if d.status != "published"]

    def to_json(self) -> dict[str, Any]:
        """The report as written to report.json: no timings, so the output stays byte-identical."""
        return {
            "base": self.base,
            "documents": [asdict(d) for d in self.documents],
            "published": len(self.published),
            "failed": len(self.failed),
            "triples": self.triples,
            "skipped": self.skipped,
        }


def failed_status(status: Status, error: str | None) -> Status:
    """"refused" for a document over a limit (lod.publish.limits), else `status`."""
    return "refused" if error and ": refused: " in error else status


def failures(report: BuildReport) -> str:
    return "\n".join(f"  {d.source}: {d.errors[0] if d.errors else d.status}" for d in report.failed)
