"""Model → RDF: `resolution_lines` / `resolution_graph(res, registry, base)` and the `WorkRegistry`
it names works with.

The registry is filled from the whole corpus first (`WorkRegistry.from_corpus`), then each
document is mapped on its own; `authorities_graph(base)` describes once every State, organ,
treaty and sponsor group the documents link to. See docs/ontology.md and docs/iri-scheme.md.
"""

from lod.rdf.authorities import authorities_graph, authorities_iri
from lod.rdf.mapping import MappingError, map_resolution, resolution_graph, resolution_lines
from lod.rdf.namespaces import state_iri, treaty_iri, verb_concept
from lod.rdf.ntriples import MappedDocument
from lod.rdf.registry import RegistryError, WorkEntry, WorkRegistry

__all__ = [
    "MappedDocument", "MappingError", "RegistryError", "WorkEntry", "WorkRegistry", "authorities_graph",
    "authorities_iri", "map_resolution", "resolution_graph", "resolution_lines", "state_iri", "treaty_iri",
    "verb_concept",
]
