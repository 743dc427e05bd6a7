"""`wijkcheck new WIJK --kern K` (issue 14, part 4): a template that validates at once, the wijk
added to its kern in gemeente.yaml with every other byte as it was, and refusals that leave the
data folder untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from wijkcheck.formatters import AUDIT, OutputFormat, formats_for
from wijkcheck.sources.scaffold import schema_header

VOORBEELDRECHT = Path(__file__).parents[1] / "voorbeelden" / "voorbeeldrecht"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A writable copy of the fictitious gemeente's data folder (three kernen, six wijken)."""
    root = tmp_path / "repo"
    shutil.copytree(VOORBEELDRECHT, root)
    return root


def _gemeente(repo: Path) -> Path:
    return repo / "data" / "wijken" / "voorbeeldrecht" / "gemeente.yaml"


def _stand(repo: Path) -> dict[str, bytes]:
    """Every file of the data folder with its bytes."""
    return {str(p.relative_to(repo)): p.read_bytes() for p in repo.rglob("*") if p.is_file()}


def test_new_writes_a_valid_template_and_only_adds_the_wijk(invoke, repo: Path) -> None:
    voor = _gemeente(repo).read_bytes()
    uit = invoke(["new", "Nieuw Park", "--kern", "proefhoven", "--data", str(repo)])
    assert "Wijk Nieuw Park toegevoegd aan kern Proefhoven" in uit.stdout
    na = _gemeente(repo).read_bytes()
    oud_regel = b"  Proefhoven: [Proefhoven-Noord, Proefhoven-Zuid]\n"
    assert na == voor.replace(oud_regel, oud_regel[:-2] + b", Nieuw Park]\n")
    wijk = repo / "data" / "wijken" / "voorbeeldrecht" / "nieuw-park.yaml"
    tekst = wijk.read_text(encoding="utf-8")
    assert tekst.startswith(schema_header("wijk", wijk, repo))
    assert "bron: voorbeeld" not in tekst  # nothing invented that could pass for data
    gecontroleerd = json.loads(invoke(["validate", "--format", "json", "--data", str(repo)]).stdout)
    gevonden = {(b["pad"], b["controle"]) for b in gecontroleerd["bevindingen"]}
    assert gevonden == {("repo/data/wijken/voorbeeldrecht/nieuw-park.yaml", "inwoners-ontbreekt")}


def test_the_new_wijk_is_audited_as_onbekend_in_every_format(invoke, repo: Path) -> None:
    invoke(["new", "Nieuw Park", "--kern", "Proefhoven", "--data", str(repo)])
    args = ["--data", str(repo), "--datum", "2099-01-01"]
    audit = json.loads(invoke(["audit", "nieuw park", *args, "--format", "json"]).stdout)
    assert audit["inwoners"] is None
    # nothing recorded in the wijk: its own conditions are onbekend, never voldaan or not
    assert {r["uitkomst"] for r in audit["voorwaarden"]} == {"onbekend"}
    for fmt in OutputFormat:
        if fmt.binair:
            continue
        if fmt in formats_for(AUDIT):
            invoke(["audit", "Nieuw Park", *args, "--format", fmt.value])
            invoke(["show", "Nieuw Park", *args, "--format", fmt.value])
        invoke(["overview", *args, "--format", fmt.value])
    tabel = invoke(["audit", "Nieuw Park", *args]).stdout
    assert "onbekend (niet vastgelegd in het wijkbestand)" in tabel
    assert "Nieuw Park" in invoke(["list", "--data", str(repo)]).stdout
    csv = invoke(["overview", *args, "--format", "csv"]).stdout
    assert ";Nieuw Park;Proefhoven;;" in csv  # no inhabitants: an empty cell, not 0


def test_a_block_list_with_comments_keeps_every_other_byte(invoke, repo: Path) -> None:
    gemeente = _gemeente(repo)
    voor = gemeente.read_text(encoding="utf-8").replace(
        "  Schetsveen: [Schetsveen]\n",
        "  Schetsveen:   # het dorp\n    - Schetsveen   # enige wijk\n    # einde kern\n",
    )
    gemeente.write_bytes(("\ufeff" + voor).replace("\n", "\r\n").encode("utf-8"))
    invoke(["new", "Schetsveen-Oost", "--kern", "Schetsveen", "--data", str(repo)])
    na = gemeente.read_bytes()
    assert na == ("\ufeff" + voor).replace("\n", "\r\n").encode("utf-8").replace(
        b"    - Schetsveen   # enige wijk\r\n",
        b"    - Schetsveen   # enige wijk\r\n    - Schetsveen-Oost\r\n",
    )
    invoke(["validate", "--data", str(repo)])


def test_the_code_is_written_and_checked(invoke, repo: Path) -> None:
    invoke(["new", "Oost", "--kern", "Schetsveen", "--code", "bu99990301", "--data", str(repo)])
    wijk = repo / "data" / "wijken" / "voorbeeldrecht" / "oost.yaml"
    assert "\ncbs_buurtcode: BU99990301\n" in wijk.read_text(encoding="utf-8")
    stand = _stand(repo)
    fout = invoke(
        ["new", "West", "--kern", "Schetsveen", "--code", "BU99990301", "--data", str(repo)], code=2
    ).stderr
    assert "buurtcode BU99990301 is al van wijk 'Oost'" in fout and "(dubbele-wijk)" in fout
    fout = invoke(
        ["new", "West", "--kern", "Schetsveen", "--code", "BU07970104", "--data", str(repo)], code=2
    ).stderr
    assert "hoort niet bij gemeente Voorbeeldrecht (GM9999)" in fout
    fout = invoke(
        ["new", "West", "--kern", "Schetsveen", "--code", "BU123", "--data", str(repo)], code=2
    ).stderr
    assert "BU gevolgd door 8 cijfers" in fout
    assert _stand(repo) == stand


@pytest.mark.parametrize(
    ("args", "melding", "regel"),
    [
        (
            ["Molenkwartier", "--kern", "Proefhoven"],
            "wijk 'Molenkwartier' staat al in",
            "dubbele-wijk",
        ),
        (["molen kwartier", "--kern", "Proefhoven"], "staat al in Voorbeeldrecht", "dubbele-wijk"),
        (["Nieuw", "--kern", "Proefhoeven"], "Bedoelde u 'Proefhoven'?", "onbekende-kern"),
        (
            ["Nieuw", "--kern", "Nergens"],
            "Bekende kernen: Voorbeeldrecht, Proefhoven, Schetsveen",
            "onbekende-kern",
        ),
        (["Noord/Zuid", "--kern", "Proefhoven"], "padteken", "onveilige-naam"),
        (["Nieuw\u202epark", "--kern", "Proefhoven"], "onzichtbaar teken", "onzichtbaar-teken"),
        (["?!", "--kern", "Proefhoven"], "geen letter of cijfer", "wijknaam"),
        (["x" * 121, "--kern", "Proefhoven"], "te lang", "te-lang"),
        (
            ["Nieuw", "--kern", "Proefhoven", "--gemeente", "heusden"],
            "onbekende gemeente",
            "onbekende-gemeente",
        ),
    ],
)
def test_refusals_leave_everything_as_it_was(
    invoke, repo: Path, args: list[str], melding: str, regel: str
) -> None:
    stand = _stand(repo)
    fout = invoke(["new", *args, "--data", str(repo)], code=2).stderr
    assert melding in fout and f"({regel})" in fout, fout
    assert "Traceback" not in fout
    assert _stand(repo) == stand


def test_an_existing_file_is_never_overwritten(invoke, repo: Path) -> None:
    map_ = repo / "data" / "wijken" / "voorbeeldrecht"
    eigen = (map_ / "reuniepark.yaml").read_text(encoding="utf-8") + "# eigen aantekeningen\n"
    (map_ / "nieuw-park.yml").write_text(eigen, encoding="utf-8")
    stand = _stand(repo)
    fout = invoke(["new", "Nieuw Park", "--kern", "Proefhoven", "--data", str(repo)], code=2)
    assert "nieuw-park.yml bestaat al" in fout.stderr and "(uitvoer-bestaat)" in fout.stderr
    assert _stand(repo) == stand


def test_the_bundled_data_is_never_written(invoke) -> None:
    fout = invoke(["new", "Nieuw", "--kern", "Drunen"], code=2).stderr
    assert "geen eigen gegevensmap gevonden" in fout


def test_a_failed_second_write_takes_the_first_back(
    invoke, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wijkcheck.cli import writing
    from wijkcheck.core import finding_ids as ids
    from wijkcheck.core.errors import Span, WijkcheckError

    echt = writing.schrijf_atomair
    geschreven: list[Path] = []

    def schijf_vol(path: Path, data: bytes, *, force: bool = False) -> None:
        if geschreven:
            raise WijkcheckError.single(Span(""), f"{path}: schijf vol", ids.UITVOER_SCHRIJVEN)
        geschreven.append(path)
        echt(path, data, force=force)

    monkeypatch.setattr(writing, "schrijf_atomair", schijf_vol)
    stand = _stand(repo)
    fout = invoke(["new", "Nieuw Park", "--kern", "Proefhoven", "--data", str(repo)], code=2)
    assert geschreven and "schijf vol" in fout.stderr and "Teruggedraaid" in fout.stderr
    assert _stand(repo) == stand


def test_a_gemeente_yaml_changed_meanwhile_is_not_overwritten(
    invoke, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wijkcheck.cli import writing

    echt = writing.schrijf_atomair
    gemeente = _gemeente(repo)

    def en_de_editor_slaat_op(path: Path, data: bytes, *, force: bool = False) -> None:
        echt(path, data, force=force)
        if path.name != "gemeente.yaml":
            gemeente.write_bytes(gemeente.read_bytes() + b"# net opgeslagen\n")

    monkeypatch.setattr(writing, "schrijf_atomair", en_de_editor_slaat_op)
    fout = invoke(["new", "Nieuw Park", "--kern", "Proefhoven", "--data", str(repo)], code=2)
    assert "(gemeente-veranderd)" in fout.stderr
    assert gemeente.read_bytes().endswith(b"# net opgeslagen\n")  # the editor's, untouched
    assert b"Nieuw Park" not in gemeente.read_bytes()
    assert not (gemeente.parent / "nieuw-park.yaml").exists()


def test_a_linked_gemeente_yaml_is_refused_before_anything_is_written(invoke, repo: Path) -> None:
    gemeente = _gemeente(repo)
    echt = repo / "gemeente-echt.yaml"
    gemeente.rename(echt)
    gemeente.symlink_to(echt)
    stand = _stand(repo)
    fout = invoke(["new", "Nieuw Park", "--kern", "Proefhoven", "--data", str(repo)], code=2)
    assert "snelkoppeling" in fout.stderr
    assert _stand(repo) == stand


def test_with_more_gemeenten_the_kern_chooses_and_a_shared_kern_asks(invoke, repo: Path) -> None:
    from .conftest import BUNDLED

    shutil.copytree(BUNDLED.wijken / "heusden", repo / "data" / "wijken" / "heusden")
    shutil.copy(BUNDLED.checklists / "heusden.yaml", repo / "checklists" / "heusden.yaml")
    invoke(["new", "Drunen-Noord", "--kern", "drunen", "--data", str(repo)])
    assert (repo / "data" / "wijken" / "heusden" / "drunen-noord.yaml").is_file()
    gemeente = _gemeente(repo)
    gemeente.write_text(
        gemeente.read_text(encoding="utf-8").replace(
            "  Schetsveen:", "  Drunen: [Schetsveen-Drunen]\n  Schetsveen:"
        ),
        encoding="utf-8",
    )
    fout = invoke(["new", "Drunen-Zuid", "--kern", "Drunen", "--data", str(repo)], code=2).stderr
    assert "staat in meer gemeenten (Heusden, Voorbeeldrecht); kies met --gemeente" in fout
