"""Descriptions of resources and their representations, made by the build (no web framework).

`build` is the describe stage (the join over the build's records, every format written once),
`incoming` the records it joins, `page`/`linker`/`adoption` what an HTML page shows, `html` the
plain Jinja2 rendering, `serialize` the RDF formats, `akn_files` a work's AKN files.
"""
