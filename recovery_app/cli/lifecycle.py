"""Creating the journal and changing its password."""

from __future__ import annotations

from typing import Any

from recovery_app.cli.context import Context, existing_door, with_password
from recovery_app.services.messages import EXIT_ERROR, EXIT_OK


def register(commands: Any) -> None:
    commands.add_parser("init", help="create a new journal").set_defaults(handler=init)
    commands.add_parser("change-password", help="change the journal's password").set_defaults(
        handler=change_password
    )


def _new_password(ctx: Context, prompt: str) -> str | None:
    """A new password, confirmed when typed at a terminal; None (after saying why) if unusable."""
    from recovery_app.domain.passwords import MIN_PASSWORD_LENGTH, check_new_password

    password = ctx.passwords.read(prompt)
    if not check_new_password(password).acceptable:
        print(
            f"recovery-app: please choose a password of at least {MIN_PASSWORD_LENGTH} characters.",
            file=ctx.err,
        )
        return None
    if ctx.passwords.interactive and ctx.passwords.read("Type it once more: ") != password:
        print("recovery-app: the two passwords were different. Nothing was changed.", file=ctx.err)
        return None
    return password


def init(ctx: Context) -> int:
    from recovery_app.services.errors import VaultAlreadyExists

    if ctx.door.exists():
        raise VaultAlreadyExists()
    password = _new_password(ctx, "Choose a password for your journal: ")
    if password is None:
        return EXIT_ERROR
    ctx.door.create(password).close()
    print(f"Your journal is ready in {ctx.data_dir}.", file=ctx.out)
    print("Keep your password safe: it cannot be recovered if it is lost.", file=ctx.out)
    return EXIT_OK


def change_password(ctx: Context) -> int:
    door = existing_door(ctx)
    # Checked before asking for the new one, so a wrong password is said at once.
    checked = with_password(ctx, "Current password: ", door.check_password)
    new = _new_password(ctx, "New password: ")
    if new is None:
        return EXIT_ERROR
    from recovery_app.services.my_data_words import password_change_text

    print(password_change_text(door.rewrap(checked, new)), file=ctx.out)
    return EXIT_OK
