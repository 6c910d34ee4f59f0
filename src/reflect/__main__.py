from reflect.cli import run

raise SystemExit(run())
