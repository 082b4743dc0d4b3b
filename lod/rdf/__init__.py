"""Model → RDF: `resolution_graph(res, registry, base)` and the `WorkRegistry` it names works with.

The registry is filled from the whole corpus first (`WorkRegistry.from_corpus`), then each
document is mapped on its own; see docs/ontology.md and docs/iri-scheme.md.
"""

from lod.rdf.mapping import MappingError, resolution_graph
from lod.rdf.namespaces import state_iri, verb_concept
from lod.rdf.registry import RegistryError, WorkEntry, WorkRegistry

__all__ = [
    "MappingError", "RegistryError", "WorkEntry", "WorkRegistry", "resolution_graph", "state_iri", "verb_concept",
]
