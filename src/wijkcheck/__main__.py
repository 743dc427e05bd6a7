"""`wijkcheck` and `python -m wijkcheck`: the command, also when Ctrl-C comes while it starts.

The command line tool's own handler (cli/group.py) turns Ctrl-C into "Afgebroken." and exit code
130, but it exists only once typer and the command are imported; a Ctrl-C in the first tenth of
a second would otherwise end in a traceback. Nothing is imported here before the `try`.
"""

import sys


def main() -> None:
    try:
        from wijkcheck.cli import main as cli_main

        cli_main()
    except KeyboardInterrupt:
        sys.stderr.write("Afgebroken.\n")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
