"""Qt Widgets: one module per screen; screens get their services through the constructor."""
