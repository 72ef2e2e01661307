"""Shared fixtures: the project root and one build of the real content per test session."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(ROOT))  # the bench package (bench/), for tests of its synthetic content

from painguide.build import Project, build  # noqa: E402
from painguide.zensical import ZENSICAL  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once into a temporary folder (site/ is not touched)."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    build(Project(root=ROOT, today=dt.date.today()), site_dir)
    return site_dir


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built with Zensical (`make zensical`'s build), once, into a
    temporary folder. Zensical is installed from its lock by the Makefile, as on a fresh clone."""
    proc = subprocess.run(["make", "zensical-venv"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, f"make zensical-venv failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    site_dir = tmp_path_factory.mktemp("zensical") / "site-zensical"
    build(Project(root=ROOT, today=dt.date.today()), site_dir, engine=ZENSICAL)
    return site_dir
