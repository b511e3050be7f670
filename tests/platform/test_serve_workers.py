"""`serve --workers N` runs several processes only on PostgreSQL: on SQLite one process serves and runs the
event worker, which must run exactly once."""

from __future__ import annotations

import pytest

from app import main


def test_serve_refuses_several_workers_on_sqlite(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'never-made.db'}")
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--workers", "2"])
    assert exited.value.code == 2
    assert "--workers above 1 needs PostgreSQL" in capsys.readouterr().err
    assert not (tmp_path / "never-made.db").exists()  # refused before migrating anything
