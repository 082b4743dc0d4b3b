"""Curator findings (lod.quality) as W3C Data Quality Vocabulary annotations.

Each finding is a `dqv:QualityAnnotation` (an `oa:Annotation` motivated by
`dqv:qualityAssessment`) of the expression (`dqv:hasQualityAnnotation`): its target is the
element it concerns (the paragraph's eId IRI, or the expression), its body an `oa:TextualBody`
with the sentence, and `dcterms:type` the kind of finding, a SKOS concept of the findings
scheme (`…/vocab/finding/numbering-gap`) whose label and definition come from lod.quality's
one table. docs/ontology.md says why annotations rather than measurements.
"""

from __future__ import annotations

from rdflib import URIRef

from lod.quality import BY_CODE, findings
from lod.rdf.mapbase import MapperBase
from lod.rdf.namespaces import DCTERMS, DQV, FINDING, OA, RDF, SKOS
from lod.rdf.ntriples import Text

FINDINGS_SCHEME = URIRef(str(FINDING).rstrip("/"))


class QualityMapping(MapperBase):
    """Adds one annotation per finding, at `{component}#quality_{n}` (`quality_{lang}_{n}` for a
    language other than English: the component is the work's, shared by its six expressions,
    and each expression's findings are its own, as its citation nodes are)."""

    def quality(self) -> None:
        kinds: set[str] = set()
        prefix = "quality" if self.lang == "eng" else f"quality_{self.lang}"
        for n, finding in enumerate(findings(self.res), 1):
            note = self.portion(f"{prefix}_{n}")
            body = self.portion(f"{prefix}_{n}_body")
            target = self.portion(finding.location) if finding.location else self.expression
            self.add(self.expression, DQV.hasQualityAnnotation, note)
            self.add(note, RDF.type, DQV.QualityAnnotation)
            self.add(note, OA.motivatedBy, DQV.qualityAssessment)
            self.add(note, OA.hasTarget, target)
            self.add(note, OA.hasBody, body)
            self.add(note, DCTERMS.type, FINDING[finding.code])
            self.add(body, RDF.type, OA.TextualBody)
            self.add(body, RDF.value, Text(finding.message, "en"))
            self.add(body, DCTERMS.format, "text/plain")
            kinds.add(finding.code)
        for code in sorted(kinds):
            concept, check = FINDING[code], BY_CODE[code]
            self.add(concept, RDF.type, SKOS.Concept)
            self.add(concept, SKOS.inScheme, FINDINGS_SCHEME)
            self.add(concept, SKOS.prefLabel, Text(check.label, "en"))
            self.add(concept, SKOS.definition, Text(check.meaning, "en"))
