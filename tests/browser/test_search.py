"""Search, typed into the search box of a real page: per language, and forgiving of Swedish
word forms."""

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


@pytest.mark.parametrize(("query", "forms"), [("pump", {"pumpar", "pumpen"}), ("smärta", {"smärtan", "smärtans"})])
def test_swedish_search_finds_longer_forms_of_a_word(page, query: str, forms: set[str]) -> None:
    """What Material's search does today: the last word typed is a prefix."""
    found = search(page, "/", query)
    assert forms <= set(found["words"]), f"searching {query!r} highlighted only {found['words']}"


@pytest.mark.xfail(
    strict=True,
    reason="NOT MET: Material's search does not stem Swedish queries. Its default pipeline for every language "
    "is only stopWordFilter (partials/languages/en.html), and adding 'stemmer' to the search plugin's pipeline "
    "makes things worse: Material appends '*' to the last word and lunr skips the pipeline for wildcard terms, so "
    "the query stays unstemmed while the index is stemmed ('pumpar' then finds nothing). A fix needs the query "
    "stemmed before the wildcard (a wrapper around Material's search worker). Even then the Snowball stemmer keeps "
    "'smärtan' as it is (it does not strip -an), so 'smärtan' cannot find 'smärta' without a dictionary.",
)
@pytest.mark.parametrize(("query", "base_form"), [("pumpar", "pump"), ("smärtan", "smärta")])
def test_swedish_search_finds_the_base_form_of_an_inflected_word(page, query: str, base_form: str) -> None:
    found = search(page, "/", query)
    assert base_form in found["words"], f"searching {query!r} highlighted only {found['words']} on {found['paths']}"
