"""Two languages, kept apart: <html lang>, a language switcher that keeps the reader on the
same page, and no interface text of the other language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from sitecheck import ROOT, lang_of

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


def ui_strings(lang: str) -> list[str]:
    labels = {x: yaml.safe_load((ROOT / "macros" / "labels" / f"{x}.yaml").read_text("utf-8")) for x in ("sv", "en")}
    strings = list(THEME_UI[lang])
    for key in CHROME_LABELS:
        mine, other = labels[lang][key], labels[OTHER[lang]][key]
        if mine != other:
            # "{x} av {n} punkter avbockade" → its longest fixed part, "punkter avbockade".
            strings.append(max(re.split(r"\{\w+\}", mine), key=len).strip())
    return strings


# Text that is interface, not content: header, tabs, sidebars, footer, search, our banners,
# document information, checklist controls and print furniture; and every attribute that
# is read out (aria-label, placeholder, title) except the headerlink's (see the xfail below).
CHROME_JS = """() => {
  const selectors = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top, .md-skip, " +
    ".admonition-title, .pg-meta dt, .pg-meta dd, .pg-docline, .pg-print-header, .pg-progress, .pg-actions, " +
    ".pg-storage-note, .pg-variants legend, .pg-tag, .pg-signature, .pg-group > p > em";
  const texts = [...document.querySelectorAll(selectors)].map(e => e.textContent);
  for (const e of document.querySelectorAll("[aria-label], [placeholder], [title], [data-label-progress], [data-label-reset-done]")) {
    if (e.classList.contains("headerlink")) continue;
    for (const a of ["aria-label", "placeholder", "title", "data-label-progress", "data-label-reset-done"])
      if (e.hasAttribute(a)) texts.push(e.getAttribute(a));
  }
  return texts.join("\\n");
}"""


@pytest.fixture(scope="module")
def page_facts(walker, pages: list[str]) -> dict[str, dict]:
    """One walk over the site: each page's <html lang>, switcher links and interface text."""
    facts = {}
    for url in pages:
        walker.goto(url)
        facts[url] = {
            "lang": walker.evaluate("document.documentElement.lang"),
            "switch": walker.eval_on_selector_all(
                ".md-header a.md-select__link[hreflang]",
                "links => Object.fromEntries(links.map(a => [a.hreflang, new URL(a.href).pathname]))",
            ),
            "chrome": walker.evaluate(CHROME_JS),
            "headerlink_titles": walker.eval_on_selector_all(".headerlink[title]", "els => els.map(e => e.title)"),
        }
    return facts


def test_html_lang_is_sv_under_root_and_en_under_en(page_facts: dict[str, dict]) -> None:
    wrong = [f"{url}: <html lang={f['lang']!r}>, expected {lang_of(url)!r}" for url, f in page_facts.items() if f["lang"] != lang_of(url)]
    assert not wrong, "\n".join(wrong)


def test_switcher_links_to_the_same_page_in_the_other_language(page_facts: dict[str, dict], site_dir: Path) -> None:
    wrong = []
    for url, facts in page_facts.items():
        other = OTHER[lang_of(url)]
        target = facts["switch"].get(other)
        if target != counterpart(url):
            wrong.append(f"{url}: the {other} link leads to {target}, expected {counterpart(url)}")
        elif not (site_dir / target.lstrip("/") / "index.html").is_file():
            wrong.append(f"{url}: the {other} link leads to {target}, which was not built")
        if not url.endswith("404.html") and facts["switch"].get(lang_of(url)) != url:
            wrong.append(f"{url}: the {lang_of(url)} link should be the page itself, not {facts['switch'].get(lang_of(url))}")
    assert not wrong, "\n".join(wrong)


def test_clicking_the_switcher_lands_on_the_same_page_in_the_other_language(
    browser, browser_context_args: dict, pages: list[str]
) -> None:
    """Material's script takes over clicks on links into an alternate language once it has
    that language's sitemap.xml, and (our sitemaps being empty) sends the reader to the
    other language's home page; which of the two sitemaps arrives first decides whether it
    does. Here the page's own sitemap never arrives, so every click meets the worst case."""
    context = browser.new_context(**browser_context_args)
    current = {"url": "/"}

    def hold_own_sitemap(route) -> None:  # noqa: ANN001
        own = "/en/sitemap.xml" if lang_of(current["url"]) == "en" else "/sitemap.xml"
        if urlsplit(route.request.url).path != own:
            route.continue_()  # the page's own sitemap is left unanswered

    context.route("**/sitemap.xml", hold_own_sitemap)
    page = context.new_page()
    wrong = []
    try:
        for url in pages:
            current["url"] = url
            other = OTHER[lang_of(url)]
            other_sitemap = "/en/sitemap.xml" if other == "en" else "/sitemap.xml"
            with page.expect_response(lambda r: urlsplit(r.url).path == other_sitemap) as response:
                page.goto(url)
            response.value.finished()
            page.wait_for_timeout(50)  # Material files the sitemap away asynchronously
            page.locator(".md-header .md-select").hover()
            with page.expect_navigation():
                page.locator(f".md-header a.md-select__link[hreflang={other}]").click()
            landed = page.evaluate("location.pathname")
            lang = page.evaluate("document.documentElement.lang")
            if landed != counterpart(url) or lang != other:
                wrong.append(f"{url}: clicking {other} landed on {landed} (lang={lang}), expected {counterpart(url)}")
    finally:
        context.close()
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_no_interface_text_of_the_other_language(page_facts: dict[str, dict], lang: str) -> None:
    foreign = ui_strings(OTHER[lang])
    assert "Sök" in ui_strings("sv") and "Next" in ui_strings("en")  # the lists are not empty
    found = []
    for url, facts in page_facts.items():
        if lang_of(url) != lang:
            continue
        for s in foreign:
            if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", facts["chrome"]):
                found.append(f"{url}: {s!r}")
    assert not found, f"{OTHER[lang]} interface text on {lang} pages:\n" + "\n".join(found)


@pytest.mark.xfail(
    strict=True,
    reason="BUG outside tests/browser: mkdocs.yml sets toc.permalink_title 'Länk till det här avsnittet' and "
    "painguide/generate.py does not override it in mkdocs.en.yml, so every heading link on English pages has a "
    "Swedish title. Fix: set markdown_extensions toc.permalink_title per language in language_config().",
)
def test_heading_links_are_titled_in_the_page_language(page_facts: dict[str, dict]) -> None:
    wrong = sorted({f"{url}: {t!r}" for url, f in page_facts.items() if lang_of(url) == "en" for t in f["headerlink_titles"]
                    if t == "Länk till det här avsnittet"})
    assert not wrong, "Swedish heading-link titles on English pages:\n" + "\n".join(wrong)


@pytest.mark.xfail(
    strict=True,
    reason="BUG outside tests/browser: without site_url MkDocs gives en/404.html the base_url '/', so its logo, "
    "navigation, footer and 'English' links lead to the Swedish site. Fix in painguide/generate.py: give the "
    "English build a site_url ending in /en/ (or do not publish en/404.html).",
)
def test_english_404_page_links_stay_in_english(walker) -> None:
    walker.goto("/en/404.html")
    hrefs = walker.eval_on_selector_all(
        ".md-header a[href], .md-sidebar--primary a[href], .md-footer a[href]",
        "links => links.map(a => new URL(a.href)).filter(u => u.host === location.host).map(u => u.pathname)",
    )
    swedish = sorted({h for h in hrefs if not h.startswith("/en/")} - {"/"} | ({"/"} if "/en/" not in hrefs else set()))
    assert not swedish, f"/en/404.html links to Swedish pages: {swedish}"
