"""Slips of the UN's markup that the six language files of one resolution do not share, mended
so that each expression reads as its English one does (and keeps its eIds)."""

from __future__ import annotations

import re

from lod.model import Footnote, OperativeParagraph, PreambularParagraph, SubParagraph
from lod.parse.akn.body import Body
from lod.uri import note_eid

PREAMBULAR_ENDINGS = (",", "،", "，")
"""How a preambular paragraph ends in the six languages (an operative one ends with ";" or ".")."""


def stray_preamble(body: Body) -> None:
    """The last preambular paragraphs marked up at the head of the main body: numberless, ending
    as a preambular paragraph ends, before the first numbered paragraph or section ("Déterminé à lutter
    contre la pandémie …," in E/RES/2021/9 in French, where the English file has "Determined …,"
    as its preamble's 24th paragraph). They join the preamble, with its eIds."""
    stray = 0
    for para in body.operative:
        if para.num is not None or para.subparagraphs or para.section or not para.text.rstrip().endswith(PREAMBULAR_ENDINGS):
            break
        stray += 1
    if not stray or not body.preamble or stray == len(body.operative):
        return
    after = body.operative[stray]  # numbered, or the first of a section (E/RES/2021/13 in Arabic: parts A
    if after.num is None and after.section is None:  # and B each open with preambular paragraphs of their own)
        return
    for para in body.operative[:stray]:
        eid = f"preamble__para_{len(body.preamble) + 1}"
        body.preamble.append(PreambularParagraph(para.text, para.verb, eid, list(para.footnote_refs), body.preamble[-1].part))
        body.links[eid] = body.links.pop(para.eid, [])
    del body.operative[:stray]
    for para in body.operative:  # the numberless paragraphs left are counted again from 1, as in English
        if (found := _UNNUMBERED.match(para.eid)) is not None:
            _rename(body, para, f"para_u{int(found.group(1)) - stray}")


_UNNUMBERED = re.compile(r"^para_u(\d+)$")


def _rename(body: Body, node: OperativeParagraph | SubParagraph, eid: str) -> None:
    """Give a paragraph a new eId, its points theirs under it, and their links with them."""
    old = node.eid
    for key in [k for k in body.links if k == old or k.startswith(f"{old}__")]:
        body.links[eid + key[len(old):]] = body.links.pop(key)
    node.eid = eid
    for sub in node.subparagraphs:
        _rename(body, sub, eid + sub.eid[len(old):])


_ORDINAL = r"(?:\d+\s*[-‑]?\s*[^\W\d_]{0,3}|[\w-]+)"
"""A meeting's ordinal: in words, or a number whose ending is printed raised, which the text keeps
apart ("43<sup>a</sup>" reads "43 a", "1<sup>re</sup>" "1 re")."""
_RAISED_GAP = re.compile(r"^(\d+)\s+(?=[-‑]?[^\W\d_]{1,3}\s)")
MEETING_LINE = re.compile(
    rf"^(?:\d+\s*(?:st|nd|rd|th)\s+plenary meeting|{_ORDINAL}\s+séance plénière|{_ORDINAL}\s+(?:sesión|reunión) plenaria"
    rf"|{_ORDINAL}\s+пленарное заседание|الجلسة العامة\s+\S+|第\s*\d+\s*次全体会议)\.?$", re.IGNORECASE)
"""The closing line that names the adoption meeting, in the six languages ("1st plenary meeting",
"1re séance plénière", "Primera sesión plenaria", "43ª reunión plenaria" (the Council's),
"1-e пленарное заседание", "الجلسة العامة الأولى", "第1次全体会议")."""


def trailing_meeting(body: Body) -> str | None:
    """The adoption meeting's line marked up as the main body's last paragraph rather than in the
    conclusions (E/RES/2021/2 in Arabic): taken out of the operative part, or out of the text the body
    adopts where that ends the body (A/RES/75/1 in Spanish: "Tercera sesión plenaria" after the
    declaration's paragraph 21), its words returned."""
    holder = body.operative
    if body.text_annex is not None and body.annexes and body.annexes[-1].eid == body.text_annex:
        holder = body.annexes[-1].paragraphs
    last = holder[-1] if len(holder) > 1 else None
    if last is None or last.num is not None or last.subparagraphs or not MEETING_LINE.match(last.text.strip()):
        return None
    holder.pop()
    body.links.pop(last.eid, None)
    return _RAISED_GAP.sub(r"\1", last.text.strip())  # "43 a reunión plenaria" as the conclusions give it: "43a …"


_UNPUNCTUATED = re.compile(r"[^,.;:،؛，。；：!?)\]]$")


def annex_title(body: Body) -> None:
    """An annex's title marked up as a plain paragraph rather than a heading: the first of the
    annex, numberless, short, ending without punctuation, right before the opening formula of the
    resolution the annex holds ("吉布提申请加入西亚经济社会委员会" before "西亚经济社会委员会，" in
    E/RES/2023/22 in Chinese, where the English file styles "Request from Djibouti …" as a heading).
    It becomes the heading of the annex's paragraphs, which are counted from 1 as in English."""
    for annex in body.annexes:
        paragraphs = annex.paragraphs
        if len(paragraphs) < 2:
            continue
        title, formula = paragraphs[0], paragraphs[1]
        if (title.num is not None or title.subparagraphs or title.section or title.footnote_refs
                or len(title.text) > 200 or not _UNPUNCTUATED.search(title.text.rstrip())):
            continue
        if formula.num is not None or len(formula.text) > 150 or not formula.text.rstrip().endswith(PREAMBULAR_ENDINGS):
            continue
        body.links.pop(title.eid, None)
        del paragraphs[0]
        prefix = f"{annex.eid}__"
        for para in paragraphs:
            if para.section is None:
                para.section = title.text.strip()
            local_eid = para.eid[len(prefix):] if para.eid.startswith(prefix) else para.eid
            if (found := _UNNUMBERED.match(local_eid)) is not None:
                _rename(body, para, f"{prefix}para_u{int(found.group(1)) - 1}")


_STARRED = re.compile(r"^(\*{1,3}|[†‡])\s+(\S.*)$", re.DOTALL)


def starred_notes(body: Body, footnotes: list[Footnote]) -> None:
    """A note printed as a paragraph of its own under the words that print its marker (A/RES/77/256
    A's annexed statute: "… determined by the General Assembly;*", then "* Dependency allowances …",
    marked up as footnote text, not as an `authorialNote`): a footnote of the text, its marker on
    the point or paragraph that prints it, where it had been an unnumbered paragraph and the "*"
    part of the point's words."""
    for paragraphs in [body.operative, *(a.paragraphs for a in body.annexes)]:
        for k, para in reversed(list(enumerate(paragraphs))):
            note = _STARRED.match(para.text) if para.num is None and not para.subparagraphs else None
            if note is None or any(f.marker == note.group(1) for f in footnotes):
                continue
            printed = re.compile(rf"(?<=\S){re.escape(note.group(1))}(?=\s|$)")
            carrier = next((above for above in reversed(paragraphs[:k]) if printed.search(above.text)), None)
            if carrier is None:
                continue
            for node in [carrier, *(p for p in _points(carrier) if printed.search(p.text))][:2]:
                node.text = printed.sub("", node.text, count=1)  # the paragraph's words and its point's
            carrier.footnote_refs.append(note.group(1))  # a paragraph holds its points' markers
            footnotes.append(Footnote(note.group(1), note.group(2), note_eid(note.group(1))))
            body.links.pop(para.eid, None)
            del paragraphs[k]
            _close_gap(body, paragraphs[k:], para.eid)


_COUNTED = re.compile(r"^(.*?)para_u(\d+)$")


def _close_gap(body: Body, after: list[OperativeParagraph], removed: str) -> None:
    """The numberless paragraphs after one taken out (`removed`, its eId) counted again, as the file
    written without it reads them (else `para_u4` came back from the AKN output as `para_u3`)."""
    gone = _COUNTED.match(removed)
    if gone is None:
        return
    for para in after:
        found = _COUNTED.match(para.eid)
        if found is not None and found.group(1) == gone.group(1) and int(found.group(2)) > int(gone.group(2)):
            _rename(body, para, f"{found.group(1)}para_u{int(found.group(2)) - 1}")


def _points(node: OperativeParagraph | SubParagraph) -> list[SubParagraph]:
    """A paragraph's points at every depth."""
    return [q for p in node.subparagraphs for q in (p, *_points(p))]
