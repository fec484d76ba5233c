"""A private, encrypted desktop journal for keeping no contact and rebuilding self-trust."""

__version__ = "0.1.0"

# The name a person and anyone looking over their shoulder sees: window title, tray, keyring.
APP_DISPLAY_NAME = "Journal"
# Used for folders, the keyring service and the single-instance socket. Deliberately neutral.
APP_SLUG = "quiet-journal"
# The launcher's reverse-DNS id: the .desktop file, the icons and the metainfo carry this name,
# and Wayland and the docks match the window to its launcher by it.
APP_ID = "io.github.quietjournal.Journal"
