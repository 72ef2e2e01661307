"""Search, typed into Pagefind's search dialog from the header of a real page: per language,
forgiving of word forms ("pumpar" finds "pump", "smärtan" finds "smärta"), each result with
its document kind and draft mark, and never a page kept out of search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sitecheck import format_violations, open_search, run_axe, search


@pytest.mark.parametrize(
    ("start", "query"),
    [("/", "Skåne"), ("/en/", "Skåne"), ("/", "pump"), ("/en/", "pump"), ("/regions/", "morfin"), ("/en/regions/", "morphine")],
)
def test_search_returns_only_pages_of_the_page_language(page, start: str, query: str) -> None:
    found = search(page, start, query)
    assert found["paths"], f"searching {query!r} on {start} found nothing ({found['count']})"
    if start.startswith("/en/"):
        wrong = [p for p in found["paths"] if not p.startswith("/en/")]
    else:
        wrong = [p for p in found["paths"] if p.startswith("/en/")]
    assert not wrong, f"searching {query!r} on {start} found pages of the other language: {wrong}"


@pytest.mark.parametrize(
    ("start", "query", "base_form"),
    [("/", "pumpar", "pump"), ("/", "patienterna", "patient"), ("/en/", "pumps", "pump")],
)
def test_search_finds_the_base_form_of_an_inflected_word(page, start: str, query: str, base_form: str) -> None:
    """Pagefind stems the query and the pages alike, by the page's <html lang>."""
    found = search(page, start, query)
    assert base_form in found["words"], f"searching {query!r} on {start} highlighted only {found['words']}"


def _article_words(site_dir: Path, path: str) -> set[str]:
    html = (site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
    article = html[html.index("data-pagefind-body"):html.index("</article>")]
    article = re.sub(r'<div class="pg-search-meta"[^>]*>', " ", article)
    return {w.lower() for w in re.findall(r"[^\W\d_]+", re.sub(r"<[^>]+>", " ", article))}


def test_a_definite_form_finds_the_pages_that_say_only_the_word(page, site_dir: Path) -> None:
    """Swedish Snowball leaves "smärtan" alone; the pages list such forms of their own words
    (languages.yaml search_forms, painguide/search.py), so it still finds "smärta"."""
    found = search(page, "/", "smärtan")
    only_base = [p for p in found["paths"] if "smärta" in (words := _article_words(site_dir, p))
                 and not any(w.startswith("smärtan") for w in words)]
    assert only_base, f"'smärtan' found no page that says only 'smärta': {found['paths']}"


@pytest.mark.parametrize(
    ("query", "forms"), [("pump", {"pumpar", "pumpen", "pumphaveri"}), ("smärta", {"smärtbehandling", "smärtlindring"})]
)
def test_search_still_finds_longer_forms_and_compounds(page, query: str, forms: set[str]) -> None:
    found = search(page, "/", query)
    assert forms <= set(found["words"]), f"searching {query!r} highlighted only {found['words']}"


@pytest.mark.parametrize(
    ("start", "query", "path", "kind", "draft"),
    [("/", "pumplarm", "/pm/pump-alarm/", "PM", "Utkast"), ("/en/", "pump alarm", "/en/pm/pump-alarm/", "PM", "Draft"),
     ("/", "närstående", "/patient-info/for-relatives/", "Patientinformation", "Utkast"),
     ("/en/", "relatives", "/en/patient-info/for-relatives/", "Patient information", "Draft")],
)
def test_each_result_shows_its_kind_and_draft_in_the_page_language(page, start: str, query: str, path: str, kind: str, draft: str) -> None:
    found = search(page, start, query)
    result = next((r for r in found["results"] if r["path"] == path), None)
    assert result, f"searching {query!r} on {start} did not find {path}: {found['paths']}"
    assert (result["kind"], result["draft"]) == (kind, draft), result
    # A page that is no document has no kind to show.
    assert all(r["kind"] is None for r in found["results"] if r["path"] in ("/", "/en/", "/glossary/", "/en/glossary/"))


@pytest.mark.parametrize(("start", "queries"), [("/", ["paket", "granskning", "LIX", "pump"]), ("/en/", ["packet", "review", "LIX", "pump"])])
def test_packets_the_review_queue_and_the_status_page_are_never_found(page, start: str, queries: list[str]) -> None:
    kept_out = re.compile(r"/(regions/[^/]+/packet|review|patient-info/status)/$")
    for query in queries:
        found = search(page, start, query)
        assert not [p for p in found["paths"] if kept_out.search(p)], f"{query!r} on {start}: {found['paths']}"


def test_there_is_no_lunr_index(site_dir: Path) -> None:
    assert not list(site_dir.rglob("search_index.json"))
    assert (site_dir / "pagefind" / "pagefind-entry.json").is_file() and (site_dir / "en" / "pagefind" / "pagefind-entry.json").is_file()


@pytest.mark.parametrize(("start", "name"), [("/", "sök"), ("/en/", "search")])
def test_the_search_button_and_dialog_have_names_in_the_page_language(page, start: str, name: str) -> None:
    page.goto(start)
    button = page.locator("pagefind-modal-trigger button")
    expect(button).to_have_attribute("aria-haspopup", "dialog")
    assert (button.get_attribute("aria-label") or "").lower() == name
    open_search(page, start)
    dialog = page.locator("pagefind-modal dialog[open]")
    assert (dialog.get_attribute("aria-label") or "").lower() == name
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(button).to_be_focused()  # focus goes back to the button


@pytest.mark.parametrize(("start", "query"), [("/", "pumpar"), ("/en/", "pumps")])
def test_the_open_results_meet_wcag_aa(page, start: str, query: str) -> None:
    search(page, start, query)
    page.keyboard.press("ArrowDown")  # into the results, as a keyboard user goes
    expect(page.locator("pagefind-results a:focus")).to_have_count(1)
    violations = [{"page": f"{start} (searching {query!r})", **v} for v in run_axe(page)]
    assert not violations, format_violations(violations)
