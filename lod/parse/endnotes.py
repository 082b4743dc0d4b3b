"""Footnotes printed after the end of the text, and markers left as plain numbers at paragraph ends.

Compilations of adopted texts (the Security Council's annual volumes, re-typed or OCR'd) print
the notes of a resolution under its closing lines ("Adopted at the 2952nd meeting.", then
"99 Ibid., document S/21909."), numbered through the volume rather than the document, and
the marker as a plain number after the paragraph's last punctuation ("… November 1989, 89").
Three signals together make such a number a marker: it follows terminal punctuation, it ends
the paragraph (a blank line or the end of the text follows), and it is a small number. A
numbered line below the last closing line is a note: the text has ended there.
"""

from __future__ import annotations

import re

from lod.parse.closing import CLOSING_START
from lod.parse.furniture import A_MONTH, Cleaned, mark

_END_MARKER = re.compile(r"([,;:.])((?:\s\d{1,3}){1,3})$")
"""A paragraph's last punctuation and the markers after it: "… of the Congo, 21 22" (two notes)."""
_NOTE_START = re.compile(r"^(\d{1,3})\.?\s+(\S.*)$")
_NOTE_UNDER_CLOSING = re.compile(r"^(\d{1,3})(?:\.?\s+|\.(?=[A-Z][a-z]))(\S.*)$")
"""A note under the last closing line, where OCR may have lost the space ("33.One member (China) did
not participate in the voting."): the text has ended, so no paragraph number can be meant."""


def _paragraph_ends(lines: list[str]) -> dict[int, tuple[str, ...]]:
    """Line index → marker numbers, for every line ending a paragraph with "<punctuation> <number>"
    (or a run of numbers counting up by one: "21 22")."""
    found: dict[int, tuple[str, ...]] = {}
    for i, line in enumerate(lines):
        end = line.rstrip()
        if not end[-1:].isdigit():
            continue
        m = _END_MARKER.search(end[-16:])
        numbers = tuple(m.group(2).split()) if m else ()
        counting = all(int(b) == int(a) + 1 for a, b in zip(numbers, numbers[1:]))
        if m and counting and (i + 1 >= len(lines) or not lines[i + 1].strip()) and int(numbers[0]) > 0:
            found[i] = numbers
    return found


def _closing_index(lines: list[str]) -> int | None:
    """The last closing line ("Adopted at the …"), after which only notes may follow."""
    found = None
    for i, line in enumerate(lines):
        if "pted" in line[:12] and CLOSING_START.match(line.strip()):
            found = i
    return found


_CLOSING_END_MARKER = re.compile(r"(?<=[A-Za-z).,;:\]])(\s?)(\d{1,3})$")
"""A number ending the closing sentence with no punctuation before it: "Adopted at the 80th meeting
25", "… (Yugoslavia) 12", "by 10 votes to none33" (OCR lost the space)."""


def _closing_markers(lines: list[str], notes: dict[str, str]) -> None:
    """The marker of a note on the adoption, printed at the end of each closing sentence (the
    compilations' "Adopted at the 2nd meeting 22", note 22 "Adopted without vote."): the last
    number of the sentence, where a note has that number and no marker of it is printed yet."""
    printed = "".join(lines)
    for i, line in enumerate(lines):
        if "pted" not in line[:12] or not CLOSING_START.match(line.strip()):
            continue
        end = i
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        m = _CLOSING_END_MARKER.search(lines[end].rstrip())
        if m and m.group(2) in notes and mark(m.group(2)) not in printed:
            last = lines[end].rstrip()
            lines[end] = f"{last[: m.start()]}{mark(m.group(2))}"
            printed += mark(m.group(2))


_BARE_NOTE = re.compile(r"^(\d{1,3})\s+[A-Z]")
"""A note's first line: its number with no full stop ("122 Official Records …"), not a paragraph's
("5. Decides")."""


def _unclosed_notes(lines: list[str], ends: dict[int, tuple[str, ...]], notes: dict[str, str]) -> int | None:
    """Where the text ends when an extract has no closing lines ("Adopted …" cut off, or printed
    otherwise) but its notes follow the last paragraph: where a closing line would stand, above
    the blank line before the trailing block of notes ("…S/Agenda/838, 10" … "10 Ibid., Thirteenth
    Year, 838th meeting"): a block after the last marker ending a paragraph, opening with a note's
    number, listing the number of such a marker, with no numbered paragraph ("5. Decides") in it."""
    markers = {n for numbers in ends.values() for n in numbers if n not in notes}
    last_end = max(ends, default=-1)
    for i in range(last_end + 1, len(lines)):
        if (i and lines[i - 1].strip()) or not _BARE_NOTE.match(lines[i].strip()):
            continue
        rest = [line.strip() for line in lines[i:] if line.strip()]
        numbers = {m.group(1) for line in rest if (m := _BARE_NOTE.match(line))}
        if numbers & markers and not any(re.match(r"^\d{1,3}\.\s", line) for line in rest):
            return i - 2  # as a closing line would stand: the blank line above the notes ends it
        return None
    return None


def _numeric(marker: str) -> int:
    return int(marker) if marker.isdigit() else 0


_REFERENCE_WORDS = frozenset(
    "article articles chapter no nos vol para paras paragraph paragraphs rule rules section sections item items "
    "annex part resolution resolutions decision decisions page pages session meeting meetings document documents "
    "and or to of on in at from".split()
)


def _mark_inline(lines: list[str], number: str) -> None:
    """A note's marker printed inside a line ("the Atomic Energy Commission, 21 dated …"): the
    first "<word or punctuation> N <lower-case word>" not preceded by a word that takes numbers."""
    # also glued after punctuation, before a second marker ("the Congo,28 29", S/RES/152 (1960)),
    # and after the marker just placed ("\ue001 29")
    pattern = re.compile(rf"(?<=[A-Za-z0-9,;:.)\]”’\ue001] ){number}(?= [a-z]| \d{{1,3}}$|[,;:]|$)|(?<=[,;:)”’]){number}(?= \d{{1,3}}$)")
    for i, line in enumerate(lines):
        for m in pattern.finditer(line):
            before = re.findall(r"[A-Za-z]+", line[max(0, m.start() - 20) : m.start()])
            if before and before[-1].lower() in _REFERENCE_WORDS:
                continue
            cut = m.start() - 1 if line[m.start() - 1] == " " else m.start()  # the space before it, never the comma
            lines[i] = f"{line[:cut]}{mark(number)}{line[m.end():]}"
            return


def _inline_notes(lines: list[str], notes: dict[str, str]) -> None:
    """Notes left between paragraphs where a page ended (text extracted without the page's rule):
    a block of its own, set apart by blank lines, opening with the next number of the count, whose
    marker the text above carries ("…Conference on Disarmament in 2008,2"). Taken out of `lines`."""
    expected = max((int(k) for k in notes if k.isdigit()), default=0) + 1
    above: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        m = _NOTE_START.match(line) if line[:1].isdigit() else None
        starts_block = i == 0 or not lines[i - 1].strip()
        if (m and starts_block and "." not in line[: len(m.group(1)) + 1] and int(m.group(1)) == expected
                and not A_MONTH.match(m.group(2))):  # "3 November⇥…": a programme's row, not note 3
            text = " ".join(above[-60:])
            if re.search(rf"[A-Za-z,;:.)”’\]]\s?{expected}(?!\d)", text):
                end = i
                while end < len(lines) and lines[end].strip():
                    end += 1
                notes[m.group(1)] = " ".join([m.group(2), *(x.strip() for x in lines[i + 1 : end])])
                del lines[i:end]
                expected += 1
                continue
        if line:
            above.append(line)
        i += 1


def take_endnotes(cleaned: Cleaned) -> Cleaned:
    """Markers at paragraph ends become marker tokens; notes under the closing lines become footnotes."""
    lines = list(cleaned.lines)
    if any(line[:1].isdigit() for line in lines):
        notes_between: dict[str, str] = dict(cleaned.footnotes)
        _inline_notes(lines, notes_between)
        if len(notes_between) > len(cleaned.footnotes):
            cleaned = Cleaned(lines, notes_between)
            lines = list(lines)
    ends = _paragraph_ends(lines)
    closing = _closing_index(lines)
    if not ends and closing is None:
        return cleaned
    notes = dict(cleaned.footnotes)
    if closing is None:
        closing = _unclosed_notes(lines, ends, notes)
    if closing is not None:
        current: str | None = None
        cut: int | None = None
        first = closing + 1
        while first < len(lines) and lines[first].strip():
            first += 1  # the closing lines wrap ("… with\n1 abstention (France).") up to a blank line
        for i in range(first, len(lines)):
            line = lines[i].strip()
            m = _NOTE_UNDER_CLOSING.match(line)
            if m and m.group(1) not in notes:  # the text has ended: a numbered line is a note
                current = m.group(1)
                notes[current] = m.group(2)
                cut = i if cut is None else cut
            elif line and current is not None:
                notes[current] = f"{notes[current]} {line}"
            elif not line:
                current = None
        if cut is not None:
            del lines[cut:]
    for i in ends:
        if i < len(lines):
            lines[i] = _END_MARKER.sub(lambda m: m.group(1) + "".join(mark(n) for n in m.group(2).split()), lines[i].rstrip())
    _closing_markers(lines, notes)
    ended = {n for numbers in ends.values() for n in numbers}
    for number in sorted(set(notes) - ended - set(cleaned.footnotes), key=_numeric):
        _mark_inline(lines, number)
    return Cleaned(lines, {k: " ".join(v.split()) for k, v in notes.items()})


def drop_running_titles(notes: dict[str, str], titles: list[str]) -> dict[str, str]:
    """Notes without the running title an odd page prints above its symbol ("… vol. 2056, No.
    35597. ⏎ ⏎ Implementation of the Convention … ⏎ A/RES/77/63"): the notes of the page before
    run until the symbol, so the wrapped title's lines came into the last note. Only a whole title
    after a note's final punctuation is taken away."""
    compared = [" ".join(t.split()).rstrip(".").casefold() for t in titles if len(t.strip()) >= 5]
    out = dict(notes)
    for marker, text in notes.items():
        plain = " ".join(text.split())
        for title in compared:
            head = plain[: len(plain) - len(title)].rstrip()
            if plain.casefold().endswith(title) and head.endswith((".", ";", ")")):
                out[marker] = head
                break
    return out
