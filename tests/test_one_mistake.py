"""One mistake, one message (issue 21, part 3): a shipped file that fails to load is
reported at that file only. References into it from other files are not reported again
as unknown, yet a reference that is unknown for its own reason still is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_bad_inputs import run
from tiny import ROOT

PM = "pm/hygiene-showering.yaml"
LEAFLET = "patient-info/living-with-an-external-pump.yaml"
SIGNS = "warning-signs.yaml"


@pytest.fixture
def shipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A copy of the shipped content, which validates."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "macros", tmp_path / "macros")
    shutil.copy(ROOT / "languages.yaml", tmp_path / "languages.yaml")
    assert run(tmp_path, capsys) == (0, [])
    return tmp_path


def change(root: Path, rel: str, old: str, new: str) -> None:
    path = root / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def referenced_by_others(root: Path, rel: str, *idents: str) -> None:
    """Each ident is named in some other content file: the test would prove nothing otherwise."""
    others = [p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.yaml") if p != root / "content" / rel]
    for ident in idents:
        assert any(ident in text for text in others), ident


def only_in(root: Path, capsys: pytest.CaptureFixture[str], rel: str) -> list[str]:
    """Validate; every reported line is in content/<rel>. Return them."""
    code, lines = run(root, capsys)
    assert code == 1 and lines
    assert all(line.startswith(f"content/{rel}:") for line in lines), lines
    return lines


def test_a_tab_in_a_shipped_pm_is_one_problem(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rel = "pm/cassette-change.yaml"
    referenced_by_others(shipped, rel, "CASS-1", "CASS-5", "cassette-change")
    change(shipped, rel, "\n  sv: Kassettbyte", "\n\tsv: Kassettbyte")
    lines = only_in(shipped, capsys, rel)
    assert len(lines) == 1 and "tab character" in lines[0], lines


def test_a_broken_shipped_leaflet_gives_only_its_own_problems(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    referenced_by_others(shipped, LEAFLET, "living-with-an-external-pump")  # PMs' patient_info, leaflets' related
    change(shipped, LEAFLET, "\nrelated:", "\nrelatd: []\nrelated:")
    assert len(only_in(shipped, capsys, LEAFLET)) == 1


def test_a_leaflet_missing_a_required_field_gives_only_its_own_problems(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(shipped, LEAFLET, "\nid: living-with-an-external-pump\n", "\n")
    lines = only_in(shipped, capsys, LEAFLET)
    assert any("required field 'id' is missing" in line for line in lines), lines


def test_one_invalid_sign_gives_only_the_catalogues_problems(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Modules include and cite signs, leaflets list them, the home page opens the
    # catalogue and the warning-signs leaflet names the easy card it makes.
    referenced_by_others(shipped, SIGNS, "leg-weakness-or-urinary-retention", "respiratory-depression", "warning-signs-easy")
    sign = "- id: leg-weakness-or-urinary-retention\n"
    change(shipped, SIGNS, sign, sign + "    colour: red\n")
    assert len(only_in(shipped, capsys, SIGNS)) == 1


@pytest.mark.parametrize("old, new", [("\npatient_info:", "\npatient_infos: []\npatient_info:"), ("\npurpose:", "\npurpos:")],
                         ids=["unknown-field", "required-field-missing"])
def test_an_invalid_pm_gives_only_its_own_problems(shipped: Path, capsys: pytest.CaptureFixture[str], old: str, new: str) -> None:
    # Modules include its steps and cite them in questions; the assistant nurses'
    # delegation sees them.
    referenced_by_others(shipped, PM, "HYG-7", "HYG-3", "HYG-11")
    change(shipped, PM, old, new)
    only_in(shipped, capsys, PM)


def test_a_reference_unknown_for_its_own_reason_is_still_reported(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(shipped, PM, "\npatient_info:", "\npatient_infos: []\npatient_info:")
    change(shipped, "training/external-pump-at-home.yaml", "include: [HYG-1, HYG-3", "include: [HYG-1, HYG-99")
    code, lines = run(shipped, capsys)
    assert code == 1
    assert len(lines) == 2 and lines[0].startswith(f"content/{PM}:"), lines
    assert lines[1].startswith("content/training/external-pump-at-home.yaml:"), lines
    assert ".include[1]: unknown id 'HYG-99'" in lines[1]
