"""Two languages, kept apart: <html lang>, a language switcher that keeps the reader on the
same page, and no interface text of the other language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from sitecheck import ROOT, lang_of, one_page_of_each_kind

OTHER = {"sv": "en", "en": "sv"}


def counterpart(url: str) -> str:
    """The same page in the other language; a 404 page's counterpart is the other home page."""
    if url.endswith("404.html"):
        return "/" if lang_of(url) == "en" else "/en/"
    return url[len("/en"):] if lang_of(url) == "en" else "/en" + url


# -- what the interface may say ---------------------------------------------------------

# Material's own strings that show on our pages (partials/languages/{sv,en}.html), and
# those of our theme overrides (footer).
THEME_UI = {
    "sv": ["Sök", "Rensa", "Skriv sökord", "Föregående", "Nästa", "Innehållsförteckning", "Tillbaka till toppen",
           "Välj språk", "Gå till innehållet", "Sidhuvud", "Sidfot", "Tillgänglighetsredogörelse", "Skapad med"],
    "en": ["Search", "Clear", "Type to start searching", "Previous", "Next", "Table of contents", "Back to top",
           "Select language", "Skip to content", "Header", "Footer", "Accessibility statement", "Made with"],
}
# Our labels (macros/labels/<lang>.yaml) that appear in the page furniture around the content.
CHROME_LABELS = [
    "draft_title", "status_draft", "owner", "reviewer", "approver", "approved", "valid_until", "not_set", "part_of",
    "contents", "rule_all", "rule_any", "variant_legend", "variant_only", "progress", "reset", "reset_done",
    "storage_note", "print_checklist", "printed", "uncontrolled_copy", "signature", "name_clarification",
    "patient_note", "sources", "source",
]


def load_labels(lang: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / "macros" / "labels" / f"{lang}.yaml").read_text("utf-8"))


def ui_strings(lang: str) -> list[str]:
    labels = {x: load_labels(x) for x in ("sv", "en")}
    strings = list(THEME_UI[lang])
    for key in CHROME_LABELS:
        mine, other = labels[lang][key], labels[OTHER[lang]][key]
        if mine != other:
            # "{x} av {n} punkter avbockade" → its longest fixed part, "punkter avbockade".
            strings.append(max(re.split(r"\{\w+\}", mine), key=len).strip())
    return strings


def test_html_lang_is_sv_under_root_and_en_under_en(site_walk: dict[str, dict]) -> None:
    wrong = [f"{url}: <html lang={f['lang']!r}>, expected {lang_of(url)!r}" for url, f in site_walk.items() if f["lang"] != lang_of(url)]
    assert not wrong, "\n".join(wrong)


def test_switcher_links_to_the_same_page_in_the_other_language(site_walk: dict[str, dict], site_dir: Path) -> None:
    wrong = []
    for url, facts in site_walk.items():
        other = OTHER[lang_of(url)]
        switch = {link["hreflang"]: link["path"] for link in facts["switcher"]}
        target = switch.get(other)
        if target != counterpart(url):
            wrong.append(f"{url}: the {other} link leads to {target}, expected {counterpart(url)}")
        elif not (site_dir / target.lstrip("/") / "index.html").is_file():
            wrong.append(f"{url}: the {other} link leads to {target}, which was not built")
        if not url.endswith("404.html") and switch.get(lang_of(url)) != url:
            wrong.append(f"{url}: the {lang_of(url)} link should be the page itself, not {switch.get(lang_of(url))}")
    assert not wrong, "\n".join(wrong)


def test_clicking_the_switcher_lands_on_the_same_page_in_the_other_language(
    browser, browser_context_args: dict, pages: list[str], site_dir: Path
) -> None:
    """Every page's links were checked above; here a reader's click is, on one page of each
    kind. Material's script takes over clicks on links into another language once it has
    that language's sitemap.xml and, not finding the page there (our sitemaps are empty),
    goes to that language's home page. Whether it does depends on which of the two sitemaps
    arrives first, so here the page's own sitemap is held back until after the click."""
    context = browser.new_context(**browser_context_args, reduced_motion="reduce")
    current = {"url": "/"}
    held = []

    def sitemaps(route) -> None:  # noqa: ANN001
        path = urlsplit(route.request.url).path
        if path == ("/en/sitemap.xml" if lang_of(current["url"]) == "en" else "/sitemap.xml"):
            held.append(route)
        else:
            route.fulfill(status=200, content_type="application/xml", body=(site_dir / path.lstrip("/")).read_bytes())

    context.route("**/sitemap.xml", sitemaps)
    page = context.new_page()
    sample = one_page_of_each_kind(pages)
    assert len(sample) >= 16, sample
    wrong = []
    try:
        for url in sample:
            current["url"] = url
            other = OTHER[lang_of(url)]
            other_sitemap = "/en/sitemap.xml" if other == "en" else "/sitemap.xml"
            with page.expect_request_finished(lambda r: urlsplit(r.url).path == other_sitemap):
                page.goto(url, wait_until="domcontentloaded")
            page.wait_for_timeout(50)  # Material files the sitemap away asynchronously
            page.locator(".md-header .md-select").hover()
            with page.expect_navigation(wait_until="domcontentloaded"):
                page.locator(f".md-header a.md-select__link[hreflang={other}]").click()
            while held:
                held.pop().abort()
            landed = page.evaluate("location.pathname")
            lang = page.evaluate("document.documentElement.lang")
            if landed != counterpart(url) or lang != other:
                wrong.append(f"{url}: clicking {other} landed on {landed} (lang={lang}), expected {counterpart(url)}")
    finally:
        context.close()
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_no_interface_text_of_the_other_language(site_walk: dict[str, dict], lang: str) -> None:
    foreign = ui_strings(OTHER[lang])
    assert "Sök" in ui_strings("sv") and "Next" in ui_strings("en")  # the lists are not empty
    found = []
    for url, facts in site_walk.items():
        if lang_of(url) != lang:
            continue
        for s in foreign:
            if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", facts["chrome"]):
                found.append(f"{url}: {s!r}")
    assert not found, f"{OTHER[lang]} interface text on {lang} pages:\n" + "\n".join(found)


def test_heading_links_are_titled_in_the_page_language(site_walk: dict[str, dict]) -> None:
    title = {x: load_labels(x)["permalink_title"] for x in ("sv", "en")}
    assert title["sv"] != title["en"]
    wrong = sorted({f"{url}: {t!r}" for url, f in site_walk.items() for t in f["headerlink_titles"] if t != title[lang_of(url)]})
    assert not wrong, "heading links titled in the other language:\n" + "\n".join(wrong)
    assert any(f["headerlink_titles"] for f in site_walk.values()), "no heading links found at all"


def test_english_404_page_links_stay_in_english(walker) -> None:
    walker.goto("/en/404.html")
    hrefs = walker.eval_on_selector_all(
        ".md-header a[href]:not([hreflang=sv]), .md-sidebar--primary a[href], .md-footer a[href]",
        "links => links.map(a => new URL(a.href)).filter(u => u.host === location.host).map(u => u.pathname)",
    )
    swedish = sorted({h for h in hrefs if not h.startswith("/en/")})
    assert hrefs and not swedish, f"/en/404.html links to Swedish pages: {swedish}"
