"""The live preview's content side: the site kept in memory, changed one file at a time.

After a save, save() loads that one file again, checks it against its neighbourhood (the
files it names, the files that name it, and the few files every page reads) and renders
its own pages in the previewed language: work in proportion to the file, not to the site.
render_all() then checks the whole site and renders every page, so that indexes, the
register, the review queue and the pages that cite the file catch up a few seconds later.
Nothing here knows about MkDocs or HTTP; painguide/serve.py runs both.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from painguide import kinds
from painguide.build import Project, load, no_cycle_collection
from painguide.checks import check_site
from painguide.content import Loaded, Site, reload_file, subset
from painguide.errors import Problem, Problems
from painguide.generate import language_config, sync_tree, write_config, write_page
from painguide.kinds import check_labels
from painguide.labels import load_labels
from painguide.render import Renderer
from painguide.walk import models, walk

WHOLE = {k.name for k in kinds.KINDS if "*" not in k.files or k.part_of} | {k.part_of for k in kinds.KINDS if k.part_of}
"""Kinds whose files are in every neighbourhood: the single files nearly every page reads
(regions, signs, glossary, references, figures), and a recommendation's document and
chapters, which only make a recommendation together."""


def _ids(item: Loaded[Any]) -> set[str]:
    """The ids a file declares: its own and those of every model in it (steps, signs, items…)."""
    return {obj.id for _, obj in models(item.model) if isinstance(getattr(obj, "id", None), str)}


def _mentions(item: Loaded[Any]) -> set[str]:
    """Every word-like text in a file's model: the ids it names are among them. More than the
    ids is harmless (a neighbourhood a little too large), fewer would not be. Values of a fixed
    vocabulary (an Enum: roles, the situations a PM covers) name no file, and are left out:
    'cassette-change' the situation is in every PM about a cassette, not a link to that PM."""
    return {value for _, value in walk(item.model) if type(value) is str and " " not in value and len(value) < 100}


@dataclass
class Saved:
    """What save() did with one file."""

    pages: list[str] = field(default_factory=list)
    """The pages written (paths under docs/<code>/), each the file's own."""
    errors: list[Problem] = field(default_factory=list)
    """The file's errors; when there are any, nothing was written."""
    unchanged: bool = False
    """The file holds what was loaded last: nothing was done."""
    seconds: float = 0.0


@dataclass
class Rendered:
    """render_all()'s result, for commit() to write."""

    pages: dict[str, str]
    config: str


class Stale(Exception):
    """A newer save has made a render_all() in progress pointless."""


class Preview:
    def __init__(self, project: Project, lang: str) -> None:
        self.project = project
        self.lang = lang
        self.docs = project.root / "docs" / lang
        self.site: Site | None = None
        self.labels: dict[str, dict[str, str]] = {}
        self.load_errors: dict[str, list[Problem]] = {}
        """Errors of loading, by file: that file's last valid version (if any) stays in the site."""
        self.fast_errors: dict[str, list[Problem]] = {}
        """Errors the check of a saved file's neighbourhood found, until the next full check."""
        self.checked = Problems(project.root)
        """The last full check's problems."""
        self.written: dict[str, str] = {}
        """What this preview has written under docs/<code>/: path → text."""
        self._ids: dict[Path, set[str]] = {}
        self._mentions: dict[Path, set[str]] = {}
        self._declared: dict[str, set[Path]] = {}
        """Id → the files that declare it (an index of _ids)."""
        self._named: dict[str, set[Path]] = {}
        """Word → the files that mention it (an index of _mentions)."""

    # -- state ----------------------------------------------------------------------------
    def load(self) -> None:
        """Load everything from disk and check it, as `painguide validate` does."""
        problems = Problems(self.project.root)
        site, self.labels = load(self.project, problems)
        with no_cycle_collection():
            self._index(site)
        self.load_errors = _by_file(problems.items)
        self.site = site
        self.commit(self.check_all(site), None)

    def reload_labels(self) -> None:
        assert self.site is not None
        problems = Problems(self.project.root)
        labels = load_labels(self.project.macros, problems, self.site.languages)
        check_labels(labels, problems)
        for path in [p for p in self.load_errors if p.startswith(self.project.macros.name + "/")]:
            del self.load_errors[path]
        self.load_errors.update(_by_file(problems.items))
        if not problems:
            self.labels = labels

    def _index(self, site: Site) -> None:
        self._ids, self._mentions, self._declared, self._named = {}, {}, {}, {}
        for item in site.all_loaded():
            self._learn(item)

    def _learn(self, item: Loaded[Any]) -> None:
        self._forget(item.path)
        self._ids[item.path], self._mentions[item.path] = _ids(item), _mentions(item)
        for index, words in ((self._declared, self._ids[item.path]), (self._named, self._mentions[item.path])):
            for word in words:
                index.setdefault(word, set()).add(item.path)

    def _forget(self, path: Path) -> None:
        for index, words in ((self._declared, self._ids.pop(path, set())), (self._named, self._mentions.pop(path, set()))):
            for word in words:
                index[word].discard(path)

    def load_errors_now(self) -> list[Problem]:
        """The errors of files that do not load as they are now."""
        return [p for ps in self.load_errors.values() for p in ps if not p.warning]

    def problems(self) -> tuple[list[str], list[str]]:
        """Every error and warning known now, each once, as the terminal shows them."""
        found = [p for ps in self.load_errors.values() for p in ps] + [p for ps in self.fast_errors.values() for p in ps]
        found += self.checked.items
        errors = sorted({str(p) for p in found if not p.warning})
        warnings = sorted({str(p) for p in found if p.warning})
        return errors, warnings

    # -- after a save ---------------------------------------------------------------------
    def unchanged(self, path: Path) -> bool:
        """Whether the file at path holds what was last loaded from it, and loaded without errors
        (an editor's save can be reported twice, or change nothing)."""
        assert self.site is not None
        key = self._key(path)
        last = next((x for x in self.site.all_loaded() if x.path == key), None)
        rel = Problems(self.project.root).rel(path)
        return last is not None and rel not in self.load_errors and _text(path) == last.doc.text

    def _key(self, path: Path) -> Path:
        """path as load_site names it (under the content folder as given)."""
        assert self.site is not None
        return self.site.root / path.resolve().relative_to(self.site.root.resolve())

    def save(self, path: Path) -> Saved:
        """Load the saved (or deleted) file at path again, check it against its neighbourhood,
        and write its own pages in the previewed language."""
        assert self.site is not None
        start = time.perf_counter()
        problems = Problems(self.project.root)
        rel = problems.rel(path)
        if self.unchanged(path):
            return Saved(unchanged=True)
        with no_cycle_collection():
            site = reload_file(self.site, path, problems)
            self.fast_errors.pop(rel, None)
            self.load_errors.pop(rel, None)
            if problems:
                self.load_errors[rel] = problems.errors
                return Saved(errors=problems.errors, seconds=time.perf_counter() - start)
            self.site = site
            key = self._key(path)
            item = next((x for x in site.all_loaded() if x.path == key), None)
            self._forget(key)
            if item is None:  # deleted: render_all() removes its pages
                return Saved(seconds=time.perf_counter() - start)
            self._learn(item)
            near = subset(site, self.neighbourhood(item))
            found = Problems(self.project.root)
            check_site(near, found, self.project.today, release=self.project.release)
            errors = [p for p in found.errors if p.path == rel]
            if errors:
                self.fast_errors[rel] = errors
                return Saved(errors=errors, seconds=time.perf_counter() - start)
            renderer = Renderer(near, self.project.macros, self.labels, self.project.today)
            own = [page for page in renderer.pages if any(value is item.model for value in page.context.values())]
            pages = renderer.render(self.lang, pages=own)
        written = [p for p, text in pages.items() if write_page(self.docs, p, text)]
        self.written.update(pages)
        return Saved(pages=written, seconds=time.perf_counter() - start)

    def neighbourhood(self, item: Loaded[Any]) -> set[Path]:
        """The files that item's page and checks read: item, the files that name it, the files
        of WHOLE kinds, and then every file these name, and so on. Closed under naming, it is
        a site that checks and renders like the whole one; it holds the other files only of
        the few documents around item, whatever the size of the site. (A page that shows what
        a third file says about a file it names, such as a module listing the PM steps that
        carry out a requirement it includes, may miss that until render_all() has run.)"""
        assert self.site is not None
        todo = [item.path] + [path for ident in self._ids[item.path] for path in self._named.get(ident, ())]
        todo += [x.path for name in WHOLE for x in self.site.of(name)]
        near: set[Path] = set()
        while todo:
            path = todo.pop()
            if path not in near:
                near.add(path)
                todo += [other for word in self._mentions[path] for other in self._declared.get(word, ())]
        return near

    # -- catching up ----------------------------------------------------------------------
    def snapshot(self) -> tuple[Site, dict[str, dict[str, str]]]:
        """The site and labels as they are now, for check_all() and render_all() to work on
        while saves go on (save() replaces self.site, it never changes a Site)."""
        assert self.site is not None
        return self.site, self.labels

    def check_all(self, site: Site) -> Problems:
        """The full check of a site in memory (files that failed to load are in it as they last were)."""
        problems = Problems(self.project.root)
        with no_cycle_collection():
            check_site(site, problems, self.project.today, release=self.project.release)
        return problems

    def render_all(self, site: Site, labels: dict[str, dict[str, str]], before_each: Callable[[], None] | None = None) -> Rendered:
        """Every page of the previewed language and its MkDocs config."""
        language = next(lang for lang in site.languages if lang.code == self.lang)
        with no_cycle_collection():
            renderer = Renderer(site, self.project.macros, labels, self.project.today)
            pages = renderer.render(self.lang, before_each=before_each)
        return Rendered(pages, language_config(renderer, language, self.project.root))

    def commit(self, checked: Problems, rendered: Rendered | None) -> tuple[list[str], bool, bool]:
        """Take a full check's problems and write what render_all() made: returns the pages
        whose text changed, whether pages were added or removed, and whether the MkDocs
        config (the navigation) changed. Only the changed pages are written; the first time,
        docs/<code>/ is made to hold exactly the pages (removing any left from before)."""
        self.checked, self.fast_errors = checked, {}
        if rendered is None:
            return [], False, False
        changed = [p for p, text in rendered.pages.items() if self.written.get(p) != text]
        removed = set(self.written) - set(rendered.pages)
        if not self.written:
            sync_tree(self.docs, rendered.pages)
        for path in changed:
            write_page(self.docs, path, rendered.pages[path])
        for path in removed:
            (self.docs / path).unlink(missing_ok=True)
        moved = bool(removed) or any(p not in self.written for p in changed)
        self.written = dict(rendered.pages)
        return changed, moved, write_config(self.project.root, self.lang, rendered.config)


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _by_file(found: list[Problem]) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = {}
    for p in found:
        out.setdefault(p.path, []).append(p)
    return out
