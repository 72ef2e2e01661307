"""validate → generate → mkdocs build (one build per language) → swap into site/.

site/ is replaced only when every stage succeeded; a failure at any stage leaves the
previous site/ exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from painguide import search
from painguide.checks import check_site
from painguide.content import Site, load_site
from painguide.errors import ContentError, Problems
from painguide.kinds import check_labels, check_registry
from painguide.labels import load_labels
from painguide.languages import Languages, load_languages, primary
from painguide.offline import write_worker

if TYPE_CHECKING:  # Jinja and the renderer are imported only by the stages that render
    import jinja2

    from painguide.render import Renderer


class BuildError(Exception):
    """A stage other than content validation failed (templates, MkDocs)."""


@dataclass
class Project:
    root: Path
    today: dt.date = field(default_factory=dt.date.today)
    release: bool = False
    content_dir: Path | None = None
    """Content to publish; defaults to <root>/content (tests point it at a fixture)."""

    @property
    def content(self) -> Path:
        return self.content_dir or self.root / "content"

    @property
    def macros(self) -> Path:
        return self.root / "macros"


@dataclass
class Timings:
    stages: dict[str, float] = field(default_factory=dict)

    def run(self, name: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self.stages[name] = time.perf_counter() - start


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Load, check and render with Python's cycle collector paused.

    They allocate millions of small objects and keep them to the end; the content they
    make has no cycles for the collector to find, yet its passes over the growing heap
    were over a third of the loading time at 1,000 documents. Freed objects are still
    freed at once (reference counting); memory grew by 3 %.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check(project: Project) -> tuple[Site, dict[str, dict[str, str]], Problems]:
    """Load and check the registry, the languages, all content and the UI labels; raise
    ContentError listing every problem."""
    problems = Problems(project.root)
    check_registry(problems)
    languages = load_languages(project.root, problems)
    if not languages:  # without them no text can be checked
        raise ContentError(problems)
    with no_cycle_collection():
        site = load_site(project.content, problems, languages)
        labels = load_labels(project.macros, problems, languages)
        check_labels(labels, problems)
        check_site(site, problems, project.today, release=project.release)
    if problems:
        raise ContentError(problems)
    return site, labels, problems


def validate(project: Project) -> tuple[Site, Renderer, Problems]:
    """check(), then plan the pages to render."""
    import jinja2

    from painguide.render import Renderer

    site, labels, problems = check(project)
    try:
        with no_cycle_collection():
            renderer = Renderer(site, project.macros, labels, project.today)
    except jinja2.TemplateError as err:  # pragma: no cover - template bugs, not content
        raise BuildError(_template_error(err)) from None
    return site, renderer, problems


def _template_error(err: jinja2.TemplateError) -> str:
    import jinja2

    where = ""
    if isinstance(err, jinja2.TemplateSyntaxError):
        where = f"macros/{err.name or err.filename}:{err.lineno}: "
    return f"{where}template error: {err}"


def run_generate(project: Project, renderer: Renderer) -> dict[str, tuple[int, int]]:
    import jinja2

    from painguide.generate import generate

    try:
        with no_cycle_collection():
            return generate(renderer, project.root)
    except jinja2.TemplateError as err:
        raise BuildError(_template_error(err)) from None


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def _mkdocs(project: Project, lang: str, out: Path) -> None:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", f"mkdocs.{lang}.yml", "-d", str(out)]
    proc = subprocess.run(cmd, cwd=project.root, env=mkdocs_env(), capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if re.match(r"^(WARNING|ERROR|Error|Aborted)", ln)]
        detail = "\n".join(lines) or (proc.stdout + proc.stderr)[-3000:]
        raise BuildError(f"mkdocs build of the '{lang}' site failed:\n{detail}")


def run_mkdocs(project: Project, site_dir: Path, languages: Languages) -> None:
    """Build every language side by side, then swap the result into site_dir: the primary
    language at its root, each other language in its folder under it."""
    work = project.root / ".painguide" / f"build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        with ThreadPoolExecutor(max_workers=len(languages)) as pool:
            futures = [pool.submit(_mkdocs, project, lang.code, work / lang.code) for lang in languages]
            errors = [f.exception() for f in futures if f.exception() is not None]
        if errors:
            raise BuildError("\n".join(str(e) for e in errors))
        for lang in languages:
            try:
                search.index(work / lang.code)
            except search.SearchIndexError as err:
                raise BuildError(str(err)) from None
        # The primary language's worker's scope covers the others' folders too: it leaves them alone.
        others = [lang.prefix for lang in languages if not lang.primary]
        for lang in languages:
            write_worker(work / lang.code, lang, skip=others if lang.primary else [])
        new = work / primary(languages).code
        for lang in languages:
            if not lang.primary:
                (new / lang.prefix).parent.mkdir(parents=True, exist_ok=True)
                (work / lang.code).rename(new / lang.prefix)
        swap_into_place(new, site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def swap_into_place(new: Path, site_dir: Path) -> None:
    """Replace site_dir with new using renames, so readers never see a half-built site."""
    site_dir = site_dir.resolve()
    staged = site_dir.with_name(f"{site_dir.name}.new-{os.getpid()}")
    old = site_dir.with_name(f"{site_dir.name}.old-{os.getpid()}")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.move(str(new), str(staged))  # a copy only if .painguide/ is on another filesystem
    if site_dir.exists():
        site_dir.rename(old)
    staged.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def build(project: Project, site_dir: Path, timings: Timings | None = None) -> Problems:
    timings = timings or Timings()
    _, renderer, problems = timings.run("validate", validate, project)
    timings.run("generate", run_generate, project, renderer)
    timings.run("mkdocs", run_mkdocs, project, site_dir, renderer.languages)
    return problems
