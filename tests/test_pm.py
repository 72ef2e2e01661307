"""PMs and the care primitives: each defect is reported at its exact file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from minimal_tree import CONTACTS, PM, REGIONS, SIGNS, edit, write, write_tree
from test_bad_inputs import assert_errors, run

PM_FILE = "pm/dressing.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_tree(tmp_path)
    write(root, PM_FILE, PM)
    write(root, "regions.yaml", REGIONS + CONTACTS)
    return root


def test_a_valid_pm_and_a_placeholder_contact_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys) == (0, [])


ROLES = ("'home-care-nurse', 'home-care-assistant-nurse', 'palliative-nurse', 'responsible-physician', "
         "'on-call-physician', 'pain-unit-nurse', 'refill-unit', 'ward-nurse', 'mas', 'unit-manager' or 'patient-or-relative'")

CASES = [
    ("unknown-role", PM_FILE, edit(PM, "    role: home-care-nurse", "    role: nurse"),
     [f"content/pm/dressing.yaml:17:11: steps[0].role: 'nurse' is not allowed here; choose one of {ROLES}"]),
    ("bad-urgency", "warning-signs.yaml", edit(SIGNS, "urgency: urgent", "urgency: soon"),
     ["content/warning-signs.yaml:13:14: signs[0].urgency: 'soon' is not allowed here; choose one of 'emergency', 'urgent' or 'routine'"]),
    ("unknown-implements-id", PM_FILE, edit(PM, "implements: [R-X-1]", "implements: [R-X-9]"),
     ["content/pm/dressing.yaml:18:18: steps[0].implements[0]: unknown id 'R-X-9'; give the id of a recommendation, checklist, requirement point, list, table, PM step or warning sign; did you mean 'R-X-1'?"]),
    ("unknown-region", PM_FILE, edit(PM, "regions: [skane]", "regions: [skne]"),
     ["content/pm/dressing.yaml:12:11: regions[0]: unknown region 'skne'; known regions are skane"]),
    ("id-not-file-name", PM_FILE, edit(PM, "id: dressing", "id: dressings"),
     ["content/pm/dressing.yaml:1:5: id: id 'dressings' must match the file name 'dressing'"]),
    ("no-steps", PM_FILE, PM[: PM.index("steps:")] + "steps: []\n" + PM[PM.index("covers:"):],
     ["content/pm/dressing.yaml:15:8: steps: the list is empty; at least one entry is needed"]),
    ("real-looking-number-without-source", "regions.yaml",
     REGIONS + edit(CONTACTS, "        phone: null\n        placeholder: true\n", "        phone: 010-123 45 67\n"),
     ["content/regions.yaml:24:16: regions[0].contacts[0].phone: phone '010-123 45 67' has no source; "
      "a number must come from a source, otherwise write phone: null and placeholder: true"]),
    ("neither-number-nor-placeholder", "regions.yaml",
     REGIONS + edit(CONTACTS, "        placeholder: true\n", ""),
     ["content/regions.yaml:24:16: regions[0].contacts[0].phone: phone is missing; give the number with its source, "
      "or write placeholder: true until the region adds it"]),
    ("unknown-leaflet", PM_FILE, PM + "patient_info: [living-with-a-pump]\n",
     ["content/pm/dressing.yaml:25:16: patient_info[0]: unknown leaflet 'living-with-a-pump'; no content/patient-info/living-with-a-pump.yaml"]),
]


@pytest.mark.parametrize(("rel", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_pm_defect(project: Path, capsys: pytest.CaptureFixture[str], rel: str, text: str, expected: list[str]) -> None:
    write(project, rel, text)
    assert_errors(project, capsys, *expected)


def test_a_placeholder_number_fails_release(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(project, capsys, "--release")
    assert code == 1
    assert "content/regions.yaml:25:22: regions[0].contacts[0].placeholder: the phone number is still a placeholder; the region must add it before release" in lines
