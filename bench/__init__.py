"""Benchmarks of lod (build, SPARQL, dereferencing, dumps); `make bench` runs bench.run."""
