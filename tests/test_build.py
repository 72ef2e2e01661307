"""Build tests: the real content builds into both language trees with complete checklists,
and a failed build of any stage leaves the previous site/ byte-identical."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from painguide.cli import main
from painguide.content import load_site
from painguide.errors import Problems
from tiny import ROOT, make_project, LANGUAGES

CONTENT = ROOT / "content"


def pages(site: Path) -> set[str]:
    """Relative paths of the HTML pages of one language tree."""
    out = set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith(("en/", "assets/", "search/")):
            out.add(rel)
    return out


class Checkboxes(HTMLParser):
    """Collects checklist checkboxes and the text of their labels."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, str] = {}
        self._label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "input" and a.get("data-item"):
            self.items[a["data-item"]] = ""
        if tag == "label" and a.get("for"):
            self._label = a["for"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label = None

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            for item in self.items:
                if item.lower() == self._label:
                    self.items[item] += data


def checkboxes(html: str) -> dict[str, str]:
    parser = Checkboxes()
    parser.feed(html)
    return {k: " ".join(v.split()) for k, v in parser.items.items()}


def plain(markdown: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", markdown).split())


def checklist_items(checklist_id: str) -> dict[str, object]:
    problems = Problems(ROOT)
    site = load_site(CONTENT, problems, LANGUAGES)
    for rec in site.recommendations:
        for chapter in rec.chapters:
            for block in chapter.model.blocks:
                if getattr(block, "id", None) == checklist_id:
                    return {item.id: item for item in block.items}
    raise AssertionError(f"checklist {checklist_id} not found in content/")


def test_both_language_trees_have_the_same_pages(built_site: Path) -> None:
    sv = pages(built_site)
    en = pages(built_site / "en")
    assert "index.html" in sv and "404.html" in sv
    assert sv == en
    assert {"regional-recommendation/index.html", "glossary/index.html", "regions/index.html",
            "regions/skane/index.html", "regions/halland/index.html", "regions/blekinge/index.html",
            "regions/kronoberg/index.html", "checklists/identification/index.html",
            "checklists/before-intrathecal-treatment/index.html"} <= sv


def test_html_lang_is_right_on_every_page(built_site: Path) -> None:
    for rel in pages(built_site):
        assert '<html lang="sv"' in (built_site / rel).read_text(encoding="utf-8"), rel
        assert '<html lang="en"' in (built_site / "en" / rel).read_text(encoding="utf-8"), rel


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "checklist, page, expected",
    [
        # Per-patient points first, then the service prerequisites (report point numbers in the text).
        ("CL-INTRATHECAL", "before-intrathecal-treatment", ["REQ-01", "REQ-05", "ELIG-I1", "ELIG-I2"]
         + [f"REQ-{n:02d}" for n in range(2, 21) if n != 5] + ["REQ-I1", "REQ-I2", "REQ-I3"]),
        ("CL-IDENT", "identification", [f"IDENT-{n}" for n in range(1, 6)]),
    ],
)
def test_checklist_page_has_every_item_from_the_content(built_site: Path, lang: str, checklist: str, page: str, expected: list[str]) -> None:
    prefix = built_site if lang == "sv" else built_site / "en"
    html = (prefix / "checklists" / page / "index.html").read_text(encoding="utf-8")
    found = checkboxes(html)
    assert list(found) == expected
    items = checklist_items(checklist)
    for item_id, label in found.items():
        assert label == plain(items[item_id].text[lang]), item_id
    assert f'data-version="' in html and "pg-print-header" in html


def test_internal_pump_variant_is_marked(built_site: Path) -> None:
    html = (built_site / "checklists" / "before-intrathecal-treatment" / "index.html").read_text(encoding="utf-8")
    external_only = set(re.findall(r'data-item="([^"]+)" data-variants="external"', html))
    internal_only = set(re.findall(r'data-item="([^"]+)" data-variants="internal"', html))
    assert external_only == {"REQ-07", "REQ-08", "REQ-17", "REQ-18", "REQ-19"}
    assert internal_only == {"ELIG-I1", "ELIG-I2", "REQ-I1", "REQ-I2", "REQ-I3"}


def test_draft_banner_and_metadata_on_document_pages(built_site: Path) -> None:
    for prefix, banner in ((built_site, "Utkast – ej fastställt"), (built_site / "en", "Draft – not approved")):
        for rel in ("regional-recommendation/index.html", "regional-recommendation/identification/index.html",
                    "checklists/identification/index.html"):
            html = (prefix / rel).read_text(encoding="utf-8")
            assert banner in html, rel
        index = (prefix / "regional-recommendation/index.html").read_text(encoding="utf-8")
        assert "Chefsamråd specialiserad palliativ vård" in index or "Council of heads of specialised palliative care" in index


def test_table_1_is_a_real_table(built_site: Path) -> None:
    html = (built_site / "regional-recommendation" / "current-situation" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table id="table-1"'):]
    table = table[: table.index("</table>")]
    assert "<caption>" in table and table.count("<tr") == 16  # header + 14 sites + total
    assert ">585<" in table and ">116<" in table


def test_abbreviations_are_explained(built_site: Path) -> None:
    html = (built_site / "regional-recommendation" / "identification" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">NRS</abbr>', html)


# -- atomic builds on the tiny project -------------------------------------------------

def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    project = make_project(tmp_path)
    assert main(["--root", str(project), "build", "--today", "2026-11-23"]) == 0
    return project


CHAPTER = "content/recommendations/demo/01-basics.yaml"
BREAKAGES = {
    "bad indentation": (CHAPTER, "  - type: findings", "   - type: findings",
                        r"content/recommendations/demo/01-basics\.yaml:\d+:\d+: .*YAML syntax error"),
    "duplicate key": ("content/regions.yaml", "    summary: {sv: Har lite., en: Has little.}",
                      "    summary: {sv: Har lite., en: Has little.}\n    summary: {sv: X, en: X}",
                      r"content/regions\.yaml:25:5: regions\[1\]\.summary: duplicate key 'summary' \(first written on line 24\)"),
    "removed en text": ("content/glossary.yaml", "definition: {sv: Ett möte., en: A meeting.}", "definition: {sv: Ett möte.}",
                        r"content/glossary\.yaml:\d+:17: terms\[1\]\.definition\.en: the English text \(en:\) is missing"),
    "template error (generate stage)": ("macros/region.md.j2", "{{ region.summary[lang] }}", "{{ region.nosuch[lang] }}",
                                        r"template error: .*nosuch"),
    # English renders in a forked process (generate.generate); its error still arrives.
    "template error in English only": ("macros/region.md.j2", "{{ region.summary[lang] }}",
                                       "{{ region.summary[lang] if lang == 'sv' else region.nosuch[lang] }}",
                                       r"template error: .*nosuch"),
    # A page is linked by id and checked by validate; a link to a file that is not there is MkDocs' to find.
    "broken link (MkDocs stage)": ("content/pages/index.yaml", "(recommendation-document:demo)", "(demo/nowhere.pdf)",
                                   r"mkdocs build of the 'sv' site failed"),
}


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_failed_build_leaves_site_untouched(tiny: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    rel, old, new, message = BREAKAGES[case]
    before = digest(tiny / "site")
    path = tiny / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(tiny), "build", "--today", "2026-11-23"]) == 1
    err = capsys.readouterr().err
    assert re.search(message, err), err
    assert "Traceback" not in err
    assert digest(tiny / "site") == before
    assert not list(tiny.glob("site.*")), "no temporary site folders are left behind"


@pytest.mark.parametrize("failing", ["sv", "en", "both"])
def test_a_template_error_in_any_language_writes_no_page(tiny: Path, capsys: pytest.CaptureFixture[str], failing: str) -> None:
    # Swedish renders here and English in a forked process that writes its own pages,
    # only after both have rendered.
    for lang in ("sv", "en"):
        (tiny / "docs" / lang / "stale.md").write_text("left from an earlier build\n", encoding="utf-8")
    before = digest(tiny / "docs")
    path = tiny / "macros" / "region.md.j2"
    broken = "region.nosuch[lang]" if failing == "both" else f"(region.nosuch[lang] if lang == '{failing}' else region.summary[lang])"
    path.write_text(path.read_text(encoding="utf-8").replace("{{ region.summary[lang] }}", "{{ " + broken + " }}"), encoding="utf-8")
    (tiny / "content" / "glossary.yaml").write_text((tiny / "content" / "glossary.yaml").read_text(encoding="utf-8").replace("A meeting.", "A gathering."), encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(tiny), "generate", "--today", "2026-11-23"]) == 1
    assert "nosuch" in capsys.readouterr().err
    assert digest(tiny / "docs") == before


def test_deleted_content_leaves_no_generated_page(tiny: Path) -> None:
    assert (tiny / "docs" / "sv" / "regions" / "south.md").exists()
    regions = tiny / "content" / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    regions.write_text(text[: text.index("  - id: south")], encoding="utf-8")
    document = tiny / "content" / "recommendations" / "demo" / "document.yaml"
    document.write_text(document.read_text(encoding="utf-8").replace("[north, south]", "[north]"), encoding="utf-8")
    pm = tiny / "content" / "pm" / "demo-pm.yaml"
    pm.write_text(pm.read_text(encoding="utf-8").replace("[north, south]", "[north]"), encoding="utf-8")
    assert main(["--root", str(tiny), "build", "--today", "2026-11-23"]) == 0
    for lang in ("sv", "en"):
        assert not (tiny / "docs" / lang / "regions" / "south.md").exists()
    assert not (tiny / "site" / "regions" / "south").exists()
    assert (tiny / "site" / "regions" / "north" / "index.html").exists()


def test_unchanged_pages_are_not_rewritten(tiny: Path) -> None:
    page = tiny / "docs" / "sv" / "glossary.md"
    stamp = page.stat().st_mtime_ns
    assert main(["--root", str(tiny), "generate", "--today", "2026-11-23"]) == 0
    assert page.stat().st_mtime_ns == stamp


# -- the engine's own notices reach the build log ---------------------------------------

def test_a_successful_build_shows_materials_end_of_life_notice_once(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs' and Material's notices are not hidden (no NO_MKDOCS_2_WARNING): Material's
    end-of-life date is printed once per build, not once per language, and --strict
    still passes."""
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    project = make_project(tmp_path)
    capsys.readouterr()
    assert main(["--root", str(project), "build", "--today", "2026-11-23"]) == 0
    err = capsys.readouterr().err
    assert len(re.findall(r"Material for MkDocs reaches end of life on \w+ \d+, \d{4}", err)) == 1, err
    assert "\x1b[" not in err, "colour codes are taken out of the log"


def test_mkdocs_notices_are_the_lines_before_its_log_and_its_warnings() -> None:
    from painguide.build import mkdocs_notices

    stderr = ("\n\x1b[33m │  \x1b[1mA notice.\x1b[0m\n\x1b[33m │\x1b[0m  Its second line.\n\n"
              "INFO    -  Cleaning site directory\nWARNING -  A warning.\nINFO    -  Documentation built in 1.00 seconds\n")
    assert mkdocs_notices(stderr) == [" │  A notice.\n │  Its second line.", "WARNING -  A warning."]
    assert mkdocs_notices("INFO    -  Documentation built in 1.00 seconds\n") == []
