"""Delegation (issue 19, part 6): written once in a competence description, shown by
reference in modules; the external documents it cites are listed apart on the sources page
and marked where they are cited. Each defect is reported at its exact file:line:col."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from minimal_tree import REFERENCES, SOURCE_FILE, edit, write
from painguide.checks import check_site
from painguide.content import load_site
from painguide.errors import Problems
from painguide.labels import load_labels
from painguide.links import page_url
from painguide.provenance import statements
from painguide.readability import delegation_text, lix
from painguide.render import Renderer
from test_bad_inputs import assert_errors, run
from test_training import COMPETENCE, COMPETENCE_FILE, MODULE, MODULE_FILE
from test_training import project as project  # noqa: F401  (the fixture, reused)
from tiny import FIXTURE, LANGUAGES, ROOT, TODAY

EXTERNAL = """\
  - id: sosfs-1997-14
    short_title: {sv: "SOSFS 1997:14", en: "SOSFS 1997:14"}
    title: {sv: Föreskrift om delegering, en: Regulation on delegation}
    publisher: Socialstyrelsen
    language: sv
    url: https://example.org/sosfs-199714/
    checked: "2026-12-06"
"""
"""An external document: references.yaml lines 8–14."""

DELEGATION = """\
delegation:
  intro: {sv: Vissa saker kräver att du har fått lov., en: Some tasks need a delegation.}
  nursing_care:
    - id: CARE-1
      text: {sv: Hjälpa till att duscha., en: Help the patient shower.}
      see: [NURSE-1]
      basis: proposal
  health_care:
    - id: DELEG-1
      text: {sv: Ge en extra dos., en: Give an extra dose.}
      see: [R-X-1]
      basis: proposal
  references: [sosfs-1997-14]
"""
"""Inserted before the description's last line (sources:): lines 17–29 of competence/nurse.yaml."""

WITH_DELEGATION = COMPETENCE[: COMPETENCE.rindex("sources:")] + DELEGATION + COMPETENCE[COMPETENCE.rindex("sources:"):]
SHOWN_BY = edit(MODULE, "include: [R-X-1]\n", "include: [R-X-1]\n    delegation_of: nurse\n")


CITED = f"""\
  - id: hta-report
    title: {{sv: HTA-rapport, en: HTA report}}
    publisher: HTA Syd
    language: sv
    cited_in: {{file: {SOURCE_FILE}, section: fotnot 7}}
"""
"""A document a seed cites: references.yaml lines 15–19."""


@pytest.fixture
def delegating(project: Path) -> Path:  # noqa: F811
    write(project, "references.yaml", REFERENCES + EXTERNAL + CITED)
    write(project, COMPETENCE_FILE, WITH_DELEGATION)
    write(project, MODULE_FILE, SHOWN_BY)
    return project


def test_a_delegation_shown_by_a_module_passes(delegating: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(delegating, capsys) == (0, [])


CASES = [
    ("unknown-reference", COMPETENCE_FILE, edit(WITH_DELEGATION, "references: [sosfs-1997-14]", "references: [sosfs-1997-41]"),
     ["content/competence/nurse.yaml:29:16: delegation.references[0]: unknown external document 'sosfs-1997-41'; "
      "did you mean 'sosfs-1997-14'?; list it in content/references.yaml with id, url and checked"]),
    ("a-cited-document-is-not-external", COMPETENCE_FILE, edit(WITH_DELEGATION, "references: [sosfs-1997-14]", "references: [hta-report]"),
     ["content/competence/nurse.yaml:29:16: delegation.references[0]: 'hta-report' is a document a seed cites (cited_in); "
      "a delegation cites external documents (url and checked)"]),
    ("unknown-see-id", COMPETENCE_FILE, edit(WITH_DELEGATION, "see: [R-X-1]", "see: [R-X-2]"),
     ["content/competence/nurse.yaml:27:13: delegation.health_care[0].see[0]: unknown id 'R-X-2'; give the id of a recommendation, "
      "checklist, requirement point, list, table, PM step or warning sign; did you mean 'R-X-1'?"]),
    ("task-id-of-an-item", COMPETENCE_FILE, edit(WITH_DELEGATION, "id: DELEG-1", "id: NURSE-1"),
     ["content/competence/nurse.yaml:25:11: delegation.health_care[0].id: id 'NURSE-1' is already used at content/competence/nurse.yaml:11"]),
    ("task-without-basis", COMPETENCE_FILE, edit(WITH_DELEGATION, "      see: [R-X-1]\n      basis: proposal\n", "      see: [R-X-1]\n"),
     # Only there: the module's item and box are in the description that could not be read (issue 21, part 3).
     ["content/competence/nurse.yaml:25:7: delegation.health_care[0]: basis is missing; give sources: (the file and the section "
      "that says it), or write basis: general-knowledge or basis: proposal"]),
    ("hard-swedish", COMPETENCE_FILE, edit(WITH_DELEGATION, "Vissa saker kräver att du har fått lov.",
                                           "'Delegeringsbeslutet dokumenteras skriftligen, personligen och tidsbegränsat.'"),
     ["content/competence/nurse.yaml:18:16: delegation.intro.sv: Swedish LIX is 40.4, above 40 (assistant nurses read it, as patients "
      "read leaflets); shorten sentences and words. The longest sentences, where to start:\n"
      "    content/competence/nurse.yaml:18: delegation.intro.sv: «Delegeringsbeslutet dokumenteras skriftligen, personligen "
      "och tidsbegränsat» (6 words)\n"
      "    content/competence/nurse.yaml:21: delegation.nursing_care[0].text.sv: «Hjälpa till att duscha» (4 words)\n"
      "    content/competence/nurse.yaml:26: delegation.health_care[0].text.sv: «Ge en extra dos» (4 words)"]),
    ("abbreviation-not-spelled-out", COMPETENCE_FILE, edit(WITH_DELEGATION, "en: Some tasks need a delegation.", "en: The MAS sets the rules."),
     ["content/competence/nurse.yaml:18:60: delegation.intro.en: the abbreviation MAS is not spelled out where it is first used; "
      "write 'MAS (…)' the first time"]),
    ("module-names-unknown-profession", MODULE_FILE, edit(SHOWN_BY, "delegation_of: nurse", "delegation_of: nurses"),
     ["content/training/basics.yaml:18:20: sections[0].delegation_of: unknown competence description 'nurses'; "
      "did you mean 'nurse'?; see content/competence/"]),
    ("module-names-a-description-without-delegation", COMPETENCE_FILE, COMPETENCE,
     ["content/training/basics.yaml:18:20: sections[0].delegation_of: the competence description 'nurse' has no delegation: block "
      "to show; add one to content/competence/nurse.yaml"]),
    ("external-without-checked", "references.yaml", REFERENCES + EXTERNAL.replace('    checked: "2026-12-06"\n', ""),
     ["content/references.yaml:8:5: references[1]: an external document needs both url and checked; "
      "checked (the date you checked it is the version in force) is missing"]),
    ("external-over-http", "references.yaml", REFERENCES + EXTERNAL.replace("https://", "http://"),
     ["content/references.yaml:13:10: references[1].url: 'http://example.org/sosfs-199714/' is not a web address this page can "
      "link to; write it in full, starting with https://, with no spaces, quotes, brackets or parentheses"]),
    ("external-and-cited", "references.yaml", REFERENCES + EXTERNAL + f"    cited_in: {{file: {SOURCE_FILE}, section: fotnot 1}}\n",
     ["content/references.yaml:8:5: references[1]: a document a seed cites has cited_in; url and checked are for an external "
      "document that no seed cites, not both"]),
]


@pytest.mark.parametrize(("rel", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_delegation_defect(delegating: Path, capsys: pytest.CaptureFixture[str], rel: str, text: str, expected: list[str]) -> None:
    write(delegating, rel, text)
    assert_errors(delegating, capsys, *expected)


def test_an_external_document_is_never_a_source(delegating: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(delegating, COMPETENCE_FILE, edit(WITH_DELEGATION, "      see: [NURSE-1]\n      basis: proposal\n",
                                            "      see: [NURSE-1]\n      sources: [{file: sosfs-1997-14, section: 2 kap.}]\n"))
    assert_errors(delegating, capsys,
                  "content/competence/nurse.yaml:23:24: delegation.nursing_care[0].sources[0].file: unknown source file "
                  "'sosfs-1997-14'; list it in content/references.yaml")


def test_each_task_is_a_statement_the_review_queue_names(delegating: Path) -> None:
    site = load_site(delegating / "content", Problems(delegating), LANGUAGES)
    found = {f.key: f.statement.grounds.value for f in statements(site.of("competence")[0].model)}
    assert found["CARE-1"] == found["DELEG-1"] == "proposal"


# -- rendered ----------------------------------------------------------------------------

def render(content: Path) -> dict[str, str]:
    problems = Problems(ROOT)
    site = load_site(content, problems, LANGUAGES)
    labels = load_labels(ROOT / "macros", problems, LANGUAGES)
    check_site(site, problems, TODAY)
    assert not problems, [str(p) for p in problems.errors]
    renderer = Renderer(site, ROOT / "macros", labels, TODAY)
    return {f"{lang.code}/{path}": text for lang in LANGUAGES for path, text in renderer.render(lang.code).items()}


def box(out: dict[str, str], path: str, profession: str) -> str:
    """The delegation box on a page, without what differs by where it is shown: its heading's
    level, its links' relative paths (made absolute) and, on a module, the line that links
    back to where it is written."""
    page = out[path]
    start = page.index(f'<div class="pg-delegation" data-delegation="{profession}"')
    text = page[start: page.index("\n</div>", start)]
    base = page_url(path.split("/", 1)[1])
    text = re.sub(r'href="([^"#]*)', lambda m: f'href="/{posixpath.normpath(posixpath.join(base, m.group(1)))}', text)
    text = re.sub(r"^#+ ", "# ", text, flags=re.M)
    return re.sub(r'\n<p class="pg-include__from".*</p>\n', "\n", text).rstrip()


def test_the_tiny_fixtures_external_document_is_listed_apart_with_its_marks() -> None:
    out = render(FIXTURE)
    for lang, heading, mark in (("sv", "## Externa dokument", "Extern källa, kontrollerad 2026-11-01; kontrollera aktuell version lokalt"),
                                ("en", "## External documents", "External source, checked 2026-11-01; check the current version locally")):
        sources = out[f"{lang}/sources.md"]
        external = sources[sources.index(heading):]
        assert "### " in external and "{ #demo-regulation }" in external
        assert f'<span class="pg-basis" data-basis="external">{mark}</span>' in external
        assert "<https://example.org/fs-1-1/>" in external
        assert "{ #demo-regulation }" not in sources[: sources.index(heading)], "listed once, in its own group"
        # Where the delegation cites it, the same mark, linking to its entry on the sources page.
        competence = out[f"{lang}/competence/nurse.md"]
        assert f'<a href="../../sources/#demo-regulation">FS 1:1</a> <span class="pg-basis" data-basis="external">{mark}</span>' in competence


def test_the_tiny_fixtures_module_shows_the_descriptions_box() -> None:
    out = render(FIXTURE)
    for lang in ("sv", "en"):
        assert box(out, f"{lang}/competence/nurse.md", "nurse") == box(out, f"{lang}/training/demo-module.md", "nurse")
        assert "../competence/nurse.md#delegation-nurse" in out[f"{lang}/training/demo-module.md"]


def test_the_assistant_nurses_box_is_the_same_on_their_page_and_in_the_external_pump_module() -> None:
    out = render(ROOT / "content")
    site = load_site(ROOT / "content", Problems(ROOT), LANGUAGES)
    description = next(x.model for x in site.of("competence") if x.model.id == "assistant-nurse")
    delegation = description.delegation
    assert delegation is not None
    assert {"sosfs-1997-14", "hslf-fs-2017-37"} <= set(delegation.references)
    assert all(t.marked for t in delegation.tasks), "which task needs a delegation is the editors' proposal, marked"
    assert lix(delegation_text(delegation, "sv")).value <= 40
    for lang in ("sv", "en"):
        written = out[f"{lang}/competence/assistant-nurse.md"]
        assert box(out, f"{lang}/competence/assistant-nurse.md", "assistant-nurse") == \
            box(out, f"{lang}/training/external-pump-at-home.md", "assistant-nurse")
        for task in delegation.tasks:
            assert f'data-task="{task.id}"' in written
        assert written.count('data-basis="proposal"') >= len(delegation.tasks)
        assert written.count('data-basis="external"') == 2
