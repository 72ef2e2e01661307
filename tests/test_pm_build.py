"""The real content's PMs, document register, coverage page and region packets, built."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema

from painguide.content import load_site
from painguide.errors import Problems
from painguide.register import state
from tiny import ROOT, LANGUAGES

CONTENT = ROOT / "content"


def site_content():  # type: ignore[no-untyped-def]
    problems = Problems(ROOT)
    site = load_site(CONTENT, problems, LANGUAGES)
    assert not problems, [str(p) for p in problems.errors]
    return site


def test_every_pm_is_built_in_both_languages(built_site: Path) -> None:
    ids = [item.model.id for item in site_content().of("pm")]
    assert len(ids) >= 8
    for prefix in (built_site, built_site / "en"):
        for ident in ids:
            assert (prefix / "pm" / ident / "index.html").is_file(), ident
        index = (prefix / "pm" / "index.html").read_text(encoding="utf-8")
        assert all(f'href="{ident}/"' in index for ident in ids)


def test_all_three_urgencies_are_rendered_most_urgent_first(built_site: Path) -> None:
    seen: set[str] = set()
    for page in (built_site / "pm").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'pg-urgency--(emergency|urgent|routine)', html)
        assert found == sorted(found, key=["emergency", "urgent", "routine"].index), page
        seen |= set(found)
    assert seen == {"emergency", "urgent", "routine"}
    html = (built_site / "en" / "pm" / "monitoring-at-home" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:112"' in html and "When to call" in html


def test_placeholders_read_as_placeholders_and_are_not_links(built_site: Path) -> None:
    for prefix, text in ((built_site, "Nummer saknas – fylls i av regionen"), (built_site / "en", "Number to be added by the region")):
        html = (prefix / "pm" / "monitoring-at-home" / "index.html").read_text(encoding="utf-8")
        assert text in html
        assert not re.search(r'<a [^>]*href="tel:[^"]*"[^>]*>[^<]*(saknas|added)', html)


def test_register_lists_every_controlled_document_with_its_state(built_site: Path) -> None:
    # Ids are unique within a kind (a PM and a module may share one), so the register keys on both.
    site = site_content()
    today = dt.date.today()
    expected = {}
    for rec in site.recommendations:
        meta = rec.document.model.meta
        expected["recommendation-document", rec.document.model.id] = state(meta, today)
        for chapter in rec.chapters:
            for block in chapter.model.blocks:
                if block.type == "checklist" and block.page:
                    expected["checklist", block.id] = state(meta, today)
    for kind in ("pm", "signs", "patient-info", "training", "competence"):
        assert site.of(kind), f"no {kind} content"
        for item in site.of(kind):
            expected[kind, item.model.id] = state(item.model.meta, today)
    data = json.loads((built_site / "api" / "documents.json").read_text(encoding="utf-8"))
    assert {(d["kind"], d["id"]): d["review_state"] for d in data["documents"]} == expected
    assert len(data["documents"]) == len(expected)
    for prefix in (built_site, built_site / "en"):
        html = (prefix / "documents" / "index.html").read_text(encoding="utf-8")
        for _, ident in expected:
            assert f"<code>{ident}</code>" in html, ident


def test_the_api_validates_against_its_published_schema(built_site: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "documents-api.schema.json").read_text(encoding="utf-8"))
    for path in (built_site / "api" / "documents.json", built_site / "en" / "api" / "documents.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        for doc in data["documents"]:
            for lang, url in doc["url"].items():
                target = built_site / url.removeprefix("/") / "index.html"
                assert target.is_file(), (doc["id"], lang, url)


def test_every_uncovered_point_is_on_the_coverage_page(built_site: Path) -> None:
    site = site_content()
    points = [item.id for rec in site.recommendations for c in rec.chapters for b in c.model.blocks
              if b.type == "checklist" and b.coverage for item in b.items]
    implemented = {ident for item in site.of("pm") for step in item.model.steps for ident in step.implements}
    uncovered = [p for p in points if p not in implemented]
    assert len(points) >= 20
    for prefix, missing in ((built_site, "Saknar PM"), (built_site / "en", "No PM")):
        html = (prefix / "pm" / "coverage" / "index.html").read_text(encoding="utf-8")
        rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:]
        assert len(rows) == len(points)
        for point, row in zip(points, rows):
            assert f">{point}</a>" in row
            assert (missing in re.sub(r"<[^>]+>", "", row)) == (point in uncovered), point


def test_a_packet_per_region_with_its_pms_and_their_leaflets(built_site: Path) -> None:
    site = site_content()
    leaflets = {x.model.id: x.model for x in site.of("patient-info")}
    for region in site.regions.model.regions:
        html = (built_site / "regions" / region.id / "packet" / "index.html").read_text(encoding="utf-8")
        applies = [pm.model for pm in site.of("pm") if region.id in pm.model.regions]
        handed_out = {i for pm in applies for i in pm.patient_info}
        assert applies and handed_out
        assert html.count('class="pg-packet-doc"') == len(applies) + len(handed_out)
        # Each document prints under its own header; only the staff documents say "uncontrolled copy".
        assert html.count("pg-print-header__title") == len(applies) + len(handed_out)
        assert html.count("pg-print-header__notice") == len(applies)
        for pm in applies:
            assert pm.title["sv"].split()[0] in html
        for ident in handed_out:
            assert f'id="{ident}-when-to-call"' in html, ident
            assert leaflets[ident].title["sv"] in html


def test_pms_list_their_leaflets_and_leaflets_never_link_to_staff_pms(built_site: Path) -> None:
    site = site_content()
    assert any(pm.model.patient_info for pm in site.of("pm"))
    for prefix in (built_site, built_site / "en"):
        for pm in site.of("pm"):
            html = (prefix / "pm" / pm.model.id / "index.html").read_text(encoding="utf-8")
            for ident in pm.model.patient_info:
                assert f'href="../../patient-info/{ident}/"' in html, (pm.model.id, ident)
        for leaflet in site.of("patient-info"):
            html = (prefix / "patient-info" / leaflet.model.id / "index.html").read_text(encoding="utf-8")
            article = re.search(r"<article\b.*?</article>", html, re.S).group(0)
            links = re.findall(r'href="([^"]+)"', article)
            assert links, leaflet.model.id
            staff = [h for h in links if re.search(r"(^|/)(pm|training|competence|documents|checklists)/", h)]
            assert not staff, (leaflet.model.id, staff)
