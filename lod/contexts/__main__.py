"""`python -m lod.contexts`: write lod.jsonld from the prefix table (lod.rdf.namespaces.PREFIXES).

The shipped file is generated, never edited: tests/test_prefixes.py fails when it differs from
what the table generates, so the context served at /contexts/lod.jsonld and used for compaction
always says what the Turtle and the SPARQL prefixes say.
"""

from __future__ import annotations

from lod.contexts import CONTEXT_PATH, context_text

if __name__ == "__main__":
    CONTEXT_PATH.write_text(context_text(), encoding="utf-8")
    print(f"wrote {CONTEXT_PATH}")
