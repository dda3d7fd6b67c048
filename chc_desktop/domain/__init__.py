"""Pure CHC rules and value types.

Layering rule: nothing in this package may import Qt, SQLAlchemy or do I/O.
It is a library that could be published on its own.
"""
