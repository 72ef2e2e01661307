"""Languages are data: languages.yaml names them, and nothing else in the code does.

The tiny fixture is built with a third language, Norwegian bokmål, added only as data:
a record in languages.yaml, a label file, and an nb: text beside every sv: and en:.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from painguide.build import Project, build
from painguide.cli import main
from painguide.yamlload import load
from tiny import ROOT, TODAY, make_project

NB_RECORD = """\
  - code: nb
    name: Norsk bokmål
    english_name: Norwegian Bokmål
    prefix: nb/
"""
MARK = "Bokmål: "
NB_FOOTER = {"footer_accessibility": "Tilgjengelighetserklæring", "footer_made_with": "Laget med"}


def with_nb(data: object) -> object:
    """data with an nb: text beside every en: text (the English text, marked as bokmål)."""
    if isinstance(data, dict):
        out = {key: with_nb(value) for key, value in data.items()}
        if "sv" in data and "en" in data and isinstance(data["en"], str):
            out["nb"] = MARK + data["en"]
        return out
    if isinstance(data, list):
        return [with_nb(item) for item in data]
    return data


def add_norwegian(root: Path) -> None:
    (root / "languages.yaml").write_text((root / "languages.yaml").read_text(encoding="utf-8") + NB_RECORD, encoding="utf-8")
    for path in (root / "content").rglob("*.yaml"):
        # painguide's own loader: YAML 1.2 scalars, dates kept as text.
        path.write_text(yaml.safe_dump(with_nb(load(path).data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    labels = root / "macros" / "labels"
    nb = {key: f"[nb] {value}" for key, value in load(labels / "en.yaml").data.items()}
    nb.update(NB_FOOTER)
    nb["lix_nb"] = "LIX, bokmål"
    (labels / "nb.yaml").write_text(yaml.safe_dump(nb, allow_unicode=True), encoding="utf-8")
    for code, text in (("sv", "LIX, bokmål"), ("en", "LIX, Norwegian Bokmål")):
        with (labels / f"{code}.yaml").open("a", encoding="utf-8") as f:
            f.write(f"lix_nb: {text}\n")


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("nb"))
    add_norwegian(root)
    build(Project(root=root, today=TODAY), root / "site")
    return root / "site"


def test_the_third_language_is_built_under_its_prefix(three_languages: Path) -> None:
    home = (three_languages / "nb" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in home
    assert MARK + "Welcome." in home
    pm = (three_languages / "nb" / "pm" / "demo-pm" / "index.html").read_text(encoding="utf-8")
    assert MARK in pm
    # Every language is still there, each at its own root, with the same pages.
    for prefix in ("", "en/", "nb/"):
        assert (three_languages / prefix / "pm" / "demo-pm" / "index.html").is_file()
    # The switcher offers all three, relative to this language's root.
    assert re.search(r'href="\.\./en/"[^>]*hreflang="en"|hreflang="en"[^>]*href="\.\./en/"', home), "the switcher lacks English"
    assert "Norsk bokmål" in (three_languages / "index.html").read_text(encoding="utf-8")


def test_its_404_page_points_to_its_own_root(three_languages: Path) -> None:
    page = (three_languages / "nb" / "404.html").read_text(encoding="utf-8")
    assert 'href="/nb/"' in page
    links = re.findall(r'(?:href|src)="(/[^"]*)"', page)
    assert links and all(link.startswith("/nb/") for link in links), links  # assets, navigation and the switcher alike


def test_its_search_is_its_own(three_languages: Path) -> None:
    """Pagefind indexes each language's build on its own and stems by <html lang>."""
    entry = json.loads((three_languages / "nb" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nb"]
    wasm = f"pagefind/wasm.{entry['languages']['nb']['wasm']}.pagefind"
    settings = (three_languages / "nb" / "sw.js").read_text(encoding="utf-8")
    assert f'"{wasm}"' in settings and "pagefind/wasm.unknown.pagefind" not in settings
    root_worker = (three_languages / "sw.js").read_text(encoding="utf-8")
    assert '"skip":["en/","nb/"]' in root_worker


def test_its_footer_is_its_own(three_languages: Path) -> None:
    page = (three_languages / "nb" / "index.html").read_text(encoding="utf-8")
    footer = page[page.index('class="md-copyright"'):]
    assert NB_FOOTER["footer_accessibility"] in footer and NB_FOOTER["footer_made_with"] in footer
    assert "Tillgänglighetsredogörelse" not in footer and "Accessibility statement" not in footer


def test_its_api_lists_every_language(three_languages: Path) -> None:
    register = json.loads((three_languages / "nb" / "api" / "documents.json").read_text(encoding="utf-8"))
    pm = next(d for d in register["documents"] if d["id"] == "demo-pm")
    assert pm["url"] == {"sv": "/pm/demo-pm/", "en": "/en/pm/demo-pm/", "nb": "/nb/pm/demo-pm/"}
    assert pm["title"]["nb"].startswith(MARK)


def test_a_missing_text_in_the_third_language_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    add_norwegian(root)
    page = root / "content" / "pages" / "index.yaml"
    data = load(page).data
    del data["title"]["nb"]
    page.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["--root", str(root), "validate", "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^content/pages/index\.yaml:3:\d+: title\.nb: the Norwegian Bokmål text \(nb:\) is missing; every text needs sv:, en: and nb:$", err, re.M), err


def test_a_language_the_site_does_not_have_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    page = root / "content" / "pages" / "index.yaml"
    page.write_text(page.read_text(encoding="utf-8").replace("title: {sv: Start, en: Home}", "title: {sv: Start, en: Home, de: Start}"), encoding="utf-8")
    assert main(["--root", str(root), "validate", "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "content/pages/index.yaml:2:30: title.de: unknown field 'de'; a text gives both sv: and en: (the languages in languages.yaml)" in err, err


def test_a_bad_language_table_is_reported_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    (root / "languages.yaml").write_text((root / "languages.yaml").read_text(encoding="utf-8") + NB_RECORD + "    search_forms: {e: a}\n", encoding="utf-8")
    assert main(["--root", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"languages\.yaml:\d+:\d+: languages\[2\]: search_forms 'e: a' is not a word ending", err), err


# -- no language in the code -----------------------------------------------------------

CODE = [*ROOT.glob("painguide/**/*.py"), *ROOT.glob("macros/**/*.j2"), *ROOT.glob("docs/overrides/**/*.html"),
        *ROOT.glob("docs/overrides/**/*.js"), *ROOT.glob("bench/*.py")]
LITERAL = re.compile(r"""["'](sv|en)["']|\b(sv|en)=|\.(sv|en)\b(?!\.min)""")
ALLOWED: set[tuple[str, str]] = set()


def test_no_language_is_named_outside_the_language_record() -> None:
    found = []
    for path in CODE:
        rel = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if LITERAL.search(line) and not any(rel == file and part in line for file, part in ALLOWED):
                found.append(f"{rel}:{number}: {line.strip()}")
    assert not found, "languages named in code; derive them from languages.yaml:\n" + "\n".join(found)


def test_the_literal_pattern_finds_what_it_should() -> None:
    for line in ('LANGS = ("sv", "en")', "Text.model_construct(sv=a, en=b)", "{{ score.sv.value }}", 'labels["en"]', "x == 'en'"):
        assert LITERAL.search(line), line
    for line in ("def sv_text(self):", "present", "lunr.sv.min.js", "self.en_dash"):
        assert not LITERAL.search(line), line
