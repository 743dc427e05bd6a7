"""Every usage error a user can provoke from click or typer reaches them in Dutch, once."""

from __future__ import annotations

import re

import pytest

#: Fragments of click's and typer's English messages (click/exceptions.py, click/core.py).
ENGELS = re.compile(
    r"No such|Did you mean|Missing|Invalid|is not|requires|does not take|Got unexpected|"
    r"Try |Usage|Error|Possible options",
)


@pytest.mark.parametrize(
    ("args", "bericht"),
    [
        (["adit"], "fout: onbekend commando 'adit'. Bedoelde u 'audit'?"),
        (["zwembad"], "fout: onbekend commando 'zwembad'"),
        (["--kleur"], "fout: onbekende optie: --kleur"),
        (["audit", "Herpt", "--strik"], "fout: onbekende optie: --strik (bedoelde u '--strikt'?)"),
        (
            ["audit", "Herpt", "--forc"],
            "fout: onbekende optie: --forc (bedoelde u een van '--force', '--format'?)",
        ),
        (["audit"], "fout: argument WIJK ontbreekt"),
        (["explain", "a", "b"], "fout: onverwacht extra argument (b)"),
        (["audit", "Herpt", "--datum"], "fout: optie --datum heeft een waarde nodig"),
        (["audit", "Herpt", "--strikt=ja"], "fout: optie --strikt neemt geen waarde"),
        (
            ["overview", "--sorteer", "grootte"],
            "fout: ongeldige waarde voor --sorteer: 'grootte' is geen van 'kern', 'naam', "
            "'problemen'",
        ),
        (
            ["validate", "--format", "xml"],
            "fout: ongeldige waarde voor --format / -f: 'xml' is geen van 'auto', 'tekst', "
            "'github', 'json'",
        ),
    ],
)
def test_usage_errors_are_dutch_and_said_once(invoke, args: list[str], bericht: str) -> None:
    result = invoke(args, code=2)
    regels = result.stderr.splitlines()
    assert regels[0] == bericht
    assert not ENGELS.search(result.output), result.output
    assert result.output.count("fout:") == 1
    assert result.output.casefold().count("bedoelde u") <= 1
