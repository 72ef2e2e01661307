"""Phone numbers are safety facts, written once in regions.yaml with their source (newcomer
review, friction point 1): a number in any text (checks.py) or a tel: link to anything but
112 or 1177 (safetext.py) is a located error; dates, versions and statutes are not numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minimal_tree import edit, write, write_tree
from painguide.safetext import check_markdown
from test_bad_inputs import run
from test_leaflets import LEAFLET, LEAFLET_FILE


@pytest.mark.parametrize("text", ["Ring [jourlinjen](tel:040-1234567).", "[x](tel:0701234567)", "[x](tel:+46401234567)"])
def test_a_tel_link_to_a_number_other_than_112_or_1177_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="phone numbers come only from content/regions.yaml"):
        check_markdown(text)


@pytest.mark.parametrize("text", ["Ring [112](tel:112).", "Ring [1177](tel:1177).", "Version 0.10, 2026-12-06.",
                                  "Patientlag (SFS 2014:821) och HSLF-FS 2017:37.", "0,5 mg eller 0.5 ml/h", "001_3d4efd83bd9ebb97.txt"])
def test_emergency_numbers_dates_and_statutes_pass(text: str) -> None:
    assert check_markdown(text) == text


def test_the_error_names_the_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_tree(tmp_path)
    intro = re.search(r"^intro:.*\n(?:  .*\n)*", LEAFLET, re.M).group(0)
    write(root, LEAFLET_FILE, edit(LEAFLET, intro, intro.replace("sv: ", "sv: Ring 040-123 45 67. ", 1)))
    code, lines = run(root, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"content/{LEAFLET_FILE}:") and "'040-123 45 67' looks like a phone number" in lines[0], lines
