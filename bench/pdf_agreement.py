"""The PDF reader against the Word reader on the same resolutions: every Word file of a folder
printed to PDF by LibreOffice, both read, their models compared measure by measure.

The UN prints its resolutions to PDF from these very Word files; a PDF printed by another program
keeps the text, the italics and the notes but not the UN's tags (running headers and footers are
untagged, a note's marker is drawn apart from it), which is what PDFs from elsewhere look like.
Agreement here is a floor for how the PDF reader does on resolutions whose Word file nobody has.

    python -m bench.pdf_agreement ../shared/corpus/real/ga-docx [--pdf-dir /tmp/pdf] [--show 30]
    python -m bench.pdf_agreement ../shared/corpus/real/ga-docx --pdftotext layout   # or raw

With --pdftotext, each PDF's text as poppler's pdftotext extracts it (-layout, or its raw reading
order) is read instead of the PDF: the text converter on extracts made elsewhere.
Needs `libreoffice` (Debian: libreoffice-writer-nogui) and, for --pdftotext, poppler-utils;
PDFs and texts already in --pdf-dir are reused.
Writes bench/results/pdf-agreement/{folder}.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from lod.model import Resolution
from lod.parse import parse_file

RESULTS = Path(__file__).parent / "results" / "pdf-agreement"
"""One file per folder compared (its name): bench.report reads only the run files of results/ itself."""


def measures(res: Resolution) -> dict[str, Any]:
    """What must agree: metadata, the preamble's and the operative part's phrases and numbers, notes."""
    return {"symbol": res.symbol, "adoption_date": res.adoption_date, "meeting": res.meeting, "title": res.title,
            "preamble": [p.verb for p in res.preamble], "operative": [(p.num, p.verb) for p in res.operative],
            "footnotes": sorted(f.marker for f in res.footnotes), "annexes": len(res.annexes)}


def compare(pair: tuple[str, str]) -> tuple[str, dict[str, Any] | str]:
    """The measures on which the PDF's model differs from the Word file's, or the PDF's refusal."""
    docx, pdf = pair
    word = measures(parse_file(docx))
    try:
        printed = measures(parse_file(pdf))
    except Exception as exc:  # noqa: BLE001 - a refusal is a result here
        return docx, f"refused: {exc}"
    return docx, {k: [word[k], printed[k]] for k in word if word[k] != printed[k]}


def print_pdfs(docs: list[Path], out: Path) -> None:
    """Each Word file as a PDF in `out` (LibreOffice, 50 a call; those already there are kept)."""
    todo = [d for d in docs if not (out / f"{d.stem}.pdf").exists()]
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if todo and office is None:
        raise SystemExit("libreoffice is needed to print the Word files (apt-get install libreoffice-writer-nogui)")
    for k in range(0, len(todo), 50):
        subprocess.run([str(office), "--headless", "--convert-to", "pdf", "--outdir", str(out), *map(str, todo[k : k + 50])],
                       check=True, capture_output=True, timeout=900)


def extract_texts(pdfs: list[Path], mode: str) -> list[Path]:
    """Each PDF's text by pdftotext (`-layout`, or the raw reading order) beside it."""
    texts = [pdf.with_suffix(f".{mode}.txt") for pdf in pdfs]
    for pdf, text in zip(pdfs, texts):
        if not text.exists():
            subprocess.run(["pdftotext", *(["-layout"] if mode == "layout" else []), str(pdf), str(text)],
                           check=True, capture_output=True, timeout=120)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pdf-dir", type=Path, default=Path("/tmp/lod-pdf-agreement"))
    parser.add_argument("--show", type=int, default=30, help="documents that differ to print")
    parser.add_argument("--pdftotext", choices=("layout", "raw"), help="read pdftotext's text of each PDF instead")
    args = parser.parse_args()
    docs = sorted(args.folder.rglob("*.docx"))
    args.pdf_dir.mkdir(parents=True, exist_ok=True)
    print_pdfs(docs, args.pdf_dir)
    printed = [args.pdf_dir / f"{d.stem}.pdf" for d in docs]
    if args.pdftotext:
        printed = extract_texts(printed, args.pdftotext)
    pairs = [(str(d), str(p)) for d, p in zip(docs, printed)]
    with ProcessPoolExecutor(2) as pool:
        results = dict(pool.map(compare, pairs, chunksize=4))
    agree = [d for d, diff in results.items() if diff == {}]
    kinds = Counter(k for diff in results.values() if isinstance(diff, dict) for k in diff)
    refused = [d for d, diff in results.items() if isinstance(diff, str)]
    but_notes = sum(1 for diff in results.values() if isinstance(diff, dict) and not set(diff) - {"footnotes"})
    summary = {"documents": len(results), "agree": len(agree), "agree_but_notes": but_notes, "refused": len(refused),
               "differ_by_measure": dict(kinds)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    # which measures differ, per file: no text of the documents (they are others', ../shared's README)
    report = {"summary": summary, "differences": {Path(d).name: v if isinstance(v, str) else sorted(v)
                                                  for d, v in results.items() if v}}
    name = args.folder.resolve().name + (f"-pdftotext-{args.pdftotext}" if args.pdftotext else "")
    (RESULTS / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for d, diff in [(d, v) for d, v in results.items() if v][: args.show]:
        print(Path(d).name, diff if isinstance(diff, str) else sorted(diff))
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
