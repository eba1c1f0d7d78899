"""Statute text shipped with the engine, read by `governance.statute` (Swedish statutes carry no copyright)."""
