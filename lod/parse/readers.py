"""Readers: bytes → text plus the layout it is printed in, and any metadata given beside it.

A reader never trusts the file name: the same `.txt` extension carries Markdown exports,
page extracts and raw PDF text, so the layout is recognised from the content. Only a PDF is
recognised by its magic bytes, because its content is not text at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from lod.model import Table
from lod.parse.errors import ParseError
from lod.parse.pdf import pdf_text

LAYOUTS = ("markdown", "plain-extract", "pdf-text", "pdf", "docx", "decision-record", "akn")



@dataclass
class SourceText:
    """Decoded text of one input, its layout and the metadata supplied with it."""

    text: str
    layout: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = "<text>"
    tables: list[Table] = field(default_factory=list)
    """Tables the source keeps as tables (Word; a record's programme of work), kept out of the
    text: their rows of cell texts, a cell's markers raised at its end as in the text."""
    document: Any = None
    """The model itself, for a structured format (AKN XML) that needs no text converter."""


def decode(data: bytes, source: str) -> str:
    """Bytes → str, refusing binary data rather than producing mojibake.

    Order matters: a UTF-16 BOM is unambiguous; UTF-8 is what nearly every export uses;
    cp1252 is accepted only when the result still looks like prose, because cp1252 decodes
    almost any byte string and would otherwise turn binary garbage into "text".
    """
    if not data or not data.strip():
        raise ParseError(source, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError(source, f"the file has a UTF-16 byte order mark but is not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        text = _bomless_utf16(data)
        if text is not None:
            return text
        raise ParseError(source, "the file is binary (it contains NUL bytes), not text")
    for encoding in ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ParseError(source, "the file is neither UTF-8, UTF-16 nor cp1252 text") from None
    if _looks_like_text(text):
        return text
    raise ParseError(source, "the file is not valid UTF-8 and does not read as cp1252 text either")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a byte order mark (some Windows exports), or None.

    Text in Latin, Cyrillic or Arabic script has a NUL in the high byte of most characters of
    UTF-16, so NULs fall on one parity (odd offsets: little-endian; even: big-endian) and
    almost never on the other; binary data has them anywhere. The decoded text must still read
    as prose."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.3 * half and others <= 0.01 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if _looks_like_text(text) else None
    return None


def _looks_like_text(text: str) -> bool:
    """Mostly letters, spaces and punctuation: what a legacy-encoded document looks like."""
    if not text:
        return False
    printable = sum(1 for ch in text if ch.isalnum() or ch.isspace() or ch in ".,;:()[]'\"-/*")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls == 0 and printable / len(text) > 0.9


_YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: the same documents, a tenth of the time
(front matter is read for every synthetic and text document of a build)."""

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, source: str) -> tuple[str, dict[str, Any]]:
    """YAML front matter at the very top → (rest of the text, metadata)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    try:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return text, {}
    if not isinstance(meta, dict):
        return text, {}
    return text[m.end() :], {str(k): v for k, v in meta.items()}


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """Where a document's sidecar may be, in the order they are tried (the build cache keys a
    document by these files too: lod.publish.cache)."""
    return path.with_name(path.name + ".meta.yaml"), path.with_name(path.stem + ".meta.yaml")


def sidecar_meta(path: Path) -> dict[str, Any]:
    """`NAME.meta.yaml` beside the input: metadata a curator supplies or corrects."""
    for candidate in sidecar_paths(path):
        if candidate.is_file():
            try:
                meta = yaml.load(candidate.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506
            except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
                raise ParseError(path.name, f"the sidecar {candidate.name} is not readable YAML ({exc})") from None
            return {str(k): v for k, v in meta.items()} if isinstance(meta, dict) else {}
    return {}


_MD_SIGNS = (  # (what the sign spells, the sign): a text without the first cannot show the second
    ("#", re.compile(r"^#{1,6} \S", re.M)),
    ("*", re.compile(r"^\*[A-Z][^*\n]{1,80}\*", re.M)),
    ("](", re.compile(r"\]\(#?[^)\s]{0,300}\)")),
    ("<sup>", re.compile(r"<sup>")),
    ("[^", re.compile(r"^\[\^\w+\]:", re.M)),
)
_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]")
_PAGE_NUMBER_LAST = re.compile(r"(?:\n[ \t]*\d{1,3}(?:/\d{1,3})?|\d{1,3}/\d{1,3})\Z")
_OPENING = re.compile(r"^[ \t]*\*?The [A-Z][^,\n]{2,120},\*?[ \t]*$", re.M)
_SYMBOL_FIRST = re.compile(
    r"\A\s*(?:(?:A|S|E)/\S{1,60}(?: [A-Z][^\n]{0,200})?|[A-Z][^\n]{0,200} (?:A|S|E)/[A-Z0-9]\S{0,59})[ \t]*\n"
)
"""A running header first: the symbol alone, or with the short title before or after it."""


def detect_layout(text: str) -> str:
    """Which printed form this text is, judged from its content."""
    blank_separated = text.count("\n\n") > text.count("\n") * 0.3
    if any(spelled in text and sign.search(text) for spelled, sign in _MD_SIGNS) or blank_separated:
        return "markdown"
    if _SYMBOL_FIRST.match(text) and not _OPENING.search(text) and _PAGE_NUMBER_LAST.search(text.rstrip()[-12:]):
        return "plain-extract"
    return "pdf-text"


class Reader(Protocol):
    """A source format: says from the bytes whether it can read them, then reads them to text.

    PDF and the text layouts are built in; another format (AKN XML, say) plugs in with
    `register_reader` without the rest of the parser changing.
    """

    name: str

    def accepts(self, data: bytes) -> bool: ...

    def read(self, data: bytes, source: str) -> SourceText: ...


@dataclass(frozen=True)
class PdfSource:
    """A PDF, recognised by its magic bytes; read by PDFium (lod.parse.pdf) into raw-PDF-text
    form with italics, footnote markers and the footnote rule kept."""

    name: str = "pdf"

    def accepts(self, data: bytes) -> bool:
        return data.startswith(b"%PDF-")

    def read(self, data: bytes, source: str) -> SourceText:
        return SourceText(pdf_text(data, source), "pdf", {}, source)


@dataclass(frozen=True)
class TextSource:
    """Anything else must be text; its layout is recognised from what it says."""

    name: str = "text"

    def accepts(self, data: bytes) -> bool:
        return True

    def read(self, data: bytes, source: str) -> SourceText:
        return read_text(decode(data, source), source)


@dataclass(frozen=True)
class AknSource:
    """Akoma Ntoso XML (AKN4UN): read straight into the model by lod.parse.akn, because the
    markup already says what the text converters have to infer."""

    name: str = "akn"

    def accepts(self, data: bytes) -> bool:
        from lod.parse.akn import looks_like_akn

        return looks_like_akn(data)

    def read(self, data: bytes, source: str) -> SourceText:
        """The document itself; a failure of the AKN reader is worded by `read_bytes` like any reader's."""
        from lod.parse.akn import read_akn

        return SourceText("", "akn", {}, source, document=read_akn(data, source))


UNREAD_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (.doc) file or another OLE compound file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"GIF8", "a GIF image"),
    (b"%!PS", "a PostScript file"),
)
"""Formats a UN library holds documents in that lod does not read, by their magic bytes: the
error names the format (the Official Document System still serves older texts as .doc),
rather than "binary" or, for RTF's braces, "not valid JSON"."""


@dataclass(frozen=True)
class UnreadSource:
    """A format of `UNREAD_FORMATS`: refused with its name and what to convert it to."""

    name: str = "unread"

    def accepts(self, data: bytes) -> bool:
        return data.startswith(tuple(magic for magic, _ in UNREAD_FORMATS))

    def read(self, data: bytes, source: str) -> SourceText:
        what = next(what for magic, what in UNREAD_FORMATS if data.startswith(magic))
        raise ParseError(source, f"the file is {what}, which lod does not read: save it as DOCX, PDF or text")


_UNREAD = UnreadSource()
READERS: list[Reader] = [_UNREAD, AknSource(), PdfSource(), TextSource()]


def register_reader(reader: Reader) -> None:
    """Add a format; it is tried before the built-in ones (text accepts everything), after the
    formats lod names and refuses (an RTF's brace is not JSON)."""
    READERS.insert(READERS.index(_UNREAD) + 1, reader)


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry (the page break \\f is kept: the text converters cut pages on it)."""


def _xml_safe(src: SourceText) -> SourceText:
    """Every published document is also written as AKN XML: a stray control character left by an
    extractor (a PDF's private codes, a record's pasted text) must not make it unpublishable."""
    if _NOT_IN_XML.search(src.text):
        src.text = _NOT_IN_XML.sub(" ", src.text)
    return src


def read_bytes(data: bytes, source: str) -> SourceText:
    """The first reader that accepts the bytes reads them."""
    for reader in READERS:
        if reader.accepts(data):
            try:
                return _xml_safe(reader.read(data, source))
            except ParseError:
                raise
            except (RecursionError, MemoryError) as exc:
                raise ParseError(source, f"the file is too deeply nested or too large for the {reader.name} reader ({type(exc).__name__})") from None
            except Exception as exc:  # noqa: BLE001 - the contract: only ParseError leaves the parser
                raise ParseError(source, f"the {reader.name} reader could not read this file ({type(exc).__name__}: {exc})") from exc
    raise ParseError(source, "no reader accepts this file")


def read_text(text: str, source: str) -> SourceText:
    """Text already decoded: front matter and layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ParseError(source, "the file is empty")
    body, meta = split_front_matter(text, source)
    if not body.strip():
        raise ParseError(source, "the file has front matter but no text")
    return SourceText(body, detect_layout(body), meta, source)
