"""`make corpus-check`: `lod check` over every folder of ../shared/corpus/real, into docs/quality.md.

    python -m bench.corpus_check [--real ../shared/corpus/real] [--out docs/quality.md] [--jobs N]

One row per folder: documents, read, refused, read with findings, and each kind of finding
(lod.quality). The Security Council drafts folder holds a JSON record beside each PDF (the
dataset's metadata, not a document): only the PDFs are checked there. The cross-check of the
eight session-77 texts against their AKN files is measured by lod.crosscheck. Not part of `make test`: the corpus is not in the repository and a
full run takes minutes.
"""

from __future__ import annotations

import time
from pathlib import Path

import click


from lod.check import Tally, check_all, markdown_table
from lod.cli import jobs_option

ROOT = Path(__file__).resolve().parent.parent
FOLDERS: tuple[tuple[str, str], ...] = (
    ("ga-text", "*"),
    ("ga-docx", "*.docx"),
    ("sc", "*"),
    ("sc-drafts", "*"),  # the PDFs and the benchmark's JSON records of the same drafts
    ("decisions", "*.json"),
    ("ga-akn", "*.xml"),
)
"""(folder of ../shared/corpus/real, which files are documents there)."""


def _cross_check(real: Path) -> str:
    """The session-77 texts against their AKN files (lod.crosscheck), measured now."""
    from lod.crosscheck import TARGET, measure

    text, akn = real / "ga-text", real / "ga-akn" / "GAresolutions-main" / "77session" / "English"
    head = "## Session 77: text against the UN's AKN files"
    if not text.is_dir() or not akn.is_dir():
        return f"{head}\n\n_absent: nothing was measured._"
    found = measure(text, akn)
    misses = "".join(f"\n- {measure_}: {', '.join(where)}" for measure_, where in sorted(found.misses.items()))
    return (
        f"{head}\n\nThe eight `ga-text/undocsdl_A_RES_77_*_extracted.txt` are the same resolutions as files in "
        "`ga-akn/…/77session/English/`, compared paragraph by paragraph and measure by measure (preamble count, "
        "operative numbers, verbs, sub-paragraphs, footnotes; lod.crosscheck, held by "
        f"`tests/test_akn_text_agreement.py`): **{found.agreeing} of {found.paragraphs} paragraphs agree on every "
        f"measure ({found.share:.3f}, target {TARGET})**." + (f" Where they do not:{misses}" if misses else "")
    )


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
        _sc_drafts(real / "sc-drafts", ROOT.parent / "shared" / "corpus" / "dev"),
        _cross_check(real),
        "## Kinds of findings",
        _kinds(),
    ]) + "\n"
    out.write_text(text, encoding="utf-8")
    return text


def _sc_drafts(folder: Path, dev: Path) -> str:
    """The PDF reader measured: sponsors against the records' `Authors`, numbering, ms per page."""
    import ast
    import json

    from lod.parse import ParseError, parse_file
    from lod.parse.pdf import pdf_pages
    from lod.states import lookup_state

    pdfs = sorted(folder.rglob("*.pdf"))
    if not pdfs:
        return "## Security Council draft PDFs\n\n_absent: nothing was measured._"
    found = expected = both = gap_free = with_gold = 0
    gaps: list[str] = []
    for pdf in pdfs:
        try:
            res = parse_file(pdf)
        except ParseError as exc:
            gaps.append(f"{pdf.name} (refused: {exc.reason})")
            continue
        numbers = [int(p.num) for p in res.operative if p.num and p.num.isdigit()]
        if all(n == m + 1 or n == 1 for m, n in zip(numbers, numbers[1:])):
            gap_free += 1
        else:
            gaps.append(f"{pdf.name}: {', '.join(map(str, numbers))}")
        record = pdf.with_suffix(".json")
        authors = json.loads(record.read_text(encoding="utf-8")).get("Authors") if record.is_file() else None
        if isinstance(authors, str):
            authors = ast.literal_eval(authors) if authors.startswith("[") else [authors]
        if authors and all(lookup_state(a) for a in authors):
            with_gold += 1
            read = {s.name for s in res.sponsors}
            found, expected, both = found + len(read), expected + len(set(authors)), both + len(read & set(authors))
    f1 = 2 * both / (found + expected) if found + expected else 0.0
    pages = cpu = wall = 0.0
    for pdf in [*pdfs, *sorted(dev.glob("*.pdf"))]:
        data = pdf.read_bytes()
        started, cpu_started = time.perf_counter(), time.process_time()
        pages += len(pdf_pages(data, pdf.name))
        wall += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
    import os

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "## Security Council draft PDFs (the PDF reader)\n",
        f"{len(pdfs)} PDFs in `sc-drafts` (S/2024/400 is in both tasks). Sponsors against the records' `Authors`, "
        f"over the {with_gold} whose record lists States (the others say \"The Security Council\"): "
        f"**F1 {f1:.3f}** ({both} found of {expected}, {found - both} extra). Operative numbering without gaps: "
        f"**{gap_free} of {len(pdfs)}**.\n",
        *(f"- numbering: {g}" for g in gaps),
        f"\nPDF reading (lod.parse.pdf, these PDFs and `../shared/corpus/dev`'s, {int(pages)} pages): "
        f"**{cpu / pages * 1000:.1f} ms CPU per page**, {wall / pages * 1000:.1f} ms wall on this shared 2-core "
        f"machine (load average {load:.1f} at the end of the run; target ≤ 60 ms per page).",
    ]
    return "\n".join(lines)


def _reads_akn() -> bool:
    import lod.parse  # noqa: F401 - registers the readers
    from lod.parse.readers import READERS

    return any("akn" in reader.name.lower() for reader in READERS)


def _kinds() -> str:
    from lod.quality import CHECKS, LONG_PARAGRAPH, SHORT_PARAGRAPH

    lines = ["| code | finding | what it means | severity |", "|---|---|---|---|"]
    lines += [f"| `{c.code}` | {c.label} | {c.meaning} | {c.severity} |" for c in CHECKS]
    lines.append(
        "\nSeverity `curator`: a curator should look at it (the conversion may be wrong, or a table lacks a "
        "name); `informational`: it describes the source, which no conversion can change. \"With findings\" "
        "counts documents with curator findings; informational ones are still listed by `lod check`, in "
        "report.json (each finding's `severity`) and the RDF."
    )
    lines.append(f"\nUnusual length: more than {LONG_PARAGRAPH} or fewer than {SHORT_PARAGRAPH} characters.")
    return "\n".join(lines)


@click.command(help=(__doc__ or "").splitlines()[0])
@click.option("--real", type=click.Path(path_type=Path), default=ROOT.parent / "shared" / "corpus" / "real", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=ROOT / "docs" / "quality.md", show_default=True)
@jobs_option()
def main(real: Path, out: Path, jobs: int | None) -> None:
    run(real, out, jobs)
    print(f"→ {out}")


if __name__ == "__main__":
    main()
