"""Synthetic corpora: N realistic resolution texts for tests at scale and for benchmarks.

`synthesize(n, out, seed)` writes N documents in the text layouts the converters read (raw PDF
text, three Markdown forms), recombining real paragraphs, footnotes and citations from
corpus/ under new, consistent symbols and dates; the citations between generated
resolutions form a preferential-attachment graph (lod.synth.plan). The same n and seed give
a byte-identical corpus. Beside the documents it writes `.synth-manifest.jsonl` (hidden, so
`lod build` does not take it for a document): one line per document with the facts the
generator put in (symbol, kind, operative paragraph count, sponsors' ISO codes, cited
numbers), which tests compare with what the parser reads back.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from lod.synth.compose import Composer, SynthDocument
from lod.synth.harvest import Pool, harvest
from lod.synth.plan import plan
from lod.synth.render_markdown import render_markdown
from lod.synth.render_pdf import render_pdf_text

DEFAULT_SOURCES = Path(__file__).resolve().parents[2] / "corpus"
MANIFEST = ".synth-manifest.jsonl"
LAYOUTS: tuple[tuple[str, float], ...] = (
    ("pdf-text", 0.5), ("markdown-sup", 0.2), ("markdown-unicode", 0.15), ("markdown-clean", 0.15),
)

__all__ = ["synthesize", "generate", "render", "MANIFEST", "SynthDocument"]


def generate(n: int, seed: int = 0, sources: Path | None = None) -> Iterator[tuple[SynthDocument, str]]:
    """Each planned document with its rendered text, in date order (lazily: N may be large)."""
    if n < 0:
        raise ValueError("n must be ≥ 0")
    pool: Pool = harvest(sources or DEFAULT_SOURCES)
    rng = random.Random(seed)
    slots = plan(n, rng)
    composer = Composer(pool, slots, rng)
    names = [name for name, _ in LAYOUTS]
    weights = [w for _, w in LAYOUTS]
    for slot in slots:
        layout = rng.choices(names, weights)[0]
        doc = composer.compose(slot, layout)
        yield doc, render(doc, rng)


def render(doc: SynthDocument, rng: random.Random) -> str:
    """The document's text in its layout."""
    if doc.layout == "pdf-text":
        return render_pdf_text(doc, rng)
    return render_markdown(doc, rng, doc.layout)


def file_name(doc: SynthDocument) -> str:
    """Symbol-based, like the samples ("A_RES_80_1.txt"); Markdown-clean ones end in .md."""
    stem = doc.symbol.replace("/", "_").replace(" ", "")
    return f"{stem}.md" if doc.layout == "markdown-clean" else f"{stem}.txt"


def synthesize(n: int, out: Path, seed: int = 0, sources: Path | None = None) -> list[Path]:
    """Write `n` documents into `out` (created if needed) and return their paths, in date order."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with (out / MANIFEST).open("w", encoding="utf-8", newline="\n") as manifest:
        for doc, text in generate(n, seed, sources):
            path = out / file_name(doc)
            path.write_text(text, encoding="utf-8", newline="\n")
            paths.append(path)
            manifest.write(json.dumps({"file": path.name, **doc.facts()}, ensure_ascii=False, sort_keys=True) + "\n")
    return paths


def read_manifest(out: Path) -> list[dict]:  # type: ignore[type-arg]
    """The facts `synthesize` recorded for each document it wrote into `out`."""
    with (Path(out) / MANIFEST).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
