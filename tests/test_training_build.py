"""The real content's leaflets, modules and competence matrix, built."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from painguide.content import load_site
from painguide.errors import Problems
from painguide.labels import load_labels
from painguide.model.training import Profession
from painguide.readability import leaflet_text, lix
from tiny import ROOT, LANGUAGES


def site_content():  # type: ignore[no-untyped-def]
    problems = Problems(ROOT)
    site = load_site(ROOT / "content", problems, LANGUAGES)
    assert not problems, [str(p) for p in problems.errors]
    return site


def section(html: str, start: str) -> str:
    """The element that starts at the first occurrence of start, up to its matching close tag."""
    i = html.index(start)
    tag = re.match(r"<(\w+)", html[i:]).group(1)
    depth, j = 0, i
    for m in re.finditer(rf"<(/?){tag}\b[^>]*>", html[i:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            j = i + m.end()
            break
    return html[i:j]


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_leaflets_are_built_and_measured(built_site: Path) -> None:
    site = site_content()
    leaflets = site.of("patient-info")
    assert len(leaflets) >= 6
    for prefix in (built_site, built_site / "en"):
        status = (prefix / "patient-info" / "status" / "index.html").read_text(encoding="utf-8")
        for item in leaflets:
            assert (prefix / "patient-info" / item.model.id / "index.html").is_file()
            assert f"{lix(leaflet_text(item.model, 'sv', site.signs)).value:.1f}" in status
            assert f"{lix(leaflet_text(item.model, 'en', site.signs)).value:.1f}" in status
        nav = (prefix / "index.html").read_text(encoding="utf-8")
        assert "patient-info/status/" not in nav, "the editors' status page is not in the patients' navigation"


def test_an_included_recommendation_is_its_source_rendered(built_site: Path) -> None:
    site = site_content()
    modules = site.of("training")
    assert len(modules) >= 6
    checked = 0
    for item in modules:
        html = (built_site / "training" / item.model.id / "index.html").read_text(encoding="utf-8")
        for sec in item.model.sections:
            for ident in sec.include:
                if not ident.startswith("R-"):
                    continue
                chapter = next(c for rec in site.recommendations for c in rec.chapters
                               for b in c.model.blocks if getattr(b, "id", None) == ident)
                source = (built_site / "regional-recommendation" / chapter.model.id / "index.html").read_text(encoding="utf-8")
                anchor = f'<div class="pg-rec" id="{ident.lower()}"'
                assert text(section(html, anchor)) == text(section(source, anchor)), ident
                checked += 1
    assert checked >= 3


def test_the_matrix_holds_every_item_and_each_is_taught(built_site: Path) -> None:
    site = site_content()
    descriptions = site.of("competence")
    assert sorted(d.model.id for d in descriptions) == sorted(p.value for p in Profession)
    taught = {ident for m in site.of("training") for ident in m.model.teaches}
    for prefix, untaught in ((built_site, "Ingen modul ännu"), (built_site / "en", "No module yet")):
        html = (prefix / "competence" / "index.html").read_text(encoding="utf-8")
        for d in descriptions:
            for c in d.model.items:
                assert f"<code>{c.id}</code>" in html, c.id
                assert c.id in taught, f"{c.id} is taught by no module"
        assert untaught not in html
        index = (prefix / "training" / "index.html").read_text(encoding="utf-8")
        for m in site.of("training"):
            assert f'href="{m.model.id}/"' in index


class _ArticleText(HTMLParser):
    """The words a learner reads in a built page's <article>: body, questions and options,
    and feedback apart (a learner reads the feedback of the chosen option only). Left out,
    as the generator leaves them out: the print-only header, "see" and "from" lines, source
    lines, and the change log at the end."""

    SKIPPED = {"pg-print-header", "pg-see", "pg-include__from", "pg-source"}

    def __init__(self, changelog: str) -> None:
        super().__init__()
        self.changelog = changelog
        self.depth = 0
        self.feedback_depth = 0
        self.skip: list[str] = []
        self.in_h2 = False
        self.ended = False
        self.body: list[str] = []
        self.quiz: list[str] = []
        self.feedback: list[str] = []
        self.in_quiz = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "article":
            self.depth += 1
        if self.skip and tag == self.skip[-1]:
            self.skip.append(tag)
        elif classes & self.SKIPPED:
            self.skip.append(tag)
        self.in_h2 = tag == "h2" or self.in_h2
        if "pg-quiz" in classes:
            self.in_quiz = True
        if tag == "p" and "pg-feedback" in (a.get("class") or ""):
            self.feedback_depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if self.skip and tag == self.skip[-1]:
            self.skip.pop()
        if tag == "h2":
            self.in_h2 = False
        if tag == "p":
            self.feedback_depth = 0

    def handle_data(self, data: str) -> None:
        if self.in_h2 and data.strip() == self.changelog:
            self.ended = True
        if not self.depth or self.skip or self.ended:
            return
        (self.feedback if self.feedback_depth else self.quiz if self.in_quiz else self.body).append(data)


def test_every_modules_stated_time_is_within_a_quarter_of_its_words(built_site: Path) -> None:
    """Counted here from the built HTML, apart from the generator's own count of its Markdown."""
    from painguide.reading import QUESTION_MINUTES, READING_WPM

    changelog = {code: labels["changelog"] for code, labels in load_labels(ROOT / "macros", Problems(ROOT), LANGUAGES).items()}
    count = lambda parts: len(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", " ".join(parts)))  # noqa: E731
    checked = 0
    for lang in LANGUAGES:
        for page in sorted((built_site / lang.prefix / "training").glob("*/index.html")):
            html = page.read_text(encoding="utf-8")
            text = _ArticleText(changelog[lang.code])
            text.feed(html)
            questions = html.count('class="pg-question"')
            expected = (count(text.body) + count(text.quiz) + count(text.feedback) / 3) / READING_WPM + questions * QUESTION_MINUTES
            stated = int(re.search(r"(?:Läsning och självtest|Reading and self-check): (?:cirka|about) (\d+)", html).group(1))
            assert abs(stated - expected) <= 0.25 * expected, (page, stated, expected)
            checked += 1
    assert checked == 2 * len(site_content().of("training"))
