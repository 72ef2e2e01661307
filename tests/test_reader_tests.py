"""Leaflets are tested with readers before approval (review F28): an approved leaflet needs a
test with patients or relatives on or before its approval date, and the editors' status page
says which leaflets have been tested."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from painguide import languages
from painguide.content import load_site
from painguide.errors import Problems
from painguide.labels import load_labels
from painguide.model.leaflet import Leaflet
from painguide.render import Renderer
from tiny import LANGUAGES, ROOT

SHIPPED = yaml.safe_load((ROOT / "content/patient-info/for-relatives.yaml").read_text(encoding="utf-8"))
TEST = {"date": "2027-01-20", "readers": 4, "group": {"sv": "Patient- och närståenderådet", "en": "The patient and relatives' council"},
        "findings": {"sv": "Rutan för numren var lätt att fylla i.", "en": "The box for the numbers was easy to fill in."}}


def approved(on: str, tests: list[dict]) -> dict:
    data = copy.deepcopy(SHIPPED)
    data["meta"].update(status="approved", approved=on, valid_until="2029-01-31", release_blocker=False,
                        reviewer={"sv": "Läkare, smärtenheten", "en": "Physician, pain unit"},
                        approver={"sv": "Arbetsgruppen", "en": "The working group"})
    data["reader_tests"] = tests
    return data


@pytest.mark.parametrize("tests", [[], [{**TEST, "date": "2027-02-02"}]], ids=["never tested", "tested after approval"])
def test_an_approved_leaflet_needs_a_reader_test_on_or_before_its_approval(tests: list[dict]) -> None:
    with languages.using(LANGUAGES), pytest.raises(ValidationError, match="an approved leaflet needs reader_tests"):
        Leaflet.model_validate(approved("2027-02-01", tests))


def test_a_leaflet_tested_before_approval_passes_and_a_draft_needs_no_test() -> None:
    with languages.using(LANGUAGES):
        leaflet = Leaflet.model_validate(approved("2027-02-01", [TEST]))
        assert leaflet.reader_tests[0].readers == 4
        assert Leaflet.model_validate(SHIPPED).reader_tests == []


def test_the_status_page_says_which_leaflets_have_been_tested() -> None:
    problems = Problems(ROOT)
    site = load_site(ROOT / "content", problems, LANGUAGES)
    assert not problems, [str(p) for p in problems.errors]
    labels = load_labels(ROOT / "macros", problems, LANGUAGES)

    def status_page() -> str:
        return Renderer(site, ROOT / "macros", labels, dt.date(2026, 12, 6)).render("sv")["patient-info/status.md"]

    page = status_page()  # the shipped leaflets are untested drafts, and the page says so
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert len(rows) == len(site.of("patient-info")) and all(row.endswith("| inte testad ännu |") for row in rows), rows
    assert 'id="reader-tests"' not in page

    with languages.using(LANGUAGES):
        test = Leaflet.model_validate(approved("2027-02-01", [TEST])).reader_tests[0]
    next(x for x in site.of("patient-info") if x.model.id == "for-relatives").model.reader_tests.append(test)
    page = status_page()
    row = next(line for line in page.splitlines() if line.startswith("| [För dig som är närstående]"))
    assert row.endswith("| 2027-01-20, 4 läsare |"), row
    assert '<h2 id="reader-tests">Testad med läsare</h2>' in page
    assert "- 2027-01-20 · 4 läsare · Patient- och närståenderådet: Rutan för numren var lätt att fylla i." in page
