"""Pagefind search over the Zensical build (`make zensical`, tests/conftest.py's
`zensical_site`): "pumpar" on the Swedish side finds the pump pages, stemmed, and only
Swedish pages. Through Pagefind's own JS API, as the page loads it, on a server of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitecheck import serve

SEARCH_JS = """async (query) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  const pages = await Promise.all(search.results.map(r => r.data()));
  return {lang: document.documentElement.lang,
          pages: pages.map(p => ({url: p.url, excerpt: p.excerpt, lang: p.language || null}))};
}"""


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site) as url:
        yield url


def test_pumpar_finds_the_pump_pages_in_swedish_only(page, zensical_url: str) -> None:  # noqa: ANN001 - playwright Page
    page.goto(zensical_url)
    found = page.evaluate(SEARCH_JS, "pumpar")
    assert found["lang"] == "sv"
    urls = [p["url"] for p in found["pages"]]
    assert "/pm/pump-alarm/" in urls, f"'pumpar' did not find the pump alarm PM: {urls}"
    assert not [u for u in urls if u.startswith("/en/")], f"English pages in Swedish results: {urls}"
    # Stemmed: the hits highlight other forms of the word than the one typed.
    marked = {m.lower() for p in found["pages"] for m in re.findall(r"<mark>(\w+)</mark>", p["excerpt"])}
    assert marked - {"pumpar"}, f"only the typed form was found: {marked}"
    for url in urls:  # and each hit is a page of the Swedish build
        assert (page.request.get(zensical_url.rstrip("/") + url)).ok, url
