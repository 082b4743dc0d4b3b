"""What a part of a resolution cites, as its page links it: the citation records' printed words
in each language version, placed as links where the part's text prints them, the rest listed.
Made once per work for all its pages (lod.describe.workfacts); each page takes its language's."""

from __future__ import annotations

import pyoxigraph as ox

from lod.describe.graph import RDF_TYPE, DescriptionGraph, Term, property_name, text as term_text
from lod.describe.labels import TEXT_NAMES
from lod.describe.linker import Link, Linker, literal_in, local_name

Cited = tuple[dict[str | None, str], Link]
"""What a part cites: the words each language version prints for it (by language tag), and the link."""


def is_citing(pred: str) -> bool:
    """cites, citesWork (unres:, eli:, cito:): not citedBody, citedDate, which describe the citation."""
    return property_name(pred).startswith("cites")


def is_citation(graph: DescriptionGraph, node: Term) -> bool:
    """A citation record (the printed reference and its target), not a part of the text."""
    return "__cit_" in term_text(node) or any(local_name(t) == "citation" for t in graph.objects(node, RDF_TYPE))


def citations(graph: DescriptionGraph, linker: Linker, node: str) -> list[Cited]:
    """(printed text by language, link) of what a part cites: through its citation records when it
    has them (they carry the words as each language version prints them), else its direct
    `…cites…` links."""
    texts: dict[str, dict[str | None, str]] = {}
    links: dict[str, Link] = {}
    for pred, obj in graph.predicate_objects(node):
        if type(obj) is ox.Literal or pred == RDF_TYPE:
            continue
        if "citation" in property_name(pred) or (isinstance(obj, ox.BlankNode) and is_citation(graph, obj)):
            printed, tag = literal_in(graph, obj, TEXT_NAMES)
            for p2, target in graph.predicate_objects(obj):
                if isinstance(target, str) and is_citing(p2):
                    links.setdefault(target, linker.link(target))
                    if printed:
                        texts.setdefault(target, {}).setdefault(tag, printed)
    for pred, obj in graph.predicate_objects(node):
        if isinstance(obj, str) and is_citing(pred):
            links.setdefault(obj, linker.link(obj))
    return sorted(((texts.get(t, {}), link) for t, link in links.items()), key=lambda tl: (tl[1].label, tl[1].iri))


def printed_in(cited: list[Cited], lang: str | None) -> list[tuple[str | None, Link]]:
    """(printed words, link) as the text in `lang` prints them (A/RES/78/8's French "1145 (XII)",
    not the English "its resolution 1145 (XII)", which the French text cannot link); where that
    version printed no words for it, the link alone, named by its own label."""
    out = []
    for texts, link in cited:
        printed = texts.get(lang) or texts.get(None)
        out.append((printed, Link(link.href, printed or link.label, link.iri)))
    return out


def inline(text: str, cited: list[tuple[str | None, Link]]) -> tuple[list[tuple[str, Link | None]], list[Link]]:
    """Make each citation a link where its printed words occur in the text; the rest are listed."""
    segments: list[tuple[str, Link | None]] = [(text, None)]
    leftover: list[Link] = []
    for printed, link in sorted(cited, key=lambda tl: -len(tl[0] or "")):
        placed = False
        if printed:
            for i, (chunk, existing) in enumerate(segments):
                if existing is None and printed in chunk:
                    before, _, after = chunk.partition(printed)
                    segments[i:i + 1] = [(before, None), (printed, link), (after, None)]
                    placed = True
                    break
        if not placed:
            leftover.append(link)
    return [(t, l) for t, l in segments if t], sorted(leftover, key=lambda l: (l.label, l.iri))
