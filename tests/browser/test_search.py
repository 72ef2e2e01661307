"""Search, typed into the search box of a real page: per language, and forgiving of word
forms ("pumpar" finds "pump", "smärtan" finds "smärta")."""

from __future__ import annotations

import pytest

from sitecheck import search

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
    [("/", "pumpar", "pump"), ("/", "smärtan", "smärta"), ("/", "patienterna", "patient"), ("/en/", "pumps", "pump")],
)
def test_search_finds_the_base_form_of_an_inflected_word(page, start: str, query: str, base_form: str) -> None:
    """The last word typed is stemmed before Material makes it a prefix (our search worker
    wrapper, docs/overrides/assets/javascripts/workers/search-stemmed.js)."""
    found = search(page, start, query)
    assert base_form in found["words"], f"searching {query!r} on {start} highlighted only {found['words']}"


@pytest.mark.parametrize(
    ("query", "forms"), [("pump", {"pumpar", "pumpen", "pumphaveri"}), ("smärta", {"smärtbehandling", "smärtlindring"})]
)
def test_search_still_finds_longer_forms_and_compounds(page, query: str, forms: set[str]) -> None:
    found = search(page, "/", query)
    assert forms <= set(found["words"]), f"searching {query!r} highlighted only {found['words']}"


@pytest.mark.parametrize(("start", "name"), [("/", "Sök"), ("/en/", "Search")])
def test_the_search_dialog_has_a_name(page, start: str, name: str) -> None:
    """Material leaves its search dialog unnamed (Lighthouse, aria-dialog-name)."""
    page.goto(start)
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == name
