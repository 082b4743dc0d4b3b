"""Parse every document of a folder and tally what a curator would have to look at.

    python -m bench.parse_survey FOLDER [FOLDER …] [--show CLASS] [--limit N]

Per folder: documents read, refused (grouped by reason), operative numbering gaps or repeats,
a preamble that swallowed the operative part, footnote markers out of sequence or without a
note, and the parse rate. Text files (.txt, .md) go through `lod.parse.parse_file`; the GA
decisions database's JSON records (`ED_DecisionText`) go through `lod.parse.parse_text`
and the Security Council drafts' JSON (`Content`) go through `lod.parse.parse_text`. This is a survey tool for the real corpus in
../shared/corpus/real (never copied into the repository), not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lod.model import OperativeParagraph, Resolution
from lod.parse import ParseError, parse_file, parse_text

TEXT_SUFFIXES = (".txt", ".md")
_NUMBERED_INSIDE = re.compile(r"(?:^|[;.:]\s)(\d{1,3})\.\s+[A-Z][a-z]+s\b")


@dataclass
class Survey:
    """What one folder's documents showed."""

    read: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    findings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time of this process: documents per CPU second is the rate per core, whatever else runs."""


def documents(folder: Path) -> Iterator[tuple[str, str | None, Path]]:
    """(name, decision text or None, path) for every text file or decisions record below `folder`."""
    for path in sorted(folder.rglob("*")):
        if path.suffix in TEXT_SUFFIXES and path.is_file() and path.name != "README.md":
            yield path.name, None, path
        elif path.suffix == ".json" and path.is_file():
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(record, dict) and isinstance(record.get("ED_DecisionText"), str):
                yield path.name, record["ED_DecisionText"], path
            elif isinstance(record, dict) and isinstance(record.get("Content"), str):
                yield path.name, record["Content"], path  # a Security Council draft's text (sc-drafts)


def _numbers(paragraphs: list[OperativeParagraph]) -> list[int]:
    return [int(p.num) for p in paragraphs if p.num and p.num.isdigit()]


def findings(res: Resolution) -> list[str]:
    """The classes of defect this document shows (empty: nothing to look at)."""
    found: list[str] = []
    parts = [("operative", res.operative)] + [(f"annex {a.num or k}", a.paragraphs) for k, a in enumerate(res.annexes, 1)]
    for label, paras in parts:
        nums = _numbers(paras)
        sections = {p.section for p in paras}
        if len(sections) > 1:
            continue  # numbering restarts per section; judged per section below
        for before, after in zip(nums, nums[1:]):
            if after == before:
                found.append(f"numbering repeat ({label})")
                break
            if after != before + 1 and after != 1:
                found.append(f"numbering gap ({label})")
                break
    for para in res.preamble:
        if _NUMBERED_INSIDE.search(para.text) or para.text.rstrip().endswith((";", ".")) and len(para.text) > 400:
            found.append("preamble swallowed operative")
            break
    if res.preamble and not res.operative and not res.annexes and res.kind != "extract":
        found.append("preamble only, no operative part")
    refs: list[str] = []
    for para in [*res.preamble, *res.operative, *(p for a in res.annexes for p in a.paragraphs)]:
        refs.extend(r for r in para.footnote_refs if r not in refs)
    digits = [int(r) for r in refs if r.isdigit()]
    if any(b < a for a, b in zip(digits, digits[1:])):
        found.append("footnote markers out of sequence")
    defined = {f.marker for f in res.footnotes}
    if set(refs) - defined:
        found.append("footnote marker without a note")
    if defined - set(refs):
        found.append("footnote never referenced")
    return found


def survey(folder: Path) -> Survey:
    out = Survey()
    start, cpu = time.perf_counter(), time.process_time()
    for name, decision_text, path in documents(folder):
        try:
            if decision_text is None:
                res = parse_file(path)
            else:
                res = parse_text(decision_text, source=name)
        except ParseError as exc:
            out.refused[exc.reason if hasattr(exc, "reason") else str(exc)] += 1
            out.findings["refused"].append(f"{name}: {exc}")
            continue
        out.read += 1
        for finding in findings(res):
            out.findings[finding].append(name)
    out.seconds = time.perf_counter() - start
    out.cpu_seconds = time.process_time() - cpu
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show", help="list the documents of this class (e.g. 'refused', 'numbering gap')")
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args(argv)
    for folder in args.folders:
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 2
        result = survey(folder)
        total = result.read + sum(result.refused.values())
        rate = total / result.cpu_seconds if result.cpu_seconds else 0.0
        print(
            f"{folder}: {total} documents, {result.read} read, {sum(result.refused.values())} refused, "
            f"{rate:.0f} documents per CPU second (survey included)"
        )
        for cls, names in sorted(result.findings.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(names):5d}  {cls}")
            if args.show and args.show in cls:
                for name in names[: args.limit]:
                    print(f"           {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
