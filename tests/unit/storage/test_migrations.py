"""One schema-version fixture per migration: a vault made at that revision opens and upgrades."""

import os

import pytest
from conftest import CHEAP_KDF, PASSWORD, unlock_vault, vault_bytes
from sqlalchemy import inspect

from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import migrate
from recovery_app.storage.backup_store import list_backups, verify_backup
from recovery_app.storage.engine import make_engine
from recovery_app.storage.errors import DiskFull, VaultTooNew
from recovery_app.storage.files import ensure_private_dir
from recovery_app.storage.keyfile import new_data_key, wrap, write_keyfile
from recovery_app.storage.paths import VaultPaths

REVISIONS = [
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
]


def make_vault_at(paths: VaultPaths, revision: str, *rows_sql: str) -> None:
    """A vault as an older version of the app would have left it, with some rows in it."""
    ensure_private_dir(paths.data_dir)
    data_key = new_data_key()
    engine = make_engine(paths.db, data_key, create=True)
    with engine.begin() as conn:
        migrate.upgrade(conn, revision)
        for sql in rows_sql:
            conn.exec_driver_sql(sql)
    engine.dispose()
    write_keyfile(paths.keyfile, wrap(data_key, PASSWORD, CHEAP_KDF))


def test_the_revisions_listed_here_are_all_there_are() -> None:
    assert migrate.known_revisions() == set(REVISIONS)
    assert migrate.head_revision() == REVISIONS[-1]


def test_the_revisions_read_from_the_files_are_alembics_own() -> None:
    """The unlock reads the head from the migration files to spare Alembic's import; Alembic
    must agree, whatever migrations are added later."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert migrate.revision_parents() == {
        rev.revision: rev.down_revision for rev in script.walk_revisions()
    }


@pytest.mark.parametrize("revision", [None, *REVISIONS])
def test_the_journals_revision_is_read_as_alembic_reads_it(
    paths: VaultPaths, revision: str | None
) -> None:
    from alembic.runtime.migration import MigrationContext

    ensure_private_dir(paths.data_dir)
    engine = make_engine(paths.db, new_data_key(), create=True)
    try:
        with engine.begin() as conn:
            if revision is not None:
                migrate.upgrade(conn, revision)
            expected = MigrationContext.configure(conn).get_current_revision()
            assert migrate.current_revision(conn) == expected == revision
    finally:
        engine.dispose()


def test_migration_files_that_fork_are_refused(tmp_path) -> None:
    for name, revision, parent in (("a", "1", None), ("b", "2", "1"), ("c", "3", "1")):
        parent_text = "None" if parent is None else f'"{parent}"'
        (tmp_path / f"{name}.py").write_text(
            f'revision = "{revision}"\ndown_revision = {parent_text}\n'
        )
    assert migrate.known_revisions(tmp_path) == {"1", "2", "3"}
    with pytest.raises(migrate.MigrationFilesProblem):
        migrate.head_revision(tmp_path)


def test_a_new_vault_is_at_head(vault, paths) -> None:
    with vault.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert {
            "vault_info",
            "clock",
            "contact_event",
            "check_in",
            "milestone",
            "alembic_version",
        } <= set(inspect(conn).get_table_names())


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_an_older_vault_is_backed_up_then_upgraded(paths: VaultPaths, revision: str) -> None:
    make_vault_at(paths, revision, "INSERT INTO vault_info (key, value) VALUES ('k', 'v')")
    before = vault_bytes(paths)
    vault = unlock_vault(paths)
    with vault.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    data_key = vault.data_key
    vault.close()

    (kept,) = list_backups(paths.backups_dir)
    assert kept.manifest.reason == "before-upgrade"
    assert kept.manifest.schema_revision == revision
    assert kept.keyfile.read_bytes() == before["journal.key"]
    assert kept.db.read_bytes()[:16] != b"SQLite format 3\x00"
    sealed = kept.manifest.unseal(data_key)
    assert sealed is not None and sealed.counts["vault_info"] == 1
    verify_backup(kept, data_key)  # opens with the key, every page whole, rows as copied
    if os.name != "nt":
        assert oct(kept.path.stat().st_mode & 0o777) == oct(0o700)
        assert oct(kept.db.stat().st_mode & 0o777) == oct(0o600)


def test_a_backup_that_cannot_be_made_stops_the_upgrade(
    paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.storage import backup_store

    make_vault_at(paths, "0007")
    before = vault_bytes(paths)
    monkeypatch.setattr(backup_store, "free_space_for", _full)
    with pytest.raises(DiskFull):
        VaultService(paths, _secrets(), CHEAP_KDF).unlock(PASSWORD)
    after = vault_bytes(paths)
    assert after["journal.db"] == before["journal.db"]
    assert list_backups(paths.backups_dir) == []


def _full(folder, needed) -> None:
    raise DiskFull(str(folder))


def test_0008_gives_every_existing_row_its_own_uid(paths: VaultPaths) -> None:
    at = "'2026-11-20 09:00:00.000000'"
    clock = "INSERT INTO clock (name, since, allowed_contact, created_at) VALUES"
    make_vault_at(
        paths,
        "0007",
        f"{clock} ('A', '2026-01-01', '', {at})",
        f"{clock} ('B', '2026-01-01', '', {at})",
        f"INSERT INTO reason (text, position, created_at) VALUES ('r', 0, {at})",
    )
    vault = unlock_vault(paths)
    try:
        with vault.engine.connect() as conn:
            uids = [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT uid FROM clock UNION ALL SELECT uid FROM reason"
                )
            ]
    finally:
        vault.close()
    assert len(set(uids)) == 3
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in uids)


def test_a_vault_at_head_is_not_copied_again(vault, paths, service) -> None:
    vault.close()
    service.unlock(PASSWORD).close()
    assert not paths.backups_dir.exists()


def test_a_vault_from_a_newer_app_is_refused_and_left_alone(paths: VaultPaths) -> None:
    make_vault_at(paths, migrate.head_revision())
    service = VaultService(paths, _secrets(), CHEAP_KDF)
    vault = unlock_vault(paths)
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    vault.close()
    before = vault_bytes(paths)
    with pytest.raises(VaultTooNew):
        service.unlock(PASSWORD)
    assert vault_bytes(paths) == before


def _secrets():
    from recovery_app.services.secrets import KeyringSecretStore

    return KeyringSecretStore()


def test_the_migrations_build_exactly_the_tables_the_models_describe(vault) -> None:
    """A model changed without a migration (or the reverse) is caught here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import recovery_app.storage.models  # noqa: F401  (registers the tables)

    with vault.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_0006_moves_the_check_in_promises_into_the_one_promise_store(paths: VaultPaths) -> None:
    from datetime import date

    from recovery_app.domain.check_in import PromiseOutcome
    from recovery_app.services.check_ins import CheckInService
    from recovery_app.services.promises import PromiseService

    columns = "day, mood, promise, yesterday_promise, note, created_at, updated_at"
    at = "'2026-11-20 09:00:00.000000', '2026-11-20 09:00:00.000000'"
    make_vault_at(
        paths,
        "0005",
        # A promise kept, per the next day's answer, which also makes a new promise ...
        f"INSERT INTO check_in ({columns}) VALUES ('2026-11-20', 3, 'Walk', NULL, '', {at})",
        f"INSERT INTO check_in ({columns}) VALUES ('2026-11-21', 4, 'Rest', 'kept', 'ok', {at})",
        # ... which the day after skipped ("skip" was no answer) ...
        f"INSERT INTO check_in ({columns}) VALUES ('2026-11-22', NULL, '', 'skip', '', {at})",
        # ... and a promise no later check-in asked about, and one answered "not".
        f"INSERT INTO check_in ({columns}) VALUES ('2026-11-24', 2, 'Call Ana', NULL, '', {at})",
        f"INSERT INTO check_in ({columns}) VALUES ('2026-11-25', 2, '', 'not', '', {at})",
    )
    vault = unlock_vault(paths)
    try:
        promises = PromiseService(vault).promises()
        assert [(p.day, p.text, p.outcome, p.from_check_in) for p in promises] == [
            (date(2026, 11, 24), "Call Ana", PromiseOutcome.NOT_KEPT, True),
            (date(2026, 11, 21), "Rest", None, True),
            (date(2026, 11, 20), "Walk", PromiseOutcome.KEPT, True),
        ]
        check_ins = CheckInService(vault)
        second = check_ins.get(date(2026, 11, 21))
        assert second is not None
        assert second.answers.promise == "Rest"
        assert second.answers.yesterday_promise is PromiseOutcome.KEPT
        assert second.answers.note == "ok"
        assert check_ins.yesterdays_promise(date(2026, 11, 25)) == "Call Ana"
        with vault.engine.connect() as conn:
            names = {c["name"] for c in inspect(conn).get_columns("check_in")}
        assert "promise" not in names
        assert "yesterday_promise" not in names
    finally:
        vault.close()


@pytest.mark.slow
def test_opening_a_journal_at_head_leaves_alembic_unloaded(paths: VaultPaths) -> None:
    """Alembic costs about a third of a second to import: an unlock that has nothing to
    upgrade never loads it (a fresh interpreter, since this one loaded it long ago)."""
    import subprocess
    import sys
    import textwrap

    VaultService(paths, KeyringSecretStore(), CHEAP_KDF).create(PASSWORD).close()
    child = textwrap.dedent(
        """
        import sys
        from pathlib import Path

        from recovery_app.storage.keyfile import read_keyfile
        from recovery_app.storage.paths import VaultPaths
        from recovery_app.storage.vault import open_vault

        paths = VaultPaths(Path(sys.argv[1]))
        keyfile = read_keyfile(paths.keyfile)
        open_vault(paths, keyfile, keyfile.unwrap(sys.argv[2])).close()
        print(sorted(name for name in sys.modules if name.split(".")[0] == "alembic"))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(paths.data_dir), PASSWORD],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_0009_adds_the_marked_dates_beside_what_was_there(paths: VaultPaths) -> None:
    from recovery_app.domain.marked_dates import HardDateDetails
    from recovery_app.services.clocks import ClockService
    from recovery_app.services.hard_dates import HardDateService

    at = "'2026-11-20 09:00:00.000000'"
    make_vault_at(
        paths,
        "0008",
        "INSERT INTO clock (uid, name, since, allowed_contact, created_at) "
        f"VALUES ('{'a' * 32}', 'A', '2026-01-01', '', {at})",
    )
    vault = unlock_vault(paths)
    try:
        with vault.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("hard_date")}
        assert {"uid", "clock_id", "name", "month", "day", "year", "notice", "plan"} <= columns
        (clock,) = ClockService(vault).list_clocks()
        service = HardDateService(vault)
        saved = service.add(HardDateDetails("It ended", 3, 9, clock_id=clock.id))
        assert [s.details.name for s in service.marked()] == ["It ended"]
        with vault.engine.begin() as conn:  # the database itself lets go of a removed clock
            conn.exec_driver_sql("DELETE FROM clock")
        assert service.get(saved.id).details.clock_id is None
    finally:
        vault.close()
