"""`make zensical`: the whole site, both languages, built with Zensical (the way off MkDocs,
issue 22) from the same generated sources, with the project's Pagefind index and offline
worker. The build is tests/conftest.py's `zensical_site`; Pagefind search over it is
tests/browser/test_zensical_search.py."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from painguide.offline import WORKER, read_settings
from painguide.zensical import config_text

ROOT = Path(__file__).resolve().parents[1]
LANGS = {"sv": "", "en": "en/"}  # code → folder: Swedish at the root, English under /en/


def _html_lang(page: Path) -> str | None:
    match = re.search(r"<html\b[^>]*\blang=\"?([\w-]+)", page.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def test_zensical_is_pinned_in_its_own_hashed_lock(zensical_site: Path) -> None:
    pin = re.search(r"^zensical==(\S+)$", (ROOT / "requirements-zensical.in").read_text(encoding="utf-8"), re.M)
    lock = (ROOT / "requirements-zensical.lock").read_text(encoding="utf-8")
    assert pin and f"zensical=={pin.group(1)} \\\n    --hash=sha256:" in lock, "requirements-zensical.lock does not lock requirements-zensical.in's pin"
    assert "zensical" not in (ROOT / "requirements.lock").read_text(encoding="utf-8"), "Zensical stays out of the site's lock"
    installed = (ROOT / ".venv-zensical" / "lib").glob("python*/site-packages/zensical-*.dist-info")
    assert [p.name for p in installed] == [f"zensical-{pin.group(1)}.dist-info"], "the venv is not the lock"


def test_both_languages_are_built_with_their_html_lang(zensical_site: Path) -> None:
    for code, folder in LANGS.items():
        for page in ("index.html", "404.html", "glossary/index.html"):
            path = zensical_site / folder / page
            assert path.is_file(), f"{folder}{page} missing from the Zensical build"
            assert _html_lang(path) == code, f"{folder}{page}: <html lang={_html_lang(path)!r}>, expected {code}"
    sv = {p.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("index.html") if not p.relative_to(zensical_site).as_posix().startswith("en/")}
    en = {p.relative_to(zensical_site / "en").as_posix() for p in (zensical_site / "en").rglob("index.html")}
    assert len(sv) >= 40 and sv == en, f"both languages should have the same pages: {sorted(sv ^ en)}"


def test_every_pm_is_there_in_both_languages(zensical_site: Path) -> None:
    ids = [yaml.safe_load(p.read_text(encoding="utf-8"))["id"] for p in sorted((ROOT / "content" / "pm").glob("*.yaml"))]
    assert len(ids) >= 10
    missing = [f"{folder}pm/{i}/" for i in ids for folder in LANGS.values() if not (zensical_site / folder / "pm" / i / "index.html").is_file()]
    assert not missing, f"PM pages missing from the Zensical build: {missing}"
    for i in ids:
        for code, folder in LANGS.items():
            assert _html_lang(zensical_site / folder / "pm" / i / "index.html") == code


def test_each_language_has_its_own_pagefind_index_and_offline_worker(zensical_site: Path) -> None:
    for code, folder in LANGS.items():
        index = zensical_site / folder / "pagefind"
        assert (index / "pagefind.js").is_file() and (index / "pagefind-entry.json").is_file(), f"no Pagefind index in /{folder}"
        entry = (index / "pagefind-entry.json").read_text(encoding="utf-8")
        assert f'"{code}"' in entry, f"/{folder}pagefind/ does not index {code} pages: {entry[:300]}"
        settings = read_settings(zensical_site / folder / WORKER)
        assert settings["lang"] == code and "pm/pump-alarm/" in settings["files"]
    assert not (zensical_site / "en" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8").count('"sv"')


def test_the_zensical_config_keeps_the_site_inside_the_project(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.sv.yml").write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "extra": {"alternate": [
        {"name": "Svenska", "link": "./", "lang": "sv"}, {"name": "English", "link": "en/", "lang": "en"}]}}), encoding="utf-8")
    config = yaml.safe_load(config_text(tmp_path, "sv", tmp_path / ".painguide" / "build-1" / "sv"))
    assert config["site_dir"] == ".painguide/build-1/sv" and config["INHERIT"] == "mkdocs.yml"
    assert config["theme"]["variant"] == "classic"
    assert [a["link"] for a in config["extra"]["alternate"]] == ["./", "en/"]


def test_a_failed_zensical_build_leaves_the_previous_one_as_it_was(zensical_site: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001 - zensical_site: the venv is installed
    """On the tiny project: a template Zensical cannot render stops it, and the folder built
    before is untouched; nothing is left in .painguide/. (A link to a missing PDF would not:
    Zensical 0.0.73's --strict, unlike MkDocs', lets it through; the README says so.)"""
    from painguide.cli import main
    from tiny import make_project

    project = make_project(tmp_path)
    (project / ".venv-zensical").symlink_to(ROOT / ".venv-zensical")
    args = ["--root", str(project), "build", "--today", "2026-11-23", "--engine", "zensical", "--site-dir", str(project / "site-zensical")]
    assert main(args) == 0, capsys.readouterr().err
    built = project / "site-zensical"
    assert (built / "en" / "index.html").is_file() and (built / "pagefind").is_dir()
    before = sorted((p.relative_to(built).as_posix(), p.stat().st_mtime_ns) for p in built.rglob("*"))
    partial = project / "docs" / "overrides" / "partials" / "copyright.html"
    partial.write_text(partial.read_text(encoding="utf-8") + "{{ nosuch.method() }}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "zensical build of the 'sv' site failed" in err and "site-zensical was left as it was" in err, err
    assert sorted((p.relative_to(built).as_posix(), p.stat().st_mtime_ns) for p in built.rglob("*")) == before
    assert not list((project / ".painguide").glob("build-*")), "the work folder is cleaned up"
