"""The precache list that each language's service worker carries (painguide/offline.py)."""

from __future__ import annotations

import re
from pathlib import Path

from painguide.offline import WORKER, manifest, read_settings, write_worker
from tiny import LANGUAGES



def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_every_built_page_is_listed_in_its_own_languages_worker(built_site: Path) -> None:
    for lang, root, skip in (("sv", built_site, "en/"), ("en", built_site / "en", None)):
        files = read_settings(root / WORKER)["files"]
        for page in root.rglob("*.html"):
            rel = page.relative_to(root).as_posix()
            if skip and rel.startswith(skip):
                assert not any(k.startswith(skip) for k in files), f"the {lang} worker lists {skip} files"
                continue
            url = re.sub(r"(^|/)index\.html$", r"\1", rel)
            assert url in files, f"{lang}: {rel} is not in the offline copy"
        assert "search/search_index.json" not in files
        # This language's Pagefind bundle, for searching offline; none of the other language's.
        assert "pagefind/pagefind-entry.json" in files and f"pagefind/wasm.{lang}.pagefind" in files
        assert any(k.startswith("pagefind/fragment/") for k in files) and any(k.startswith("pagefind/index/") for k in files)
        assert not any(k.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")) for k in files)
        assert any(re.fullmatch(r"assets/javascripts/bundle\.\w+\.min\.js", k) for k in files)
        assert not [k for k in files if k.endswith(".map") or k.startswith("api/") or k == WORKER]


def test_hashes_change_exactly_where_a_file_changes(tmp_path: Path) -> None:
    root = _tree(tmp_path / "site", {
        "index.html": "<h1>Start</h1>",
        "pm/a/index.html": "<h1>A</h1>",
        "pm/b/index.html": "<h1>B</h1>",
        "assets/x.css": "body{}",
    })
    before = manifest(root, skip=[])
    assert set(before) == {"", "pm/a/", "pm/b/", "assets/x.css"}
    (root / "pm" / "a" / "index.html").write_text("<h1>A, version 2</h1>", encoding="utf-8")
    after = manifest(root, skip=[])
    assert [k for k in before if before[k] != after[k]] == ["pm/a/"]


def test_the_print_date_alone_does_not_make_a_page_new(tmp_path: Path) -> None:
    root = _tree(tmp_path / "site", {"index.html": "<p>Utskriven <span data-print-date>2026-11-25</span></p>"})
    before = manifest(root, skip=[])
    (root / "index.html").write_text("<p>Utskriven <span data-print-date>2026-11-26</span></p>", encoding="utf-8")
    assert manifest(root, skip=[]) == before
    (root / "index.html").write_text("<p>Printed <span data-print-date>2026-11-26</span></p>", encoding="utf-8")
    assert manifest(root, skip=[]) != before


def test_other_languages_and_unused_search_files_are_left_out(tmp_path: Path) -> None:
    root = _tree(tmp_path / "site", {
        "index.html": "sv",
        "en/index.html": "en",
        "assets/javascripts/lunr/min/lunr.sv.min.js": "",
        "assets/javascripts/workers/search.1234.min.js": "",
        "pagefind/pagefind-entry.json": '{"version":"1.5.2","languages":{"sv":{"hash":"sv_1","wasm":"sv","page_count":1}}}',
        "pagefind/pagefind.js": "",
        "pagefind/pagefind-worker.js": "",
        "pagefind/pagefind-component-ui.js": "",
        "pagefind/pagefind-component-ui.css": "",
        "pagefind/pagefind-ui.js": "",
        "pagefind/pagefind-modular-ui.js": "",
        "pagefind/pagefind-highlight.js": "",
        "pagefind/wasm.sv.pagefind": "",
        "pagefind/wasm.unknown.pagefind": "",
        "pagefind/pagefind.sv_1.pf_meta": "",
        "pagefind/index/sv_2.pf_index": "",
        "pagefind/fragment/sv_3.pf_fragment": "",
        "sitemap.xml": "",
    })
    files = write_worker(root, LANGUAGES[0], skip=[lang.prefix for lang in LANGUAGES[1:]])
    assert set(files) == {"", "pagefind/pagefind-entry.json", "pagefind/pagefind.js", "pagefind/pagefind-worker.js",
                          "pagefind/pagefind-component-ui.js", "pagefind/pagefind-component-ui.css", "pagefind/wasm.sv.pagefind",
                          "pagefind/pagefind.sv_1.pf_meta", "pagefind/index/sv_2.pf_index", "pagefind/fragment/sv_3.pf_fragment"}
    settings = read_settings(root / WORKER)
    assert settings["files"] == files and settings["skip"] == ["en/"] and settings["lang"] == "sv"
    # The build id is the list's hash: the worker's bytes change when any file does.
    (root / "index.html").write_text("sv 2", encoding="utf-8")
    write_worker(root, LANGUAGES[0], skip=[lang.prefix for lang in LANGUAGES[1:]])
    assert read_settings(root / WORKER)["build"] != settings["build"]
