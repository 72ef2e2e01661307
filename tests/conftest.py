"""Shared fixtures: the project root and one build of the real content per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from painguide.build import Project, build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once into a temporary folder (site/ is not touched)."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    build(Project(root=ROOT, today=dt.date.today()), site_dir)
    return site_dir
