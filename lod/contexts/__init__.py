"""JSON-LD contexts shipped with the package, so no context is ever fetched from the network."""
