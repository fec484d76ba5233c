"""The command line: one module per group of commands, each adding its own parsers."""

from recovery_app.cli.parser import QUICK_LOG, parse, run, run_command

__all__ = ["QUICK_LOG", "parse", "run", "run_command"]
