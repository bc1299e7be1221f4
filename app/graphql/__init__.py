"""Wiring only: the schema, the context, root types composed from the domains, extensions."""
