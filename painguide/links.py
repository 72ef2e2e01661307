"""Every page's path, the links between pages, and where each cited id is shown.

A page's path is its Markdown path under docs/<lang>/, the same in every language. A
kind's pages follow its `Kind.url`; the pages the planners make across kinds follow
kinds.VIEWS. `url_for` is a template global, so no template writes a path by hand.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from typing import Any

from painguide import kinds
from painguide.content import Site
from painguide.model.common import Checklist
from painguide.model.training import in_order

PATIENT_CARDS = {"my-pain-treatment": "my_card_title", "warning-signs-easy": "easy_card_title"}
"""The patients' one-page cards (pages.plan_patient_cards), by view name: the label of their
title. A leaflet's related: may name them, as it names other leaflets."""


def url_for(name: str, ident: str | None = None, anchor: str | None = None, folder: str = "") -> str:
    """The path of a kind's page (url_for("pm", "dressing")), of its section index when
    no id is given and its pages have one (url_for("pm") → pm/index.md), or of a view;
    with "#anchor" when an anchor is given."""
    kind = kinds.get(name)
    if kind is not None:
        assert kind.url is not None, f"kind '{name}' has no pages of its own"
        if ident is None and "{id}" in kind.url:
            path = f"{posixpath.dirname(kind.url.format(id='', folder=folder))}/index.md"
        else:
            path = kind.url.format(id=ident or "", folder=folder)
    else:
        path = kinds.VIEWS[name].format(id=ident or "")
    return f"{path}#{anchor}" if anchor else path


def patient_cards(site: Site) -> list[str]:
    """The cards this site has: the personal card wherever there are leaflets, and the
    easy-to-read warning card when the catalogue has its introduction (easy_intro)."""
    if not site.of("patient-info"):
        return []
    catalogue = site.of("signs")
    easy = bool(catalogue and catalogue[0].model.easy_intro)
    return ["my-pain-treatment"] + (["warning-signs-easy"] if easy else [])


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, base: str) -> str:
    # Pages link to the same few targets from the same few folders; relpath asks the OS
    # for the working directory every time.
    return posixpath.relpath(target, base)


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link from one page to another (MkDocs turns it into the page's URL)."""
    to_page, _, given = to_page.partition("#")
    anchor = anchor or given or None
    target = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def page_url(path: str) -> str:
    """The directory URL of a Markdown page, relative to the site root: pm/x.md → pm/x/."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link for raw HTML, where MkDocs does not rewrite .md paths: URL to URL."""
    to_page, _, given = to_page.partition("#")
    anchor = anchor or given or None
    base, target = page_url(from_page), page_url(to_page)
    rel = _relpath(target or ".", base or ".")
    rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{anchor}" if anchor else rel


def anchor(ident: str) -> str:
    """The HTML id of an item on its page (a requirement point, a competence item)."""
    return ident.lower()


@dataclass
class CrossReferences:
    """Where each id that documents cite is shown, and who cites it."""

    where: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Citable id → (page, anchor) that shows it."""
    included: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Citable id → what a training module shows when it includes it."""
    implemented_in: dict[str, list[tuple[Any, int, str]]] = field(default_factory=dict)
    """Requirement point → the PM steps that carry it out: (PM, step number, page)."""
    sign_used_in: dict[str, list[tuple[Any, str]]] = field(default_factory=dict)
    """Warning sign → the documents that show it: (document, page)."""
    taught_by: dict[str, list[tuple[Any, str]]] = field(default_factory=dict)
    """Competence item → the modules that teach it, in the modules' order: (module, page)."""
    competence_items: dict[str, Any] = field(default_factory=dict)


def trace(site: Site) -> CrossReferences:
    refs = CrossReferences()
    where, included = refs.where, refs.included
    for rec in site.recommendations:
        for chapter in rec.chapters:
            path = url_for("chapter", chapter.model.id, folder=rec.document.model.id)
            for block in chapter.model.blocks:
                ident = getattr(block, "id", None)
                if isinstance(block, Checklist):
                    page = url_for("checklist", block.page) if block.page else None
                    for item in block.items:
                        where[item.id] = (page, anchor(item.id)) if page else (path, None)
                        included[item.id] = {"item": item}
                    where[block.id] = (page or path, None)
                elif ident:
                    has_anchor = block.type in ("recommendation", "table")
                    where[ident] = (path, anchor(ident) if has_anchor else None)
                if ident:
                    included[ident] = {"block": block}
                for item in getattr(block, "items", []) or []:
                    if getattr(item, "id", None) and item.id not in where:
                        where[item.id] = (path, None)
                        included[item.id] = {"item": item}
    for item in site.of("pm"):
        path = url_for("pm", item.model.id)
        for number, step in enumerate(item.model.steps, start=1):
            if step.id:
                where[step.id] = (path, f"{item.model.id}-step-{number}")
                included[step.id] = {"step": step, "pm": item.model, "number": number}
            for ident in step.implements:
                refs.implemented_in.setdefault(ident, []).append((item.model, number, path))
    for catalogue in site.of("signs"):
        path = url_for("signs", catalogue.model.id)
        for sign in catalogue.model.signs:
            where[sign.id] = (path, f"sign-{sign.id}")
            included[sign.id] = {"sign": sign}
    for kind, item in site.each():
        for ident in kinds.shown_signs(item.model):
            refs.sign_used_in.setdefault(ident, []).append((item.model, kind.page_path(item.model)))
    signs_of = {item.model.id: kinds.shown_signs(item.model) for item in site.of("pm")}
    for module in (x.model for x in site.of("training")):
        cited = [i for s in module.sections for i in s.include] + [q.see for q in module.questions]
        cited += [i for s in module.sections if s.warning_signs_of for i in signs_of.get(s.warning_signs_of, [])]
        for ident in dict.fromkeys(i for i in cited if i in site.signs):
            refs.sign_used_in.setdefault(ident, []).append((module, url_for("training", module.id)))
    for module in in_order(x.model for x in site.of("training")):
        for ident in module.teaches:
            refs.taught_by.setdefault(ident, []).append((module, url_for("training", module.id)))
    for description in (x.model for x in site.of("competence")):
        for item in description.items:
            where[item.id] = (url_for("competence", description.id), anchor(item.id))
            refs.competence_items[item.id] = item
    return refs
