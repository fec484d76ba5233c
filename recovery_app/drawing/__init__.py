"""Qt drawing with no widget on screen: the named colours, the review's charts and tables,
and the printed report. Shared by the window (ui/) and the command line (cli/), which both
stand above it; it stands above the services, whose records it draws."""
