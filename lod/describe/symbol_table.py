"""The symbol table of a build (descriptions/symbols.tsv): document symbol → work IRI.

The web layer answers `/symbol/A/RES/70/174` from it (lod.web.files.SymbolTable) without a
query; the build makes it from the label records, which hold every symbol line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lod import output
from lod.describe.incoming import symbol_of


def symbols(labels: dict[str, list[str]], works: Iterable[str]) -> dict[str, str]:
    """symbol → work IRI, a published work before a cited one, else the first IRI in order."""
    published = set(works)
    best: dict[str, tuple[bool, str]] = {}
    for subject in sorted(labels):
        for line in labels[subject]:
            symbol = symbol_of(line)
            if symbol is None:
                continue
            rank = (subject not in published, subject)
            if symbol not in best or rank < best[symbol]:
                best[symbol] = rank
    return {symbol: iri for symbol, (_, iri) in sorted(best.items())}


def write_symbols(out: Path, table: dict[str, str]) -> None:
    path = out / output.SYMBOLS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{s}\t{iri}\n" for s, iri in table.items() if "\t" not in s and "\n" not in s),
                    encoding="utf-8")
