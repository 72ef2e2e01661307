"""Lighthouse (mobile) on one page of each main kind, in every language: part of `make bench`.

Run on its own with `python -m bench.lighthouse` (after `make build`) from the project root.
Lighthouse comes from bench/lighthouse/package-lock.json (`npm ci`, only when the lock
changed) and drives Debian's Chromium; the site is served from 127.0.0.1. Prints scores and
the audits that cost points; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from bench.shared import FIRST_LOAD_PAGES, languages
from painguide.languages import Language

ROOT = Path(__file__).resolve().parents[1]
# The npm project beside this module (bench/lighthouse/ has no __init__.py, so
# `bench.lighthouse` is this file, not that folder).
TOOL = Path(__file__).resolve().parent / "lighthouse"
CLI = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
# The pages whose first-load weight `make bench` prints, of the kinds Lighthouse covers.
KINDS = ("home", "PM", "leaflet", "checklist", "module")
PAGES = tuple((kind, f"{rel}/" if rel else "") for kind, rel in FIRST_LOAD_PAGES if kind in KINDS)
CATEGORIES = ("performance", "accessibility", "best-practices")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")


class Missing(Exception):
    pass


def install() -> None:
    """npm ci from the lock, once per lock version (a copy of the lock marks what is installed)."""
    if not shutil.which("node") or not shutil.which("npm"):
        raise Missing("node and npm are needed (Debian: apt-get install nodejs npm)")
    if not CHROMIUM.exists():
        raise Missing(f"Chromium is needed at {CHROMIUM} (Debian: apt-get install chromium)")
    lock = TOOL / "package-lock.json"
    stamp = TOOL / "node_modules" / ".painguide-lock"
    if stamp.is_file() and stamp.read_bytes() == lock.read_bytes() and CLI.is_file():
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(TOOL)], check=True)
    stamp.write_bytes(lock.read_bytes())


class _Gzipped(SimpleHTTPRequestHandler):
    """Serves text gzipped, as any real web host does; Lighthouse's throttling counts bytes."""

    TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml"}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


def _audit(url: str, out: Path) -> dict:
    cmd = ["node", str(CLI), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={CHROME_FLAGS}",
           f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={out}", "--quiet"]
    subprocess.run(cmd, check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _failing(result: dict, category: str) -> list[str]:
    refs = result["categories"][category]["auditRefs"]
    audits = result["audits"]
    return [f"{r['id']}: {audits[r['id']]['title']}" for r in refs
            if r["weight"] > 0 and audits[r["id"]]["score"] is not None and audits[r["id"]]["score"] < 1]


def report(site: Path, langs: tuple[Language, ...]) -> dict[tuple[str, str], dict[str, int]]:
    """Run Lighthouse on PAGES in each language and print one line per page; keyed by (kind, code)."""
    try:
        install()
    except Missing as err:
        print(f"lighthouse: skipped, {err}")
        return {}
    except subprocess.CalledProcessError:
        print(f"lighthouse: skipped, `npm ci --prefix {TOOL.relative_to(ROOT)}` failed (see its output above)")
        return {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzipped, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    scores: dict[tuple[str, str], dict[str, int]] = {}
    print(f"lighthouse (mobile)        : {'performance':>11} {'accessibility':>13} {'best practices':>14}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for kind, path in PAGES:
                for lang in langs:
                    try:
                        result = _audit(base + lang.prefix + path, Path(tmp) / "report.json")
                    except subprocess.CalledProcessError as err:
                        print(f"  {kind:<10} {lang.code:<14}: Lighthouse failed: {err.stderr.decode(errors='replace')[-500:]}")
                        continue
                    got = {c: round((result["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
                    scores[(kind, lang.code)] = got
                    print(f"  {kind:<10} {lang.code:<14}: {got['performance']:>11} {got['accessibility']:>13} {got['best-practices']:>14}")
                    for category in CATEGORIES:
                        if got[category] < 100:
                            for line in _failing(result, category):
                                print(f"      {category}: {line}")
    finally:
        server.shutdown()
        server.server_close()
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project, for its languages.yaml")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"lighthouse: no built site at {args.site}; run `make build` first", file=sys.stderr)
        return 1
    # Exit 1 when nothing was measured (node, npm or Chromium missing, or every run failed).
    return 0 if report(args.site, languages(args.root.resolve())) else 1


if __name__ == "__main__":
    raise SystemExit(main())
