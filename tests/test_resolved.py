"""The converters resolve organs, symbols and dates once; the RDF stage reads only what they resolved.

Issue 14: "the model carries resolved bodies, dates and symbols so the RDF stage never re-reads
printed text". Two ways to hold the code to it: the mapping and the AKN writer import none of the
helpers that read printed names, symbols or dates, and a parsed document maps to the same triples
when its printed names are replaced by names no table knows.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from corpora import CORPUS, ROOT
from lod.akn import akn_document
from lod.bodies import find
from lod.model import Resolution
from lod.parse import parse_file
from lod.rdf import WorkRegistry, resolution_lines
from lod.symbols import NumberInfo, SymbolInfo, parse_number
from lod.uri import DEFAULT_BASE

RDF_STAGE = ("lod/rdf", "lod/akn")
"""The model → RDF mapping (with the work registry) and the model → AKN writer."""

PARSING_HELPERS = {
    "lod.dates": {"iso_date"},
    "lod.symbols": {"parse_symbol", "SYMBOL_RE"},
    "lod.bodies": {"by_name", "by_formula", "body_of_number", "find"},
}
"""What reads printed text: a date as printed, a symbol's series, an organ's printed name."""


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every `from … import …` and `import …` in a file."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def test_the_rdf_stage_imports_no_parsing_helper() -> None:
    offenders = []
    for folder in RDF_STAGE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for module, name in _imports(path):
                if module == "lod.parse" or module.startswith("lod.parse.") or name in PARSING_HELPERS.get(module, ()):
                    offenders.append(f"{path.relative_to(ROOT)}: {module}.{name}".rstrip("."))
    assert not offenders, offenders


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The import reader above finds what it must forbid (so the test above can fail)."""
    module = tmp_path / "m.py"
    module.write_text("from lod.dates import iso_date\nimport lod.parse.masthead\n", encoding="utf-8")
    assert ("lod.dates", "iso_date") in _imports(module) and ("lod.parse.masthead", "") in _imports(module)


@pytest.mark.parametrize(("name", "body", "committee"), [
    ("A_C.6_80_L.2.txt", "ga", "c6"),
    ("A_RES_80_1.txt", "ga", None),
    ("004_a62735c9b0a34126.txt", "ecosoc", "ccpcj"),
])
def test_a_converter_resolves_organ_committee_symbol_and_dates(name: str, body: str, committee: str | None) -> None:
    res = parse_file(CORPUS / name)
    assert res.body_key == body and res.organ is not None and res.organ.key == body
    assert res.committee_key == committee
    assert (res.symbol_info is None) == (res.symbol is None)
    if res.symbol:
        assert isinstance(res.symbol_info, SymbolInfo) and res.symbol_info.symbol == " ".join(res.symbol.split())
    for cited in res.citations:
        assert (cited.symbol_info is None) == (cited.symbol is None), cited
        if cited.date:
            assert len(cited.date) == 10 and cited.date[4] == "-", cited
    assert Resolution.from_json(res.to_json()) == res


OTHER = "Assembly of Printed Names That Resolve Nowhere"


def _printed_otherwise(res: Resolution) -> Resolution:
    """The same resolved model with every resolved organ printed under a name no table knows."""
    other = OTHER
    changed = replace(res, body=other if res.body_key else res.body, committee=other if res.committee_key else res.committee,
                      citations=[replace(c, body=other if c.body_key else c.body) for c in res.citations])
    assert find(other) is None  # the name indeed resolves nowhere
    return changed


@pytest.mark.parametrize("name", ["A_C.6_80_L.2.txt", "A_RES_80_1.txt", "004_a62735c9b0a34126.txt"])
def test_the_mapping_reads_the_resolved_organs_not_the_printed_names(name: str) -> None:
    res = parse_file(CORPUS / name)
    changed = _printed_otherwise(res)
    registry = WorkRegistry.from_corpus([res], DEFAULT_BASE)
    assert resolution_lines(changed, registry, DEFAULT_BASE) == resolution_lines(res, registry, DEFAULT_BASE)


def test_the_akn_metadata_reads_the_resolved_organs() -> None:
    """The cover page prints the organ and committee as printed; the metadata names them by record."""
    res = parse_file(CORPUS / "A_C.6_80_L.2.txt")
    changed = _printed_otherwise(res)
    registry = WorkRegistry.from_corpus([res], DEFAULT_BASE)
    original, other = (akn_document(r, registry, DEFAULT_BASE).decode("utf-8") for r in (res, changed))
    meta = (lambda xml: xml[xml.index("<meta"):xml.index("</meta>")])
    # the same identifiers and references; only the labels (showAs, the cover) print the name as printed
    assert meta(other).replace(OTHER, res.committee or "") == meta(original)
    assert OTHER in other


@pytest.mark.parametrize(("number", "implied"), [
    ("1373 (2001)", NumberInfo(year=2001)), ("2017/16", NumberInfo(year=2017)),
    ("169 (II)", NumberInfo(session=2, body="ga")), ("36/87 A", NumberInfo(session=36)),
    ("77/401", NumberInfo(session=77)), (None, None),
    # an old session's resolution in parts; the special and emergency special sessions' years
    ("217 A (III)", NumberInfo(session=3, body="ga")), ("2200 A (XXI)", NumberInfo(session=21, body="ga")),
    ("S-30/1", NumberInfo(year=2016, body="ga")), ("S-10/2", NumberInfo(year=1978, body="ga")),
    ("ES-10/15", NumberInfo(year=1997, body="ga")), ("S-99/1", None),
])
def test_a_number_is_read_once_for_the_year_or_session_it_implies(number: str | None, implied: NumberInfo | None) -> None:
    assert parse_number(number) == implied


def test_a_special_session_of_another_organ_is_not_the_assemblys() -> None:
    """The Human Rights Council's "S-21/1" (2014) is not the Assembly's twenty-first special session (1999)."""
    assert parse_number("S-21/1", "hrc") is None
    assert parse_number("S-21/1", "ga") == NumberInfo(year=1999, body="ga")
