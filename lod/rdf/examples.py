"""Example SPARQL queries over the links, for the SPARQL page and for the tests.

Each query is written against the published vocabulary only (no knowledge of how the
mapping is coded), so the tests that run them on the sample corpus check that the links
answer the questions researchers ask. Queries read the default graph as the union of the
document graphs and the authorities graph (`{base}/graph/authorities`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lod.rdf.namespaces import prefix_lines

PREFIXES = prefix_lines("unres", "dcterms", "allot", "frbr", "rdfs", "skos", "owl")


@dataclass(frozen=True)
class ExampleQuery:
    """A named example: `title` is the question in words, `query` the SPARQL that answers it."""

    slug: str
    title: str
    query: str


CO_SPONSORED_REAFFIRMING_TREATY = ExampleQuery(
    "co-sponsored-reaffirming-treaty",
    "Which resolutions did Colombia co-sponsor that reaffirm the United Nations Convention against "
    "Transnational Organized Crime (UNTS No. 39574)?",
    PREFIXES + """SELECT DISTINCT ?work ?label ?paragraph WHERE {
  ?state unres:iso3 "COL" .
  ?treaty unres:untsNumber "39574" .
  FILTER NOT EXISTS { ?treaty unres:supplements ?convention }   # the Convention, not its Protocols
  ?work unres:docProponent ?state ;
        allot:hasRealization/unres:hasComponent ?main .
  ?paragraph unres:reaffirms ?treaty ;
             dcterms:isPartOf+ ?main .
  OPTIONAL { ?work rdfs:label ?label }
}
ORDER BY ?work ?paragraph""",
)

SPONSORS_WITH_WIKIDATA = ExampleQuery(
    "sponsors-with-wikidata",
    "Who sponsored each draft, with ISO codes and Wikidata items (for joining with Wikidata)?",
    PREFIXES + """SELECT ?work ?name ?iso2 ?iso3 ?wikidata WHERE {
  ?work unres:docProponent ?state .
  ?state unres:iso3 ?iso3 ; skos:prefLabel ?name .
  OPTIONAL { ?state unres:iso2 ?iso2 }
  OPTIONAL { ?state owl:sameAs ?wikidata }
}
ORDER BY ?work ?iso3""",
)

PARAGRAPHS_ADDRESSING_BODY = ExampleQuery(
    "paragraphs-addressing-body",
    "Which paragraphs ask the United Nations Office on Drugs and Crime to act, and how?",
    PREFIXES + """SELECT ?paragraph ?action ?text WHERE {
  ?body skos:prefLabel "United Nations Office on Drugs and Crime"@en .
  ?paragraph unres:hasAddressee ?addressee .
  ?addressee <https://w3id.org/un/ontology/undo/hasReceiver> ?body ; unres:actionLemma ?action .
  OPTIONAL { ?paragraph unres:text ?text }
}
ORDER BY ?paragraph""",
)

TREATIES_CITED = ExampleQuery(
    "treaties-cited",
    "Which treaties are cited, how often, and what are their Wikidata items?",
    PREFIXES + """SELECT ?treaty ?title ?number (COUNT(DISTINCT ?paragraph) AS ?paragraphs) ?wikidata WHERE {
  ?paragraph unres:cites ?treaty .
  ?treaty a unres:Treaty ; unres:untsNumber ?number ; rdfs:label ?title .
  FILTER(lang(?title) = "en")   # named in the six official languages: "fr" for the French name
  OPTIONAL { ?treaty owl:sameAs ?wikidata }
}
GROUP BY ?treaty ?title ?number ?wikidata
ORDER BY DESC(?paragraphs)""",
)

DRAFTS_AND_ADOPTED = ExampleQuery(
    "drafts-and-adopted-texts",
    "Which draft and which report was each resolution adopted on?",
    PREFIXES + """SELECT ?resolution ?draft ?report WHERE {
  { ?resolution unres:draft ?draft } UNION { ?resolution unres:report ?report }
}
ORDER BY ?resolution""",
)

VOTES_ON_SPONSORED = ExampleQuery(
    "votes-on-sponsored-resolutions",
    "How did each State vote on the resolutions it sponsored (recorded votes of AKN4UN input)?",
    PREFIXES + """SELECT ?symbol ?iso3 ?state (STRAFTER(STR(?choice), "#Vote") AS ?vote) WHERE {
  ?work unres:docProponent ?sponsor ;
        unres:voting/unres:hasVote ?v .
  ?v unres:voter ?sponsor ; unres:voteChoice ?choice .
  ?sponsor unres:iso3 ?iso3 .
  OPTIONAL { ?work unres:symbol ?symbol }
  OPTIONAL { ?sponsor rdfs:label ?state }
}
ORDER BY ?vote ?symbol ?iso3""",
)

RESOLUTIONS_BY_SDG = ExampleQuery(
    "resolutions-by-sdg",
    "How many resolutions concern each Sustainable Development Goal (AKN4UN classification)?",
    PREFIXES + """SELECT ?goal ?label (COUNT(DISTINCT ?work) AS ?resolutions) (MIN(?symbol) AS ?first) WHERE {
  ?work dcterms:subject ?goal .
  ?goal skos:inScheme <http://metadata.un.org/sdg> ; skos:prefLabel ?label .
  OPTIONAL { ?work unres:symbol ?symbol }
}
GROUP BY ?goal ?label
ORDER BY DESC(?resolutions) ?label""",
)

FRENCH_TEXT_OF_PARAGRAPH = ExampleQuery(
    "french-text-of-a-paragraph",
    "The French text of a paragraph beside the English (A/RES/78/6, operative paragraph 1)",
    PREFIXES + """SELECT DISTINCT ?paragraph ?english ?french WHERE {
  ?work unres:symbol "A/RES/78/6" ;
        allot:hasRealization/unres:hasComponent ?main .
  ?paragraph dcterms:isPartOf+ ?main ;
             unres:eId "para_1" ;
             unres:text ?french .
  FILTER(lang(?french) = "fr")
  OPTIONAL { ?paragraph unres:text ?english FILTER(lang(?english) = "en") }
}""",
)

ESTABLISHED_BODIES = ExampleQuery(
    "bodies-by-establishing-resolution",
    "Which paragraphs ask a committee or panel of experts to act, and which resolution established it "
    "(the Security Council's sanctions bodies)?",
    PREFIXES + """SELECT ?body ?label ?established ?paragraph ?action WHERE {
  ?body unres:establishedBy ?established ; rdfs:label ?label .
  ?paragraph unres:hasAddressee ?addressee .
  ?addressee <https://w3id.org/un/ontology/undo/hasReceiver> ?body ; unres:actionLemma ?action .
}
ORDER BY ?established ?paragraph""",
)

COUNCIL_ABSTENTIONS = ExampleQuery(
    "council-abstentions-and-votes-against",
    "Which States abstained on, voted against or did not vote on Security Council resolutions, and how "
    "often (the votes the annual volumes name)?",
    PREFIXES + """SELECT ?state ?label (STRAFTER(STR(?choice), "#Vote") AS ?vote) (COUNT(DISTINCT ?work) AS ?resolutions)
       (MIN(?symbol) AS ?first) WHERE {
  ?work unres:voting/unres:hasVote ?v ;
        unres:symbol ?symbol .
  FILTER(STRSTARTS(?symbol, "S/RES/"))
  ?v unres:voteChoice ?choice ;
     unres:voter ?state .
  FILTER(?choice != unres:VoteYes)
  OPTIONAL { ?state skos:prefLabel ?label }
}
GROUP BY ?state ?label ?choice
ORDER BY DESC(?resolutions) ?label""",
)

AMENDMENTS_TO_DRAFTS = ExampleQuery(
    "amendments-to-drafts",
    "Which amendments were proposed to each draft, and by whom?",
    PREFIXES + """SELECT ?draft ?draftSymbol ?amendment ?symbol
       (GROUP_CONCAT(DISTINCT COALESCE(?name, STR(?sponsor)); separator=", ") AS ?sponsors) WHERE {
  ?amendment a unres:Amendment ;
             unres:amends ?draft .
  OPTIONAL { ?amendment unres:symbol ?symbol }
  OPTIONAL { ?draft unres:symbol ?draftSymbol }
  OPTIONAL { ?amendment unres:docProponent ?sponsor . OPTIONAL { ?sponsor skos:prefLabel ?name } }
}
GROUP BY ?draft ?draftSymbol ?amendment ?symbol
ORDER BY ?draftSymbol ?symbol""",
)

AMENDMENT_EXAMPLES: tuple[ExampleQuery, ...] = (AMENDMENTS_TO_DRAFTS,)
"""Questions amendments to drafts answer (the sample corpus has none: tested on texts written for
tests/test_amendments.py)."""

SECURITY_COUNCIL_EXAMPLES: tuple[ExampleQuery, ...] = (ESTABLISHED_BODIES, COUNCIL_ABSTENTIONS)
"""Questions the Security Council's texts answer (the sample corpus has none: tested on
../shared/corpus/real/sc-drafts and sc, tests/test_established.py and tests/test_voters.py)."""

SUBMITTED_BY_OFFICERS = ExampleQuery(
    "submitted-by-officers",
    "Which States' representatives submitted texts as officers (Vice-Chairs, Vice-Presidents, the Bureau), for which body?",
    PREFIXES + """SELECT ?iso3 ?state ?role ?body (COUNT(DISTINCT ?work) AS ?texts) (MIN(?symbol) AS ?first) WHERE {
  ?work unres:submitterState ?submitter ; unres:submitterRole ?role .
  ?submitter unres:iso3 ?iso3 .
  OPTIONAL { ?submitter rdfs:label ?state }
  OPTIONAL { ?work unres:submittingBody/rdfs:label ?body }
  OPTIONAL { ?work unres:symbol ?symbol }
}
GROUP BY ?iso3 ?state ?role ?body
ORDER BY DESC(?texts) ?iso3""",
)

AKN_EXAMPLES: tuple[ExampleQuery, ...] = (VOTES_ON_SPONSORED, RESOLUTIONS_BY_SDG, FRENCH_TEXT_OF_PARAGRAPH,
                                         SUBMITTED_BY_OFFICERS)
"""Questions only AKN4UN input answers (votes, classification, six languages, the officers who
submitted the drafts; a draft's masthead names its officer too): the sample corpus has none, so
they are tested on ../shared/corpus/real/ga-akn (tests/test_akn_read.py, tests/test_submitter.py)."""

EXAMPLES: tuple[ExampleQuery, ...] = (
    CO_SPONSORED_REAFFIRMING_TREATY, SPONSORS_WITH_WIKIDATA, PARAGRAPHS_ADDRESSING_BODY, TREATIES_CITED,
    DRAFTS_AND_ADOPTED,
)
