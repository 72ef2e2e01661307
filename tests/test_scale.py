"""The scale benchmark's synthetic content stays valid as the models change."""

from __future__ import annotations

from pathlib import Path

from painguide.build import check
from painguide.scale import synthetic_project
from tiny import ROOT


def test_synthetic_pms_are_valid_and_distinct(tmp_path: Path) -> None:
    project = synthetic_project(ROOT, tmp_path, 3)
    site, _, problems = check(project)
    assert not problems.errors, [str(p) for p in problems.errors]
    ids = [item.model.id for item in site.of("pm")]
    assert {"synthetic-0001", "synthetic-0002", "synthetic-0003"} <= set(ids)
    assert len(ids) == len(set(ids))
