"""`make bench`: time each build stage on the shipped content and report the site's size.

Prints figures; asserts nothing. Each stage is run several times and the median shown.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

from bench.search import print_report as search_report
from bench.shared import FIRST_LOAD_PAGES, languages
from painguide import search
from painguide.build import Project, run_generate, run_mkdocs, validate


def _median(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads (attributes may be unquoted once minified)."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.refs.append(a["href"] or "")
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"] or "")


def first_load(page: Path, site: Path) -> float:
    """KiB gzipped of what a first visit to page downloads: its HTML, CSS and JS (no fonts)."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode()))
    parser = _Assets()
    parser.feed(html)
    # painguide.js adds painguide-interactive.js on pages with one of these (its INTERACTIVE);
    # a module's self-check alone fetches it later, when a question comes near (its LATER).
    if re.search(r'class="(pg-listen|pg-assessment|pg-checklist|pg-register)\b', html):
        parser.refs += [r.replace("painguide.", "painguide-interactive.") for r in parser.refs if "/painguide." in r]
    for ref in parser.refs:
        target = (page.parent / ref.split("?")[0].split("#")[0]).resolve()
        if target.is_file() and site.resolve() in target.parents:
            total += len(gzip.compress(target.read_bytes()))
    return total / 1024


def precache_size(lang_root: Path) -> tuple[int, int, int]:
    """Bytes (raw and gzipped) and files that the language's offline copy downloads."""
    from painguide.offline import WORKER, file_of, read_settings

    files = read_settings(lang_root / WORKER)["files"]
    raw = packed = 0
    for url in files:
        data = file_of(lang_root, url).read_bytes()
        raw += len(data)
        packed += len(gzip.compress(data))
    return raw, packed, len(files)


def _process(root: Path, runs: int) -> float:
    """`painguide validate` as a user runs it: a new Python process, start to exit."""
    cmd = [sys.executable, "-m", "painguide", "--root", str(root), "validate"]
    return _median(lambda: subprocess.run(cmd, check=True, capture_output=True), runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=0, help="also build with 100 and SCALE synthetic PMs added")
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out the Lighthouse run (about 2 minutes)")
    args = parser.parse_args(argv)
    project = Project(root=args.root.resolve())
    langs = languages(project.root)
    mkdocs_label = f"mkdocs ({' and '.join(lang.code for lang in langs)})"
    _, renderer, _ = validate(project)
    pages = len(renderer.pages)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        t_validate = _median(lambda: validate(project), args.runs)
        t_generate = _median(lambda: run_generate(project, validate(project)[1]), args.runs) - t_validate
        t_mkdocs = _median(lambda: run_mkdocs(project, site, renderer.languages), max(1, args.runs // 2))
        html = [p for p in site.rglob("*.html")]
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        t_process = _process(project.root, 7)
        print(f"content pages per language : {pages}")
        print(f"painguide validate process : {t_process * 1000:8.1f} ms  (whole process, start to exit, median of 7)")
        print(f"validate                   : {t_validate * 1000:8.1f} ms")
        print(f"generate (render + write)  : {t_generate * 1000:8.1f} ms  ({t_generate / pages / len(langs) * 1000:.2f} ms per page)")
        print(f"{mkdocs_label:<27}: {t_mkdocs * 1000:8.1f} ms")
        print(f"HTML pages                 : {len(html)}, mean {statistics.mean(p.stat().st_size for p in html) / 1024:.1f} KiB")
        print(f"site size                  : {total / 1024 / 1024:.2f} MiB")
        for lang in langs:
            bundle = [p for p in (site / lang.prefix / search.FOLDER).rglob("*") if p.is_file()]
            print(f"{f'search bundle {lang.code}':<27}: {len(bundle)} files, {sum(p.stat().st_size for p in bundle) / 1024:.1f} KiB")
        search_report(site, langs)
        for kind, rel in FIRST_LOAD_PAGES:
            for lang in langs:
                page = site / lang.prefix / rel / "index.html"
                if page.is_file():
                    print(f"{f'first load, {kind:<11} {lang.code}':<26}: {first_load(page, site):6.1f} KiB gzipped (HTML + CSS + JS)")
        # Every module: the target is 70 KiB gzipped; the self-check script comes later (see first_load).
        for lang in langs:
            for page in sorted((site / lang.prefix / "training").glob("*/index.html")):
                print(f"{f'  module {page.parent.name} {lang.code}':<40}: {first_load(page, site):6.1f} KiB gzipped, HTML {len(gzip.compress(page.read_bytes())) / 1024:.1f}")
        for lang in langs:
            raw, packed, count = precache_size(site / lang.prefix)
            print(f"{f'offline copy {lang.code}':<27}: {count} files, {raw / 1024 / 1024:.2f} MiB, {packed / 1024 / 1024:.2f} MiB gzipped")
        if not args.no_lighthouse:
            from bench.lighthouse import report as lighthouse

            lighthouse(site, langs)
    if args.scale:
        from bench.scale import report

        report(project.root, sorted({min(100, args.scale), args.scale}))
    from bench.preview import report as preview

    # A full build is validate + generate + the MkDocs builds, measured above.
    preview(project.root, args.scale, build_seconds=t_validate + t_generate + t_mkdocs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
