"""Links between pages by id: `[text](pm:cassette-change#CASS-2)` in content becomes a
relative link in the reader's language.

A target `<name>:<id>#<anchor>` names a page as links.url_for does: <name> is a kind with
pages or a view (kinds.link_names()), <id> one of its files or entries (nothing for a
section's index or a kind's one page: `pm:`, `glossary:`), and <anchor> an id shown on that
page (a PM's step, a warning sign, a leaflet's section). `id:<id>` goes to wherever a cited
id is shown (links.CrossReferences.where). The checks report a target that does not
resolve, and a page named by its path; the renderer rewrites every target that resolves.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from collections.abc import Iterator
from typing import Any

from painguide import kinds
from painguide.content import Site
from painguide.links import anchor, href, relative, url_for
from painguide.model.common import Checklist
from painguide.walk import models

# Code is shown as written: a fenced block, or a code span (which cannot cross a blank line).
_CODE = r"(?P<code>^[ ]{0,3}(?P<fence>`{3,}|~{3,}).*?(?:^[ ]{0,3}(?P=fence)|\Z)|(?P<ticks>`+)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`))"
# Where a link's target starts: an inline link or image, or a reference definition; in a
# rendered page also an HTML link (a sign's words are made HTML for its table cell).
_MARKDOWN = r"\]\([ \t]*<?(?P<inline>[^\s()<>]+)|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<ref>[^\s<>]+)"
_HTML = r'href="(?P<href>[^"]+)"'
_IN_CONTENT = re.compile(f"{_CODE}|{_MARKDOWN}", re.M | re.S)
_IN_PAGE = re.compile(f"{_CODE}|{_MARKDOWN}|{_HTML}", re.M | re.S)
_MAY_LINK = re.compile(r"\]\(|^[ \t]*\[[^\]\n]+\]:", re.M)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@functools.lru_cache(maxsize=4)
def _candidates(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any link by id, in code or not: a quick test before a page is scanned properly."""
    return re.compile(rf"(?:\]\(|\]:|href=\")[ \t]*<?(?:{'|'.join(map(re.escape, names))}):")


class LinkError(ValueError):
    """A link by id that names no page, or no anchor on its page."""


def may_link(text: str) -> bool:
    """Whether a file's text can hold a link at all (most files cannot: nothing to scan)."""
    return _MAY_LINK.search(text) is not None


def targets(text: str, html: bool = False) -> Iterator[tuple[int, str, bool]]:
    """Each link target in Markdown outside code (and in HTML links, with html): where it
    starts, its text, and whether it is an HTML link."""
    pattern = _IN_PAGE if html else _IN_CONTENT
    for match in pattern.finditer(text):
        if match.group("code") is not None:
            continue
        group = next(name for name in ("inline", "ref", "href") if name in pattern.groupindex and match.group(name) is not None)
        yield match.start(group), match.group(group), group == "href"


def is_id_link(target: str) -> bool:
    name, colon, _ = target.partition(":")
    return bool(colon) and name in kinds.link_names()


def _names_a_page(target: str) -> bool:
    """A relative link to a page (pm/index.md, ../pm/x.md#a, pm/x/); not one to a file such as a PDF."""
    path = target.partition("#")[0]
    if not path or _SCHEME.match(path):
        return False
    last = path.rstrip("/").rpartition("/")[2]
    return path.endswith((".md", ".html", "/")) or last in ("", ".", "..") or "." not in last


def _hint(word: str, known: Any) -> str:
    lowered = {str(k).lower(): str(k) for k in known if k}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean '{lowered[close[0]]}'?" if close else ""


class Links:
    """The pages and anchors content may link to by id, read from the site's models."""

    def __init__(self, site: Site, where: dict[str, tuple[str, str | None]]) -> None:
        self.where = where
        self.documents: dict[str, Any] = {}
        """Page path → the model of the document shown on it (a kind's page)."""
        self.pages = self._pages(site)
        """Link name → its ids ("" for its index or its one page) → the page's path."""
        self.anchors = self._anchors(site)
        """Page path → the ids a link may give after '#' → the HTML anchor each is shown at
        (None: on the page, with no anchor of its own)."""
        self.named: dict[str, str] = {}
        """Page path → the shortest id link to it, for the error about a link by path."""
        for link in sorted((f"{name}:{ident}" for name, ids in self.pages.items() for ident in ids), key=len, reverse=True):
            name, _, ident = link.partition(":")
            self.named[self.pages[name][ident]] = link

    def _pages(self, site: Site) -> dict[str, dict[str, str]]:
        pages: dict[str, dict[str, str]] = {}
        for kind in kinds.KINDS:
            if kind.url is None:
                continue
            items = site.of(kind.name)
            found = pages[kind.name] = {}
            if "*" in kind.files:  # a page per file, and the section's index when it has one
                if kind.nav and items:
                    found[""] = url_for(kind.name)
                for item in items:
                    folder = item.path.parent.name
                    ident = f"{folder}/{item.model.id}" if "{folder}" in kind.url else item.model.id
                    found[ident] = kind.page_path(item.model, folder=folder)
                    self.documents[found[ident]] = item.model
            elif kind.name == "regions" and items:  # one file: an index and a page per region (pages.plan_regions)
                found[""] = url_for(kind.name)
                found.update((region.id, url_for(kind.name, region.id)) for region in items[0].model.regions)
            elif items:  # one file, one page (pages.plan_listing)
                model = items[0].model
                found[""] = kind.page_path(model)
                if getattr(model, "id", None):
                    found[model.id] = found[""]
                self.documents[found[""]] = model
        # The views' ids; a view without one is taken by its name (that the site makes its
        # page, the review queue only when a statement is marked, the strict MkDocs build checks).
        checklists = [b.page for rec in site.recommendations for c in rec.chapters for b in c.model.blocks if isinstance(b, Checklist) and b.page]
        regions = [r.id for r in site.regions.model.regions] if site.regions and site.of("pm") else []
        ids = {"checklist": checklists, "packet": regions, "self-assessment": [x.model.id for x in site.of("competence")]}
        for view, pattern in kinds.VIEWS.items():
            pages[view] = {i: url_for(view, i) for i in ids.get(view, [])} if "{id}" in pattern else {"": url_for(view)}
        return pages

    def _anchors(self, site: Site) -> dict[str, dict[str, str | None]]:
        found: dict[str, dict[str, str | None]] = {}
        for ident, (path, html_anchor) in self.where.items():
            found.setdefault(path, {})[ident] = html_anchor
        for item in site.of("patient-info"):  # each section's heading (the leaflet macro, macros/_shared.md.j2)
            found.setdefault(url_for("patient-info", item.model.id), {}).update((s.id, s.id) for s in item.model.sections)
        if site.glossary:
            found.setdefault(url_for("glossary"), {}).update((t.id, t.id) for t in site.glossary.model.terms)
        if site.references:
            found.setdefault(url_for("references"), {}).update((r.anchor, anchor(r.anchor)) for r in site.references.model.references)
        return found

    def resolve(self, target: str) -> str:
        """The page path, with its #anchor, of a target name:id#anchor; LinkError says why there is none."""
        name, _, rest = target.partition(":")
        ident, hashmark, wanted = rest.partition("#")
        if name == kinds.CITED:
            if hashmark:
                raise LinkError(f"'{target}': an id link goes to where the id is shown; write id:{ident} without #{wanted}")
            if ident not in self.where:
                raise LinkError(f"unknown id '{ident}'; id: takes the id of a recommendation, checklist, requirement point, "
                                f"list, table, PM step, competence item or warning sign{_hint(ident, self.where)}")
            path, html_anchor = self.where[ident]
            return f"{path}#{html_anchor}" if html_anchor else path
        ids = self.pages.get(name, {})
        if ident not in ids:
            raise LinkError(self._no_page(name, ident, ids))
        path = ids[ident]
        if not hashmark:
            return path
        shown = self.anchors.get(path, {})
        if wanted not in shown:
            raise LinkError(self._no_anchor(f"{name}:{ident}", path, wanted, shown))
        html_anchor = shown[wanted]
        return f"{path}#{html_anchor}" if html_anchor else path

    @staticmethod
    def _no_page(name: str, ident: str, ids: dict[str, str]) -> str:
        if not ids and not ident:
            return f"the site has no '{name}' page to link to"
        if list(ids) == [""]:
            return f"'{name}:' takes no id; write [text]({name}:)"
        if not ident:
            example = next((i for i in ids if i), "<id>")
            return f"'{name}:' needs the id of a page, for example [text]({name}:{example})"
        # A chapter is named with its document (chapter:<document>/<chapter>).
        within = next((i for i in ids if i.rpartition("/")[2] == ident), None)
        hint = f"; did you mean '{within}'?" if within else _hint(ident, ids)
        return f"no {name} page has the id '{ident}'{hint}"

    def _no_anchor(self, page: str, path: str, wanted: str, shown: dict[str, str | None]) -> str:
        where = f"no '#{wanted}' on {page}"
        if not wanted:
            return f"nothing follows '#' in {page}#; give the id of what to link to on that page, or leave out '#'"
        if wanted in self.where:
            elsewhere = self.where[wanted][0]
            return f"{where}; '{wanted}' is shown on {self.named.get(elsewhere, elsewhere)}: write [text](id:{wanted})"
        document = self.documents.get(path)
        if document is not None and any(getattr(obj, "id", None) == wanted for _, obj in models(document)):
            return f"'{wanted}' is in that document, but its page gives it no anchor; link to the page, without #{wanted}"
        if not shown:
            return f"{where}; the page has no anchors to link to: link to the page, without #{wanted}"
        hint = _hint(wanted, shown)
        if hint:
            return where + hint
        listed = list(shown)  # in the order the page shows them
        more = f" and {len(listed) - 8} more" if len(listed) > 8 else ""
        return f"{where}; the ids on that page are {', '.join(listed[:8])}{more}"

    def problem(self, target: str, page: str) -> str | None:
        """What is wrong with a link target in the content of a page (None: nothing)."""
        if is_id_link(target):
            try:
                self.resolve(target)
            except LinkError as err:
                return str(err)
            return None
        if not _names_a_page(target):
            return None
        path, hashmark, _ = target.partition("#")
        base = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)).removesuffix(".html")
        base = "" if base == "." else base
        found = next((self.named[p] for p in (base, base + ".md", posixpath.join(base, "index.md")) if p in self.named), None)
        if found is None:
            return (f"'{target}' names a page by its path; link to it by id instead, as [text](pm:<id>) or "
                    "[text](id:<id>) (see content/README.md)")
        return f"'{target}' names a page by its path; write [text]({found}{'#<id>' if hashmark else ''}) instead"

    def rewrite(self, text: str, page: str) -> str:
        """A rendered page (at path page) with every id link made relative to it: a Markdown
        link to the page's file, an HTML link to its URL (MkDocs rewrites only the former)."""
        if not _candidates(tuple(kinds.link_names())).search(text):
            return text  # most pages: no link by id at all, nothing to scan for code
        parts: list[str] = []
        done = 0
        for start, target, in_html in targets(text, html=True):
            if not is_id_link(target):
                continue
            try:
                path = self.resolve(target)
            except LinkError as err:  # the checks report these before anything is rendered
                raise LinkError(f"{page}: {err}") from None
            parts += [text[done:start], href(page, path) if in_html else relative(page, path)]
            done = start + len(target)
        return "".join(parts) + text[done:] if parts else text
