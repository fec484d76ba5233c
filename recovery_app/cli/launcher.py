"""`--install-desktop-entry` and `--remove-desktop-entry`: they act and exit, as --version
does, so neither the window nor a command starts. The work is in desktop_entry."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any


class _LauncherAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from recovery_app import desktop_entry

        installing = self.dest == "install_desktop_entry"
        try:
            if installing:
                files = desktop_entry.install()
                print(
                    "Journal is in your applications menu now (it can take a moment to show). "
                    f"The launcher is {files.desktop_file}; --remove-desktop-entry takes it away."
                )
            elif desktop_entry.remove():
                print("The launcher and its icons are removed from your applications menu.")
            else:
                print("There was no launcher to remove. Nothing was changed.")
        except OSError as error:
            reason = f" ({error.strerror})" if error.strerror else ""
            print(
                f"recovery-app: the launcher couldn't be {'written' if installing else 'removed'}"
                f" in {desktop_entry.data_home()}{reason}. Nothing else was changed.",
                file=sys.stderr,
            )
            parser.exit(1)
        parser.exit(0)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--install-desktop-entry",
        action=_LauncherAction,
        help="put Journal (a launcher and its icon) in your desktop's applications menu",
    )
    parser.add_argument(
        "--remove-desktop-entry",
        action=_LauncherAction,
        help="take the launcher and its icon out of the applications menu again",
    )
