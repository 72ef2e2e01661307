"""The offline copy, as a home-care nurse meets it: one visit online, then the network goes.

Each test serves its own copy of the built site from a server that can be taken down.
The browser is also switched offline, so neither the page nor the worker reaches it.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from sitecheck import SiteHandler, format_violations, run_axe, search

from painguide.offline import write_worker
from tiny import LANGUAGES

PM = "pm/monitoring-at-home/"
LEAFLET = "patient-info/living-with-an-external-pump/"
CHECKLIST = "checklists/before-intrathecal-treatment/"
MODULE = "training/identifying-patients/"
SAVED = {"sv": "Sparad för offline den", "en": "Saved for offline on"}


@dataclass
class Server:
    site: Path
    url: str = ""
    down: threading.Event = field(default_factory=threading.Event)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def server(site_dir: Path, tmp_path: Path) -> Iterator[Server]:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    state = Server(copy)

    class Handler(SiteHandler):  # with the site's Content-Security-Policy, like every test server
        def handle_one_request(self) -> None:
            if state.down.is_set():  # drop the connection unanswered, like a lost signal
                self.raw_requestline = self.rfile.readline(65537)
                self.close_connection = True
                return
            super().handle_one_request()

        def send_head(self):  # type: ignore[no-untyped-def]
            state.requests.append(urlsplit(self.path).path)
            return super().send_head()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(copy)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def visit_once(page, server: Server, start: str) -> None:  # noqa: ANN001
    """The first visit: the page loads, and the worker of its language saves the language
    for offline use. (An English page is first controlled by the Swedish worker, whose
    scope / covers /en/ too, and which leaves /en/ to the network; wait for the English one.)"""
    worker = server.url + ("en/" if start.startswith("en/") else "") + "sw.js"
    page.goto(server.url + start)
    page.wait_for_function("url => navigator.serviceWorker.controller?.scriptURL === url", arg=worker, timeout=30_000)


def go_offline(page, server: Server) -> None:  # noqa: ANN001
    server.down.set()
    page.context.set_offline(True)


def go_online(page, server: Server) -> None:  # noqa: ANN001
    server.down.clear()
    page.context.set_offline(False)


def cached_urls(page) -> list[str]:  # noqa: ANN001
    return page.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys())
                for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
            return urls;
        }"""
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_after_one_visit_every_kind_of_page_and_search_work_offline(page, server: Server, lang: str) -> None:
    root = "" if lang == "sv" else "en/"
    visit_once(page, server, root)
    go_offline(page, server)
    for path in (PM, LEAFLET, CHECKLIST, MODULE, ""):
        response = page.goto(server.url + root + path)
        assert response is not None and response.ok, f"/{root}{path} did not open offline"
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator(".md-content h1")).to_be_visible()
        # Served from the offline copy, and it says so with the date it was saved.
        mark = page.locator(".pg-offline-mark")
        expect(mark).to_have_count(1)
        expect(mark).to_contain_text(re.compile(SAVED[lang] + r" \d{4}-\d{2}-\d{2}"))
    # The checklist's script and styles came from the offline copy as well.
    page.goto(server.url + root + CHECKLIST)
    box = page.locator(".pg-checklist input[type=checkbox]").first
    box.check()
    expect(page.locator(".pg-progress")).to_contain_text("1")
    # The mark sits next to the document's version.
    page.goto(server.url + root + PM)
    expect(page.locator(".pg-docline .pg-offline-mark")).to_have_count(1)

    found = search(page, server.url + root + PM, "kassett" if lang == "sv" else "cassette")
    assert f"/{root}pm/cassette-change/" in found["paths"], found
    # Word forms work offline too: the whole bundle of the language was kept.
    found = search(page, server.url + root + MODULE, "pumpar" if lang == "sv" else "pumps")
    assert f"/{root}pm/pump-alarm/" in found["paths"] and "pump" in found["words"], found
    assert all(p.startswith(f"/{root}") and (lang == "en" or not p.startswith("/en/")) for p in found["paths"]), found
    with page.expect_navigation():
        page.locator("pagefind-results .pf-result-link").first.click()
    expect(page.locator(".pg-offline-mark")).to_have_count(1)


def test_the_offline_copy_holds_the_readers_language_only(page, server: Server) -> None:
    visit_once(page, server, PM)
    urls = [urlsplit(u).path for u in cached_urls(page)]
    assert urls and not [u for u in urls if u.startswith("/en/")], [u for u in urls if u.startswith("/en/")]
    pages = {"/" + p.relative_to(server.site).parent.as_posix() + "/" for p in server.site.rglob("index.html")}
    swedish = {p.replace("/./", "/") for p in pages if not p.startswith("/en/")}
    assert swedish <= set(urls), sorted(swedish - set(urls))
    assert "/pagefind/pagefind-entry.json" in urls and any(u.startswith("/pagefind/fragment/") for u in urls)
    # The English reader's copy is English only, and the Swedish one is kept apart.
    visit_once(page, server, "en/" + PM)
    # The English copy being made for the first time is not "a newer version".
    page.wait_for_timeout(500)
    expect(page.locator(".pg-update")).to_have_count(0)
    names = page.evaluate("caches.keys()")
    assert sorted(n.split("-")[1] for n in names) == ["en", "sv"], names


def test_a_new_build_shows_the_update_banner_and_the_reload_serves_it(page, server: Server) -> None:
    visit_once(page, server, PM)
    go_offline(page, server)
    page.goto(server.url + PM)
    expect(page.locator(".pg-offline-mark")).to_have_count(1)

    # A rebuild with one changed page: the page, and the worker's list of hashes.
    changed = server.site / "pm" / "monitoring-at-home" / "index.html"
    html = changed.read_text(encoding="utf-8")
    changed.write_text(html.replace("</h1>", " (NY VERSION)</h1>", 1), encoding="utf-8")
    write_worker(server.site, LANGUAGES[0], skip=[lang.prefix for lang in LANGUAGES[1:]])
    server.requests.clear()

    go_online(page, server)  # the page hears "online" and asks for the worker again
    banner = page.locator(".pg-update")
    expect(banner).to_be_visible(timeout=30_000)
    expect(banner).to_have_attribute("role", "status")
    expect(banner).to_contain_text("Det finns en nyare version av guiden.")
    # The new worker fetched the changed page only; everything else came from the old copy.
    fetched = [p for p in server.requests if p != "/sw.js"]
    assert fetched == ["/pm/monitoring-at-home/"], server.requests
    # The banner and the offline mark meet WCAG 2.1 AA like the rest of the page.
    violations = run_axe(page)
    assert not violations, format_violations(violations)

    with page.expect_navigation():
        banner.get_by_role("button", name="Ladda om").click()
    expect(page.locator(".md-content h1")).to_contain_text("(NY VERSION)")
    expect(page.locator(".pg-offline-mark")).to_have_count(0)
    expect(page.locator(".pg-update")).to_have_count(0)
    # Offline again, the new version is what the copy holds, marked as such.
    go_offline(page, server)
    page.goto(server.url + PM)
    expect(page.locator(".md-content h1")).to_contain_text("(NY VERSION)")
    expect(page.locator(".pg-offline-mark")).to_have_count(1)
    assert len(page.evaluate("caches.keys()")) == 1, "the previous build's copy should be gone"


def test_nothing_is_cached_from_a_file_url(page, site_dir: Path) -> None:
    page.goto((site_dir / "pm" / "monitoring-at-home" / "index.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    state = page.evaluate(
        """async () => ({
            worker: "serviceWorker" in navigator && !!(await navigator.serviceWorker.getRegistration().catch(() => null)),
            caches: typeof caches === "undefined" ? 0 : (await caches.keys().catch(() => [])).length,
        })"""
    )
    assert state == {"worker": False, "caches": 0}, state
    expect(page.locator(".pg-offline-mark")).to_have_count(0)


def test_the_search_index_waits_for_the_reader_to_search(page, server: Server) -> None:
    """Opening a page loads the search's interface only; its index is fetched when the
    reader searches (Pagefind's web worker fetches it, so the server's log is read), from the
    reader's language's bundle alone, and only the parts the query needs. Without the offline
    copy, whose worker would fetch the whole bundle meanwhile."""
    for worker in server.site.rglob("sw.js"):
        worker.unlink()
    page.goto(server.url + "en/" + PM)
    page.wait_for_load_state("networkidle")
    before = sorted(p for p in server.requests if "/pagefind/" in p)
    assert before == ["/en/pagefind/pagefind-component-ui.css", "/en/pagefind/pagefind-component-ui.js"], server.requests
    search(page, server.url + "en/" + PM, "pumps")
    fetched = [p for p in server.requests if "/pagefind/" in p]
    assert all(p.startswith("/en/pagefind/") for p in fetched), fetched
    chunks = {p for p in fetched if p.startswith("/en/pagefind/index/")}
    assert chunks and len(chunks) < len(list((server.site / "en" / "pagefind" / "index").iterdir())), fetched
