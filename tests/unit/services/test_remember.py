import pytest
from conftest import PASSWORD, MemoryKeyring

from recovery_app.services.secrets import KeyringSecretStore, SecretStoreError
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.errors import RememberedKeyStale


def test_off_by_default(journal, service: VaultService, memory_keyring: MemoryKeyring) -> None:
    assert memory_keyring.secrets == {}
    assert not journal.is_remembered()
    journal.close()
    assert service.unlock_remembered() is None


def test_remembered_key_opens_without_the_password(journal, service, memory_keyring) -> None:
    journal.remember()
    assert len(memory_keyring.secrets) == 1
    journal.close()
    reopened = service.unlock_remembered()
    assert reopened is not None and reopened.is_open
    reopened.close()


def test_remembered_key_still_works_after_a_password_change(journal, service) -> None:
    journal.remember()
    journal.close()
    service.change_password(PASSWORD, "a new password here")
    reopened = service.unlock_remembered()
    assert reopened is not None
    reopened.close()


def test_forget_removes_it_from_the_keyring(journal, service, memory_keyring) -> None:
    journal.remember()
    journal.forget()
    assert memory_keyring.secrets == {}
    journal.forget()  # forgetting twice is fine
    journal.close()
    assert service.unlock_remembered() is None


def test_a_stale_remembered_key_is_forgotten_and_reported(journal, service, memory_keyring) -> None:
    journal.remember()
    journal.close()
    (entry,) = memory_keyring.secrets
    memory_keyring.secrets[entry] = "00" * 32
    with pytest.raises(RememberedKeyStale):
        service.unlock_remembered()
    assert memory_keyring.secrets == {}


def test_no_keyring_means_unavailable_with_a_reason_never_a_crash(
    journal, service, no_keyring
) -> None:
    status = service.remember_status()
    assert not status.available
    assert "keyring" in status.reason
    with pytest.raises(SecretStoreError):
        journal.remember()
    journal.close()
    assert service.unlock_remembered() is None


def test_a_plain_text_keyring_counts_as_none() -> None:
    import keyring

    class PlainTextFile(MemoryKeyring):
        priority = 0.5  # type: ignore[assignment]  # like keyrings.alt's file backend

    keyring.set_keyring(PlainTextFile())
    assert not KeyringSecretStore().status().available


def test_a_keyring_that_errors_is_treated_as_unavailable(journal, service) -> None:
    import keyring

    class Broken(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("locked collection")

        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("locked collection")

    keyring.set_keyring(Broken())
    with pytest.raises(SecretStoreError):
        journal.remember()
    journal.close()
    assert service.unlock_remembered() is None


class CountingStore(KeyringSecretStore):
    """The keyring, with every question asked of it counted."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def load_key(self, vault_id: str) -> bytes | None:
        self.asked.append("load")
        return super().load_key(vault_id)


def test_remembering_leaves_a_note_and_forgetting_takes_it_away(journal, service) -> None:
    note = service.paths.remembered_note
    assert not note.exists()
    journal.remember()
    assert note.exists() and note.read_bytes() == b""  # that the choice was made, no secret
    assert note.stat().st_mode & 0o077 == 0  # its owner's alone
    journal.forget()
    assert not note.exists()


def test_with_no_note_the_keyring_is_never_asked(journal, service) -> None:
    counting = CountingStore()
    journal.close()
    door = VaultService(service.paths, counting, service.kdf)
    assert door.unlock_remembered() is None
    assert counting.asked == []


def test_a_lost_note_means_the_password_is_asked_for(journal, service, memory_keyring) -> None:
    journal.remember()
    journal.close()
    service.paths.remembered_note.unlink()
    assert service.unlock_remembered() is None  # never opened without the person
    assert len(memory_keyring.secrets) == 1  # the keyring itself is left as it was


def test_a_note_that_cannot_be_written_forgets_the_key_again(
    journal, service, memory_keyring
) -> None:
    service.paths.remembered_note.mkdir()  # where the note would go, something else is
    with pytest.raises(SecretStoreError, match="folder"):
        journal.remember()
    assert memory_keyring.secrets == {}  # never left in the keyring unlooked-for
