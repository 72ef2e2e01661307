"""The warning-sign catalogue, the basis of every statement, sign-offs and phone numbers in
text: each defect is reported at its exact file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from minimal_tree import APPROVED_META, DRAFT_META, PM, SIGNS, edit, write, write_tree
from test_bad_inputs import assert_errors, run
from test_leaflets import LEAFLET, LEAFLET_FILE

PM_FILE = "pm/dressing.yaml"
SIGNS_FILE = "warning-signs.yaml"
UNSOURCED_STEP = """\
  - id: DRESS-2
    text: {sv: Lägg om förbandet., en: Change the dressing.}
    role: home-care-nurse
    basis: general-knowledge
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, PM_FILE, PM)
    write(root, LEAFLET_FILE, LEAFLET)
    return root


def with_step(pm: str, step: str = UNSOURCED_STEP) -> str:
    return edit(pm, "covers: [catheter]\n", step + "covers: [catheter]\n")


def test_the_fixture_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


CASES = [
    ("unknown-sign-id", PM_FILE, edit(PM, "warning_signs: [fever, slow-breathing]", "warning_signs: [fevr, slow-breathing]"),
     ["content/pm/dressing.yaml:21:16: warning_signs: missing warning signs for what this PM covers (catheter): fever",
      "content/pm/dressing.yaml:21:17: warning_signs[0]: unknown warning sign 'fevr'; did you mean 'fever'?; "
      "the signs are in content/warning-signs.yaml"]),
    ("pm-misses-a-sign-of-its-device", PM_FILE, edit(PM, "warning_signs: [fever, slow-breathing]", "warning_signs: [fever]"),
     ["content/pm/dressing.yaml:21:16: warning_signs: missing warning signs for what this PM covers (catheter): slow-breathing"]),
    ("leaflet-misses-a-sign-of-its-device", LEAFLET_FILE,
     edit(LEAFLET, "about: [catheter]\nwhen_to_call: [fever]", "about: [catheter]\nwhen_to_call: []"),
     ["content/patient-info/pump.yaml:21:15: when_to_call: the list is empty; at least one entry is needed"]),
    ("sign-listed-twice", PM_FILE, edit(PM, "warning_signs: [fever, slow-breathing]", "warning_signs: [fever, slow-breathing, fever]"),
     ["content/pm/dressing.yaml:21:40: warning_signs[2]: warning sign 'fever' is listed twice"]),
    ("statement-without-basis", PM_FILE, with_step(PM, edit(UNSOURCED_STEP, "    basis: general-knowledge\n", "")),
     ["content/pm/dressing.yaml:20:5: steps[1]: basis is missing; give sources: (the file and the section that says it), "
      "or write basis: general-knowledge or basis: proposal"]),
    ("basis-source-without-sources", PM_FILE, with_step(PM, edit(UNSOURCED_STEP, "basis: general-knowledge", "basis: source")),
     ["content/pm/dressing.yaml:23:12: steps[1].basis: basis is source, but sources is empty; cite the file and section, "
      "or choose basis: general-knowledge"]),
    ("marked-statement-without-id", PM_FILE, with_step(PM, edit(UNSOURCED_STEP, "  - id: DRESS-2\n    text:", "  - text:")),
     ["content/pm/dressing.yaml:22:12: steps[1].basis: a statement that is not from the sources needs an id, "
      "so that a reviewer's sign-off can name it"]),
    ("phone-number-in-a-step", PM_FILE,
     with_step(PM, edit(UNSOURCED_STEP, "sv: Lägg om förbandet.", "sv: Lägg om förbandet. Ring 040-33 10 00 vid frågor.")),
     ["content/pm/dressing.yaml:21:40: steps[1].text.sv: '040-33 10 00' looks like a phone number; a number must come "
      "from a source. Write a visible placeholder (for example 'numret fylls i av regionen'), or give regions' contacts the number"]),
    ("phone-number-in-a-folded-leaflet-answer", LEAFLET_FILE,
     edit(LEAFLET, "    answer: {sv: En liten pump. Den ger medicin., en: A small pump. It gives medicine.}\n",
          "    answer:\n      sv: >-\n        En liten pump. Den ger medicin.\n        Ring +46 10 123 45 67.\n      en: A small pump.\n"),
     ["content/patient-info/pump.yaml:16:14: sections[0].answer.sv: '+46 10 123 45 67' looks like a phone number; a number must come "
      "from a source. Write a visible placeholder (for example 'numret fylls i av regionen'), or give regions' contacts the number"]),
    ("emergency-sign-without-dying-phase", SIGNS_FILE,
     edit(SIGNS, "    dying_phase: {staff: {sv: Följ planen., en: Follow the plan.}}\n", ""),
     ["content/warning-signs.yaml:18:5: signs[1]: an emergency sign needs dying_phase: what staff (and, for a patient-facing "
      "sign, the patient or relative) do instead when the patient is dying and has a written plan"]),
    ("sign-off-of-an-unknown-statement", SIGNS_FILE,
     edit(SIGNS, "  changelog:", "  reviews:\n    - {role: {sv: Granskare, en: Reviewer}, date: 2026-02-01, statements: [fevr]}\n  changelog:"),
     ["content/warning-signs.yaml:8:76: meta.reviews[0].statements[0]: no statement 'fevr' in this document; "
      "did you mean 'fever'?; the review queue (/review/) shows each key"]),
    ("sign-off-of-a-sourced-statement", SIGNS_FILE,
     edit(SIGNS, "  changelog:", "  reviews:\n    - {role: {sv: Granskare, en: Reviewer}, date: 2026-02-01, statements: [slow-breathing]}\n  changelog:"),
     ["content/warning-signs.yaml:8:76: meta.reviews[0].statements[0]: 'slow-breathing' is from the sources; "
      "a sign-off names only statements marked general-knowledge or proposal"]),
]


@pytest.mark.parametrize(("rel", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_defect(project: Path, capsys: pytest.CaptureFixture[str], rel: str, text: str, expected: list[str]) -> None:
    write(project, rel, text)
    assert_errors(project, capsys, *expected)


def test_a_leaflet_about_a_device_must_list_its_patient_signs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signs = SIGNS + """\
  - id: leg-weakness
    applies_to: [catheter]
    urgency: urgent
    staff: {sign: {sv: Svaga ben, en: Weak legs}, action: {sv: Ring nu., en: Call now.}}
    patient: {sign: {sv: Benen blir svaga, en: Your legs get weak}, action: {sv: Ring nu., en: Call now.}}
    short: {sv: Svaga ben, en: Weak legs}
    basis: general-knowledge
"""
    write(project, SIGNS_FILE, signs)
    write(project, PM_FILE, edit(PM, "warning_signs: [fever, slow-breathing]", "warning_signs: [fever, slow-breathing, leg-weakness]"))
    assert_errors(project, capsys,
                  "content/patient-info/pump.yaml:21:15: when_to_call: missing warning signs for what this leaflet is about (catheter): leg-weakness")


def test_the_warning_signs_leaflet_must_list_every_patient_sign(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signs = SIGNS + """\
  - id: pump-wet
    applies_to: [external-pump]
    urgency: urgent
    staff: {sign: {sv: Pumpen är blöt, en: The pump is wet}, action: {sv: Ring nu., en: Call now.}}
    patient: {sign: {sv: Pumpen har blivit blöt, en: The pump got wet}, action: {sv: Ring nu., en: Call now.}}
    short: {sv: Blöt pump, en: Wet pump}
    basis: general-knowledge
"""
    write(project, SIGNS_FILE, signs)
    write(project, LEAFLET_FILE, edit(LEAFLET, "about: [catheter]\n", "every_sign: true\n"))
    assert_errors(project, capsys,
                  "content/patient-info/pump.yaml:21:15: when_to_call: missing warning signs for every patient-facing sign (every_sign: true): pump-wet")


@pytest.mark.parametrize("text", ["Ring 112.", "Ring 1177 Vårdguiden.", "Ring 010-XXX XX XX (fylls i av regionen).",
                                  "Version 2026-01-13 och NRS 0-10 och 585 patienter och 200 mg.",
                                  "Vecka 39 år 2023 och 4 300 siffror.", "Punkt 7-8 och 17-19 gäller inte."])
def test_numbers_that_are_not_phone_numbers_pass(project: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    write(project, PM_FILE, with_step(PM, edit(UNSOURCED_STEP, "sv: Lägg om förbandet.", f"sv: Lägg om förbandet. {text}")))
    assert run(project, capsys) == (0, [])


# --- The release gate: an approved document needs every marked statement signed off ---

APPROVED_PM = with_step(edit(PM, DRAFT_META.rstrip(), APPROVED_META.rstrip()))


def test_release_fails_on_an_unreviewed_statement_in_an_approved_document(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signed = edit(SIGNS, "  changelog:", "  reviews:\n    - {role: {sv: Granskare, en: Reviewer}, date: 2026-02-01, statements: [fever]}\n  changelog:")
    write(project, SIGNS_FILE, signed)
    write(project, PM_FILE, APPROVED_PM)
    assert run(project, capsys, "--today", "2026-06-01") == (0, [])
    code, lines = run(project, capsys, "--release", "--today", "2026-06-01")
    assert code == 1
    assert "content/pm/dressing.yaml:29:12: steps[1].basis: 'DRESS-2' (general-knowledge) has no clinical sign-off; " \
           "an approved document cannot be released until meta.reviews names it" in lines


def test_release_passes_once_a_reviewer_signed_it_off(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signed = edit(SIGNS, "  changelog:", "  reviews:\n    - {role: {sv: Granskare, en: Reviewer}, date: 2026-02-01, statements: [fever]}\n  changelog:")
    write(project, SIGNS_FILE, signed)
    pm = edit(APPROVED_PM, "  changelog:", "  reviews:\n    - {role: {sv: Granskare, en: Reviewer}, date: 2026-01-10, statements: [DRESS-2]}\n  changelog:")
    write(project, PM_FILE, pm)
    code, lines = run(project, capsys, "--release", "--today", "2026-06-01")
    assert not [line for line in lines if "sign-off" in line], lines


def test_release_fails_when_an_approved_pm_shows_an_unreviewed_sign(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pm = edit(APPROVED_PM, "  changelog:", "  reviews:\n    - {role: {sv: Granskare, en: Reviewer}, date: 2026-01-10, statements: [DRESS-2]}\n  changelog:")
    write(project, PM_FILE, pm)
    code, lines = run(project, capsys, "--release", "--today", "2026-06-01")
    assert code == 1
    assert [line for line in lines if "sign-off" in line] == [
        "content/pm/dressing.yaml:33:17: warning_signs[0]: warning sign 'fever' has no clinical sign-off in "
        "content/warning-signs.yaml; an approved document cannot show it in a release"]


def test_the_review_queue_places_each_statement_where_the_parser_does() -> None:
    """The queue finds lines by a text search (fast); it must agree with the
    position-tracking parser on every statement of the shipped content and the fixture."""
    from painguide.content import load_site
    from painguide.errors import Problems
    from painguide.kinds import KINDS
    from painguide.provenance import line_of, statements
    from tiny import FIXTURE, ROOT, LANGUAGES

    checked = 0
    for content in (ROOT / "content", FIXTURE):
        site = load_site(content, Problems(ROOT), LANGUAGES)
        for kind in KINDS:
            for item in site.of(kind.name):
                for found in statements(item.model):
                    if found.key is not None:
                        assert line_of(item.doc, found.key, found.loc) == item.doc.locate(found.loc)[0], (item.path.name, found.key)
                        checked += 1
    assert checked > 300
