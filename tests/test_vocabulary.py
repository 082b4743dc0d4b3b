"""The vocabulary dereferences: the w3id.org rules, replayed against the local server.

The rules of w3id/un-lod/.htaccess are parsed (RewriteRule pattern, target, flags) and applied
to every IRI of every vocabulary as w3id.org would; each target is then requested from the
real server in every format it offers, following its 303, and must answer 200 with that
media type. An HTML answer must document the term: the ontology's page has an element with
the term's fragment as id, a scheme's page the anchor the 303 names.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from lxml import html as lxml_html
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from lod.publish.vocabulary import W3ID_RULES, w3id_rules
from lod.uri import DEFAULT_BASE
from lod.vocabulary import VOCABULARIES, W3ID, concepts
from lod.formats import HTML, RDF_FORMATS
from lod.web.vocabulary import offered
from server_fixtures import Server

ROOT = Path(__file__).resolve().parent.parent
RULE = re.compile(r"^RewriteRule\s+(\S+)\s+(\S+)\s+\[([^\]]*)\]\s*$")


def rules(text: str) -> list[tuple[re.Pattern[str], str, str]]:
    found = [(re.compile(m[1]), m[2], m[3]) for line in text.splitlines() if (m := RULE.match(line.strip()))]
    assert found, "no RewriteRule in the rules"
    return found


def redirect(iri: str, parsed: list[tuple[re.Pattern[str], str, str]]) -> tuple[str, int]:
    """Where w3id.org sends `iri` (the fragment stays with the client), and with which status."""
    path = urldefrag(iri)[0].removeprefix(W3ID + "/")
    for pattern, target, flags in parsed:
        m = pattern.match(path)
        if m:
            status = int(re.search(r"R=(\d+)", flags)[1])  # type: ignore[index]
            return re.sub(r"\$(\d)", lambda g: m.group(int(g[1])) or "", target), status
    raise AssertionError(f"no rule matches {iri}")


@cache
def every_iri() -> list[str]:
    """Each vocabulary's IRI and its terms: the hash terms of the ontology and the shapes,
    the concepts of the schemes (read once: each format's replay walks the same list)."""
    iris: list[str] = []
    for vocabulary in VOCABULARIES:
        iris.append(vocabulary.iri)
        if vocabulary.slash_terms:
            iris += [str(c) for c in concepts(vocabulary)]
        else:
            g = vocabulary.graph()
            iris += sorted({str(s) for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(vocabulary.iri + "#")})
    return iris


def vocabulary_of(iri: str) -> object:
    return next(v for v in VOCABULARIES if urldefrag(iri)[0] == v.iri or iri.startswith(v.iri + "/"))


def test_the_shipped_rules_are_the_builds_on_the_default_base() -> None:
    assert w3id_rules(DEFAULT_BASE) == (ROOT / W3ID_RULES).read_text(encoding="utf-8")
    assert "https://un.example.org/vocab/ontology" in w3id_rules("https://un.example.org")


@pytest.mark.parametrize("fmt", [*RDF_FORMATS, HTML], ids=lambda f: f.ext)
def test_w3id_rules_replayed_against_the_server(server: Server, fmt: object) -> None:
    parsed = rules((ROOT / W3ID_RULES).read_text(encoding="utf-8").replace(DEFAULT_BASE, server.url))
    pages: dict[str, object] = {}
    checked = 0
    for iri in every_iri():
        vocabulary = vocabulary_of(iri)
        if fmt not in offered(vocabulary):  # type: ignore[arg-type]
            continue
        target, status = redirect(iri, parsed)
        assert status == 303 and target.startswith(server.url), (iri, target)
        first = server.get(target[len(server.url):], headers={"Accept": fmt.mime})  # type: ignore[attr-defined]
        assert first.status_code == 303, (iri, first.status_code, first.text)
        location, anchor = urldefrag(first.headers["Location"])
        if location not in pages:
            answer = server.get(location)
            assert answer.status_code == 200, (iri, location)
            assert answer.headers["Content-Type"].split(";")[0] == fmt.mime, (iri, answer.headers["Content-Type"])  # type: ignore[attr-defined]
            pages[location] = lxml_html.document_fromstring(answer.content) if fmt is HTML else Graph().parse(
                data=answer.content, format={"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml", "nt": "nt"}[fmt.ext])  # type: ignore[attr-defined]
        page = pages[location]
        if fmt is HTML:
            anchor = anchor or urldefrag(iri)[1]
            if anchor:
                assert page.xpath("//*[@id=$a or @name=$a]", a=anchor), (iri, anchor)  # type: ignore[attr-defined]
        else:
            assert (URIRef(iri), None, None) in page, iri  # type: ignore[operator]
        checked += 1
    assert checked > 100


def test_unknown_concept_is_404_and_shapes_have_no_html(server: Server) -> None:
    assert server.get("/vocab/verb/no-such-phrase", headers={"Accept": "text/turtle"}).status_code == 404
    assert server.get("/vocab/nothing").status_code == 404
    assert server.get("/vocab/shapes", headers={"Accept": "text/html"}).status_code == 406


def test_void_names_the_vocabularies_and_their_dump(server: Server) -> None:
    void = Graph().parse(data=server.get("/void.ttl").text, format="turtle")
    named = {str(o) for o in void.objects(None, VOID.vocabulary)}
    assert {v.iri for v in VOCABULARIES} <= named
    dump = server.get("/dumps/vocabulary.ttl")
    assert dump.status_code == 200
    g = Graph().parse(data=dump.text, format="turtle")
    assert all((URIRef(v.iri), None, None) in g for v in VOCABULARIES)


def test_a_build_reuses_the_vocabulary_files_made_from_the_same_sources(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Generating the HTML costs seconds; a build over an output made from the same vocabulary
    sources copies its files, byte for byte, instead."""
    import lod.publish.vocabulary as writer
    from corpora import CORPUS
    from lod.publish import build

    out = tmp_path / "output"
    build(CORPUS, out, jobs=1, progress=False)
    sums = {line.split()[1]: line.split()[0] for line in (out / "SHA256SUMS").read_text().splitlines()}
    assert sums["vocab/sources.sha256"] and (out / "vocab" / "sources.sha256").read_text().strip() == writer.sources_digest()

    def regenerate(staging: Path) -> None:
        raise AssertionError("the vocabulary was generated again")

    monkeypatch.setattr(writer, "_generate", regenerate)
    build(CORPUS, out, jobs=1, progress=False)
    again = {line.split()[1]: line.split()[0] for line in (out / "SHA256SUMS").read_text().splitlines()}
    assert {k: v for k, v in again.items() if k.startswith("vocab/")} == {k: v for k, v in sums.items() if k.startswith("vocab/")}


def test_the_ontology_page_is_the_same_whatever_the_hash_seed() -> None:
    """pyLODE names and orders terms in set order; lod.publish.vocabulary fixes both, so two
    builds in processes with different hash seeds write the same page (and its anchors hold)."""
    import os
    import subprocess
    import sys

    script = ("import hashlib, sys; from lod.publish.vocabulary import ontology_html; "
              "from lod.vocabulary import VOCABULARIES; "
              "page = ontology_html(next(v for v in VOCABULARIES if v.kind == 'ontology')); "
              "sys.stdout.write(hashlib.sha256(page.encode()).hexdigest() + ' ' + "
              "str(page.count('id=\"CitedWork\"')))")
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1, digests
    assert digests.pop().endswith(" 1")  # the class's section is named by its IRI's fragment


def test_a_build_into_a_new_folder_copies_the_machines_shared_vocabulary_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build with no previous output takes the vocabulary files another build on this machine
    made from the same sources (lod.publish.vocabulary.shared_copy), byte for byte."""
    import lod.publish.vocabulary as writer
    from corpora import CORPUS
    from lod.publish import build

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    build(CORPUS, tmp_path / "first", jobs=1, progress=False)
    shared = writer.shared_copy(writer.sources_digest())
    assert shared.is_relative_to(tmp_path / "cache") and (shared / writer.SOURCES_DIGEST).is_file()

    def regenerate(staging: Path) -> None:
        raise AssertionError("the vocabulary was generated again")

    monkeypatch.setattr(writer, "_generate", regenerate)
    build(CORPUS, tmp_path / "second", jobs=1, progress=False)
    for name in ("ontology.html", "verb.html", "verb.ttl", "terms.json"):
        assert (tmp_path / "second" / "vocab" / name).read_bytes() == (tmp_path / "first" / "vocab" / name).read_bytes()
