"""Documents a person asked for, drawn with Qt's painter (QtGui only: no widget, no window).

Below the window and the command line, above the services: both can make the same PDF, and
neither imports the other. What goes into a document comes from a service as frozen records;
what is drawn here is written to disk by a service, under a temporary name until whole.
"""
