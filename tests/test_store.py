"""Finding the checklist: a name in gemeente.yaml stays inside the data folder, `--checklist`
may point anywhere (the user typed it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.sources import store
from wijkcheck.sources.dataroot import find_root
from wijkcheck.sources.store import ChecklistBron


@pytest.fixture
def repo(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled data, run from an unrelated working folder holding a checklist of its own."""
    elders = tmp_path / "elders"
    (elders / "checklists").mkdir(parents=True)
    bundled = data_copy / "checklists" / "hart-van-brabant.yaml"
    shutil.copy(bundled, elders / "checklists" / "x.yaml")
    monkeypatch.chdir(elders)
    return data_copy


def noem(repo: Path, checklist: str) -> store.GemeenteData:
    gemeente = repo / "data" / "wijken" / "heusden" / "gemeente.yaml"
    text = re.sub(r"(?m)^checklist: .*$", "", gemeente.read_text(encoding="utf-8"))
    gemeente.write_text(f"checklist: {checklist}\n{text}", encoding="utf-8")
    return store.load_gemeente(gemeente.parent)


def checklist_van(repo: Path, gd: store.GemeenteData, gegeven: str | None = None) -> Path:
    root = find_root(repo, {}, Path.cwd())
    _, doc = store.checklist_for(root, gegeven, gd.gemeente, gd.doc)
    return Path(doc.path)


@pytest.mark.parametrize(
    "pad",
    [
        "../../../../../../../etc/passwd.yaml",
        "../elders/checklists/x.yaml",
        "{tmp}/elders/checklists/x.yaml",
    ],
)
def test_path_in_gemeente_yaml_may_not_leave_the_data_folder(repo: Path, pad: str) -> None:
    gd = noem(repo, pad.format(tmp=repo.parent))
    with pytest.raises(WijkcheckError) as info:
        checklist_van(repo, gd)
    [f] = info.value.findings
    assert f.id == "pad-buiten-data"
    assert (f.span.path, f.span.line, f.span.column) == (gd.doc.path, 1, 12)
    assert "buiten de gegevensmap" in f.message and "--checklist PAD" in f.message


def test_symlink_named_in_gemeente_yaml_may_not_leave_the_data_folder(repo: Path) -> None:
    (repo / "checklists" / "lek.yaml").symlink_to(repo.parent / "elders" / "checklists" / "x.yaml")
    with pytest.raises(WijkcheckError, match="buiten de gegevensmap"):
        checklist_van(repo, noem(repo, "checklists/lek.yaml"))


def test_path_in_gemeente_yaml_is_read_from_the_data_folder(repo: Path) -> None:
    # `checklists/x.yaml` exists in the working folder too; gemeente.yaml means the data folder's.
    shutil.copy(repo / "checklists" / "hart-van-brabant.yaml", repo / "checklists" / "x.yaml")
    gevonden = checklist_van(repo, noem(repo, "checklists/x.yaml"))
    assert gevonden.resolve() == (repo / "checklists" / "x.yaml").resolve()


def test_name_in_gemeente_yaml_is_looked_up_in_checklists(repo: Path) -> None:
    gevonden = checklist_van(repo, noem(repo, "Hart-van-Brabant"))
    assert gevonden.resolve() == (repo / "checklists" / "hart-van-brabant.yaml").resolve()


def test_unknown_name_in_gemeente_yaml_points_at_its_line(repo: Path) -> None:
    gd = noem(repo, "hart-van-brabnt")
    with pytest.raises(WijkcheckError) as info:
        checklist_van(repo, gd)
    [f] = info.value.findings
    assert (f.id, f.span.path, f.span.line) == ("onbekende-checklist", gd.doc.path, 1)
    assert "Bedoelde u 'hart-van-brabant'?" in f.message


@pytest.mark.parametrize("pad", ["checklists/x.yaml", "{tmp}/elders/checklists/x.yaml"])
def test_checklist_on_the_command_line_may_be_anywhere(repo: Path, pad: str) -> None:
    gd = noem(repo, "../../../../../../../etc/passwd.yaml")  # not used: the user chose
    gevonden = checklist_van(repo, gd, pad.format(tmp=repo.parent))
    assert gevonden.resolve() == (repo.parent / "elders" / "checklists" / "x.yaml").resolve()


def test_the_same_path_is_judged_by_where_it_came_from(repo: Path) -> None:
    root = find_root(repo, {}, Path.cwd())
    buiten = str(repo.parent / "elders" / "checklists" / "x.yaml")
    assert store.checklist_path(root, buiten, ChecklistBron.OPDRACHTREGEL) == Path(buiten)
    with pytest.raises(WijkcheckError) as info:
        store.checklist_path(root, buiten, ChecklistBron.GEMEENTE)
    assert info.value.findings[0].id == "pad-buiten-data"


def test_unknown_gemeente_names_at_most_twenty(tmp_path: Path) -> None:
    mappen = [tmp_path / f"gemeente-{i:02}" for i in range(25)]
    root = store.DataRoot(tmp_path, None, "test")

    def onleesbaar(m: Path):
        raise WijkcheckError.single(Span(str(m)), "kapot", ids.YAML_SYNTAXIS)

    with pytest.raises(WijkcheckError) as exc:
        store.kies_gemeente(root, "Tilburg", mappen, onleesbaar)
    bericht = exc.value.findings[0].message
    assert "Bekende gemeenten: gemeente-00, gemeente-01," in bericht
    assert "gemeente-19 en 5 andere (zie 'wijkcheck list')." in bericht
    assert "gemeente-20" not in bericht
    assert store.kies_gemeente(root, "Gemeente 07", mappen, onleesbaar) == mappen[7]
