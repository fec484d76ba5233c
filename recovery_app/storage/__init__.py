"""The encrypted vault: files, keys, engine, tables, migrations. No Qt."""
