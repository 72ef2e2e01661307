"""The built site, for safety facts and provenance: a sign reads the same wherever it
appears, the warning-signs leaflet holds every patient-facing sign, /review/ lists exactly
the statements not from the sources, and the review's dangerous findings are gone."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from painguide.cli import main
from painguide.content import load_site
from painguide.errors import Problems
from painguide.kinds import KINDS
from painguide.provenance import statements
from tiny import ROOT, LANGUAGES


class Rows(HTMLParser):
    """Every element with data-sign or data-statement: its attributes and its own words
    (the sign and the action, without the basis mark or the dying-phase line, which a
    page may say once for a whole group)."""

    SKIP = ("pg-basis", "pg-dying-phase")

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[dict[str, str], str]] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.append(tag)
            return
        if self._open and any(c in a.get("class", "").split() for c in self.SKIP):
            self._skip.append(tag)
        elif "data-sign" in a or "data-statement" in a:
            self._open.append((tag, a, []))
        elif self._open and self._open[-1][0] == tag:
            self._open.append((tag, {}, self._open[-1][2]))

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if self._open and self._open[-1][0] == tag:
            _, a, text = self._open.pop()
            if a:
                self.found.append((a, " ".join("".join(text).split())))

    def handle_data(self, data: str) -> None:
        if self._open and not self._skip:
            self._open[-1][2].append(data)


def rows(path: Path) -> list[tuple[dict[str, str], str]]:
    parser = Rows()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


@pytest.fixture(scope="module")
def site():  # noqa: ANN201
    problems = Problems(ROOT)
    loaded = load_site(ROOT / "content", problems, LANGUAGES)
    assert not problems, [str(p) for p in problems.errors]
    return loaded


def test_every_sign_has_one_urgency_and_one_wording_per_voice_everywhere(built_site: Path, site) -> None:  # noqa: ANN001
    urgencies: dict[str, set[str]] = defaultdict(set)
    wordings: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    seen_on: dict[str, set[str]] = defaultdict(set)
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        lang = "en" if rel.startswith("en/") else "sv"
        for attrs, text in rows(page):
            if "data-sign" not in attrs:
                continue
            sign = attrs["data-sign"]
            urgencies[sign].add(attrs["data-urgency"])
            seen_on[sign].add(rel)
            if "data-voice" in attrs:  # the catalogue shows both voices side by side
                wordings[(sign, lang, attrs["data-voice"])].add(text)
    assert set(urgencies) == set(site.signs), "every catalogue sign is rendered somewhere, and nothing else is"
    two = {sign: sorted(u) for sign, u in urgencies.items() if len(u) != 1}
    assert not two, f"signs with more than one urgency: {two}"
    for sign, u in urgencies.items():
        assert u == {site.signs[sign].urgency.value}
    drift = {key: sorted(texts) for key, texts in wordings.items() if len(texts) != 1}
    assert not drift, f"a sign reads differently on different pages: {drift}"
    for sign in site.signs:
        assert {"warning-signs/index.html", "en/warning-signs/index.html"} <= seen_on[sign]
    leaflets = [k for k in wordings if k[2] == "patient"]
    assert len(leaflets) >= 2 * len([s for s in site.signs.values() if s.patient])


def test_the_warning_signs_leaflet_holds_every_patient_facing_sign(built_site: Path, site) -> None:  # noqa: ANN001
    patient_facing = {s.id for s in site.signs.values() if s.patient}
    assert len(patient_facing) >= 15
    for prefix in ("", "en/"):
        page = built_site / prefix / "patient-info" / "warning-signs" / "index.html"
        shown = {attrs["data-sign"] for attrs, _ in rows(page) if "data-sign" in attrs}
        assert shown == patient_facing


def test_every_pm_lists_every_sign_of_what_it_covers(built_site: Path, site) -> None:  # noqa: ANN001
    for item in site.of("pm"):
        pm = item.model
        required = {s.id for s in site.signs.values() if set(s.applies_to) & set(pm.covers)}
        for prefix in ("", "en/"):
            shown = {a["data-sign"] for a, _ in rows(built_site / prefix / "pm" / pm.id / "index.html") if "data-sign" in a}
            assert required <= shown, f"{prefix}pm/{pm.id}: missing {sorted(required - shown)}"


def test_review_lists_exactly_the_statements_not_from_the_sources(built_site: Path, site) -> None:  # noqa: ANN001
    expected = set()
    for kind in KINDS:
        if not kind.controlled:
            continue
        for item in site.of(kind.name):
            expected |= {(kind.name, item.model.id, f.key) for f in statements(item.model) if f.statement.marked}
    assert len(expected) > 100
    for prefix in ("", "en/"):
        html = (built_site / prefix / "review" / "index.html").read_text(encoding="utf-8")
        listed = set()
        for section in re.split(r'(?=<section class="pg-review-doc")', html)[1:]:
            kind, ident = re.search(r'id="review-(pm|signs|patient-info|training|competence|recommendation-document)-([a-z0-9-]+)"', section).groups()
            listed |= {(kind, ident, key) for key in re.findall(r'data-statement="([^"]+)"', section)}
        assert listed == expected
        bases = set(re.findall(r'<tr data-statement="[^"]+" data-basis="([a-z-]+)"', html))
        assert bases <= {"general-knowledge", "proposal"}


def test_review_is_outside_the_navigation_and_search_and_linked_from_the_register(built_site: Path) -> None:
    for prefix in ("", "en/"):
        register = (built_site / prefix / "documents" / "index.html").read_text(encoding="utf-8")
        assert 'href="../review/"' in register
        home = (built_site / prefix / "index.html").read_text(encoding="utf-8")
        assert "review/" not in home
        # Pagefind indexes only articles marked data-pagefind-body (docs/overrides/main.html).
        review = (built_site / prefix / "review" / "index.html").read_text(encoding="utf-8")
        assert "data-pagefind-body" not in review and "data-pagefind-body" in home


DANGEROUS = [
    # D1 / F1: never "call only if you cannot silence the alarm".
    re.compile(r"inte stänga av larmet|cannot (turn off|silence|stop) the alarm", re.I),
    # W2: irregular breathing is not an emergency at the end of life.
    re.compile(r"(andning\w*|andas)\W+(\w+\W+){0,4}(oregelbund\w*|ojämn\w*)|(oregelbund\w*|ojämn\w*)\W+(andning\w*|andas)"
               r"|irregular(ly)? breath|breath\w*\W+(\w+\W+){0,4}irregular", re.I),
    # W1: no bath with an external pump ("Bad i badkar endast om …" allowed one).
    re.compile(r"Bad i badkar endast om|bath only if", re.I),
]


def test_the_dangerous_findings_are_gone_from_every_page(built_site: Path) -> None:
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        if rel.startswith(("review/", "en/review/")):
            continue  # the queue quotes the dying-phase sign, which names irregular breathing as expected
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        for pattern in DANGEROUS:
            for match in pattern.finditer(text):
                context = " ".join(text[max(0, match.start() - 200): match.end() + 200].split())
                expected_at_death = ("livets slutskede", "döende", "döden", "end of life", "dying", "death approaches")
                assert any(words in context for words in expected_at_death), f"{rel}: {match.group(0)!r} in «{context}»"


def test_the_cassette_check_compares_the_route_and_the_double_check_is_mandatory(site) -> None:  # noqa: ANN001
    pm = next(x.model for x in site.of("pm") if x.model.id == "cassette-change")
    check = " ".join(step.text.sv + " " + step.text.en for step in pm.steps).lower()
    assert "kateterns märkning" in check and "catheter's label" in check
    assert "om lokal rutin kräver det" not in check and "if local routine requires it" not in check


def test_release_fails_on_an_approved_document_with_an_unreviewed_statement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "macros", tmp_path / "macros")
    shutil.copy(ROOT / "languages.yaml", tmp_path / "languages.yaml")
    pm = tmp_path / "content" / "pm" / "cassette-change.yaml"
    text = pm.read_text(encoding="utf-8")
    text = re.sub(r"  status: draft\n", "  status: approved\n  reviewer: {sv: Granskare, en: Reviewer}\n  approver: {sv: Chefsamrådet, en: The council}\n"
                  "  approved: 2026-12-01\n  valid_until: 2028-12-01\n", text, count=1)
    pm.write_text(text, encoding="utf-8")
    code = main(["--root", str(tmp_path), "validate", "--release", "--today", dt.date(2027, 1, 1).isoformat()])
    out = capsys.readouterr()
    report = out.out + out.err
    assert code == 1
    assert re.search(r"content/pm/cassette-change\.yaml:\d+:\d+: steps\[\d+\]\.basis: 'CASS-2' \(general-knowledge\) has no clinical sign-off", report), report[-3000:]
    assert re.search(r"content/pm/cassette-change\.yaml:\d+:\d+: warning_signs\[0\]: warning sign '[a-z-]+' has no clinical sign-off", report)
