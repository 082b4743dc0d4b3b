"""lod: Linked Open Data for United Nations resolutions.

parse (text → model) → rdf (model → RDF) → validate (SHACL) → publish (dumps, store, web).
"""

__version__ = "0.1.0"
