"""Where statements come from, as a reader meets it: the review queue and a PM with marks
pass axe in both languages (WCAG 2.2 AA and best practice), and a PM printed to PDF keeps
its marks and citations on paper."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import Page

from sitecheck import AXE_TAGS_STRICT, add_axe, format_violations
from test_print import tool

MARKED = {
    "/review/": "sv", "/en/review/": "en",
    "/pm/cassette-change/": "sv", "/en/pm/cassette-change/": "en",
    "/patient-info/living-with-an-external-pump/": "sv", "/en/patient-info/living-with-an-external-pump/": "en",
    "/warning-signs/": "sv", "/en/warning-signs/": "en",
}
LABELS = {
    "sv": {"general-knowledge": "Allmän klinisk kunskap", "source": "Källa:"},
    "en": {"general-knowledge": "General clinical knowledge", "source": "Source:"},
}


@pytest.mark.parametrize("url", list(MARKED))
def test_marked_pages_have_no_axe_violations_including_best_practice(page: Page, url: str) -> None:
    page.goto(url)
    add_axe(page)  # not add_script_tag: an inline <script> the CSP blocks
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS_STRICT)
    violations = [{"page": url, **v} for v in result["violations"]]
    assert not violations, format_violations(violations)


# A marked sign row shows its own mark, or its group says once above the table what every row rests on.
UNMARKED_ROWS = """() => [...document.querySelectorAll('tr[data-basis]:not([data-basis=source])')].filter(tr => {
  if (tr.querySelector('.pg-basis')) return false;
  const note = tr.closest('.pg-table').previousElementSibling;
  return !(note && note.classList.contains('pg-group-basis')
           && note.querySelector('.pg-basis').dataset.basis === tr.dataset.basis);
}).map(tr => tr.dataset.sign)"""


@pytest.mark.parametrize("url", [u for u in MARKED if "/pm/" in u or "/patient-info/" in u])
def test_every_marked_statement_shows_its_basis_in_words(page: Page, url: str) -> None:
    page.goto(url)
    marks = page.locator(".pg-basis")
    assert marks.count() > 0, f"{url}: no basis marks"
    for i in range(marks.count()):
        mark = marks.nth(i)
        assert mark.is_visible(), f"{url}: mark {i} is hidden"
        assert mark.inner_text().strip(), f"{url}: mark {i} has no words (a colour or an icon alone is not enough)"
        assert mark.get_attribute("title") is None, f"{url}: a mark must not depend on a tooltip"
    assert page.evaluate(UNMARKED_ROWS) == [], f"{url}: marked signs whose basis is not shown"


@pytest.mark.parametrize("url", ["/pm/cassette-change/", "/en/pm/cassette-change/"])
def test_a_printed_pm_keeps_its_marks_and_citations(page: Page, url: str, tmp_path) -> None:  # noqa: ANN001
    lang = MARKED[url]
    page.goto(url)
    steps = page.locator(".pg-steps > ol > li")
    assert steps.count() >= 10
    for i in range(steps.count()):
        assert steps.nth(i).locator("[data-basis]").count() >= 1, f"{url}: step {i + 1} shows no basis"
    pdf = tmp_path / "pm.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run([tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert LABELS[lang]["general-knowledge"] in flat
    assert LABELS[lang]["source"] in flat
    marked = page.locator(".pg-basis[data-basis=general-knowledge]").count()
    assert flat.count(LABELS[lang]["general-knowledge"]) >= marked, "every mark on the page is on paper too"
