"""Pages people browse: each Member State, treaty, body, session and subject.

    /states/{ISO3}                  what a State sponsored, with whom, which paragraphs address it
    /treaties/{key}                 which documents cite a treaty, over time   (key: unts/39574)
    /bodies, /bodies/{key}          documents per year and body; one body's documents by session
    /sessions, /sessions/{key}/{n}  a session's documents by committee          (key: ga, ecosoc, …)
    /subjects, /subjects?iri=…      documents by subject (dcterms:subject: SDG, UNBIS, EuroVoc)

The document lists come from the build's lists.sqlite (lod.lists; the store's SPARQL where a build
wrote none, lod.web.lists), the rest from the store by SPARQL with bound values
(lod.web.browse_queries); the pictures are
SVG drawn on the server (lod.describe.charts). Every page links its machine-readable alternates
(`Link: rel="alternate"` and `<link>`): the RDF description of the thing it is about, or, for a
session, the page's query as SPARQL results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, abort, current_app, request
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from lod.bodies import Body, by_key
from lod.lists import Row
from lod.rdf.namespaces import PREFIXES, state_iri
from lod.states import all_states
from lod.store import Store
from lod.uri import tlc_iri
from lod.web import browse_queries as q
from lod.describe import charts
from lod.formats import RDF_FORMATS, Format
from lod.describe.paths import bodies_by_iri, browse_path
from lod.describe.page import Link, Linker
from lod.web.pages import alternate_page as page, exists, from_store, query_alternates
from lod.web.lists import document_lists
from lod.web.runtime import Runtime, runtime

bp = Blueprint("browse", __name__)


@dataclass
class Document:
    """A row of a document table: link, symbol, title, date, and what the page counts for it."""

    link: Link
    symbol: str
    title: str
    date: str
    status: str
    count: int = 0


def _text(row: Mapping[str, object], key: str) -> str:
    value = row.get(key)
    return str(value) if value is not None else ""


def _documents(rows: list[Row], linker: Linker, count: str = "") -> list[Document]:
    out = []
    for row in rows:
        work = str(row["work"])
        symbol = _text(row, "symbol") or _text(row, "label")
        out.append(Document(Link(linker.href(work), symbol or linker.label(URIRef(work)), work), symbol,
                            _text(row, "title"), _text(row, "date"), _text(row, "status"),
                            int(row[count]) if count and row.get(count) is not None else 0))
    return out


def described_alternates(iri: str) -> list[tuple[str, Format]]:
    """The RDF descriptions of `iri` (lod.web.resources) as this page's alternates."""
    query = "?iri=" + quote(iri, safe="")
    return [(f"/resource.{f.ext}{query}", f) for f in RDF_FORMATS]


def _label(store: Store, iri: str, fallback: str) -> tuple[str, list[str]]:
    """An authority's name and its outside identifiers (owl:sameAs, e.g. Wikidata)."""
    rows = store.select(q.ENTITY, {"iri": URIRef(iri)})
    label = next((str(r["label"]) for r in rows if r.get("label") is not None), fallback)
    same = sorted({str(r["sameAs"]) for r in rows if r.get("sameAs") is not None})
    return label, same


def _per_year(documents: list[Document]) -> list[charts.Bar]:
    years: dict[str, int] = defaultdict(int)
    for d in documents:
        if d.date[:4].isdigit():
            years[d.date[:4]] += 1
    if not years:
        return []
    first, last = int(min(years)), int(max(years))
    return [charts.Bar(str(y), years.get(str(y), 0)) for y in range(first, last + 1)]


def _must_exist(store: Store, iri: str, what: str) -> None:
    if not exists(store, iri):
        abort(404, description=f"No {what} {iri} in this dataset.")


@bp.route("/states/<iso3>")
def state(iso3: str) -> Response:
    """A State: the documents it sponsored, the States it sponsored with, the paragraphs addressing it."""
    rt = runtime()
    if not (iso3.isascii() and iso3.isalpha() and len(iso3) == 3):
        abort(404, description=f"{iso3!r} is not an ISO 3166 alpha-3 code (e.g. /states/AUT).")
    iri = str(state_iri(rt.base, iso3))

    def build(store: Store) -> Response:
        _must_exist(store, iri, "State")
        linker = Linker(rt.base, Graph())
        name, same = _label(store, iri, iso3.upper())
        lists = document_lists(rt)
        sponsored = _documents(lists.sponsored_by(iri), linker)
        submitted = _documents(lists.submitted_as_officer(iri), linker)
        partners = [charts.Bar(_text(r, "label") or linker.label(r["other"]), int(r["documents"]),
                               browse_path(r["other"], rt.base) or linker.href(r["other"]))
                    for r in lists.cosponsors(iri)]
        addressed = _paragraphs(lists.addressed_to(iri), linker)
        votes = _votes(lists.votes_of(iri), linker)
        tally = {choice: sum(1 for _, c in votes if c == choice) for choice in charts.VOTE_COLOURS}
        return page("browse_state.html", described_alternates(iri), iri=iri, name=name, same=same,
                    iso3=iso3.upper(), sponsored=sponsored, submitted=submitted, addressed=addressed,
                    years=charts.bar_chart(_per_year(sponsored), f"Documents sponsored by {name}, per year")
                    if sponsored else None,
                    partners=charts.bar_chart(partners, f"Most frequent co-sponsors of {name}") if partners else None,
                    votes=votes,
                    vote_chart=charts.bar_chart([charts.Bar(k, v) for k, v in tally.items()],
                                                f"How {name} voted in recorded votes", unit="votes")
                    if votes else None)

    if iso3 != iso3.upper():
        return _moved(f"/states/{iso3.upper()}")
    return from_store(build)


def _votes(rows: list[Row], linker: Linker) -> list[tuple[Document, str]]:
    """(document, yes / no / abstention / non-voting) of each recorded vote a State cast."""
    choices = {"VoteYes": "yes", "VoteNo": "no", "VoteAbstention": "abstention", "VoteNonVoting": "non-voting"}
    return [(document, choices.get(str(row["choice"]).rsplit("#", 1)[-1], str(row["choice"])))
            for row, document in zip(rows, _documents(rows, linker))]


def _paragraphs(rows: list[Row], linker: Linker) -> list[dict[str, object]]:
    return [{"document": Link(linker.href(str(r["work"])), _text(r, "symbol") or _text(r, "label")
                              or linker.label(URIRef(r["work"])), str(r["work"])),
             "paragraph": linker.link(URIRef(r["paragraph"])), "text": _text(r, "text"),
             "action": _text(r, "action").replace("-", " ")} for r in rows]


@bp.route("/treaties/<path:key>")
def treaty(key: str) -> Response:
    """A treaty: the documents citing it, oldest first, and how often per year."""
    rt = runtime()
    iri = f"{rt.base}/id/treaty/{key}"
    if any(c in iri for c in '<>"{}|^`\\ \n'):
        abort(404, description="not a treaty key")

    def build(store: Store) -> Response:
        _must_exist(store, iri, "treaty")
        linker = Linker(rt.base, Graph())
        name, same = _label(store, iri, key)
        citing = _documents(document_lists(rt).citing(iri), linker, count="paragraphs")
        addressed = _paragraphs(document_lists(rt).addressed_to(iri), linker)
        years = _per_year(citing)
        return page("browse_treaty.html", described_alternates(iri), iri=iri, name=name, same=same,
                    citing=citing, addressed=addressed,
                    chart=charts.bar_chart(years, f"Documents citing {name}, per year") if years else None)

    return from_store(build)


@bp.route("/bodies")
def bodies() -> Response:
    """Every body with documents, and documents per year and adopting body as a picture."""
    rt = runtime()
    linker = Linker(rt.base, Graph())
    rows = document_lists(rt).listing("bodies")
    items = [{"link": Link(browse_path(str(r["body"]), rt.base) or linker.href(str(r["body"])),
                           _text(r, "label") or linker.label(r["body"]), str(r["body"])),
              "documents": int(r["documents"])} for r in rows]
    return page("listing.html", query_alternates(q.BODIES, {}), title="Bodies", items=items, chart=per_year_chart(rt),
                chart_caption="Documents per year, by the body that adopted them.",
                intro="The organs and committees that adopted or drafted the documents, with the number of documents.")


def per_year_chart(rt: Runtime) -> object:
    """Documents per year, stacked by the body that adopted them (None without dated documents)."""
    rows = document_lists(rt).listing("per_year")
    if not rows:
        return None
    years = sorted({int(r["year"]) for r in rows if r.get("year") is not None})
    if not years:
        return None
    categories = [str(y) for y in range(years[0], years[-1] + 1)]
    series: dict[str, list[float]] = {}
    for r in rows:
        if r.get("year") is None:
            continue
        label = _text(r, "label") or str(r["body"]).rsplit("/", 1)[-1]
        values = series.setdefault(label, [0.0] * len(categories))
        values[categories.index(str(int(r["year"])))] += int(r["documents"])
    return charts.stacked_columns(categories, series, "Documents per year and adopting body")


def _body(key: str, listed_at: str) -> Body:
    """The body of a browse URL, or 404 saying where the bodies are listed."""
    try:
        return by_key(key)
    except KeyError:
        abort(404, description=f"No body {key!r}; they are listed at {listed_at}.")
        raise  # abort raises; this line only tells the type checker


@bp.route("/bodies/<key>")
def body(key: str) -> Response:
    """A body: its documents (adopted by it or drafted in it) by session, its subsidiary bodies."""
    rt = runtime()
    found = _body(key, "/bodies")
    iri = tlc_iri(found, rt.base)

    def build(store: Store) -> Response:
        linker = Linker(rt.base, Graph())
        rows = document_lists(rt).by_body(iri)
        documents = _documents(rows, linker)
        sessions: dict[str, int] = defaultdict(int)
        for r in rows:
            if r.get("session") is not None:
                sessions[_text(r, "session")] += 1
        children = sorted((Link(browse_path(str(r["child"]), rt.base) or linker.href(str(r["child"])),
                                _text(r, "label") or linker.label(r["child"]), str(r["child"]))
                           for r in store.select(q.SUBSIDIARIES, {"iri": URIRef(iri)})),
                          key=lambda link: (link.label, link.iri))  # Virtuoso orders long labels apart
        addressed = _paragraphs(document_lists(rt).addressed_to(iri), linker)
        years = _per_year(documents)
        session_links = [Link(f"/sessions/{key}/{s}", s, "") for s in sorted(sessions, key=_number, reverse=True)]
        return page("browse_body.html", described_alternates(iri), iri=iri, name=found.name, body=found,
                    documents=documents, sessions=session_links, children=children, addressed=addressed,
                    chart=charts.bar_chart(years, f"Documents of the {found.name}, per year") if years else None)

    return from_store(build)


def _number(text: str) -> tuple[int, str]:
    return (int(text), text) if text.isdigit() else (-1, text)


@bp.route("/sessions")
def sessions() -> Response:
    rt = runtime()
    by_iri = bodies_by_iri(rt.base)
    items = []
    for r in document_lists(rt).listing("sessions"):
        found = by_iri.get(str(r["body"]))
        if found is None:
            continue
        session = _text(r, "session")
        items.append({"link": Link(f"/sessions/{found.key}/{session}", f"{found.name}, session {session}", ""),
                      "documents": int(r["documents"])})
    return page("listing.html", query_alternates(q.SESSIONS, {}), title="Sessions", items=items,
                intro="Each session of a body that has documents here, with how many.")


@bp.route("/sessions/<key>/<int:number>")
def session(key: str, number: int) -> Response:
    """A session of a body: its documents, grouped by the committee that drafted them."""
    rt = runtime()
    found = _body(key, "/sessions")
    iri = tlc_iri(found, rt.base)
    bindings: dict[str, Node] = {"iri": URIRef(iri), "session": Literal(number, datatype=XSD.integer)}

    linker = Linker(rt.base, Graph())
    rows = document_lists(rt).session(iri, number)
    if not rows:
        abort(404, description=f"No documents of the {found.name} at session {number} in this dataset.")
    groups: dict[str, list[Document]] = defaultdict(list)
    for row, document in zip(rows, _documents(rows, linker)):
        groups[_text(row, "committeeLabel") or "Plenary (no committee named)"].append(document)
    committees = sorted(groups.items(), key=lambda kv: (kv[0].startswith("Plenary"), kv[0]))
    bars = [charts.Bar(name, len(docs), f"#committee-{i}") for i, (name, docs) in enumerate(committees)]
    return page("browse_session.html", query_alternates(q.SESSION, bindings), body=found, number=number,
                committees=committees, total=len(rows),
                chart=charts.bar_chart(bars, f"Documents of session {number} by committee"))


@bp.route("/subjects")
def subjects() -> Response:
    """Every subject (SDG, UNBIS, EuroVoc) with its documents; `?iri=` shows one subject."""
    rt = runtime()
    iri = request.args.get("iri", "").strip()
    if iri:
        if any(c in iri for c in '<>"{}|^`\\ \n'):
            abort(400, description="not an IRI")
        return from_store(lambda store: _subject(store, iri))

    linker = Linker(rt.base, Graph())
    items = [{"link": Link("/subjects?" + urlencode({"iri": str(r["subject"])}),
                           _text(r, "label") or linker.label(r["subject"]), str(r["subject"])),
              "documents": int(r["documents"])} for r in document_lists(rt).listing("subjects")]
    return page("listing.html", query_alternates(q.SUBJECTS, {}), title="Subjects", items=items,
                intro="Subjects the documents are classified under (SDGs, UNBIS Thesaurus, EuroVoc), "
                      "with the number of documents.")


def _subject(store: Store, iri: str) -> Response:
    rt = runtime()
    linker = Linker(rt.base, Graph())
    documents = _documents(document_lists(rt).subject_documents(iri), linker)
    if not documents:
        abort(404, description=f"No document in this dataset has the subject {iri}.")
    name, same = _label(store, iri, iri)
    years = _per_year(documents)
    return page("browse_subject.html", described_alternates(iri), iri=iri, name=name, same=same,
                documents=documents,
                chart=charts.bar_chart(years, f"Documents on {name}, per year") if years else None)


def _moved(path: str) -> Response:
    response = Response(status=301)
    response.headers["Location"] = path
    return response


def member_states() -> list[tuple[str, str]]:
    """(iso3, name) of every Member State, for the sponsor tiles of a draft."""
    return [(s.iso3, s.name) for s in all_states() if s.status == "member"]


EDITOR_FILES = ("vendor/yasgui/yasgui.min.js", "vendor/yasgui/yasgui.min.css")
"""The YASGUI files `make install` copies from node_modules into the package's static folder."""


@bp.app_context_processor
def _query_editor() -> dict[str, object]:
    """For the query page: whether the vendored YASGUI is installed, and our prefix table for its
    prefix completion (one table: lod.rdf.namespaces.PREFIXES)."""
    static = Path(current_app.static_folder or "")
    return {"query_editor": all((static / name).is_file() for name in EDITOR_FILES),
            "editor_prefixes": {prefix: str(ns) for prefix, ns in PREFIXES.items()}}
