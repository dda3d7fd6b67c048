"""The encrypted store on real SQLCipher files."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from chc_desktop.security.secrets import new_db_key
from chc_desktop.store import migrate
from chc_desktop.store.engine import integrity_ok, open_engine
from chc_desktop.store.errors import SchemaTooNew, StoreError, WrongKey
from chc_desktop.store.models import Base


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "store.db"
    key = new_db_key()
    engine = open_engine(path, key, create=True)
    migrate.upgrade(engine)
    engine.dispose()
    return path, key


def test_pragmas_are_set_on_every_connection(store: tuple[Path, bytes]) -> None:
    engine = open_engine(*store)
    with engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")
    assert integrity_ok(engine)


def test_file_has_no_sqlite_header_and_wrong_key_fails(store: tuple[Path, bytes]) -> None:
    path, _ = store
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(WrongKey):
        open_engine(path, new_db_key())


def test_missing_store_is_never_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing"):
        open_engine(tmp_path / "store.db", new_db_key())
    assert not (tmp_path / "store.db").exists()


def test_existing_store_is_never_overwritten(store: tuple[Path, bytes]) -> None:
    path, _ = store
    before = path.read_bytes()
    with pytest.raises(StoreError, match="already exists"):
        open_engine(path, new_db_key(), create=True)
    assert path.read_bytes() == before


def test_audit_table_refuses_update_and_delete(store: tuple[Path, bytes]) -> None:
    engine = open_engine(*store)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_event (at, actor, role, action, entity, prev_hash, hash) "
                "VALUES ('t', 'a', 'r', 'x', 'e', 'p', 'h')"
            )
        )
    for statement in ("UPDATE audit_event SET actor = 'b'", "DELETE FROM audit_event"):
        with (
            pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"),
            engine.begin() as conn,
        ):
            conn.execute(text(statement))


def test_models_match_the_migrations(store: tuple[Path, bytes]) -> None:
    engine = open_engine(*store)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_schema_head_constant_matches_alembic() -> None:
    from importlib import resources

    config = Config()
    config.set_main_option("script_location", str(resources.files("chc_desktop.migrations")))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == migrate.SCHEMA_HEAD
    assert {r.revision for r in script.walk_revisions()} == set(migrate.KNOWN_REVISIONS)


def test_newer_schema_is_refused(store: tuple[Path, bytes]) -> None:
    engine = open_engine(*store)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew, match="newer"):
        migrate.upgrade(engine)


def test_upgrade_from_first_schema_keeps_data(tmp_path: Path) -> None:
    from importlib import resources

    from alembic import command

    path, key = tmp_path / "store.db", new_db_key()
    engine = open_engine(path, key, create=True)
    config = Config()
    config.set_main_option("script_location", str(resources.files("chc_desktop.migrations")))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO person VALUES (1, '9990000018', 'Testy', 'Old', '1940-01-01')")
        )
    assert migrate.upgrade(engine) == migrate.SCHEMA_HEAD
    with engine.connect() as conn:
        assert conn.execute(text("SELECT family_name FROM person")).scalar() == "Old"
        assert conn.execute(text("SELECT count(*) FROM recommendation")).scalar() == 0
