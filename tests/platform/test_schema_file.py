"""The committed SDL is the schema the code builds; regenerate with `python app.py schema > schema.graphql`."""

from pathlib import Path

from schema import build_schema

SDL = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_matches_the_code():
    assert SDL.read_text() == build_schema().as_str() + "\n", (
        "schema.graphql is stale: run `python app.py schema > schema.graphql`"
    )
