"""Real paragraphs, footnotes and titles from the sample corpus, ready to be recombined.

A synthetic corpus is only useful for measuring the converters and the server if it reads
like the real thing, so the generator never writes prose of its own: it takes preambular and
operative paragraphs, their footnotes and their sub-paragraphs from corpus/ and reassembles
them under new symbols. This module reads those pieces out of every text layout in corpus/
(Markdown exports, cleaned Markdown, raw PDF text, page extracts) with plain text
processing: it depends on nothing but the files, so the same corpus and seed always give the
same synthetic documents, whatever state the converters are in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lod.synth.lexicon import split_operative_phrase, split_preambular_phrase

FN = "\ue001"
"""Stands in harvested text where a footnote marker was printed; renderers number it anew."""

_MARK = "\ue000"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_TITLE_META = re.compile(r"^title:\s*\"?(.+?)\s*:?\s*\"?\s*$", re.M)
_RULE = re.compile(r"^\s*(?:_{5,}|-{3,})\s*$")
_FURNITURE = re.compile(
    r"^\s*(?:(?:A|S|E)/\S+|\d{1,3}/\d{1,3}|\d{1,3}|\d{2}-\d{5}(?: \(E\))?(?:\s+\d{6})?|\*\d{7,}\*)\s*$"
)
_POINT = re.compile(r"^\(([a-z]{1,2}|[ivx]{1,5})\)\s+(.*)$", re.S)
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$", re.S)
_CUT_OFF = re.compile(r"\b(?:the|of|and|in|on|for|to|a|an)\s*:?$|:$")
"""A title line cut by the page edge ("… expenses of the") is not a title."""
_ADOPTED_TITLE = re.compile(r"^(?:\d+/\d+|\d+ \(\d{4}\))\.\s+(.+)$")


@dataclass(frozen=True)
class Passage:
    """One real paragraph split for reuse.

    `phrase` is the leading phrase in its base form ("Urges", "Recalling") so the composer
    can add "Also"/"also" the way the UN does when a phrase repeats; `rest` is the text after
    it, without terminal punctuation, with FN where each footnote marker was; `footnotes`
    are those footnotes' texts in order; `points` the texts of its sub-paragraphs.
    """

    phrase: str
    rest: str
    footnotes: tuple[str, ...] = ()
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pool:
    """Everything harvested from a corpus directory."""

    preambular: tuple[Passage, ...]
    operative: tuple[Passage, ...]
    titles: tuple[str, ...]
    footnotes: tuple[str, ...]


def harvest(corpus: Path) -> Pool:
    """Passages from every text file under `corpus` (PDFs and READMEs are skipped)."""
    return _harvest_cached(str(Path(corpus).resolve()))


@lru_cache(maxsize=4)
def _harvest_cached(corpus: str) -> Pool:
    preambular: list[Passage] = []
    operative: list[Passage] = []
    titles: list[str] = []
    footnotes: list[str] = []
    for path in sorted(Path(corpus).rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".txt", ".md") or path.stem.lower() == "readme":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        pre, ops, title, notes = _harvest_text(text)
        preambular += pre
        operative += ops
        titles += title
        footnotes += notes
    if not preambular or not operative:
        raise ValueError(f"{corpus}: no preambular or operative paragraphs found to recombine")
    return Pool(_unique(preambular), _unique(operative), _unique(titles), _unique(footnotes))


def _unique(items: list) -> tuple:  # type: ignore[type-arg]
    return tuple(dict.fromkeys(items))


def _harvest_text(raw: str) -> tuple[list[Passage], list[Passage], list[str], list[str]]:
    raw = raw.replace("\r\n", "\n")
    titles = [re.sub(r"\s+:\s+", ": ", m.group(1).strip()) for m in _TITLE_META.finditer(raw[:2000]) if raw.startswith("---")]
    text = _FRONT_MATTER.sub("", raw)
    text = _normalise_markup(text)
    text, definitions = _take_footnotes(text)
    blocks = _blocks(text)
    titles += _titles(blocks)
    preambular, operative = _classify(blocks, definitions)
    notes = [_clean(d) for d in definitions.values()]
    titles = [t for t in titles if 10 < len(t) < 200 and not _CUT_OFF.search(t)]
    return preambular, operative, titles, notes


def _normalise_markup(text: str) -> str:
    """Markdown and superscripts → plain text with marker tokens (U+E000 N U+E000)."""
    text = re.sub(r"\[([^\]\n]*)\]\([^)\s]*\)", r"\1", text)
    text = re.sub(r"<sup>\s*(\d{1,3})\s*</sup>", lambda m: f"{_MARK}{m.group(1)}{_MARK}", text)
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", lambda m: f"{_MARK}{m.group(0).translate(_SUPERSCRIPTS)}{_MARK}", text)
    text = re.sub(r"^\[\^(\d{1,3})\]:", lambda m: f"{_MARK}{m.group(1)}{_MARK}", text, flags=re.M)
    text = re.sub(r"^#{1,6}\s*", "", text, flags=re.M)
    return text.replace("\\", "").replace("*", "")


def _take_footnotes(text: str) -> tuple[str, dict[str, str]]:
    """Remove footnote definitions from the flow; return them by number, "Ibid." resolved."""
    definitions: dict[str, str] = {}
    kept: list[str] = []
    after_rule = False
    previous = ""
    for line in text.split("\n"):
        stripped = line.strip()
        marked = re.match(rf"^{_MARK}(\d+){_MARK}\s*(.+)$", stripped)
        plain = re.match(r"^(\d{1,3})\s+([A-Z].+)$", stripped) if after_rule else None
        found = marked or plain
        if found and not _NUMBERED.match(stripped):
            number, body = found.group(1), found.group(2)
            body = _resolve_ibid(body, previous)
            definitions[number], previous = body, body
            continue
        if _RULE.match(line) and "_" in line:
            after_rule = True
            continue
        if stripped and not _FURNITURE.match(stripped):
            after_rule = False
        kept.append(line)
    return "\n".join(kept), definitions


def _resolve_ibid(body: str, previous: str) -> str:
    """"Ibid., vol. 976, No. 14152." → the previous footnote's source with the new details."""
    m = re.match(r"^Ibid\.,?\s*(.*)$", body)
    if not m or not previous:
        return body
    tail = m.group(1)
    for starts, anchor in ((r"vols?\.", r"\bvols?\."), (r"\d{4}\b", r"\b\d{4}\b"), (r"Supplement", r"Supplement")):
        if re.match(starts, tail):
            found = re.search(anchor, previous)
            if found and found.start() > 0:
                return previous[: found.start()] + tail
    return body


def _blocks(text: str) -> list[str]:
    """Paragraph-sized blocks: blank-line separated, page furniture dropped, lines joined."""
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n")]
        lines = [ln for ln in lines if ln and not _FURNITURE.match(ln) and not _RULE.match(ln)]
        if lines:
            blocks.append(_clean(" ".join(lines)))
    return blocks


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _titles(blocks: list[str]) -> list[str]:
    titles = []
    for n, block in enumerate(blocks):
        m = _ADOPTED_TITLE.match(block)
        if m:
            titles.append(m.group(1))
        elif block.endswith(": draft resolution") or block.endswith(": revised draft resolution"):
            if n + 1 < len(blocks) and not blocks[n + 1].startswith("The "):
                titles.append(blocks[n + 1])
    return titles


def _classify(blocks: list[str], definitions: dict[str, str]) -> tuple[list[Passage], list[Passage]]:
    """Join paragraphs cut by page breaks, then sort them into preambular and operative."""
    merged: list[str] = []
    for block in blocks:
        if merged and _is_paragraph(merged[-1]) and not re.search(r"[,;:.]\s*(?:\ue000\d+\ue000)?$", merged[-1]):
            merged[-1] = f"{merged[-1]} {block}"
        else:
            merged.append(block)
    preambular: list[Passage] = []
    operative: list[Passage] = []
    open_points: list[str] | None = None
    pending: tuple[str, str] | None = None

    def close() -> None:
        nonlocal pending, open_points
        if pending is not None:
            operative.append(_passage(pending[0], pending[1], definitions, tuple(open_points or ())))
        pending, open_points = None, None

    for block in merged:
        block = _glue_markers(block, definitions)
        point = _POINT.match(block)
        if point and open_points is not None:
            open_points.append(point.group(2))
            continue
        numbered = _NUMBERED.match(block)
        if numbered:
            close()
            split = split_operative_phrase(numbered.group(2))
            if split is not None and split[2]:
                pending = (split[1], split[2])
                open_points = [] if block.rstrip().endswith(":") else None
            continue
        close()
        pre = split_preambular_phrase(block)
        if pre is not None and block.endswith(",") and pre[2]:
            preambular.append(_passage(pre[0], pre[2], definitions, ()))
    close()
    return preambular, [p for p in operative if not p.rest.endswith(":") or p.points]


def _is_paragraph(block: str) -> bool:
    return bool(_NUMBERED.match(block) or _POINT.match(block) or split_preambular_phrase(block))


def _glue_markers(block: str, definitions: dict[str, str]) -> str:
    """Plain-text extraction glues footnote digits to the word before them ("Nations1 are")."""

    def mark(m: re.Match[str]) -> str:
        return f"{m.group(1)}{_MARK}{m.group(2)}{_MARK}" if m.group(2) in definitions else m.group(0)

    return re.sub(r"(?<![\d/])([A-Za-z,.;)”])(\d{1,2})(?=[\s,;.:]|$)", mark, block)


def _passage(phrase: str, rest: str, definitions: dict[str, str], points: tuple[str, ...]) -> Passage:
    notes: list[str] = []

    def token(m: re.Match[str]) -> str:
        note = definitions.get(m.group(1))
        if note is None:
            return ""
        notes.append(_clean(note))
        return FN

    def strip(text: str) -> str:
        text = re.sub(rf"{_MARK}(\d+){_MARK}", token, text)
        text = re.sub(rf"[\s,;.:]+({FN}+)$", r"\1", _clean(text))
        return re.sub(r"[\s,;.:]+$", "", text)

    rest = strip(rest)
    clean_points = tuple(strip(re.sub(rf"{_MARK}\d+{_MARK}", "", p)) for p in points)
    return Passage(phrase, rest, tuple(notes), clean_points)
