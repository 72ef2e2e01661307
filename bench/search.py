"""What a reader's first search costs, measured in a browser (Playwright, Debian's Chromium):
every response under the language's /pagefind/ from opening the search dialog on the
language's home page to the first screen of results, in bytes (as served, and gzipped as a
server would send them); and how long Pagefind takes to index each language.

The queries are the issue's, by language in bench/search-queries.yaml ("pumpar" on the
Swedish site, "pumps" on the English one); a language without one searches "pump".
"""

from __future__ import annotations

import functools
import gzip
import http.server
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from painguide import search
from painguide.languages import Language

QUERIES = Path(__file__).with_name("search-queries.yaml")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a page closed while results were still loading: a broken pipe, nothing else


@contextmanager
def _serve(site: Path) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_search(site: Path, langs: tuple[Language, ...]) -> dict[str, dict[str, float]]:
    """Per language: the query, how many files and bytes (raw, gzipped) the first search
    fetched from its bundle, and of those the interface's (Pagefind's Component UI)."""
    from playwright.sync_api import expect, sync_playwright

    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8")) or {}
    out: dict[str, dict[str, float]] = {}
    with _serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for lang in langs:
                query = queries.get(lang.code, "pump")
                page = browser.new_page(base_url=base)
                bodies: dict[str, bytes] = {}

                def keep(response, bodies=bodies) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
                    if "/pagefind/" in response.url and response.ok:
                        bodies[response.url.split("?")[0]] = response.body()

                page.on("response", keep)
                page.goto(f"/{lang.prefix}")
                page.locator("pagefind-modal-trigger button").click()
                page.locator("pagefind-modal dialog[open] input[type=search]").fill(query)
                expect(page.locator("pagefind-modal pagefind-summary")).to_contain_text(query, timeout=30_000)
                # The summary names the query while it still searches; the first result is the answer.
                expect(page.locator("pagefind-results li.pf-result:not([aria-hidden])").first).to_be_visible(timeout=60_000)
                page.wait_for_load_state("networkidle")
                ui = [b for u, b in bodies.items() if "pagefind-component-ui." in u]
                out[lang.code] = {
                    "query": query,  # type: ignore[dict-item]
                    "files": len(bodies),
                    "raw": sum(len(b) for b in bodies.values()),
                    "gz": sum(len(gzip.compress(b)) for b in bodies.values()),
                    "ui_gz": sum(len(gzip.compress(b)) for b in ui),
                }
                page.close()
        finally:
            browser.close()
    return out


def index_time(site: Path, langs: tuple[Language, ...]) -> dict[str, float]:
    """Seconds Pagefind takes to index each language's build (into a scratch folder): wall
    time by code, and CPU time by "<code> cpu"."""
    times = {}
    others = [lang.prefix.strip("/") for lang in langs if lang.prefix]
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            # As the build indexes it: the language's tree alone, before the others are put in its folders.
            tree = Path(tmp) / "tree" / lang.code
            shutil.copytree(site / lang.prefix, tree, ignore=None if lang.prefix else shutil.ignore_patterns(*others, search.FOLDER))
            start, cpu = time.perf_counter(), _children_cpu()
            search.index(tree, Path(tmp) / "out" / lang.code)
            times[lang.code] = time.perf_counter() - start
            times[f"{lang.code} cpu"] = _children_cpu() - cpu
    return times


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes: steadier than wall time
    on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def print_report(site: Path, langs: tuple[Language, ...]) -> None:
    times = index_time(site, langs)
    for lang in langs:
        print(f"{f'search index build {lang.code}':<27}: {times[lang.code] * 1000:8.1f} ms  (Pagefind; CPU {times[f'{lang.code} cpu'] * 1000:.0f} ms)")
    for code, r in first_search(site, langs).items():
        label = f"first search {code} ({r['query']})"
        print(f"{label:<27}: {r['gz'] / 1024:6.1f} KiB gzipped ({r['raw'] / 1024:.1f} KiB raw), "
              f"{r['files']:.0f} files; of which the interface {r['ui_gz'] / 1024:.1f} KiB gzipped")
