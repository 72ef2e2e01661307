"""The site under its Content-Security-Policy (painguide/serving.py, README "Serving the site").

Every browser test already fails on a violation (conftest.py's no_csp_violations). Here:
the server really sends the policy; the built site carries no inline script, handler or
javascript: URL; one page of every kind in both languages loads and its scripts work
(ticking, answering, sorting, listening, the offline copy, the language switch) with no
violation; and a page with an inline script is caught, so none of this passes vacuously.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from painguide.serving import CONTENT_SECURITY_POLICY
from sitecheck import format_csp, lang_of
from test_leaflets_in_browser import fake_speech

# One page of every kind (painguide/kinds.py, pages.py), as a path under the language root.
HOME = ""
CHAPTER = "regional-recommendation/scope/"
PM = "pm/monitoring-at-home/"
CHECKLIST = "checklists/identification/"
LEAFLET = "patient-info/living-with-an-external-pump/"
WARNING_CARD = "patient-info/warning-signs/"
PATIENT_CARD = "patient-info/cards/my-pain-treatment/"
MODULE = "training/identifying-patients/"
COMPETENCE = "competence/nurse/self-assessment/"
REGISTER = "documents/"
PACKET = "regions/skane/packet/"
REVIEW = "review/"
STATUS = "patient-info/status/"
GLOSSARY = "glossary/"
CATALOGUE = "warning-signs/"
NOT_FOUND = "404.html"
ROOTS = {"sv": "/", "en": "/en/"}


def test_the_server_sends_the_policy_on_every_response(base_url: str) -> None:
    for path in ["", "en/" + PM, "assets/javascripts/md-scope.js", "sw.js", "en/sw.js", "no/such/page/"]:
        try:
            with urllib.request.urlopen(base_url + path) as response:  # noqa: S310 - the local test server
                headers = response.headers
        except urllib.error.HTTPError as error:  # the 404 for a missing page carries it too
            headers = error.headers
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, f"/{path}: {headers}"


class _Scripts(html.parser.HTMLParser):
    """Inline scripts, event-handler attributes and javascript: URLs of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inline: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and "src" not in values and values.get("type") != "application/json":
            self._inline = f"<script{''.join(f' {k}={v!r}' for k, v in attrs)}>"

    def handle_data(self, data: str) -> None:
        if self._inline is not None and data.strip():
            self.found.append(self._inline + data.strip()[:60])
            self._inline = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inline = None


def test_no_page_has_an_inline_script_a_handler_or_a_javascript_url(site_dir: Path, pages: list[str]) -> None:
    """Read from the files, every page: what the policy would block, before a browser runs.
    (A <script type="application/json"> holds data and is not run.)"""
    found = []
    for url in pages:
        file = site_dir / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
        parser = _Scripts()
        parser.feed(file.read_text(encoding="utf-8"))
        found += [f"{url}: {what}" for what in parser.found]
    assert not found, "\n".join(found)


def test_our_scripts_use_no_eval(site_dir: Path) -> None:
    """Neither eval nor new Function nor a string given to setTimeout/setInterval."""
    ours = sorted(site_dir.glob("assets/javascripts/*.js")) + [site_dir / "sw.js"]
    ours = [f for f in ours if not f.name.startswith("bundle.")]  # Material's own: the browser tests run it
    assert len(ours) >= 4, ours
    evil = re.compile(r"\beval\s*\(|\bnew\s+Function\b|\bset(?:Timeout|Interval)\s*\(\s*['\"`]")
    found = [f"{f.relative_to(site_dir)}: {m.group(0)}" for f in ours for m in evil.finditer(f.read_text(encoding="utf-8"))]
    assert not found, found


def material_and_ours_ran(page: Page, root: str) -> None:
    """Material's bundle (it sets window.document$), its head script (the scope, a file now)
    and painguide.js (it makes abbreviations focusable, stamps the print date) all ran."""
    state = page.evaluate(
        """() => ({bundle: typeof window.document$ === "object", scope: window.__md_scope && window.__md_scope.pathname,
                   get: typeof window.__md_get, printDate: [...document.querySelectorAll("[data-print-date]")].map(e => e.textContent)})"""
    )
    assert state["bundle"], f"{page.url}: Material's bundle did not run"
    assert state["scope"] == root and state["get"] == "function", f"{page.url}: {state}"
    today = dt.date.today().isoformat()
    assert all(d == today for d in state["printDate"]), f"{page.url}: print date not stamped: {state['printDate']}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_kind_of_page_works_under_the_policy(page: Page, lang: str, csp_log: list[dict]) -> None:
    root = ROOTS[lang]
    fake_speech(page, [{"name": "Local", "lang": "sv-SE" if lang == "sv" else "en-GB", "localService": True}])

    def visit(path: str) -> None:
        page.goto(root + path)
        material_and_ours_ran(page, root)

    # Plain pages: they load, Material's and our scripts run.
    for path in [HOME, CHAPTER, PM, WARNING_CARD, PATIENT_CARD, PACKET, REVIEW, STATUS, GLOSSARY, CATALOGUE, NOT_FOUND]:
        visit(path)
        assert page.evaluate("document.documentElement.lang") == lang, page.url

    # The offline copy: the service worker of this language installs and controls the page.
    visit(PM)
    worker = page.evaluate("async () => (await navigator.serviceWorker.ready).active.scriptURL")
    assert urlsplit(worker).path == root + "sw.js", worker

    # A checklist: a tick is kept.
    visit(CHECKLIST)
    box = page.locator(".pg-checklist input[type=checkbox][data-item]:visible").first
    box.check()
    page.reload()
    expect(box).to_be_checked()

    # A training module's self-check: a right answer is marked right.
    visit(MODULE + "#self-check")
    question = page.locator(".pg-question").first
    correct = question.locator("input[data-correct=true]").get_attribute("value")
    question.locator(f"input[value='{correct}']").check()
    question.locator(".pg-question__check").click()
    expect(question.locator(f'.pg-feedback[data-option="{correct}"]')).to_be_visible()

    # A competence self-assessment: a level is kept.
    visit(COMPETENCE)
    level = page.locator(".pg-assess-item").first.locator("input[value=knows]")
    level.check()
    page.reload()
    expect(level).to_be_checked()

    # The document register sorts by a column.
    visit(REGISTER)
    head = page.locator(".pg-register thead th").first
    head.locator("button").click()
    expect(head).to_have_attribute("aria-sort", "ascending")

    # A leaflet is read aloud (speech synthesis faked: the recorder sees what is spoken).
    visit(LEAFLET)
    page.locator(".pg-listen__play").click()
    assert [c[0] for c in page.evaluate("window.__speech")][-1:] == ["speak"]

    # Printing stamps the date and hides the navigation.
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    page.emulate_media(media="screen")

    # The language switch leads to the same page in the other language.
    other = "en" if lang == "sv" else "sv"
    visit(PM)
    page.locator(".md-header .md-select").hover()
    with page.expect_navigation():
        page.locator(f".md-header a.md-select__link[hreflang={other}]").click()
    assert urlsplit(page.url).path == ROOTS[other] + PM, page.url
    material_and_ours_ran(page, ROOTS[other])
    assert lang_of(urlsplit(page.url).path) == other


# -- the policy is enforced, and the recorder sees it ---------------------------------

INJECTED = (
    '<script>window.__pgInline = "ran";</script>'
    '<button id="pg-injected" type="button" onclick="window.__pgHandler = \'ran\'">x</button>'
    '<script src="/pg-csp-probe.js"></script>'
)
# A script of the site's own origin, which the policy allows, trying what it forbids.
PROBE = """
window.__pgProbe = {};
try { window.__pgProbe.eval = eval("'ran'"); } catch (e) { window.__pgProbe.eval = e.name; }
try { window.__pgProbe.fn = new Function("return 'ran'")(); } catch (e) { window.__pgProbe.fn = e.name; }
"""


def inject_inline_script(page: Page, path: str) -> dict[str, str]:
    """Serve `path` as the test server sends it (its headers, the policy among them), with
    an inline script, an inline click handler and a same-origin script that calls eval and
    new Function added; returns the response's headers."""
    headers: dict[str, str] = {}

    def handle(route) -> None:  # noqa: ANN001
        response = route.fetch()
        headers.update(response.headers)
        body = response.text().replace("</body>", INJECTED + "</body>", 1)
        route.fulfill(response=response, body=body)

    page.route(lambda url: urlsplit(url).path == path, handle)
    page.route("**/pg-csp-probe.js", lambda route: route.fulfill(content_type="text/javascript", body=PROBE))
    return headers


def take(page: Page, csp_log: list[dict], wanted: int) -> list[dict]:
    """The violations recorded so far, once there are `wanted` of them (reports arrive on
    their own time) or after 5 s, taken out of the log: they are this test's to judge."""
    for _ in range(100):
        if len(csp_log) >= wanted:
            break
        page.wait_for_timeout(50)
    page.wait_for_timeout(100)  # any straggler is this test's too
    found, csp_log[:] = csp_log[:], []
    return found


@pytest.fixture(params=["page fixture", "own context"])
def any_page(request: pytest.FixtureRequest, browser, browser_context_args: dict):  # noqa: ANN001, ANN201
    """The page fixture's page, and a page in a context a test opens itself: both are watched."""
    if request.param == "page fixture":
        yield request.getfixturevalue("page")
        return
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


def test_inline_code_and_eval_are_blocked_and_recorded(any_page: Page, csp_log: list[dict]) -> None:
    page = any_page
    headers = inject_inline_script(page, "/en/" + GLOSSARY)
    page.goto("/en/" + GLOSSARY)
    page.locator("#pg-injected").click()
    page.wait_for_function("() => window.__pgProbe !== undefined")
    assert headers.get("content-security-policy") == CONTENT_SECURITY_POLICY, headers
    assert page.evaluate("[window.__pgInline, window.__pgHandler]") == [None, None], "the inline code ran"
    assert page.evaluate("window.__pgProbe") == {"eval": "EvalError", "fn": "EvalError"}
    found = take(page, csp_log, 6)  # 4 events (inline, handler, eval, new Function) and 2 console reports
    events = {(v["directive"], v["blocked"]) for v in found if v["how"] == "event"}
    assert events >= {("script-src-elem", "inline"), ("script-src-attr", "inline"), ("script-src", "eval")}, found
    assert all(urlsplit(v["page"]).path == "/en/" + GLOSSARY for v in found if v["how"] == "event"), found
    assert any(v["how"] == "console" for v in found), found  # Chromium's own report, in the console


def test_a_violation_fails_the_test_with_a_readable_list(page: Page, csp_log: list[dict]) -> None:
    """What no_csp_violations prints: the page, the directive, what was blocked, and where."""
    inject_inline_script(page, "/" + GLOSSARY)
    page.goto("/" + GLOSSARY)
    page.wait_for_function("() => window.__pgProbe !== undefined")
    report = format_csp(take(page, csp_log, 6))
    assert re.search(r"- http://127\.0\.0\.1:\d+/glossary/: script-src-elem blocked 'inline' at http://127\.0\.0\.1:\d+/glossary/:\d+:\d+", report), report
