"""The patients' cards (issue 20, parts 4 and 6): the easy-to-read warning card is gated at
Swedish LIX 25 like the leaflets at 40, with a located error; every patient-facing sign needs
its easy wording once the catalogue has the card; the personal card is planned with the
leaflets, and a leaflet may name a card in related:."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from minimal_tree import SIGNS, edit, write, write_tree
from test_bad_inputs import assert_errors, run
from test_leaflets import LEAFLET, LEAFLET_FILE

from painguide import languages
from painguide.model.signs import Sign
from tiny import LANGUAGES

EASY = "    easy: {sign: {sv: Du får feber., en: You get a fever.}, action: {sv: Mät febern., en: Take your temperature.}}\n"
WITH_CARD = edit(SIGNS, "signs:\n", "easy_intro: {sv: Här står när du ska ringa., en: This card says when to call.}\nsigns:\n")
WITH_CARD = edit(WITH_CARD, "    basis: general-knowledge\n", EASY + "    basis: general-knowledge\n")
HARD = ("Intratekal smärtbehandling administreras kontinuerligt via subkutant placerad portkateter "
        "under överinseende av specialiserad palliativ verksamhet")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, LEAFLET_FILE, LEAFLET)
    write(root, "warning-signs.yaml", WITH_CARD)
    return root


def test_an_easy_card_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


def test_swedish_lix_over_25_is_a_located_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "warning-signs.yaml", edit(WITH_CARD, "sv: Mät febern.", f"sv: {HARD}."))
    code, lines = run(project, capsys)
    assert code == 1 and len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("content/warning-signs.yaml:18:"), line
    assert ": signs[0].easy.action.sv: Swedish LIX is " in line
    assert float(line.split("Swedish LIX is ", 1)[1].split(",", 1)[0]) > 25
    assert "above 25" in line and f"«{HARD}»" in line


def test_english_is_not_gated(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "warning-signs.yaml", edit(WITH_CARD, "en: Take your temperature.", "en: Notwithstanding multidisciplinary considerations administer antipyretics."))
    assert run(project, capsys) == (0, [])


def test_a_patient_sign_without_easy_words_is_an_error_once_the_card_exists(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "warning-signs.yaml", edit(WITH_CARD, EASY, ""))
    code, lines = run(project, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith("content/warning-signs.yaml:") and "signs[0].patient: sign 'fever' has a patient wording but no easy:" in lines[0]


def test_without_the_card_easy_words_are_optional(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_tree(tmp_path)
    write(root, LEAFLET_FILE, LEAFLET)
    assert run(root, capsys) == (0, [])


def test_easy_words_need_a_patient_wording() -> None:
    data = {"id": "x", "applies_to": ["catheter"], "urgency": "routine", "basis": "general-knowledge",
            "staff": {"sign": {"sv": "a", "en": "a"}, "action": {"sv": "b", "en": "b"}},
            "easy": {"sign": {"sv": "a", "en": "a"}}}
    with languages.using(LANGUAGES):
        with pytest.raises(ValidationError, match="easy: is for signs that patients act on"):
            Sign.model_validate(data)
        data["patient"] = data["staff"]
        data["short"] = {"sv": "a", "en": "a"}
        sign = Sign.model_validate(data)
    assert sign.easy is not None and sign.easy.action is None


def test_a_leaflet_may_name_a_card_in_related(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, LEAFLET_FILE, LEAFLET + "related: [my-pain-treatment, warning-signs-easy]\n")
    assert run(project, capsys) == (0, [])
    write(project, "warning-signs.yaml", SIGNS)  # no easy_intro: no easy card to link to
    assert_errors(project, capsys, "content/patient-info/pump.yaml:24:30: related[1]: unknown leaflet 'warning-signs-easy'; "
                  "no content/patient-info/warning-signs-easy.yaml, and no patient card of that name (my-pain-treatment)")
