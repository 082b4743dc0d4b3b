"""The verb phrases the UN itself marks: italic spans that open paragraphs in AKN4UN XML.

    python -m bench.verb_spans FOLDER [--top N] [--disagreements N]

In the UN's Akoma Ntoso files (../shared/corpus/real/ga-akn) the opening words of each
preambular container and operative paragraph are an italic `<span class="italic">` (or `<i>`):
"Reiterates its call for", "Continues to encourage". This prints how often each span occurs
(preambular and operative), and how often the text converter's lexicon (`lod.parse.verbs.
leading_phrase`, which has no italics to go by) draws the same boundary on the same words.
It is the evidence for the lexicon; the XML itself is never copied into the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from xml.etree import ElementTree as etree

from lod.parse.verbs import leading_phrase

OTHER_LANGUAGES = frozenset({"Arabic", "Chinese", "French", "Russian", "Spanish"})
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _italic(node: etree.Element) -> bool:
    return node.tag in (f"{AKN}i", "i") or (node.tag in (f"{AKN}span", "span") and "italic" in (node.get("class") or ""))


def _text(node: etree.Element) -> str:
    return " ".join("".join(node.itertext()).split())


def spans(path: Path) -> Iterator[tuple[str, str, str]]:
    """(part, italic span, whole paragraph text) for every paragraph that opens with an italic span."""
    tree = etree.parse(str(path))
    for part, xpath in (("preambular", f"//{AKN}preamble//{AKN}p"), ("operative", f"//{AKN}mainBody//{AKN}content/{AKN}p")):
        for p in tree.iterfind("." + xpath):
            if (p.text or "").strip():
                continue
            first = next(iter(p), None)
            if first is None or not _italic(first):
                continue
            phrase = _text(first).rstrip(",;:")
            if phrase and not phrase.startswith("The ") and len(phrase.split()) <= 8 and not any(c.isdigit() for c in phrase):
                yield part, phrase, _text(p)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--disagreements", type=int, default=40)
    args = parser.parse_args(argv)
    counts: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str, str]] = Counter()
    agree = total = 0
    for path in sorted(args.folder.rglob("*.xml")):
        if OTHER_LANGUAGES & set(path.parts):
            continue  # the lexicon is English
        try:
            found = list(spans(path))
        except etree.ParseError as exc:
            print(f"{path}: not well-formed XML ({exc})", file=sys.stderr)
            continue
        for part, phrase, text in found:
            counts[(part, phrase)] += 1
            ours = leading_phrase(text, operative=part == "operative")
            total += 1
            if ours == phrase:
                agree += 1
            else:
                wrong[(part, phrase, ours or "—")] += 1
    print(f"{total} italic verb spans, {len(counts)} distinct; the lexicon draws the same boundary on {agree} ({agree / max(total, 1):.1%})")
    for (part, phrase), n in counts.most_common(args.top):
        print(f"  {n:5d}  {part:10s}  {phrase}")
    print("disagreements (UN span → lexicon):")
    for (part, phrase, ours), n in wrong.most_common(args.disagreements):
        print(f"  {n:5d}  {part:10s}  {phrase!r} → {ours!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
