"""`make corpus-check`: `lod check` over every folder of ../shared/corpus/real, into docs/quality.md.

    python -m bench.corpus_check [--real ../shared/corpus/real] [--out docs/quality.md] [--jobs N]

One row per folder: documents, read, refused, read with findings, and each kind of finding
(lod.quality). The Security Council drafts folder holds a JSON record beside each PDF (the
dataset's metadata, not a document): only the PDFs are checked there. The cross-check of the
eight session-77 texts against their AKN files needs the AKN reader (branch akn-read); its place
in the report is marked. Not part of `make test`: the corpus is not in the repository and a
full run takes minutes.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lod.check import Tally, check_all, markdown_table

ROOT = Path(__file__).resolve().parent.parent
FOLDERS: tuple[tuple[str, str], ...] = (
    ("ga-text", "*"),
    ("ga-docx", "*.docx"),
    ("sc", "*"),
    ("sc-drafts", "*.pdf"),
    ("decisions", "*.json"),
    ("ga-akn", "*.xml"),
)
"""(folder of ../shared/corpus/real, which files are documents there)."""

CROSS_CHECK = """## Session 77: text against the UN's AKN files

The eight `ga-text/undocsdl_A_RES_77_*_extracted.txt` are the same resolutions as files in
`ga-akn/…/77session/English/`. **Not measured yet**: the comparison (preamble count, operative
numbers, verbs, sub-paragraphs, footnotes, per paragraph) needs the AKN reader of branch
`akn-read`; when it is merged, `bench/corpus_check.py` adds the table here.
"""


def run(real: Path, out: Path, jobs: int | None) -> str:
    rows: list[tuple[str, Tally]] = []
    refusals: list[str] = []
    started = time.perf_counter()
    for folder, pattern in FOLDERS:
        base = real / folder
        if not base.is_dir():
            continue
        if pattern == "*.xml" and not _reads_akn():
            refusals.append(f"- `{folder}`: not checked: no AKN reader is registered yet (branch akn-read)")
            continue
        paths = sorted(p for p in base.rglob(pattern) if p.is_file() and p.name.lower() != "readme.md")
        tally = Tally()
        for checked in check_all(paths, jobs):
            tally.add(checked)
        rows.append((folder, tally))
        refusals += [f"- `{folder}`: {n} × {reason}" for reason, n in tally.refusals.most_common(8)]
        print(f"{folder}: {tally.documents} documents, {tally.read} read, {tally.refused} refused", flush=True)
    minutes = (time.perf_counter() - started) / 60
    text = "\n\n".join([
        "# Quality of the converters on the real corpus",
        "What `lod check` finds on every folder of `../shared/corpus/real` (real UN documents, not kept in the "
        "repository; see its README). Written by `make corpus-check` (`python -m bench.corpus_check`), "
        f"which took {minutes:.1f} min on this machine. The kinds of findings are listed in "
        "[the table below](#kinds-of-findings); `lod check PATH` shows them per document with the paragraph "
        "(eId) they concern, and the build report, the RDF (DQV) and the HTML pages carry the same.",
        "## Per folder",
        markdown_table(rows) if rows else "_../shared/corpus/real is absent: nothing was measured._",
        "## Refusals by reason",
        "\n".join(refusals) or "None.",
        CROSS_CHECK.strip(),
        "## Kinds of findings",
        _kinds(),
    ]) + "\n"
    out.write_text(text, encoding="utf-8")
    return text


def _reads_akn() -> bool:
    import lod.parse  # noqa: F401 - registers the readers
    from lod.parse.readers import READERS

    return any("akn" in reader.name.lower() for reader in READERS)


def _kinds() -> str:
    from lod.quality import CHECKS, LONG_PARAGRAPH, SHORT_PARAGRAPH

    lines = ["| code | finding | what it means |", "|---|---|---|"]
    lines += [f"| `{c.code}` | {c.label} | {c.meaning} |" for c in CHECKS]
    lines.append(f"\nUnusual length: more than {LONG_PARAGRAPH} or fewer than {SHORT_PARAGRAPH} characters.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "quality.md")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    run(args.real, args.out, args.jobs)
    print(f"→ {args.out}")


if __name__ == "__main__":
    main()
