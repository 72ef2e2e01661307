"""validate → generate → mkdocs build (one build per language) → swap into site/.

site/ is replaced only when every stage succeeded; a failure at any stage leaves the
previous site/ exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from painguide.checks import check_site
from painguide.content import Site, load_site
from painguide.errors import ContentError, Problems
from painguide.labels import LANGS, load_labels
from painguide.offline import write_worker

if TYPE_CHECKING:  # Jinja and the renderer are imported only by the stages that render
    import jinja2

    from painguide.render import Compiled, Renderer


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
def no_cycle_collection():  # type: ignore[no-untyped-def]
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
    """Load and check all content and UI labels; raise ContentError listing every problem."""
    problems = Problems(project.root)
    with no_cycle_collection():
        site = load_site(project.content, problems)
        labels = load_labels(project.macros, problems)
        check_site(site, problems, project.today, release=project.release)
    if problems:
        raise ContentError(problems)
    return site, labels, problems


def validate(project: Project, compiled: Callable[[], Compiled | None] = lambda: None) -> tuple[Site, Renderer, Problems]:
    """check(), then plan the pages to render (with templates compiled ahead, if given)."""
    import jinja2

    from painguide.render import Renderer

    site, labels, problems = check(project)
    try:
        with no_cycle_collection():
            renderer = Renderer(site, project.macros, labels, project.today, compiled())
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


def run_mkdocs(project: Project, site_dir: Path) -> None:
    """Build both languages side by side, then swap the result into site_dir."""
    work = project.root / ".painguide" / f"build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
            futures = [pool.submit(_mkdocs, project, lang, work / lang) for lang in LANGS]
            errors = [f.exception() for f in futures if f.exception() is not None]
        if errors:
            raise BuildError("\n".join(str(e) for e in errors))
        # The first language is at the root and the others in folders under it, so the root
        # worker's scope covers them too: it leaves their folders alone.
        for lang in LANGS:
            write_worker(work / lang, lang, skip=[f"{o}/" for o in LANGS[1:]] if lang == LANGS[0] else [])
        new = work / "sv"
        (work / "en").rename(new / "en")
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


@contextmanager
def compiling_aside(macros: Path) -> Iterator[Callable[[], Compiled | None]]:
    """Compile the templates in a forked process while this one loads and checks the
    content; yields what returns them. For the shipped content the two take about as long."""
    if "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: None
        return
    from painguide.render import Compiled, compile_templates

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        future = pool.submit(compile_templates, macros)

        def compiled() -> Compiled | None:
            try:
                return Compiled(future.result())
            except Exception:  # noqa: BLE001 - then rendering compiles them, and reports any real problem
                return None

        yield compiled


def _validate_compiling_aside(project: Project) -> tuple[Site, Renderer, Problems]:
    with compiling_aside(project.macros) as compiled:
        return validate(project, compiled)


def build(project: Project, site_dir: Path, timings: Timings | None = None) -> Problems:
    timings = timings or Timings()
    _, renderer, problems = timings.run("validate", _validate_compiling_aside, project)
    timings.run("generate", run_generate, project, renderer)
    timings.run("mkdocs", run_mkdocs, project, site_dir)
    return problems
