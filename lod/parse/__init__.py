"""Converters: the text of a UN resolution, decision or draft → `lod.model.Resolution`.

    parse_file(path)                      any supported file; the layout is read from content
    parse_text(text, source=, meta=)      text already in hand
    ParseError                            the only exception either raises

Stages: readers (bytes → text, layout, metadata) → furniture (page furniture and footnotes
out) → masthead (metadata before the opening formula) → blocks (paragraphs rejoined across
pages) → structure (preamble, operative, points, annexes, eIds) → citations → resolved (organs,
symbols and dates looked up once: lod.parse.resolved).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lod.model import Resolution
from lod.parse.assemble import assemble
from lod.parse.errors import ParseError
from lod.parse.readers import SourceText, read_bytes, read_text, register_reader, sidecar_meta
from lod.parse.records import RecordSource
from lod.parse.resolved import resolve
from lod.parse.word import DocxSource

register_reader(RecordSource())
register_reader(DocxSource())

__all__ = ["ParseError", "parse_file", "parse_text"]


def parse_file(path: Path) -> Resolution:
    """Parse one file; a `NAME.meta.yaml` beside it supplies or overrides metadata. A
    `lod.parse.parts.PartPath` is one resolution of an AKN collection file."""
    part = getattr(path, "part", None)
    path = path if part else Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(name, f"the file cannot be read ({exc.strerror or exc})") from None
    if part:
        from lod.parse.akn import read_akn

        return resolve(read_akn(data, f"{name}#{part}", part))
    source = read_bytes(data, name)
    meta = sidecar_meta(path)
    return _guarded(source, meta)


def parse_text(text: str, *, source: str = "<text>", meta: dict[str, Any] | None = None) -> Resolution:
    """Parse text already decoded; `meta` supplies or overrides metadata (like front matter)."""
    if not isinstance(text, str):
        raise ParseError(source, "the input is not text")
    if "\x00" in text:
        raise ParseError(source, "the text is binary (it contains NUL bytes)")
    return _guarded(read_text(text, source), meta or {})


def _guarded(src: SourceText, meta: dict[str, Any]) -> Resolution:
    """The contract is that only ParseError escapes: an unforeseen failure is a bad input too."""
    if src.document is not None:  # a structured format read straight into the model (AKN)
        return resolve(src.document)
    try:
        return resolve(assemble(src, meta))
    except ParseError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise ParseError(src.source, f"the text is too deeply nested or too large ({type(exc).__name__})") from None
    except Exception as exc:  # noqa: BLE001 - the contract: only ParseError leaves this module
        raise ParseError(src.source, f"the converter could not read this text ({type(exc).__name__}: {exc})") from exc
