"""The mypy plugin reads `X = enum_type(SomeEnum, ...)` as `X` naming SomeEnum's class.

Checked on a small module with mypy's own API: annotations with `X` must be accepted (no
`valid-type`) and must mean the enum, so a value of another type is still refused.
"""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = """
from enum import Enum

from schema.enum_type import enum_type


class Color(str, Enum):
    RED = "RED"


Paint = enum_type(Color, description="A color.", values={"RED": "Red."})


def repaint(paint: Paint) -> Color:
    return paint


wrong: Paint = 3
"""


def test_enum_type_result_is_the_enum_for_mypy(tmp_path):
    # given a module annotating with an enum_type result
    sample = tmp_path / "sample.py"
    sample.write_text(SAMPLE)

    # when mypy checks it with the project's settings (imports beyond the two files are skipped, for speed)
    stdout, _, _ = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--follow-imports=skip",
            "--cache-dir=" + str(tmp_path / "cache"),
            str(sample),
            str(ROOT / "schema" / "enum_type.py"),
        ]
    )

    # then Paint is a valid type that means Color: only the int assigned to it is refused (enum_type.py
    # itself is read with Strawberry skipped, so its own findings are not the point here)
    errors = [line for line in stdout.splitlines() if line.startswith(f"{sample}:") and ": error:" in line]
    assert errors == [
        f'{sample}:18: error: Incompatible types in assignment (expression has type "int", variable has type '
        '"Color")  [assignment]'
    ], stdout
