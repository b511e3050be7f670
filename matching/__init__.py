"""The ranking engine: pure Python and numpy, no GraphQL and no SQL.

It takes plain arrays and dataclasses and returns ranked ids with explanations, so it can be
tested and benchmarked alone.
"""
