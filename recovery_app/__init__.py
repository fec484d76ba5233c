"""A private, encrypted desktop journal for keeping no contact and rebuilding self-trust."""

__version__ = "0.1.0"

# The name a person and anyone looking over their shoulder sees: window title, tray, keyring.
APP_DISPLAY_NAME = "Journal"
# Used for folders, the keyring service and the single-instance socket. Deliberately neutral.
APP_SLUG = "quiet-journal"
