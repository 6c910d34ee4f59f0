"""Command-line subcommands. Each module exposes ``register(subparsers)``; cli.py lists them.

The command line is a public interface: add commands and fields, never rename them.
"""

COMMAND_MODULES: tuple[str, ...] = (
    # Filled in by each capability: "search", "score", "instruments", "demo", "export",
    # "import_", "backup", "restore", "check".
    "search",
    "score",
    "instruments",
    "help_lines",
    "backup",
    "restore",
    "check",
    "export",
    "import_",
    "demo",
    "debrief",
    "supervision",
    "team",
    "log_shift",
)
