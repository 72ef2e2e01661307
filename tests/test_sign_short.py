"""The signs in a few words (issue 20, part 3): every patient-facing sign has a short wording
of at most SHORT_WORDS words, and the catalogue's "always" statements say once what the
signs' actions share. Leaflets print the short lists and the always box instead of the
tables, so that a leaflet fits two A4 pages and the warning card one (the page counts are
pinned in tests/browser/test_leaflets_in_browser.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from minimal_tree import SIGNS, edit, write, write_tree
from painguide.content import load_site
from painguide.errors import Problems
from painguide.labels import load_labels
from painguide.model.signs import SHORT_WORDS
from painguide.render import Renderer
from test_bad_inputs import run
from tiny import LANGUAGES, ROOT

SHORT = "    short: {sv: Feber, en: Fever}\n"


def test_a_patient_sign_without_short_words_is_a_located_error(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    root = write_tree(tmp_path)
    write(root, "warning-signs.yaml", edit(SIGNS, SHORT, ""))
    code, lines = run(root, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert re.match(r"content/warning-signs\.yaml:\d+:5: signs\[0\]: a sign with a patient wording needs short:", lines[0]), lines


def test_a_long_short_wording_names_the_language_and_the_count(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    root = write_tree(tmp_path)
    long = " ".join(["ord"] * (SHORT_WORDS + 1))
    write(root, "warning-signs.yaml", edit(SIGNS, SHORT, f"    short: {{sv: {long}, en: Fever}}\n"))
    code, lines = run(root, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert re.match(rf"content/warning-signs\.yaml:\d+:\d+: signs\[0\]\.short: the short wording is a few words, at most {SHORT_WORDS}; "
                    rf"the 'sv' text has {SHORT_WORDS + 1}$", lines[0]), lines


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[str, str]]:
    problems = Problems(ROOT)
    site = load_site(ROOT / "content", problems, LANGUAGES)
    assert not problems, [str(p) for p in problems.errors]
    labels = load_labels(ROOT / "macros", problems, LANGUAGES)
    renderer = Renderer(site, ROOT / "macros", labels, dt.date(2026, 12, 6))
    return {lang: renderer.render(lang) for lang in ("sv", "en")}


def test_every_listed_sign_has_its_short_line_in_the_leaflet(pages: dict[str, dict[str, str]]) -> None:
    page = pages["sv"]["patient-info/the-internal-pump.md"]
    rows = re.findall(r'<tr data-sign="([^"]+)"', page)
    shorts = re.findall(r'<li data-short="([^"]+)"', page)
    assert rows and shorts == rows


def test_the_always_box_holds_only_what_the_leaflets_signs_are_about(pages: dict[str, dict[str, str]]) -> None:
    internal = re.findall(r'data-always="([^"]+)"', pages["sv"]["patient-info/the-internal-pump.md"])
    external = re.findall(r'data-always="([^"]+)"', pages["en"]["patient-info/living-with-an-external-pump.md"])
    assert internal == ["always-tell-112"]  # nothing to unplug or cover on an implanted pump
    assert external == ["always-hands-off-the-pump", "always-cover-never-reconnect", "always-tell-112"]
    assert "Bygger på vårdens erfarenhet" in pages["sv"]["patient-info/the-internal-pump.md"].split('class="pg-always"')[1].split("</div>")[0]


def test_staff_pages_keep_their_tables_without_short_lists(pages: dict[str, dict[str, str]]) -> None:
    page = pages["sv"]["pm/monitoring-at-home.md"]
    assert 'data-voice="staff"' in page and "data-short=" not in page and "pg-always" not in page
