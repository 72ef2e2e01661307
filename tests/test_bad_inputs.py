"""Bad content, one defect at a time: the exact message, exit 1, no traceback, no hang.

Every case starts from the minimal valid tree in tests/minimal_tree.py, overwrites or
adds one file, and runs the real entry point `painguide --root <tmp> validate`. The
expected lines are the whole error report (sorted), so a stray or missing message fails
as surely as a wrong position. Line:column numbers refer to the texts in minimal_tree.py.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from minimal_tree import APPROVED_META, CHAPTER, DOCUMENT, INDEX_PAGE, REFERENCES, REGIONS, edit, write, write_tree
from painguide.cli import main
from painguide import yamlload
from painguide.yamlload import MAX_DEPTH, MAX_NODES, LoadError, load

TODAY = "2026-03-01"
# A guard against a hang or a blow-up (a quadratic parse, an endless loop), not a speed
# target: validate takes about 0.3 s on an idle machine, and speed is measured by `make bench`.
# Set well above what a loaded 2-core machine needs (2.2 s was seen with the CPU shared 7 ways).
LIMIT_S = 20.0
LIMIT_BYTES = 50 * 1024 * 1024

REGIONS_FILE = "regions.yaml"
DOC_FILE = "recommendations/rec/document.yaml"
CHAPTER_FILE = "recommendations/rec/01-scope.yaml"
PAGE_FILE = "pages/index.yaml"

APPROVED_DOCUMENT = DOCUMENT[: DOCUMENT.index("meta:")] + APPROVED_META + DOCUMENT[DOCUMENT.index("regions:") :]

LINK_HELP = "links may only use https:, mailto: or tel:, or name a page of the site by id (pm:<id>; see content/README.md)"
HTML_HELP = "use Markdown instead, or write the character '<' as '&lt;'"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_tree(tmp_path)


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str, today: str = TODAY, memory: bool = False) -> tuple[int, list[str]]:
    """Run `painguide validate` (within LIMIT_S); return the exit code and the located
    report lines. With memory, run it once more under tracemalloc (which slows Python
    down several times, so it is not timed) and check the peak and the same report."""
    argv = ["--root", str(root), "validate", "--today", today, *args]
    start = time.perf_counter()
    code = main(argv)
    elapsed = time.perf_counter() - start
    out, err = capsys.readouterr()
    assert elapsed < LIMIT_S, f"validate took {elapsed:.2f} s"
    assert "Traceback" not in out + err
    if memory:
        tracemalloc.start()
        try:
            assert main(argv) == code
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < LIMIT_BYTES, f"validate used {peak / 1e6:.0f} MB"
        assert capsys.readouterr().err == err
    lines: list[str] = []
    for line in err.splitlines():
        if line.startswith("content/"):
            lines.append(line)
        elif line.startswith("    ") and lines:  # a problem's further lines (a LIX error's sentences) stay with it
            lines[-1] += "\n" + line
    return code, lines


def assert_errors(root: Path, capsys: pytest.CaptureFixture[str], *expected: str, memory: bool = False, args: tuple[str, ...] = ()) -> None:
    code, lines = run(root, capsys, *args, memory=memory)
    assert lines == list(expected)
    assert code == 1


def test_minimal_tree_is_valid(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(project, capsys)
    assert (code, lines) == (0, [])


# --- One defect, one file: (id, file, text, expected report lines) ----------------------

CASES = [
    (
        "syntax-unclosed-brace", REGIONS_FILE,
        "title: {sv: Regioner, en: Regions\nintro: {sv: a, en: b}\n",
        ["content/regions.yaml:2:6: YAML syntax error: a ',' between the entries or the closing '}' is missing (in the { … } that starts on line 1)"],
    ),
    (
        "syntax-colon-in-text", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: Note: read this first"),
        ["content/pages/index.yaml:5:11: YAML syntax error: a ': ' (colon and space) is not allowed here; put text that contains ': ' in quotes, or check the indentation"],
    ),
    (
        "syntax-unclosed-quote", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", 'en: "Welcome.'),
        ["content/pages/index.yaml:8:1: YAML syntax error: the file ends before a quote or bracket is closed (in the quoted text that starts on line 5)"],
    ),
    (
        "syntax-bad-indentation", PAGE_FILE,
        edit(INDEX_PAGE, "  en: Welcome.", " en: Welcome."),
        ["content/pages/index.yaml:5:2: YAML syntax error: the indentation is wrong, or a text needs quotes; every field at one level must start in the same column (in the fields that start on line 1)"],
    ),
    (
        "tab-indentation", PAGE_FILE,
        edit(INDEX_PAGE, "  en: Welcome.", "\ten: Welcome."),
        ["content/pages/index.yaml:5:1: a tab character is not allowed; use spaces"],
    ),
    (
        "duplicate-key", CHAPTER_FILE,
        edit(CHAPTER, "    priority: 3\n", "    priority: 3\n    priority: 4\n"),
        ["content/recommendations/rec/01-scope.yaml:12:5: blocks[0].priority: duplicate key 'priority' (first written on line 11); remove one of them"],
    ),
    (
        "unknown-field-with-hint", DOC_FILE,
        edit(DOCUMENT, "  status: draft\n", "  status: draft\n  valid_untill: 2027-01-01\n"),
        ["content/recommendations/rec/document.yaml:7:3: meta.valid_untill: unknown field 'valid_untill'; did you mean 'valid_until'?"],
    ),
    (
        "unknown-field-no-hint", PAGE_FILE,
        INDEX_PAGE + "colour: red\n",
        ["content/pages/index.yaml:8:1: colour: unknown field 'colour'"],
    ),
    (
        "text-where-number-expected", CHAPTER_FILE,
        edit(CHAPTER, "priority: 3", "priority: high"),
        ["content/recommendations/rec/01-scope.yaml:11:15: blocks[0].priority: expected a whole number, got 'high'"],
    ),
    (
        "number-where-text-expected", REGIONS_FILE,
        edit(REGIONS, "name: {sv: Region Skåne, en: Region Skåne}", "name: {sv: 12, en: Region Skåne}"),
        ["content/regions.yaml:5:16: regions[0].name.sv: expected text, got 12; put the value in quotes if it is meant as text"],
    ),
    (
        "unquoted-version-is-a-number", DOC_FILE,
        edit(DOCUMENT, 'version: "0.1"\n  status', "version: 0.1\n  status"),
        ["content/recommendations/rec/document.yaml:5:12: meta.version: expected text, got 0.1; put the value in quotes if it is meant as text"],
    ),
    (
        "missing-required-field", "references.yaml",
        edit(REFERENCES, "    publisher: Region\n", ""),
        ["content/references.yaml:4:5: references[0].publisher: required field 'publisher' is missing"],
    ),
    (
        "missing-english-text", REGIONS_FILE,
        edit(REGIONS, "name: {sv: Region Skåne, en: Region Skåne}", "name: {sv: Region Skåne}"),
        ["content/regions.yaml:5:11: regions[0].name.en: the English text (en:) is missing; every text needs both sv: and en:"],
    ),
    (
        "missing-swedish-text", PAGE_FILE,
        edit(INDEX_PAGE, "  sv: Välkommen.\n", ""),
        ["content/pages/index.yaml:4:3: body.sv: the Swedish text (sv:) is missing; every text needs both sv: and en:"],
    ),
    (
        "empty-text-quoted", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: '   '"),
        ["content/pages/index.yaml:5:7: body.en: the English text (en:) is empty; write the text after 'en:'"],
    ),
    (
        "empty-text-nothing", PAGE_FILE,
        edit(INDEX_PAGE, "sv: Välkommen.", "sv:"),
        ["content/pages/index.yaml:4:6: body.sv: the Swedish text (sv:) is empty; write the text after 'sv:'"],
    ),
    (
        "unknown-region", DOC_FILE,
        edit(DOCUMENT, "regions: [skane]", "regions: [skane, gotland]"),
        ["content/recommendations/rec/document.yaml:12:18: regions[1]: unknown region 'gotland'; known regions are skane"],
    ),
    (
        "unknown-source-file", CHAPTER_FILE,
        edit(CHAPTER, "      - {file: 001_0123456789abcdef.txt, section: Förslag}", "      - {file: 009_ffffffffffffffff.txt, section: Förslag}"),
        ["content/recommendations/rec/01-scope.yaml:13:16: blocks[0].sources[0].file: unknown source file '009_ffffffffffffffff.txt'; list it in content/references.yaml"],
    ),
    (
        "impossible-date", DOC_FILE,
        edit(DOCUMENT, "date: 2026-01-01", "date: 2026-02-30"),
        ["content/recommendations/rec/document.yaml:10:13: meta.changelog[0].date: '2026-02-30' is not a real calendar date"],
    ),
    (
        "date-in-wrong-form", DOC_FILE,
        edit(DOCUMENT, "date: 2026-01-01", "date: 1/1/2026"),
        ["content/recommendations/rec/document.yaml:10:13: meta.changelog[0].date: '1/1/2026' is not a date; write it as YYYY-MM-DD, for example 2026-05-31"],
    ),
    (
        "valid-until-before-approval", DOC_FILE,
        edit(APPROVED_DOCUMENT, "valid_until: 2028-01-15", "valid_until: 2025-12-31"),
        ["content/recommendations/rec/document.yaml:11:16: meta.valid_until: valid_until (2025-12-31) must be after the approval date (2026-01-15)"],
    ),
    (
        "approved-without-approver", DOC_FILE,
        edit(APPROVED_DOCUMENT, "  approver: {sv: Godkännare, en: Approver}\n", ""),
        ["content/recommendations/rec/document.yaml:5:3: meta: an approved document needs approver"],
    ),
    (
        "latin-1-file", PAGE_FILE,
        INDEX_PAGE.encode("latin-1"),
        ["content/pages/index.yaml:4:8: file is not valid UTF-8 (byte 0xe4); save it as UTF-8"],
    ),
    (
        "utf8-bom", PAGE_FILE,
        b"\xef\xbb\xbf" + INDEX_PAGE.encode(),
        ["content/pages/index.yaml:1:1: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"],
    ),
    ("empty-file", PAGE_FILE, "", ["content/pages/index.yaml:1:1: file is empty"]),
    ("comments-only", PAGE_FILE, "# nothing yet\n", ["content/pages/index.yaml:1:1: file is empty"]),
    (
        "top-level-list", REGIONS_FILE,
        "- id: skane\n- id: halland\n",
        ["content/regions.yaml:1:1: the top level of a content file must be a mapping of field: value"],
    ),
    (
        "control-character", PAGE_FILE,
        edit(INDEX_PAGE, "Welcome.", "Wel\x00come."),
        ["content/pages/index.yaml:5:10: the file contains an invisible control character (U+0000); delete it"],
    ),
    (
        "second-yaml-document", PAGE_FILE,
        INDEX_PAGE + "---\nid: other\n",
        ["content/pages/index.yaml:8:1: a content file holds one YAML document; remove the second '---' and what follows, or move it to its own file"],
    ),
    (
        "plain-alias", REGIONS_FILE,
        edit(REGIONS, "title: {sv: Regioner, en: Regions}\nintro: {sv: Regionerna., en: The regions.}", "title: &t {sv: Regioner, en: Regions}\nintro: *t"),
        ["content/regions.yaml:1:8: title: YAML anchors and aliases (& and *) are not allowed; write the text out in full"],
    ),
    (
        "merge-key", PAGE_FILE,
        INDEX_PAGE + "<<: {nav_title: {sv: S, en: H}}\n",
        ["content/pages/index.yaml:8:1: YAML merge keys (<<) are not allowed; write the fields out in full"],
    ),
    (
        "custom-local-tag", PAGE_FILE,
        edit(INDEX_PAGE, "title: {sv: Start, en: Home}", "title: !text {sv: Start, en: Home}"),
        ["content/pages/index.yaml:2:8: title: YAML tags such as '!text' are not allowed; remove the tag"],
    ),
    (
        "binary-tag", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: !!binary V2VsY29tZQ=="),
        ["content/pages/index.yaml:5:7: body.en: YAML tags such as '!!binary' are not allowed; remove the tag"],
    ),
    # YAML 1.1 would turn these into False, True, 10 (octal) and 90 (sexagesimal).
    (
        "yaml11-no-in-enum", DOC_FILE,
        edit(DOCUMENT, "status: draft", "status: no"),
        ["content/recommendations/rec/document.yaml:6:11: meta.status: 'no' is not allowed here; choose one of 'draft', 'approved' or 'retired'"],
    ),
    (
        "yaml11-on-in-bool", DOC_FILE,
        edit(DOCUMENT, "  status: draft\n", "  status: draft\n  release_blocker: on\n"),
        ["content/recommendations/rec/document.yaml:7:20: meta.release_blocker: expected true or false, got 'on'"],
    ),
    (
        "yaml11-yes-in-bool", REGIONS_FILE,
        edit(REGIONS, "      available: false", "      available: yes"),
        ["content/regions.yaml:17:18: regions[0].internal_pumps.available: expected true or false, got 'yes'"],
    ),
    (
        "yaml11-octal-int", CHAPTER_FILE,
        edit(CHAPTER, "priority: 3", "priority: 012"),
        ["content/recommendations/rec/01-scope.yaml:11:15: blocks[0].priority: expected a whole number, got '012'; write it without the leading zero"],
    ),
    (
        "yaml11-sexagesimal-int", CHAPTER_FILE,
        edit(CHAPTER, "priority: 3", "priority: 1:30"),
        ["content/recommendations/rec/01-scope.yaml:11:15: blocks[0].priority: expected a whole number, got '1:30'"],
    ),
    (
        "int-out-of-range", CHAPTER_FILE,
        edit(CHAPTER, "priority: 3", "priority: 11"),
        ["content/recommendations/rec/01-scope.yaml:11:15: blocks[0].priority: 11 is too large; the highest allowed value is 10"],
    ),
    (
        "unknown-block-type", CHAPTER_FILE,
        edit(CHAPTER, "type: recommendation", "type: recomendation"),
        ["content/recommendations/rec/01-scope.yaml:6:11: blocks[0].type: unknown block type 'recomendation'; did you mean 'recommendation'? "
         "(the block types are text, recommendation, findings, list, definitions, table, checklist)"],
    ),
    (
        "recommendation-id-form", CHAPTER_FILE,
        edit(CHAPTER, "id: R-X-1", "id: r-x-1"),
        ["content/recommendations/rec/01-scope.yaml:7:9: blocks[0].id: 'r-x-1' is not allowed here; "
         "write a recommendation id as R-, capital letters, a hyphen and a number, for example R-IDENT-1"],
    ),
    (
        "empty-list", CHAPTER_FILE,
        CHAPTER[: CHAPTER.index("blocks:")] + "blocks: []\n",
        ["content/recommendations/rec/01-scope.yaml:5:9: blocks: the list is empty; at least one entry is needed"],
    ),
    # Unsafe Markdown in a text field.
    (
        "html-script", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: <script>alert(1)</script>"),
        [f"content/pages/index.yaml:5:7: body.en: raw HTML is not allowed in text ('<script>alert(1)</sc…'); {HTML_HELP}"],
    ),
    (
        "html-img-onerror", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: See <img src=x onerror=alert(1)>"),
        [f"content/pages/index.yaml:5:7: body.en: raw HTML is not allowed in text ('<img src=x onerror=a…'); {HTML_HELP}"],
    ),
    (
        "link-javascript", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: '[x](javascript:alert(1))'"),
        [f"content/pages/index.yaml:5:7: body.en: link 'javascript:alert(1)' uses javascript:; {LINK_HELP}"],
    ),
    (
        "link-javascript-entity", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: '[x](&#106;avascript:alert(1))'"),
        [f"content/pages/index.yaml:5:7: body.en: link 'javascript:alert(1)' uses javascript:; {LINK_HELP}"],
    ),
    (
        "link-javascript-line-break", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", 'en: "[x](java\\nscript:alert(1))"'),
        [f"content/pages/index.yaml:5:7: body.en: link 'javascript:alert(1)' uses javascript:; {LINK_HELP}"],
    ),
    (
        "link-javascript-reference", PAGE_FILE,
        edit(INDEX_PAGE, "  en: Welcome.", "  en: |\n    [x][r]\n\n    [r]: javascript:alert(1)"),
        [f"content/pages/index.yaml:5:7: body.en: link 'javascript:alert(1)' uses javascript:; {LINK_HELP}"],
    ),
    (
        "link-data", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: '[x](data:text/html;base64,PHNjcmlwdD4=)'"),
        [f"content/pages/index.yaml:5:7: body.en: link 'data:text/html;base64,PHNjcmlwdD4=' uses data:; {LINK_HELP}"],
    ),
    (
        "link-http", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: '[x](http://example.com)'"),
        ["content/pages/index.yaml:5:7: body.en: link 'http://example.com' uses http:; only https: links are allowed"],
    ),
    (
        "link-protocol-relative", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: '[x](//evil.example/x)'"),
        ["content/pages/index.yaml:5:7: body.en: link '//evil.example/x' has no scheme; write https://…"],
    ),
    (
        "attribute-list-onclick", PAGE_FILE,
        edit(INDEX_PAGE, "en: Welcome.", "en: '[x](https://ok.example){onclick=\"alert(1)\"}'"),
        ["content/pages/index.yaml:5:7: body.en: HTML attributes in braces are not allowed in text ('{onclick=\"alert(1)\"}'); remove them"],
    ),
    # Files that are not content.
    (
        "unknown-content-file", "foo.yaml",
        "title: x\n",
        ["content/foo.yaml:1:1: unknown content file; expected one of pages/<id>.yaml, recommendations/<id>/document.yaml, recommendations/<id>/NN-<chapter>.yaml, pm/<id>.yaml, warning-signs.yaml, patient-info/<id>.yaml, training/<id>.yaml, competence/<id>.yaml, regions.yaml, glossary.yaml, references.yaml, figures.yaml"],
    ),
    (
        "yml-extension", "pages/about.yml",
        INDEX_PAGE,
        ["content/pages/about.yml:1:1: content files end in .yaml, not .yml"],
    ),
]


@pytest.mark.parametrize(("rel", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_defect(project: Path, capsys: pytest.CaptureFixture[str], rel: str, text: str | bytes, expected: list[str]) -> None:
    write(project, rel, text)
    assert_errors(project, capsys, *expected)


def test_same_recommendation_id_in_two_chapters(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "recommendations/rec/02-more.yaml", edit(CHAPTER, "id: scope", "id: more"))
    assert_errors(
        project, capsys,
        "content/recommendations/rec/02-more.yaml:7:9: blocks[0].id: id 'R-X-1' is already used at content/recommendations/rec/01-scope.yaml:7",
    )


def test_broken_document_does_not_orphan_its_chapters(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Only the document's own error: not also "recommendations/rec/ has chapters but no document.yaml".
    write(project, DOC_FILE, edit(DOCUMENT, "id: rec", "id: rec\nid: rec"))
    assert_errors(project, capsys, "content/recommendations/rec/document.yaml:2:1: id: duplicate key 'id' (first written on line 1); remove one of them")


def test_chapters_without_document(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content" / DOC_FILE).unlink()
    assert_errors(project, capsys, "content/recommendations/rec/01-scope.yaml:1:1: recommendations/rec/ has chapters but no document.yaml")


def test_custom_python_tag_runs_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pwned = project / "pwned"
    write(project, PAGE_FILE, edit(INDEX_PAGE, "title: {sv: Start, en: Home}", f'title: !!python/object/apply:os.system ["echo hacked > {pwned}"]'))
    assert_errors(
        project, capsys,
        "content/pages/index.yaml:2:8: title: YAML tags such as '!!python/object/apply:os.system' are not allowed; remove the tag",
    )
    assert not pwned.exists()


# --- Bombs: refused quickly, in little memory -------------------------------------------


def test_file_over_one_mib(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "x" * 100 + "\n"
    write(project, PAGE_FILE, INDEX_PAGE + "# " + body * (5 * 1024 * 1024 // len(body)))
    assert_errors(project, capsys, "content/pages/index.yaml:1:1: file is 5120 KiB; content files may be at most 1024 KiB", memory=True)


def test_flow_nesting_ten_thousand_deep(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # With libyaml (which the lock installs; 0.2.6 and later), its own 1000-level limit
    # fires first here, because the scanner reads every '[' ahead as a possible key.
    import yaml

    assert yaml.__with_libyaml__, "the locked PyYAML should bring libyaml"
    write(project, PAGE_FILE, INDEX_PAGE + "nav_title: " + "[" * 10_000 + "]" * 10_000 + "\n")
    # The first '[' (column 12) is nav_title's value, one level down; the 41st is one too many.
    assert_errors(
        project, capsys,
        f"content/pages/index.yaml:8:52: nav_title: data is nested more than {MAX_DEPTH} levels deep; check the indentation and brackets",
        memory=True,
    )


def test_block_nesting_deep(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = "".join("  " * depth + "a:\n" for depth in range(1, 300))
    write(project, PAGE_FILE, INDEX_PAGE + "nav_title:\n" + nested)
    # Line 8 + d holds the key at depth d; its value, 41 levels down when d = 40, starts
    # on the next line at column 2 × 41 + 1.
    assert_errors(
        project, capsys,
        f"content/pages/index.yaml:49:83: nav_title: data is nested more than {MAX_DEPTH} levels deep; check the indentation and brackets",
        memory=True,
    )


def test_block_list_nesting_deep(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, PAGE_FILE, INDEX_PAGE + "nav_title:\n  " + "- " * 10_000 + "x\n")
    assert_errors(
        project, capsys,
        f"content/pages/index.yaml:9:83: nav_title: data is nested more than {MAX_DEPTH} levels deep; check the indentation and brackets",
        memory=True,
    )


def test_billion_laughs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    write(project, PAGE_FILE, INDEX_PAGE + "\n".join(lines) + "\n")
    assert_errors(
        project, capsys,
        "content/pages/index.yaml:8:7: lol0: YAML anchors and aliases (& and *) are not allowed; write the text out in full",
        memory=True,
    )


def test_too_many_values(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, PAGE_FILE, INDEX_PAGE + "nav_title: [" + "a," * 400_000 + "]\n")
    # The page above holds 12 values and the list itself is the 13th, so item 49987 (at
    # column 13 + 2 × 49987) is value 50001.
    assert_errors(
        project, capsys,
        f"content/pages/index.yaml:8:99987: nav_title[49987]: the file holds more than {MAX_NODES} values; split it into smaller files",
        memory=True,
    )


# --- Several problems in one run ---------------------------------------------------------


def test_several_errors_in_several_files_reported_together(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, REGIONS_FILE, edit(REGIONS, "coverage: round-the-clock", "coverage: always"))
    write(project, PAGE_FILE, edit(INDEX_PAGE, "en: Welcome.", "en: <b>Welcome</b>"))
    write(project, CHAPTER_FILE, edit(edit(CHAPTER, "priority: 3", "priority: on"), "id: scope", "id: Scope"))
    write(project, "glossary.yaml", "title: {sv: Ordlista}\n")
    code, lines = run(project, capsys)
    assert code == 1
    assert lines == [
        "content/glossary.yaml:1:1: intro: required field 'intro' is missing",
        "content/glossary.yaml:1:1: terms: required field 'terms' is missing",
        "content/glossary.yaml:1:8: title.en: the English text (en:) is missing; every text needs both sv: and en:",
        f"content/pages/index.yaml:5:7: body.en: raw HTML is not allowed in text ('<b>Welcome</b>…'); {HTML_HELP}",
        "content/recommendations/rec/01-scope.yaml:1:5: id: 'Scope' is not allowed here; use only lower-case letters a–z (no å, ä, ö), digits and hyphens, for example care-process",
        "content/recommendations/rec/01-scope.yaml:11:15: blocks[0].priority: expected a whole number, got 'on'",
        "content/regions.yaml:8:17: regions[0].specialised_palliative_care.coverage: 'always' is not allowed here; choose one of 'round-the-clock', 'office-hours-weekend-phone' or 'office-hours'",
    ]
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])))
    assert capsys.readouterr().err == ""  # everything was read above


def test_error_count_footer(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, PAGE_FILE, "")
    write(project, REGIONS_FILE, "")
    assert main(["--root", str(project), "validate", "--today", TODAY]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "painguide: 2 error(s); nothing was written"


# --- Usage errors: exit 2 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["validate", "--today", "notadate"], "argument --today: 'notadate' is not a date (YYYY-MM-DD)"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
    ],
    ids=["bad-date", "unknown-command", "no-command"],
)
def test_bad_usage_exits_2(project: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--root", str(project), *argv])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# --- --release: warnings and drafts become errors ----------------------------------------


def test_todo_marker_is_an_error_only_in_release(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, CHAPTER_FILE, edit(CHAPTER, "en: Do this.", "en: Do this. TODO check the dose"))
    assert run(project, capsys) == (0, [])
    assert_errors(
        project, capsys,
        "content/recommendations/rec/01-scope.yaml:10:11: blocks[0].text.en: a TODO marker is left in the text; finish it before release",
        args=("--release",),
    )


def test_release_blocker_draft_is_an_error_only_in_release(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, DOC_FILE, edit(DOCUMENT, "  status: draft\n", "  status: draft\n  release_blocker: true\n"))
    assert run(project, capsys) == (0, [])
    assert_errors(
        project, capsys,
        "content/recommendations/rec/document.yaml:7:20: meta.release_blocker: this draft is marked release_blocker; it cannot be released",
        args=("--release",),
    )


def test_expired_document_warns_and_fails_release(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, DOC_FILE, APPROVED_DOCUMENT)
    expired = "content/recommendations/rec/document.yaml:11:16: {}meta.valid_until: the document expired on 2028-01-15; review it or mark it retired"
    assert run(project, capsys, today="2028-02-01") == (0, [expired.format("warning: ")])
    code, lines = run(project, capsys, "--release", today="2028-02-01")
    assert (code, lines) == (1, [expired.format("")])


# --- painguide.yamlload.load directly ------------------------------------------------------


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_load_positions_of_keys_and_values(tmp_path: Path) -> None:
    doc = _load(tmp_path, "title:\n  sv: Hej\n  en: Hello\nlist:\n  - a\n  - {k: v}\nflow: [x, y]\n")
    assert doc.data == {"title": {"sv": "Hej", "en": "Hello"}, "list": ["a", {"k": "v"}], "flow": ["x", "y"]}
    assert doc.keys[("title",)] == (1, 1)
    assert doc.keys[("title", "en")] == (3, 3)
    assert doc.values[("title", "en")] == (3, 7)
    assert doc.values[("list", 1)] == (6, 5)
    assert doc.keys[("list", 1, "k")] == (6, 6)
    assert doc.values[("list", 1, "k")] == (6, 9)
    assert doc.values[("flow", 1)] == (7, 11)
    assert doc.locate(("title", "en")) == (3, 7)
    assert doc.locate(("title", "en"), key=True) == (3, 3)
    assert doc.locate(("title", "fr")) == (2, 3)  # a missing field: its enclosing mapping
    assert doc.locate(("nothing", 3, "here")) == (1, 1)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("no", "no"), ("on", "on"), ("yes", "yes"), ("off", "off"), ("True", "True"),
        ("012", "012"), ("0x1F", "0x1F"), ("1:30", "1:30"), ("1_000", "1_000"),
        ("2026-01-01", "2026-01-01"), ("2026-02-30", "2026-02-30"), (".inf", ".inf"),
        ("true", True), ("false", False), ("12", 12), ("-3", -3), ("0", 0), ("2.5", 2.5),
        ('"12"', "12"), ("'true'", "true"), ("!!str 12", "12"), ("~", None), ("null", None), ("", None),
    ],
)
def test_load_scalar_typing(tmp_path: Path, written: str, value: object) -> None:
    data = _load(tmp_path, f"v: {written}\n").data["v"]
    assert data == value and type(data) is type(value)


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first written on line 1); remove one of them"),
        ("a: &x 1\nb: *x\n", 1, 4, "YAML anchors and aliases (& and *) are not allowed; write the text out in full"),
        ("a: !!python/name:os.system\n", 1, 4, "YAML tags such as '!!python/name:os.system' are not allowed; remove the tag"),
        ("a:\n\t- 1\n", 2, 1, "a tab character is not allowed; use spaces"),
        ("!!python/name:os.system k: v\n", 1, 1, "YAML tags such as '!!python/name:os.system' are not allowed; remove the tag"),
        ("a: 1\n---\nb: 2\n", 2, 1, "a content file holds one YAML document; remove the second '---' and what follows, or move it to its own file"),
        ("[a, b]: 1\n", 1, 1, "a field name must be plain text, not a list or a mapping"),
        ("- 1\n", 1, 1, "the top level of a content file must be a mapping of field: value"),
    ],
)
def test_load_refuses(tmp_path: Path, text: str, line: int, col: int, message: str) -> None:
    with pytest.raises(LoadError) as info:
        _load(tmp_path, text)
    assert (info.value.line, info.value.col, info.value.message) == (line, col, message)


# A file that is plainly valid is loaded without positions (yamlload._fast); every other
# file goes through the builder that records them and words every problem. The two must
# give the same data, and the fast one must hand over everything it does not handle.
VALID_BY_BOTH = [
    "title:\n  sv: Hej\n  en: Hello\nlist:\n  - a\n  - {k: v}\n  - []\n  - {}\nflow: [x, y]\n",
    "a: no\nb: 012\nc: 2.5\nd: -3\ne: ~\nf:\ng: 'true'\nh: \"12\"\ni: true\n",
    "text: |\n  Rad ett\n  rad två\nfolded: >\n  ett\n  två\nkey with spaces: ö\n",
    "nested:\n  - - - deep\n    - [1, [2, [3]]]\n",
    "'<<': quoted merge key is text\n\"q\": 1\n",
    "---\na: 1\n...\n",
]
TAGGED = "a: !!str 12\nb: ! 12\nc: !!int 12\nd: !!map {x: 1}\n"  # allowed, and left to the tracked builder
HANDED_OVER = [
    "a: 1\na: 2\n", "a: &x 1\nb: *x\n", "a: !!python/name:os.system\n", "a: 1\n---\nb: 2\n",
    "[a, b]: 1\n", "- 1\n", "<<: {a: 1}\n", "", "# only a comment\n", "a: [1, 2\n", "a: b: c\n",
    "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
    "a: [" + ", ".join(["1"] * (MAX_NODES + 1)) + "]\n",
]


def _tracked_data(text: str) -> object:
    return yamlload._tracked(text).root


@pytest.mark.parametrize("text", VALID_BY_BOTH)
def test_fast_and_tracked_load_agree(text: str) -> None:
    assert yamlload._fast(text) == _tracked_data(text)


def test_a_tagged_file_is_loaded_by_the_tracked_builder(tmp_path: Path) -> None:
    with pytest.raises(yamlload._Unusual):
        yamlload._fast(TAGGED)
    doc = _load(tmp_path, TAGGED)
    assert doc.data == {"a": "12", "b": "12", "c": 12, "d": {"x": 1}}
    assert doc._positions is not None


def test_fast_and_tracked_load_agree_on_the_shipped_content() -> None:
    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("content/**/*.yaml")) + sorted(root.glob("macros/labels/*.yaml"))
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = yamlload._fast(text)
        assert fast == _tracked_data(text), path
        assert [type(v) for v in _flat(fast)] == [type(v) for v in _flat(_tracked_data(text))], path


def _flat(data: object) -> list[object]:
    if isinstance(data, dict):
        return [x for key, value in data.items() for x in [key, *_flat(value)]]
    if isinstance(data, list):
        return [x for value in data for x in _flat(value)]
    return [data]


@pytest.mark.parametrize("text", HANDED_OVER, ids=range(len(HANDED_OVER)))
def test_fast_load_hands_every_problem_to_the_tracked_builder(text: str) -> None:
    with pytest.raises(yamlload._Unusual):
        yamlload._fast(text)
    with pytest.raises(LoadError):
        yamlload._tracked(text)


def test_positions_are_found_only_when_asked_for(tmp_path: Path) -> None:
    doc = _load(tmp_path, "a:\n  b: [1, 2]\n")
    assert doc._positions is None
    assert doc.locate(("a", "b", 1)) == (2, 10)


def test_a_number_too_long_for_python_stays_text(tmp_path: Path) -> None:
    # int() refuses more than 4,300 digits; the loader must not crash on it.
    digits = "9" * 5000
    assert _load(tmp_path, f"a: {digits}\n").data == {"a": digits}
    assert _tracked_data(f"a: {digits}\n") == {"a": digits}
