"""The scale benchmark's synthetic content stays valid as the models change."""

from __future__ import annotations

from pathlib import Path

from bench.scale import synthetic_project
from painguide.build import Project, check, validate
from painguide.pages import NAV_LIST_LIMIT
from tiny import ROOT


def test_synthetic_pms_are_valid_and_distinct(tmp_path: Path) -> None:
    project = synthetic_project(ROOT, tmp_path, 3)
    site, _, problems = check(project)
    assert not problems.errors, [str(p) for p in problems.errors]
    ids = [item.model.id for item in site.of("pm")]
    assert {"synthetic-0001", "synthetic-0002", "synthetic-0003"} <= set(ids)
    assert len(ids) == len(set(ids))


SHIPPED_PMS = len(list((ROOT / "content" / "pm").glob("*.yaml")))


def test_a_long_list_of_pms_goes_on_the_index_page_not_in_every_pages_navigation(tmp_path: Path) -> None:
    project = synthetic_project(ROOT, tmp_path, NAV_LIST_LIMIT)
    _, renderer, _ = validate(project)
    (pm_section,) = [entry for entry in renderer.nav_config("en") if "pm/index.md" in str(entry)]
    listed = next(iter(pm_section.values()))
    assert listed == ["pm/index.md", {"Requirement points and PMs": "pm/coverage.md"}], listed
    assert "pm/*.md" in renderer.hidden
    # The index page still lists every PM.
    index = next(page for page in renderer.pages if page.path == "pm/index.md")
    assert len(index.context["entries"]) == NAV_LIST_LIMIT + SHIPPED_PMS


def test_a_short_list_stays_in_the_navigation() -> None:
    _, renderer, _ = validate(Project(root=ROOT))
    (pm_section,) = [entry for entry in renderer.nav_config("en") if "pm/index.md" in str(entry)]
    assert len(next(iter(pm_section.values()))) == 1 + SHIPPED_PMS + 1  # index, every PM, coverage
    assert not [h for h in renderer.hidden if h.startswith("pm/")]
