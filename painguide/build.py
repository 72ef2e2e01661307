"""validate → generate → mkdocs build (one build per language) → search index → swap into site/.

The engine is a parameter: MkDocs builds the site; Zensical (painguide/zensical.py,
`make zensical`) builds the same generated sources into a folder of its own.

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
from collections.abc import Callable, Iterator
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
    """A stage other than content validation failed (templates, MkDocs or Zensical, search)."""


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


def load(project: Project, problems: Problems) -> tuple[Site, dict[str, dict[str, str]]]:
    """Check the registry, load the languages, all content and the UI labels (`check` and
    the live preview); each file's problems go into problems. Raise ContentError when the
    languages cannot be read: without them no text can be checked."""
    check_registry(problems)
    languages = load_languages(project.root, problems)
    if not languages:
        raise ContentError(problems)
    with no_cycle_collection():
        site = load_site(project.content, problems, languages)
        labels = load_labels(project.macros, problems, languages)
        check_labels(labels, problems)
    return site, labels


def check(project: Project) -> tuple[Site, dict[str, dict[str, str]], Problems]:
    """Load and check the registry, the languages, all content and the UI labels; raise
    ContentError listing every problem."""
    problems = Problems(project.root)
    site, labels = load(project, problems)
    with no_cycle_collection():
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


@dataclass(frozen=True)
class Engine:
    """What turns one language's generated Markdown (docs/<code>/, mkdocs.<code>.yml) into
    HTML: build(project, lang, out) writes that language's site into out and returns the
    notices the engine printed that a person should see (empty if none); it raises
    BuildError when the build fails. parallel: whether the languages may be built at once."""

    name: str
    build: Callable[[Project, str, Path], list[str]]
    parallel: bool = True


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# MkDocs' log lines; anything printed before the first of them is a notice of its own
# (Material's end-of-life notice, printed on stderr even when the build succeeds).
_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR)\s+-  ")


def mkdocs_notices(stderr: str) -> list[str]:
    """The notice MkDocs or its theme printed before logging started, as one text, and every
    WARNING line (a strict build fails on those, but they are shown either way)."""
    lines = _ANSI.sub("", stderr).splitlines()
    notices = []
    first_log = next((i for i, ln in enumerate(lines) if _LOG_LINE.match(ln)), len(lines))
    preamble = "\n".join(lines[:first_log]).strip("\n")
    if preamble.strip():
        notices.append(preamble)
    notices += [ln for ln in lines[first_log:] if ln.startswith("WARNING")]
    return notices


def _mkdocs(project: Project, lang: str, out: Path) -> list[str]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", f"mkdocs.{lang}.yml", "-d", str(out)]
    proc = subprocess.run(cmd, cwd=project.root, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if re.match(r"^(WARNING|ERROR|Error|Aborted)", ln)]
        detail = "\n".join(lines) or (proc.stdout + proc.stderr)[-3000:]
        raise BuildError(f"mkdocs build of the '{lang}' site failed:\n{detail}")
    return mkdocs_notices(proc.stderr)


MKDOCS = Engine("mkdocs", _mkdocs)


def run_engine(project: Project, site_dir: Path, languages: Languages, engine: Engine = MKDOCS) -> None:
    """Build every language side by side with the engine, index each for search, write its
    offline worker, then swap the result into site_dir: the primary language at its root,
    each other language in its folder under it. Notices the engine printed are shown once."""
    work = project.root / ".painguide" / f"build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        workers = len(languages) if engine.parallel else 1
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(engine.build, project, lang.code, work / lang.code) for lang in languages]
            errors = [f.exception() for f in futures if f.exception() is not None]
        if errors:
            raise BuildError("\n".join(str(e) for e in errors))
        shown: list[str] = []
        for notice in (n for f in futures for n in f.result()):
            if notice not in shown:
                shown.append(notice)
                print(f"{engine.name}: {notice}" if "\n" not in notice else f"{engine.name} says:\n{notice}", file=sys.stderr)
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


def run_mkdocs(project: Project, site_dir: Path, languages: Languages) -> None:
    """run_engine with MkDocs, the site's engine."""
    run_engine(project, site_dir, languages, MKDOCS)


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


def build(project: Project, site_dir: Path, timings: Timings | None = None, engine: Engine = MKDOCS) -> Problems:
    timings = timings or Timings()
    _, renderer, problems = timings.run("validate", validate, project)
    timings.run("generate", run_generate, project, renderer)
    timings.run(engine.name, run_engine, project, site_dir, renderer.languages, engine)
    return problems
