"""The tiny fixture content tree, and a throwaway project around it for build tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from painguide.errors import Problems
from painguide.languages import load_languages

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "tiny" / "content"
TODAY = dt.date(2026, 11, 23)
LANGUAGES = load_languages(ROOT, Problems(ROOT))
"""The shipped site's languages (languages.yaml)."""
CODES = [lang.code for lang in LANGUAGES]


def make_project(tmp: Path) -> Path:
    """A copy of the project's build setup with the tiny content, in tmp."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copy(ROOT / "languages.yaml", tmp / "languages.yaml")
    shutil.copytree(ROOT / "macros", tmp / "macros")
    shutil.copytree(ROOT / "docs" / "overrides", tmp / "docs" / "overrides")
    shutil.copytree(FIXTURE, tmp / "content")
    return tmp
