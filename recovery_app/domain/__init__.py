"""Plain Python rules: no Qt, no SQL. Most tests live here."""
