"""The rule kinds of `core/rules/`, as the Markdown section of docs/regels.md, generated from
their docstrings (the user documentation each kind carries).

Update the doc with `python -m wijkcheck.reports.rules_doc docs/regels.md`; a test fails when it
is out of date (tests/test_rules_doc.py).
"""

from __future__ import annotations

import inspect
import sys
import typing
from pathlib import Path

from wijkcheck.core.rules import REGELS, RegelBasis

BEGIN = "<!-- begin: gegenereerd door `python -m wijkcheck.reports.rules_doc docs/regels.md` -->"
EIND = "<!-- einde: gegenereerd -->"


def type_van(kind: type[RegelBasis]) -> str:
    return str(typing.get_args(kind.model_fields["type"].annotation)[0])


def sectie() -> str:
    delen = [BEGIN, ""]
    for kind in REGELS:
        delen += [f"### `{type_van(kind)}`: {kind.naam}", ""]
        delen += [inspect.cleandoc(kind.__doc__ or ""), ""]
    delen.append(EIND)
    return "\n".join(delen)


def bijgewerkt(doc: str) -> str:
    """`doc` with its generated section replaced (appended when it has none)."""
    if BEGIN in doc and EIND in doc:
        voor, rest = doc.split(BEGIN, 1)
        return voor + sectie() + rest.split(EIND, 1)[1]
    return doc.rstrip("\n") + "\n\n## De soorten regels\n\n" + sectie() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("gebruik: python -m wijkcheck.reports.rules_doc docs/regels.md\n")
        return 2
    pad = Path(argv[0])
    pad.write_text(bijgewerkt(pad.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
