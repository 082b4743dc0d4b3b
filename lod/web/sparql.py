"""The SPARQL 1.1 Protocol endpoint, `/sparql`: safe to put on the internet.

Every query is bounded in size (max-query-bytes), charged to its client (lod.web.budget), then
checked (lod.web.guard) and run to completion in one killable, network-less, memory-capped child
process (lod.web.querypool, lod.web.sandbox) before the first byte is sent, so a client gets
either a complete answer or a clear error status, never a truncated 200. The web worker itself
never parses a query: it only waits on a pipe, and only as long as the query's time limit.
What the endpoint guarantees, and the tests that hold it to it: docs/security.md.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, render_template, request
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from lod.store import QueryError, RawResult
from lod.web import conneg, queries
from lod.web.budget import OverBudget
from lod.formats import HTML, RDF_FORMATS, RESULT_FORMATS, SPARQL_JSON, TURTLE, Format
from lod.describe.serialize import serialize
from lod.web.guard import CheckedQuery, Rejected
from lod.web.querypool import Busy, QuerySession, QueryTimeout
from lod.describe.page import Linker
from lod.web.runtime import runtime

bp = Blueprint("sparql", __name__)
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
_SD_FORMATS = {f.mime: f.w3c for f in (*RESULT_FORMATS, *RDF_FORMATS) if f.w3c}


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A plain-text error any client can show: the status says what, the body says why."""
    response = Response(message.rstrip() + "\n", status=status, mimetype="text/plain")
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _query_text() -> tuple[str | None, str | None]:
    """The query (or update) from GET ?query=, a form POST, or a POST of application/sparql-query."""
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == "application/sparql-query":
            return request.get_data(as_text=True), None
        if mimetype == "application/sparql-update":
            return None, request.get_data(as_text=True)
        return request.form.get("query"), request.form.get("update")
    return request.args.get("query"), request.args.get("update")


def _graph_uris(name: str) -> list[str]:
    values = request.args.getlist(name) + (request.form.getlist(name) if request.method == "POST" else [])
    return [v for v in values if v]


def _offered(checked: CheckedQuery) -> tuple[Format, ...]:
    """Machine formats first (a client with `*/*` gets one); HTML last, for browsers."""
    return (RDF_FORMATS if checked.kind == "graph" else RESULT_FORMATS) + (HTML,)


def _choose(checked: CheckedQuery) -> Format | None:
    offered = _offered(checked)
    source = request.values if request.method == "POST" else request.args
    for param in ("format", "output", "results"):
        value = source.get(param)
        if value and value.strip().lower() in ("html", "text/html"):
            return HTML
        chosen = conneg.from_format_param(value, checked.kind, offered)
        if chosen:
            return chosen
    return conneg.negotiate(request.headers.get("Accept"), offered)


def service_description(endpoint: str, base: str) -> Graph:
    """SPARQL 1.1 Service Description: what a client may ask and in which formats."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", "http://rdfs.org/ns/void#")
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for mime, name in _SD_FORMATS.items():
        g.add((service, SD.resultFormat, FORMATS_NS[name]))
    dataset = BNode()
    default = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((dataset, URIRef("http://rdfs.org/ns/void#inDataset"), URIRef(f"{base}/dataset")))
    g.add((service, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"), Literal(
        "Read-only. SERVICE and SPARQL Update are refused; queries are limited in time and rows; "
        "the default graph is the RDF merge of all documents; each document is also a named graph (graph name = its work IRI).", lang="en")))
    return g


def _no_query() -> Response:
    rt = runtime()
    offered = RDF_FORMATS + (HTML,)
    fmt = conneg.negotiate(request.headers.get("Accept"), offered)
    if fmt is None:
        return error(406, conneg.not_acceptable_message(offered))
    if fmt is HTML:
        context: dict[str, object] = {}
        example = request.args.get("example", "")
        if example.isdigit() and int(example) < len(queries.EXAMPLES):
            context["query"] = queries.EXAMPLES[int(example)].query
        response = Response(render_template(
            "sparql.html", examples=queries.EXAMPLES, max_rows=rt.config["max-rows"],
            timeout=rt.config["query-timeout"], **context))
    else:
        graph = service_description(request.base_url, rt.base)
        response = Response(serialize(graph, fmt), mimetype=fmt.mime)
    response.vary.add("Accept")
    return response


@bp.route("/sparql", methods=["GET", "POST", "HEAD"])
def endpoint() -> Response:
    rt = runtime()
    limit = int(rt.config["max-request-bytes"])
    if len(request.query_string) > limit or (request.content_length or 0) > limit:
        return error(413, f"request larger than {limit} bytes (setting max-request-bytes)")
    text, update = _query_text()
    if update:
        return error(403, "this endpoint is read-only: SPARQL Update is not accepted")
    if text is None:
        return _no_query()
    longest = int(rt.config["max-query-bytes"])
    if len(text.encode("utf-8", "surrogatepass")) > longest:
        return error(413, f"query longer than {longest} bytes (setting max-query-bytes)")
    try:
        with rt.budget.charged(request.remote_addr or "unknown"), \
                rt.pool.session(float(rt.config["query-timeout"])) as session:
            checked = session.check(text)  # in the query process: bounded, and charged to the client
            fmt = _choose(checked)
            if fmt is None:
                return error(406, conneg.not_acceptable_message(_offered(checked)))
            wire = fmt
            if fmt is HTML:
                wire = TURTLE if checked.kind == "graph" else SPARQL_JSON
            result = _execute(session, checked, wire)
    except OverBudget as exc:
        return error(429, str(exc), {"Retry-After": str(exc.retry_after)})
    except Busy as exc:
        return error(503, str(exc), {"Retry-After": str(exc.retry_after)})
    except Rejected as exc:
        return error(exc.status, str(exc))
    except QueryTimeout as exc:
        return error(503, str(exc), {"Retry-After": "10"})
    except QueryError as exc:
        return error(exc.status, str(exc), {"Retry-After": "10"} if exc.status in (503, 504) else None)
    if fmt is HTML:
        response = Response(results_page(checked, result), mimetype="text/html")
    else:
        response = Response(result.body, content_type=result.content_type)
    response.headers["X-Result-Count"] = str(result.count)
    response.vary.add("Accept")
    return response


def results_page(checked: CheckedQuery, result: RawResult) -> str:
    """Results as an HTML table for people using the query form."""
    rt = runtime()
    context: dict[str, object] = {"query": checked.text, "boolean": None, "graph_text": None,
                                  "count": result.count, "variables": [], "rows": []}
    if result.kind == "graph":
        context["graph_text"] = result.body.decode("utf-8")
    else:
        data = json.loads(result.body)
        if "boolean" in data:
            context["boolean"] = bool(data["boolean"])
        else:
            variables = data["head"].get("vars", [])
            rows = []
            for binding in data["results"]["bindings"]:
                row = []
                for var in variables:
                    cell = binding.get(var)
                    if cell is None:
                        row.append(None)
                    elif cell["type"] == "uri":
                        row.append({"text": cell["value"], "href": Linker(rt.base, Graph()).href(cell["value"])})
                    else:
                        row.append({"text": cell["value"], "href": None})
                rows.append(row)
            context.update(variables=variables, rows=rows)
    return render_template("sparql_results.html", **context)


def _execute(session: QuerySession, checked: CheckedQuery, fmt: Format) -> RawResult:
    """Run the checked query where its time limit holds: a store that enforces timeouts itself
    (an external engine: its own limit and the HTTP timeout) runs it; the embedded store's files
    are opened by the session's killable query process instead."""
    rt = runtime()
    store = rt.store()
    defaults, named = _graph_uris("default-graph-uri"), _graph_uris("named-graph-uri")
    max_rows = int(rt.config["max-rows"])
    if store.capabilities.enforces_timeout:
        return store.query(checked.text, defaults, named, fmt.mime, max_rows,
                           timeout=float(rt.config["query-timeout"]), dataset_in_query=checked.dataset_in_query)
    if store.path is None:
        raise QueryError("this store can neither stop a query itself nor be opened by a query process", 500)
    return session.run(store.path, checked.text, defaults, named, fmt.mime, max_rows)
