# Data only (icons, texts). Installed as the package `recovery_app.resources`.
