"""Checkers for a built painguide site, shared by the browser tests and the defect tests.

Every checker is a plain function that returns a list of problems, each naming the page
it was found on, so the same code proves the real site clean and a damaged copy dirty.

    site_pages(site_dir)              every page: each index.html and 404.html, as URL paths
    serve(site_dir)                   a local HTTP server for a folder (context manager), sending
                                      the site's Content-Security-Policy on every response
    watch_csp(context, log)           record every CSP violation of a browser context's pages
    axe_violations(page, url)         axe-core, WCAG 2.0/2.1 A and AA
    third_party_requests(page, url)   requests to any host other than the local server
    vnu_errors(site_dir)              Nu HTML Checker errors
    broken_links(site_dir)            broken links and anchors, from the files

and helpers for the browser tests: one_page_of_each_kind(pages), page_facts(page) (what a
loaded page says: <html lang>, interface text, switcher and footer links) and
search(page, start, query) (type into Pagefind's search dialog, read the results).
"""

from __future__ import annotations

import contextlib
import functools
import html.parser
import http.server
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from painguide.serving import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# WCAG 2.2 AA (target size among others) and axe's best-practice rules: every page passes
# them as built and at 320 px (test_accessibility.py).
AXE_TAGS_STRICT = AXE_TAGS + ["wcag22aa", "best-practice"]

# The one documented false positive of Material for MkDocs (TOOLCHAIN.md): its toggle
# checkboxes carry autocomplete="off". Filtered by this exact message and nothing broader.
VNU_FALSE_POSITIVE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
    "“search”, “tel”, “text”, “time”, “url”, or “week”."
)


def install_hint(what: str) -> str:
    return f"{what} is missing: run `sh tests/browser/install-deps.sh` (or `make browser-deps`)."


# -- the pages ------------------------------------------------------------------------


def site_pages(site_dir: Path) -> list[str]:
    """Every built page as a URL path: /…/ for each index.html, and each 404.html."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if path.name == "index.html":
            pages.append("/" + rel[: -len("index.html")])
        elif path.name == "404.html":
            pages.append("/" + rel)
    return pages


def lang_of(url_path: str) -> str:
    return "en" if url_path.startswith("/en/") else "sv"


def one_page_of_each_kind(pages: list[str]) -> list[str]:
    """Per language: the home page, the 404 page, and the first page at each depth of each
    section (a section's index, a chapter, a checklist, a region, the glossary, ...)."""
    kinds: dict[tuple, str] = {}
    for url in pages:
        parts = [p for p in (url[len("/en"):] if lang_of(url) == "en" else url).split("/") if p]
        kinds.setdefault((lang_of(url), tuple(parts[:1]), len(parts)), url)
    return sorted(kinds.values())


# -- the server -----------------------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as the README says a web server should: with the site's
    Content-Security-Policy on every response (pages, assets, errors). policy=None sends none."""

    policy: str | None = CONTENT_SECURITY_POLICY

    def end_headers(self) -> None:
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        # A browser that navigates away mid-download closes the connection: not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site_dir: Path, policy: str | None = CONTENT_SECURITY_POLICY) -> Iterator[str]:
    """Serve site_dir on 127.0.0.1 (a free port) from a daemon thread; yields the base URL.
    Every response carries the Content-Security-Policy `policy` (None: no such header)."""
    handler = functools.partial(type("Handler", (SiteHandler,), {"policy": policy}), directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"serve {site_dir}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# -- Content-Security-Policy ----------------------------------------------------------

# Injected into every page of a watched context before the page's own scripts (by
# Playwright, so it is not an inline script of the page and the policy does not apply to it).
# Each violation goes to the test through a binding; a violation in the page's workers shows
# in the console instead, which is watched too.
CSP_RECORDER_JS = """(() => {
  if (window.__pgCspWatching) return;
  window.__pgCspWatching = true;
  window.addEventListener("securitypolicyviolation", (e) => {
    const report = {
      page: location.href, directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, column: e.columnNumber,
      sample: e.sample, disposition: e.disposition,
    };
    if (typeof window.__pgCspViolation === "function") window.__pgCspViolation(report);
    else console.error("Content Security Policy violation (unreported): " + JSON.stringify(report));
  }, true);
})();"""


def watch_csp(context, log: list[dict]) -> None:  # noqa: ANN001 - a playwright BrowserContext
    """Append every CSP violation in the context's pages to log: the page's
    securitypolicyviolation events, and console messages that mention the policy."""

    def violation(source, report: dict) -> None:  # noqa: ANN001
        log.append({"how": "event", **report})

    def console(message) -> None:  # noqa: ANN001
        if "content security policy" not in message.text.lower():
            return
        where = message.location or {}
        page = message.page.url if message.page else ""
        log.append({"how": "console", "page": page, "text": message.text,
                    "source": where.get("url", ""), "line": where.get("lineNumber", 0), "column": where.get("columnNumber", 0)})

    context.expose_binding("__pgCspViolation", violation)
    context.add_init_script(script=CSP_RECORDER_JS)
    context.on("console", console)


def format_csp(violations: list[dict]) -> str:
    lines = [f"{len(violations)} Content-Security-Policy violation(s):"]
    for v in violations:
        at = f"{v.get('source') or '?'}:{v.get('line') or 0}:{v.get('column') or 0}"
        if v["how"] == "event":
            sample = f" sample {v['sample']!r}" if v.get("sample") else ""
            lines.append(f"- {v['page']}: {v['directive']} blocked {v.get('blocked') or '?'!r} at {at}{sample}")
        else:
            lines.append(f"- {v['page']}: console at {at}: {v['text']}")
    return "\n".join(lines)


# -- accessibility --------------------------------------------------------------------


def add_axe(page) -> None:  # noqa: ANN001 - a playwright Page
    """Put axe-core into the loaded page. Not with add_script_tag, which inserts an inline
    <script> that the site's Content-Security-Policy blocks; Playwright's own evaluation
    is not subject to the page's policy."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8") + "\n;undefined"


def run_axe(page, tags: list[str] = AXE_TAGS) -> list[dict]:  # noqa: ANN001 - a playwright Page
    """axe-core on the page as it is now (no navigation). Returns raw violations."""
    add_axe(page)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")),
                html: v.nodes.map(n => n.html.slice(0, 160)),
            }));
        }""",
        tags,
    )


def axe_violations(page, url: str, label: str | None = None, tags: list[str] = AXE_TAGS) -> list[dict]:  # noqa: ANN001
    """Load url and run axe-core; each violation names its page (label, or the URL path)."""
    page.goto(url)
    where = label or urlsplit(page.url).path
    return [{"page": where, **v} for v in run_axe(page, tags)]


def format_violations(violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe-core violation(s):"]
    for v in violations:
        lines.append(f"- {v.get('page', 'this page')}: {v['id']} ({v['impact']}): {v['help']}")
        for target, html in zip(v["targets"], v["html"]):
            lines.append(f"    at {target}   {html}")
    return "\n".join(lines)


# -- privacy --------------------------------------------------------------------------


def third_party_requests(page, url: str, allowed_host: str = "127.0.0.1") -> list[str]:  # noqa: ANN001
    """Load url (and wait until the network is idle); every request to another host, as
    "<page>: <request URL>". Requests from workers of the page count too."""
    seen: list[str] = []

    def record(request) -> None:  # noqa: ANN001
        seen.append(request.url)

    page.context.on("request", record)
    try:
        page.goto(url, wait_until="networkidle")
    finally:
        page.context.remove_listener("request", record)
    where = urlsplit(page.url).path
    return [
        f"{where}: {req}"
        for req in seen
        if urlsplit(req).scheme not in ("data", "blob", "about") and urlsplit(req).hostname != allowed_host
    ]


# -- what a page shows ----------------------------------------------------------------

# Interface text, not content: header, tabs, sidebars, footer, search, our banners,
# document information, checklist controls and print furniture; and every attribute that
# is read out (aria-label, placeholder, title), except the heading links' titles, which
# are collected on their own.
PAGE_FACTS_JS = """() => {
  const selectors = ".md-header, .md-tabs, .md-sidebar, .md-footer, .pg-search, .md-top, .md-skip, " +
    ".admonition-title, .pg-meta dt, .pg-meta dd, .pg-docline, .pg-print-header, .pg-progress, .pg-actions, " +
    ".pg-storage-note, .pg-variants legend, .pg-tag, .pg-signature, .pg-group > p > em";
  const chrome = [...document.querySelectorAll(selectors)].map(e => e.textContent);
  const attributes = ["aria-label", "placeholder", "title", "data-label-progress", "data-label-reset-done"];
  for (const e of document.querySelectorAll(attributes.map(a => `[${a}]`).join(", "))) {
    if (e.classList.contains("headerlink")) continue;
    for (const a of attributes) if (e.hasAttribute(a)) chrome.push(e.getAttribute(a));
  }
  const links = (selector) => [...document.querySelectorAll(selector)].map(a => ({
    text: a.textContent.trim(), hreflang: a.hreflang, path: new URL(a.href).pathname}));
  return {
    lang: document.documentElement.lang,
    chrome: chrome.join("\\n"),
    headerlink_titles: [...document.querySelectorAll(".headerlink[title]")].map(e => e.title),
    switcher: links(".md-header a.md-select__link[hreflang]"),
    footer: links(".md-footer .md-copyright a"),
  };
}"""


def page_facts(page) -> dict:  # noqa: ANN001
    """What the loaded page says about itself: <html lang>, interface text, language
    switcher and footer links."""
    return page.evaluate(PAGE_FACTS_JS)


SEARCH_RESULTS_JS = """() => [...document.querySelectorAll("pagefind-results li.pf-result:not([aria-hidden])")].map(li => ({
  path: new URL(li.querySelector(".pf-result-link").href).pathname,
  title: li.querySelector(".pf-result-link").textContent,
  kind: (li.querySelector(".pg-search-kind__name") || {}).textContent || null,
  draft: (li.querySelector(".pg-search-kind__draft") || {}).textContent || null,
}))"""


SCROLL_TO_WAITING_JS = """() => {
  const waiting = document.querySelectorAll("pagefind-results li.pf-result[aria-hidden]");
  if (waiting.length) waiting[0].scrollIntoView({block: "end"});
  return waiting.length;
}"""


def open_search(page, start: str):  # noqa: ANN001, ANN201
    """Open the search dialog from the header's search button on page start; its search field."""
    from playwright.sync_api import expect

    page.goto(start)
    page.locator("pagefind-modal-trigger button").click()
    box = page.locator("pagefind-modal dialog[open] input[type=search]")
    expect(box).to_be_focused()
    return box


def search(page, start: str, query: str) -> dict:  # noqa: ANN001
    """Search for query from the header's search button on page start (Pagefind's dialog);
    the result paths, the highlighted words and each result's title, kind and draft mark."""
    from playwright.sync_api import expect

    box = open_search(page, start)
    # The whole query goes in at once (as when pasting), so no results for a part of it
    # ("pump" while typing "pumpar") can be mistaken for the results.
    box.fill(query)
    summary = page.locator("pagefind-modal pagefind-summary")
    expect(summary).to_contain_text(query, timeout=15_000)
    # "Söker efter pumpar..." / "Searching for pumps..." while it searches; then the count.
    expect(summary).not_to_have_text(re.compile(r"(\.\.\.|…)\s*$"), timeout=15_000)
    expect(page.locator("pagefind-modal ul.pf-results")).to_have_attribute("aria-busy", "false")
    # Pagefind loads a result's page data as it scrolls into view: scroll until every
    # result is loaded, so that what is found does not depend on how many rank higher.
    left = 0
    for _ in range(200):
        left = page.evaluate(SCROLL_TO_WAITING_JS)
        if not left:
            break
        page.wait_for_timeout(100)
    assert not left, f"searching {query!r} on {start}: {left} results never loaded"
    results = page.evaluate(SEARCH_RESULTS_JS)
    marks = page.eval_on_selector_all("pagefind-results mark", "marks => marks.map(m => m.textContent)")
    return {
        "count": summary.inner_text(),
        "paths": sorted({r["path"] for r in results}),
        "words": sorted({re.sub(r"\W+$", "", m).lower() for m in marks}),
        "results": results,
    }


# -- HTML validity --------------------------------------------------------------------


def vnu_errors(site_dir: Path) -> list[str]:
    """Nu HTML Checker errors in every HTML file, as "<file>:<line>: <message>"."""
    java = shutil.which("java")
    assert java, install_hint("Java")
    assert VNU_JAR.is_file(), install_hint(str(VNU_JAR.relative_to(ROOT)))
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "gnu",
         "--filterpattern", re.escape(VNU_FALSE_POSITIVE), str(site_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = []
    for line in (proc.stdout + proc.stderr).splitlines():
        if not line.strip():
            continue
        errors.append(_site_relative(line, site_dir))
    assert errors or proc.returncode == 0, f"vnu failed without reporting an error:\n{proc.stderr}"
    return errors


def _site_relative(line: str, site_dir: Path) -> str:
    for prefix in (f'"file:{site_dir.resolve()}/', f'"file:{site_dir}/', f"file:{site_dir}/", f'"{site_dir}/'):
        if line.startswith(prefix):
            return "/" + line[len(prefix):].replace('":', ":", 1)
    return line


# -- links ----------------------------------------------------------------------------

# Each page is read once; every link and anchor is checked against the files. linkchecker
# did the same by crawling, but it fetches and parses a page again for every distinct
# "#anchor" pointing at it, which took over ten minutes once the site reached 130 pages.
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        link = values.get(LINK_ATTRS.get(tag, ""))
        if link:
            self.links.append(link)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site_dir: Path, path: str) -> Path | None:
    """The file a local URL path is served from, as the test server serves it."""
    file = site_dir / unquote(path).lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def broken_links(site_dir: Path, pages: list[str] | None = None) -> list[str]:
    """Broken links and anchors on every page (or on the given URL paths), each as
    "<page>: <link>: <why>". Links to other hosts are the privacy test's business."""
    parsed: dict[Path, _Links] = {}

    def parse(file: Path) -> _Links:
        if file not in parsed:
            parsed[file] = _parse(file)
        return parsed[file]

    problems = []
    for page in pages or site_pages(site_dir):
        source = _target(site_dir, page)
        assert source, f"{page}: no such page in {site_dir}"
        for link in parse(source).links:
            url = urlsplit(urljoin("http://local" + page, link))
            if url.scheme not in ("http", "https") or url.netloc != "local":
                continue
            target = _target(site_dir, url.path)
            if target is None:
                problems.append(f"{page}: {link}: 404 Not Found ({url.path})")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in parse(target).ids:
                problems.append(f"{page}: {link}: anchor #{unquote(url.fragment)} not found on {url.path}")
    return problems
