"""The offline copy: a service worker per language with a precache list made at build time.

Each language build gets `sw.js` at its root (`/sw.js`, `/en/sw.js`), scoped to that root.
It lists every page, asset and the search index (Pagefind's bundle) of that language only, each with a
content hash; a new build changes the worker's bytes only where a file changed, the
browser installs it, and the worker fetches exactly the changed files (the rest is
copied from the previous cache). The worker itself is painguide/offline_worker.js.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from painguide import search
from painguide.languages import Language

WORKER = "sw.js"
_TEMPLATE = Path(__file__).with_name("offline_worker.js")
# Printed copies carry the print date, stamped by script when printing; the date baked
# in at build time must not make every page "changed" on each day's build.
_PRINT_DATE = re.compile(rb"(<span data-print-date>)\d{4}-\d{2}-\d{2}(</span>)")
# Material's own search (lunr, its worker) ships with the theme but is not used: the site
# searches with Pagefind (painguide/search.py).
_UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# Of Pagefind's bundle, the search and the Component UI painguide-search.js uses: not its
# other interfaces, its highlighter, nor the search code (wasm) of the languages not indexed.
_PAGEFIND = f"{search.FOLDER}/"
_PAGEFIND_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-highlight.", "wasm.")


def _pagefind_wasm(lang_root: Path) -> set[str]:
    """The search code files of the languages in this build's index (pagefind-entry.json)."""
    entry = lang_root / search.FOLDER / "pagefind-entry.json"
    if not entry.is_file():
        return set()
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {f"{_PAGEFIND}wasm.{info['wasm']}.pagefind" for info in languages.values() if info.get("wasm")}


def _wanted(rel: str, wasm: set[str]) -> bool:
    if rel == WORKER or rel.endswith((".map", ".gz", ".xml")) or rel.startswith(("api/", *_UNUSED)):
        return False
    if rel.startswith(_PAGEFIND) and "/" not in rel[len(_PAGEFIND):]:
        return rel in wasm or not rel[len(_PAGEFIND):].startswith(_PAGEFIND_UNUSED)
    return True


def content_hash(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".html":
        data = _PRINT_DATE.sub(rb"\1\2", data)
    return hashlib.sha256(data).hexdigest()[:16]


def url_of(rel: str) -> str:
    """A built file's URL relative to its language root: a page by its directory (`pm/x/`)."""
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def file_of(lang_root: Path, url: str) -> Path:
    """The built file behind a URL of the precache list (the inverse of url_of)."""
    return lang_root / (url + "index.html" if url == "" or url.endswith("/") else url)


def manifest(lang_root: Path, skip: list[str]) -> dict[str, str]:
    """URL (relative to the language root) → content hash, for every file to keep offline.

    A page is listed under its directory URL (`pm/x/`), the way readers reach it.
    """
    files: dict[str, str] = {}
    wasm = _pagefind_wasm(lang_root)
    for path in sorted(lang_root.rglob("*")):
        rel = path.relative_to(lang_root).as_posix()
        if not path.is_file() or any(rel.startswith(s) for s in skip) or not _wanted(rel, wasm):
            continue
        files[url_of(rel)] = content_hash(path)
    return files


def write_worker(lang_root: Path, language: Language, skip: list[str]) -> dict[str, str]:
    """Write lang_root/sw.js for this language; skip lists the other languages' folders."""
    files = manifest(lang_root, skip)
    build = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    settings = json.dumps({"build": build, "lang": language.code, "skip": skip, "files": files}, separators=(",", ":"))
    text = _TEMPLATE.read_text(encoding="utf-8").replace("/*SETTINGS*/{}", settings, 1)
    (lang_root / WORKER).write_text(text, encoding="utf-8")
    return files


def read_settings(worker: Path) -> dict:
    """The settings a written sw.js carries (build id, language, skipped folders, files)."""
    match = re.search(r"var SETTINGS = (\{.*?\});\n", worker.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{worker} carries no settings")
    return json.loads(match.group(1))
