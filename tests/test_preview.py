"""The live preview (`painguide serve`): a save re-renders only the saved file's pages, an
error keeps the last good page and is shown, and stopping leaves no process or port behind."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import time
from pathlib import Path

import pytest

from bench.preview import Served, fetch, retitle
from bench.scale import synthetic_project
from painguide.build import Project
from painguide.content import load_site, reload_file
from painguide.errors import Problems
from painguide.languages import primary
from painguide.preview import Preview
from painguide.serve import MkDocs
from tiny import LANGUAGES, ROOT, TODAY, make_project

PM = "content/pm/demo-pm.yaml"
PRIMARY = primary(LANGUAGES).code
"""The language the preview shows when none is given (Swedish: the texts below are the tiny PM's)."""


def _preview(tmp_path: Path) -> Preview:
    root = make_project(tmp_path)
    preview = Preview(Project(root=root, today=TODAY), PRIMARY)
    preview.load()
    preview.commit(preview.checked, preview.render_all(*preview.snapshot()))
    return preview


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_reload_file_replaces_keeps_or_removes(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    problems = Problems(root)
    site = load_site(root / "content", problems, LANGUAGES)
    assert not problems
    pm = root / PM
    _edit(pm, "sv: Byte av förband,", "sv: Nytt namn,")
    site2 = reload_file(site, pm, problems)
    assert not problems and site2.of("pm")[0].model.title["sv"] == "Nytt namn"
    assert site.of("pm")[0].model.title["sv"] == "Byte av förband"  # the old site is left as it was
    _edit(pm, "purpose: ", "purpose:\t")
    site3 = reload_file(site2, pm, problems)
    assert [p.message for p in problems.errors] == ["a tab character is not allowed; use spaces"]
    assert site3.of("pm")[0].model.title["sv"] == "Nytt namn"  # its last valid version stays
    pm.unlink()
    assert reload_file(site3, pm, Problems(root)).of("pm") == []


def test_a_save_writes_only_the_files_own_page(tmp_path: Path) -> None:
    preview = _preview(tmp_path)
    docs = preview.docs
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    _edit(preview.project.root / PM, "sv: Byte av förband,", "sv: Byte av förband NY,")
    saved = preview.save(preview.project.root / PM)
    assert saved.errors == [] and saved.pages == ["pm/demo-pm.md"]
    assert "# Byte av förband NY" in (docs / "pm" / "demo-pm.md").read_text(encoding="utf-8")
    assert [p for p in docs.rglob("*.md") if p.stat().st_mtime_ns != before[p]] == [docs / "pm" / "demo-pm.md"]
    assert preview.save(preview.project.root / PM).unchanged  # a second event of the same save does nothing
    # The index, the register and the navigation catch up when everything is rendered again.
    changed, moved, navigation = preview.commit(preview.checked, preview.render_all(*preview.snapshot()))
    assert "pm/index.md" in changed and not moved and navigation


@pytest.mark.parametrize("old, new, where", [
    ("purpose: ", "purpose:\t", r"demo-pm\.yaml:\d+:\d+: a tab character is not allowed"),
    ("purpose: ", "purpse: ", r"demo-pm\.yaml:\d+:\d+: purpse: unknown field 'purpse'; did you mean 'purpose'\?"),
    ("patient_info: [demo-leaflet]", "patient_info: [no-such-leaflet]", r"demo-pm\.yaml:\d+:\d+: patient_info\[0\]: unknown leaflet 'no-such-leaflet'"),
])
def test_an_error_is_located_and_the_last_good_page_stays(tmp_path: Path, old: str, new: str, where: str) -> None:
    preview = _preview(tmp_path)
    page = preview.docs / "pm" / "demo-pm.md"
    good = page.read_text(encoding="utf-8")
    _edit(preview.project.root / PM, old, new)
    saved = preview.save(preview.project.root / PM)
    assert saved.pages == [] and page.read_text(encoding="utf-8") == good
    assert any(re.search(where, str(p)) for p in saved.errors), [str(p) for p in saved.errors]
    assert any(re.search(where, line) for line in preview.problems()[0])


def test_the_neighbourhood_does_not_grow_with_the_site(tmp_path: Path) -> None:
    """What a saved PM is checked and rendered with: the files it names and that name it,
    not the other PMs of a large site."""
    project = synthetic_project(ROOT, tmp_path, 40)
    preview = Preview(project, PRIMARY)
    preview.load()
    assert preview.site is not None
    item = next(x for x in preview.site.of("pm") if x.model.id == "synthetic-0007")
    near = {path.name for path in preview.neighbourhood(item)}
    assert "synthetic-0007.yaml" in near and "warning-signs.yaml" in near
    assert not {name for name in near if name.startswith("synthetic-")} - {"synthetic-0007.yaml"}
    assert len(near) < len(preview.site.all_loaded()) - 40


def test_mkdocs_builds_one_page_again(tmp_path: Path) -> None:
    preview = _preview(tmp_path)
    mkdocs = MkDocs(preview.project.root, PRIMARY, tmp_path / ".painguide" / "preview")
    assert mkdocs.full()
    assert mkdocs.folder is not None
    html = mkdocs.folder / "pm" / "demo-pm" / "index.html"
    other = mkdocs.folder / "index.html"
    before = other.stat().st_mtime_ns
    _edit(preview.docs / "pm" / "demo-pm.md", "# Byte av förband", "# Byte av förband OMBYGGD")
    assert mkdocs.pages(["pm/demo-pm.md"]) == []
    assert "Byte av förband OMBYGGD" in html.read_text(encoding="utf-8")
    assert other.stat().st_mtime_ns == before
    assert mkdocs.pages(["pm/new-page.md"]) is None  # a page MkDocs does not know yet needs a full build
    assert "_preview" not in (preview.project.root / f"mkdocs.{PRIMARY}.yml").read_text(encoding="utf-8")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_leaves_no_process_and_no_port(tmp_path: Path, sig: int) -> None:
    served = Served(make_project(tmp_path), today=TODAY.isoformat(), startup=300)
    try:
        assert "Byte av förband" in (fetch(f"{served.url}/pm/demo-pm/") or "")
        children = _children(served.process.pid)
    finally:
        code = served.stop(sig, timeout=60)
    assert code in (0, 130), served.output()
    assert not [pid for pid in children if _alive(pid)]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", served.port), timeout=5).close()
    with socket.socket() as sock:  # nothing listens on it, so it can be taken again
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", served.port))
    assert not (served.root / ".painguide" / f"preview-{PRIMARY}").exists()
    assert not (served.root / "site").exists()  # the preview never writes the published site


def _until(what: str, check, timeout: float = 20.0):  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"{what} within {timeout} s")


def test_a_saved_title_is_served_and_an_error_shows_in_the_banner(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    with Served(root, today=TODAY.isoformat(), startup=300) as served:
        page = f"{served.url}/pm/demo-pm/"
        retitle(root / PM, "MARK-saved", PRIMARY)
        html = _until("the new title is served", lambda: (text := fetch(page)) and "MARK-saved" in text and text, timeout=20)
        assert '<script src="/_preview/preview.js"' in html
        script = fetch(f"{served.url}/_preview/preview.js") or ""
        assert 'setAttribute("role", "alert")' in script and "/_preview/status.json" in script

        _edit(root / PM, "purpose: ", "purpose:\t")
        status = _until("the error is in the status", lambda: (s := served.status()) and s["errors"] and s, timeout=20)
        assert re.fullmatch(r"content/pm/demo-pm\.yaml:\d+:\d+: a tab character is not allowed; use spaces", status["errors"][0])
        assert "MARK-saved" in (fetch(page) or "")  # the last good page stays

        _edit(root / PM, "purpose:\t", "purpse: ")
        _until("the unknown field is in the status", lambda: (s := served.status()) and any("unknown field 'purpse'" in e for e in s["errors"]))
        assert "MARK-saved" in (fetch(page) or "")
        assert "unknown field 'purpse'" in served.output()  # and in the terminal, file:line:col first
        assert re.search(r"content/pm/demo-pm\.yaml:\d+:\d+: purpse: unknown field", served.output())

        _edit(root / PM, "purpse: ", "purpose: ")
        retitle(root / PM, "MARK-again", PRIMARY)
        _until("the fixed file is served", lambda: "MARK-again" in (fetch(page) or ""))
        assert json.loads(fetch(f"{served.url}/_preview/status.json") or "{}")["errors"] == []
