"""Rules across documents: ids unique, references and links by id resolve, sources exist,
tables add up, every document lists the catalogue signs of what it covers, sign-offs name
real statements, and no text holds a made-up phone number."""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
import unicodedata
from typing import Any, Callable

from painguide.content import Loaded, Site
from painguide.errors import Problems
from painguide.languages import primary
from painguide.links import PATIENT_CARDS, patient_cards, trace
from painguide import figures, idlinks, kinds
from painguide.model.care import Contact, Step
from painguide.model.signs import Sign
from painguide.model.training import CompetenceItem, DelegationTask, Module, Part, Profession, key_position
from painguide.provenance import is_approved, signed_off, statements
from painguide.readability import (delegation_blocks, easy_card_text, find_sentence, leaflet_blocks, lix, module_text, sentences,
                                   unexplained_abbreviations, words)
from painguide.model.common import Checklist, ChecklistItem, DocumentMeta, Source, Statement, Status, review_state
from painguide.model.recommendation import ListBlock, ListItem, Recommendation, TableBlock
from painguide.walk import Loc, models, walk
from painguide.yamlload import dotted


# Ids that other documents cite (PMs, training, checklists) share one namespace.
CITABLE = (Recommendation, Checklist, ChecklistItem, ListBlock, ListItem, TableBlock, Step, CompetenceItem, Sign)


def did_you_mean(word: str, known: Any, cutoff: float = 0.7) -> str:
    """"; did you mean 'x'?" for the closest known word, to end a message with; "" when none is close."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return f"; did you mean '{close[0]}'?" if close else ""


def _add(problems: Problems, item: Loaded[Any], loc: Loc, message: str, warning: bool = False) -> None:
    line, col = item.doc.locate(loc)
    problems.add(item.path, line, col, dotted(loc), message, warning=warning)


def _where(problems: Problems, item: Loaded[Any], loc: Loc) -> str:
    line, _ = item.doc.locate(loc)
    return f"{problems.rel(item.path)}:{line}"


def check_site(site: Site, problems: Problems, today: dt.date, release: bool = False) -> None:
    known_files = {r.file for r in site.references.model.references if r.file} if site.references else None
    citable: dict[str, tuple[Loaded[Any], Loc]] = {}
    region_ids = {r.id for r in site.regions.model.regions} if site.regions else None
    cites: list[tuple[Loaded[Any], Loc, str]] = []

    for item in site.all_loaded():
        for loc, obj in models(item.model):
            if isinstance(obj, Source) and known_files is not None and obj.file not in known_files:
                hint = did_you_mean(obj.file, known_files, 0.8)
                _add(problems, item, loc + ("file",), f"unknown source file '{obj.file}'" + (hint or "; list it in content/references.yaml"))
            if isinstance(obj, CITABLE) and getattr(obj, "id", None):
                if obj.id in citable:
                    other, other_loc = citable[obj.id]
                    _add(problems, item, loc + ("id",), f"id '{obj.id}' is already used at {_where(problems, other, other_loc + ('id',))}")
                else:
                    citable[obj.id] = (item, loc)
            if isinstance(obj, TableBlock):
                _check_totals(problems, item, loc, obj)
                _check_shares(problems, item, loc, obj)
            if isinstance(obj, Step):
                cites += [(item, loc + ("implements", i), ident) for i, ident in enumerate(obj.implements)]
            if isinstance(obj, CompetenceItem):
                cites += [(item, loc + ("serves", i), ident) for i, ident in enumerate(obj.serves)]
            if isinstance(obj, DelegationTask):
                cites += [(item, loc + ("see", i), ident) for i, ident in enumerate(obj.see)]
            if isinstance(obj, Module):
                cites += [(item, ("sections", s, "include", i), ident) for s, sec in enumerate(obj.sections) for i, ident in enumerate(sec.include)]
                cites += [(item, ("questions", q, "see"), question.see) for q, question in enumerate(obj.questions)]
            if isinstance(obj, Contact) and obj.placeholder and release:
                _add(problems, item, loc + ("placeholder",), "the phone number is still a placeholder; the region must add it before release")
            if isinstance(obj, DocumentMeta):
                check_review_date(problems, item, loc, obj, today, release)
                if release and obj.status is Status.draft and obj.release_blocker:
                    _add(problems, item, loc + ("release_blocker",), "this draft is marked release_blocker; it cannot be released")
        if release:
            for loc, value in walk(item.doc.data):
                if isinstance(value, str) and "TODO" in value:
                    _add(problems, item, loc, "a TODO marker is left in the text; finish it before release")

    _unique(problems, [(r, ("regions", i)) for i, r in enumerate(site.regions.model.regions)] if site.regions else [], site.regions, "region")
    if site.references:
        anchors: dict[str, int] = {}
        for i, ref in enumerate(site.references.model.references):
            field = "file" if ref.file else "id"
            if ref.anchor in anchors:
                _add(problems, site.references, ("references", i, field), f"reference '{ref.file or ref.id}' is already listed as reference {anchors[ref.anchor] + 1}")
            anchors[ref.anchor] = i
    _unique(problems, [(t, ("terms", i)) for i, t in enumerate(site.glossary.model.terms)] if site.glossary else [], site.glossary, "term")
    if site.glossary:
        for lang in (language.code for language in site.languages):
            seen: dict[str, int] = {}
            for i, term in enumerate(site.glossary.model.terms):
                if term.abbreviation is None:
                    continue
                abbr = term.abbreviation[lang]
                if abbr in seen:
                    _add(problems, site.glossary, ("terms", i, "abbreviation", lang), f"abbreviation '{abbr}' is already explained by term {seen[abbr] + 1}")
                seen[abbr] = i

    for item, loc, ident in cites:
        if ident not in citable and not site.failed_to_load(ident):
            _add(problems, item, loc, f"unknown id '{ident}'; give the id of a recommendation, checklist, requirement point, "
                 f"list, table, PM step or warning sign{did_you_mean(ident, citable)}")

    for kind in kinds.KINDS:
        if not kind.files.endswith("/*.yaml"):
            continue
        for item in site.of(kind.name):
            if item.model.id != item.path.stem:
                _add(problems, item, ("id",), f"id '{item.model.id}' must match the file name '{item.path.stem}'")
    for item in site.of("pm"):
        _check_regions(problems, item, item.model.regions, region_ids)
        leaflets = {x.model.id for x in site.of("patient-info")}
        for i, leaflet in enumerate(item.model.patient_info):
            if leaflet not in leaflets and not site.failed_to_load(leaflet, "patient-info"):
                _add(problems, item, ("patient_info", i), f"unknown leaflet '{leaflet}'; no content/patient-info/{leaflet}.yaml{did_you_mean(leaflet, leaflets)}")

    _check_leaflets(site, problems)
    _check_doors(site, problems)
    _check_links(site, problems)
    _check_figures(site, problems)
    _check_easy_card(site, problems)
    _check_training(site, problems, release)
    _check_delegation(site, problems)
    _check_plain_modules(site, problems)
    _check_signs(site, problems)
    _check_provenance(site, problems, release)
    for item in site.all_loaded():
        _check_phones(problems, item)

    pages = {page.model.id: page for page in site.pages}
    if site.pages and "index" not in pages and not site.failed_to_load("index", "page"):
        problems.add(site.root / "pages" / "index.yaml", 1, 1, "", "the home page pages/index.yaml is missing")

    checklist_pages: dict[str, tuple[Loaded[Any], Loc]] = {}
    for rec in site.recommendations:
        doc = rec.document
        if doc.model.id != doc.path.parent.name:
            _add(problems, doc, ("id",), f"id '{doc.model.id}' must match the folder name '{doc.path.parent.name}'")
        _check_regions(problems, doc, doc.model.regions, region_ids)
        chapter_ids: dict[str, Loaded[Any]] = {}
        for chapter in rec.chapters:
            cid = chapter.model.id
            if cid in chapter_ids:
                _add(problems, chapter, ("id",), f"chapter id '{cid}' is already used in {problems.rel(chapter_ids[cid].path)}")
            elif cid == "index":
                _add(problems, chapter, ("id",), "'index' is reserved for the document's own page")
            chapter_ids[cid] = chapter
            for loc, obj in models(chapter.model):
                if isinstance(obj, Checklist) and obj.page:
                    if obj.page in checklist_pages or obj.page == "index":
                        _add(problems, chapter, loc + ("page",), f"checklist page '{obj.page}' is already used")
                    checklist_pages[obj.page] = (chapter, loc)


def _sign_refs(problems: Problems, item: Loaded[Any], field: str, ids: list[str], signs: dict[str, Sign]) -> None:
    """An id a document names that is not in the catalogue is a located error."""
    for i, ident in enumerate(ids):
        if ident in signs:
            continue
        hint = did_you_mean(ident, signs, 0.6)
        _add(problems, item, (field, i), f"unknown warning sign '{ident}'{hint}; the signs are in content/warning-signs.yaml")


def _check_signs(site: Site, problems: Problems) -> None:
    """Each document lists every catalogue sign of the devices and situations it covers."""
    signs = site.signs
    if not signs:
        return
    for item in site.of("pm"):
        pm = item.model
        _sign_refs(problems, item, "warning_signs", pm.warning_signs, signs)
        _check_listed_once(problems, item, "warning_signs", pm.warning_signs)
        covers, listed = set(pm.covers), set(pm.warning_signs)
        missing = [s.id for s in signs.values() if covers & set(s.applies_to) and s.id not in listed]
        if missing:
            names = ", ".join(c.value for c in pm.covers)
            _add(problems, item, ("warning_signs",), f"missing warning signs for what this PM covers ({names}): {', '.join(missing)}")
    for item in site.of("patient-info"):
        leaflet = item.model
        _sign_refs(problems, item, "when_to_call", leaflet.when_to_call, signs)
        listed = set(leaflet.when_to_call)
        _check_listed_once(problems, item, "when_to_call", leaflet.when_to_call)
        for i, ident in enumerate(leaflet.when_to_call):
            if ident in signs and signs[ident].patient is None:
                _add(problems, item, ("when_to_call", i), f"warning sign '{ident}' has no patient wording; a leaflet lists only signs with patient:")
        about = set(leaflet.about)
        required = [s for s in signs.values() if s.patient and (leaflet.every_sign or about & set(s.applies_to))]
        missing = [s.id for s in required if s.id not in listed]
        if missing:
            what = "every patient-facing sign (every_sign: true)" if leaflet.every_sign else f"what this leaflet is about ({', '.join(a.value for a in leaflet.about)})"
            _add(problems, item, ("when_to_call",), f"missing warning signs for {what}: {', '.join(missing)}")


def _check_listed_once(problems: Problems, item: Loaded[Any], field: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            _add(problems, item, (field, i), f"warning sign '{ident}' is listed twice")
        seen.add(ident)


def _check_provenance(site: Site, problems: Problems, release: bool) -> None:
    """Marked statements can be named by a sign-off; sign-offs name real ones; a release
    of an approved document needs every marked statement in it (and every sign it shows) signed off."""
    signs_reviewed: dict[str, bool] = {}
    catalogue = site.of("signs")
    if catalogue:
        done = signed_off(catalogue[0].model.meta)
        signs_reviewed = {s.id: (not s.marked) or s.id in done for s in catalogue[0].model.signs}
    for kind, item in site.each():
        meta = getattr(item.model, "meta", None)
        found = list(statements(item.model))
        keys = {f.key: f for f in found if f.key is not None}
        for f in found:
            if f.statement.marked and f.key is None:
                _add(problems, item, f.loc + ("basis",), "a statement that is not from the sources needs an id, so that a reviewer's sign-off can name it")
        if not isinstance(meta, DocumentMeta):
            continue
        for r, review in enumerate(meta.reviews):
            for s, key in enumerate(review.statements):
                where = ("meta", "reviews", r, "statements", s)
                if key not in keys:
                    hint = did_you_mean(key, keys, 0.6)
                    _add(problems, item, where, f"no statement '{key}' in this document{hint}; the review queue (/review/) shows each key")
                elif not keys[key].statement.marked:
                    _add(problems, item, where, f"'{key}' is from the sources; a sign-off names only statements marked general-knowledge or proposal")
        if not (release and is_approved(meta)):
            continue
        done = signed_off(meta)
        for f in found:
            if f.statement.marked and f.key is not None and f.key not in done:
                _add(problems, item, f.loc + ("basis",), f"'{f.key}' ({f.statement.grounds.value}) has no clinical sign-off; an approved document cannot be released until meta.reviews names it")
        for i, ident in enumerate(kinds.shown_signs(item.model)):
            if signs_reviewed.get(ident) is False:
                _add(problems, item, (kind.shows_signs, i), f"warning sign '{ident}' has no clinical sign-off in content/warning-signs.yaml; an approved document cannot show it in a release")


# A real-looking Swedish phone number: 0 or +46, then at least six more digits in groups
# (010-123 45 67, 046-17 10 00, +46 10 123 45 67). 112, 1177 and placeholders such as
# 010-XXX XX XX do not match; dates (2026-01-13) and years do not start with 0.
_PHONE_IN_TEXT = re.compile(r"(?<![\w+.,/-])(?:\+46|0)[ -]?\(?\d{1,3}\)?(?:[ -]?\d){6,9}(?![\w.,/-]?\d)")


def _check_phones(problems: Problems, item: Loaded[Any]) -> None:
    """A phone number anywhere in a text is an error unless its statement cites a source:
    a made-up number must never be published (regions' contacts have a field of their own)."""
    if not _PHONE_IN_TEXT.search(" ".join(item.doc.text.split())):
        return  # most files: nothing that looks like a number at all, whatever the line breaks
    owners: dict[Loc, Any] = {}
    for loc, obj in models(item.model):
        owners[loc] = obj
    for loc, value in walk(item.doc.data):
        if not isinstance(value, str) or loc[-1:] == ("phone",):
            continue
        match = _PHONE_IN_TEXT.search(value)
        if match is None:
            continue
        owner = next((owners[loc[:n]] for n in range(len(loc) - 1, -1, -1) if loc[:n] in owners and isinstance(owners[loc[:n]], Statement)), None)
        if owner is not None and owner.sources and not owner.marked:
            continue
        line, col = _locate_in_text(item, loc, match.group(0))
        problems.add(item.path, line, col, dotted(loc),
                     f"'{match.group(0)}' looks like a phone number; a number must come from a source. "
                     "Write a visible placeholder (for example 'numret fylls i av regionen'), or give regions' contacts the number")


def _locate_in_text(item: Loaded[Any], loc: Loc, needle: str, nth: int = 0) -> tuple[int, int]:
    """The line and column of needle (its nth occurrence) in the file, searching from where its value starts."""
    line, col = item.doc.locate(loc)
    lines = item.doc.text.splitlines()
    for n in range(line - 1, len(lines)):
        start = lines[n].find(needle, col - 1 if n == line - 1 else 0)
        while start >= 0:
            if nth == 0:
                return n + 1, start + 1
            nth -= 1
            start = lines[n].find(needle, start + 1)
    return line, col


def _check_links(site: Site, problems: Problems) -> None:
    """Links between pages are by id (painguide/idlinks.py): each names a page, and an
    anchor, that the site has; none names a page by its path. The error points at the link."""
    found = [(kind, item) for kind, item in site.each() if idlinks.may_link(item.doc.text)]
    if not found:
        return
    links = idlinks.Links(site, trace(site).where)
    for kind, item in found:
        # Where the text is shown, for the id form of a link by path ("pm/index.md" on the home page).
        page = kind.page_path(item.model, folder=item.path.parent.name) if kind.url else ""
        for loc, value in walk(item.doc.data):
            if not isinstance(value, str):
                continue
            seen: dict[str, int] = {}
            for _, target, _ in idlinks.targets(value):
                nth = seen[target] = seen.get(target, -1) + 1
                message = links.problem(target, page)
                if message is not None and not _into_failed(site, target):
                    line, col = _locate_in_text(item, loc, target, nth)
                    problems.add(item.path, line, col, dotted(loc), message)


def _into_failed(site: Site, target: str) -> bool:
    """Whether a link by id may point into a file that failed to load (then that file's own
    problems are the message, not this link)."""
    if not idlinks.is_id_link(target):
        return False
    name, _, rest = target.partition(":")
    ident, _, anchor = rest.partition("#")
    if name == kinds.CITED:
        return site.failed_to_load(ident)
    return site.failed_to_load(ident or None, name) or bool(anchor and site.failed_to_load(anchor))


LIX_LIMIT = 40
"""Leaflets, in the primary language: 30–40 is easy to read; official texts sit at 50–60 (CONTENT.md rule 5)."""


def _check_leaflets(site: Site, problems: Problems) -> None:
    """Plain language, measured: Swedish LIX at most LIX_LIMIT, no sentence over
    LONG_SENTENCE words in any language (a warning), abbreviations spelled out."""
    ids = {item.model.id for item in site.of("patient-info")} | set(patient_cards(site))
    if site.failed_to_load(None, "signs"):
        ids |= set(PATIENT_CARDS)  # whether the easy card is made depends on the catalogue, which has errors
    source = primary(site.languages)  # measured in the language the leaflets are written in
    warned: set[tuple[str, int, int]] = set()
    for item in site.of("patient-info"):
        leaflet = item.model
        # Its signs are measured too: while the catalogue has errors, the leaflet is measured once it loads.
        if not any(i not in site.signs and site.failed_to_load(i, "signs") for i in leaflet.when_to_call):
            place = _leaflet_place(item, site)
            _check_lix(problems, item, leaflet_blocks(leaflet, source.code, site.signs), LIX_LIMIT,
                       source, "; shorten sentences and words. ", place)
            for lang in (language.code for language in site.languages):
                _check_long_sentences(problems, item, leaflet_blocks(leaflet, lang, site.signs), place, warned)
        for lang in (language.code for language in site.languages):
            fields = [(("title", lang), leaflet.title[lang]), (("intro", lang), leaflet.intro[lang])]
            for i, s in enumerate(leaflet.sections):
                fields += [(("sections", i, "question", lang), s.question[lang]), (("sections", i, "answer", lang), s.answer[lang])]
            _check_abbreviations(problems, item, fields)
        for i, other in enumerate(leaflet.related):
            if other not in ids and not site.failed_to_load(other, "patient-info"):
                _add(problems, item, ("related", i), f"unknown leaflet '{other}'; no content/patient-info/{other}.yaml, "
                     f"and no patient card of that name ({', '.join(patient_cards(site)) or 'none'})")
        for i, section in enumerate(leaflet.sections):
            _check_external(problems, item, ("sections", i, "references"), section.references,
                            site.references.model.references if site.references else None, "a leaflet section")


def _check_figures(site: Site, problems: Problems) -> None:
    """Each drawing: a unique id, an SVG that exists, holds only shapes and text, and whose
    every word is a translated label; each leaflet names known drawings."""
    declared = site.of("figures")
    if declared:
        item = declared[0]
        _unique(problems, [(f, ("figures", i)) for i, f in enumerate(item.model.figures)], item, "figure")
        for i, figure in enumerate(item.model.figures):
            svg = figures.read(site.root, figure.file)
            if svg is None:
                _add(problems, item, ("figures", i, "file"), f"no file content/{figure.file}; draw it there as SVG")
                continue
            found = figures.scan(svg)
            for p in found.problems:
                problems.add(site.root / figure.file, p.line, p.col, "", p.message)
            used = set()
            for key, line, col in found.labels:
                used.add(key)
                if key not in figure.labels:
                    problems.add(site.root / figure.file, line, col, "", f"unknown label '{key}'; give its text in every language under "
                                 f"labels: of figure '{figure.id}' in content/figures.yaml")
            for key in figure.labels:
                if key not in used:
                    _add(problems, item, ("figures", i, "labels", key), f"label '{key}' is not used in {figure.file}; "
                         f'write it there as <text data-label="{key}">, or remove it')
    known = site.figures
    for leaflet in site.of("patient-info"):
        for i, ident in enumerate(leaflet.model.figures):
            if ident not in known and not site.failed_to_load(ident, "figures"):
                hint = did_you_mean(ident, known, 0.6)
                _add(problems, leaflet, ("figures", i), f"unknown figure '{ident}'{hint}; the figures are declared in content/figures.yaml")


EASY_LIX_LIMIT = 25
"""The easy-to-read warning card (lättläst), in the primary language: below 25 is very easy
on the usual scale, the level of easy-to-read texts (issue 20, part 6)."""


def _check_easy_card(site: Site, problems: Problems) -> None:
    """The easy-to-read warning card: every patient-facing sign has its easy wording, and the
    card's Swedish LIX, counted over its running text (readability.easy_card_text), is at
    most EASY_LIX_LIMIT. The error points at the field of the longest sentence."""
    catalogues = site.of("signs")
    if not catalogues or catalogues[0].model.easy_intro is None:
        return
    item = catalogues[0]
    for i, sign in enumerate(item.model.signs):
        if sign.patient is not None and sign.easy is None:
            _add(problems, item, ("signs", i, "patient"), f"sign '{sign.id}' has a patient wording but no easy: wording; "
                 "the easy-to-read warning card shows every sign patients act on (easy_intro is set)")
    source = primary(site.languages)
    _check_lix(problems, item, easy_card_text(item.model, source.code), EASY_LIX_LIMIT,
               source, "; the easy-to-read card needs short sentences and short words. ")


PLAIN_AUDIENCE = frozenset({Profession.assistant_nurse})
"""A module whose whole audience is among these is held to the leaflets' LIX_LIMIT: assistant
nurses read it at work, often on a phone, like a patient reads a leaflet (issue 19, part 8)."""


def _check_doors(site: Site, problems: Problems) -> None:
    """A door leads to a page the site has: a kind with pages, or a view, and the id of
    one of the kind's files where its pages have one each."""
    targets = sorted({k.name for k in kinds.KINDS if k.url} | set(kinds.VIEWS))
    for page in site.of("page"):
        links = [(("doors", d), door) for d, door in enumerate(page.model.doors)]
        links += [(("doors", d, "also", a), link) for d, door in enumerate(page.model.doors) for a, link in enumerate(door.also)]
        for loc, link in links:
            kind = kinds.get(link.to)
            if link.to not in targets:
                _add(problems, page, loc + ("to",), f"unknown page '{link.to}'; give a kind or a view: {', '.join(targets)}"
                     f"{did_you_mean(link.to, targets, 0.6)}")
            elif kind is not None and link.id is not None:
                ids = [x.model.id for x in site.of(kind.name)]
                if link.id not in ids and not site.failed_to_load(link.id, kind.name):
                    hint = did_you_mean(link.id, ids, 0.6)
                    _add(problems, page, loc + ("id",), f"no {kind.name} has the id '{link.id}'{hint}")


def _check_plain_modules(site: Site, problems: Problems) -> None:
    """A module for assistant nurses only reads like a leaflet: its Swedish LIX, counted over
    the running text a learner reads (readability.module_text: its own text and what it
    includes), is at most LIX_LIMIT. The error points at the field of the longest sentence."""
    plain = [m for m in site.of("training") if set(m.model.audience) <= PLAIN_AUDIENCE]
    if not plain:
        return
    included = trace(site).included  # what the page shows for each included id
    pm_signs = {pm.model.id: list(pm.model.warning_signs) for pm in site.of("pm")}
    source = primary(site.languages)
    for item in plain:
        shown = [i for s in item.model.sections for i in s.include]
        shown += [i for s in item.model.sections if s.warning_signs_of for i in [s.warning_signs_of] + pm_signs.get(s.warning_signs_of, [])]
        if any(i not in included and i not in pm_signs and site.failed_to_load(i) for i in shown):
            continue  # part of its text is in a file with errors: measured once that loads
        _check_lix(problems, item, module_text(item.model, source.code, included, pm_signs), LIX_LIMIT, source,
                   "; a module for assistant nurses only is held to the leaflets' limit. Shorten sentences and words, or include easier steps. ")


Place = tuple[Loaded[Any], Loc, str]
"""Where a block of measured text is written: the file, the field in it, and what to call
that field in a message (a leaflet's section by its id and question)."""


def _check_lix(problems: Problems, item: Loaded[Any], text: list[tuple[Loc, str]], limit: int,
               language: Any, advice: str, place: Callable[[Loc], Place] | None = None) -> None:
    """The text's LIX (its blocks, each with its field in item's file) is at most limit.
    Above it, the error is at the longest sentence and lists the three longest, longest
    first, each at the file:line where it is written and named by its section (place: a
    block's field → where its words are written; default: the field itself, in item)."""
    score = lix([block for _, block in text])
    if score.value <= limit:
        return
    found = _sentences_at(item, text, place)
    longest = sorted(found, key=lambda f: len(words(f[0])), reverse=True)[:3]  # stable: lix()'s order
    _, loc, (source, _, _), line, col = longest[0]
    if source is not item:  # written in another file (a catalogue sign): the error stays with the text measured
        line, col = item.doc.locate(loc)
    listed = "".join(f"\n    {problems.rel(at.path)}:{n}: {name}: «{s}» ({len(words(s))} words)" for s, _, (at, _, name), n, _ in longest)
    problems.add(item.path, line, col, dotted(loc),
                 f"{language.english_name} LIX is {score.value:.1f}, above {limit}{advice}The longest sentences, where to start:{listed}")


LONG_SENTENCE = 25
"""Words in a leaflet sentence above which it warns, in every language: a sentence that
long is where a reader loses the thread, and it raises LIX more than any word does."""


def _check_long_sentences(problems: Problems, item: Loaded[Any], text: list[tuple[Loc, str]],
                          place: Callable[[Loc], Place], warned: set[tuple[str, int, int]]) -> None:
    """Each sentence of more than LONG_SENTENCE words is a warning at its own line. A
    catalogue sign's sentence warns once (warned), however many leaflets show it."""
    long = [(loc, block) for loc, block in text
            if len(words(block)) > LONG_SENTENCE and any(len(words(s)) > LONG_SENTENCE for s in sentences(block))]
    if not long:
        return  # nearly always: nothing is searched for in the file
    for sentence, _, (source, field, _), line, col in _sentences_at(item, long, place):
        count = len(words(sentence))
        if count <= LONG_SENTENCE or (str(source.path), line, col) in warned:
            continue
        warned.add((str(source.path), line, col))
        problems.add(source.path, line, col, dotted(field), f"a sentence of {count} words; a leaflet's sentences have at most "
                     f"{LONG_SENTENCE}, so split it: «{' '.join(sentence.split()[:8])} …»", warning=True)


def _leaflet_place(item: Loaded[Any], site: Site) -> Callable[[Loc], Place]:
    """Where a leaflet's measured text is written (see readability.leaflet_blocks): its own
    file, except its warning signs' words, which are in the catalogue's."""
    catalogue = site.of("signs")
    index = {sign.id: i for i, sign in enumerate(catalogue[0].model.signs)} if catalogue else {}

    def place(loc: Loc) -> Place:
        if loc[0] == "when_to_call" and catalogue:
            ident = item.model.when_to_call[loc[1]]
            return catalogue[0], ("signs", index[ident], "patient", *loc[2:]), f"warning sign '{ident}'"
        if loc[0] == "sections":
            section = item.model.sections[loc[1]]
            return item, loc, f"section '{section.id}' ({section.question[loc[-1]]})"
        return item, loc, dotted(loc)
    return place


def _sentences_at(item: Loaded[Any], text: list[tuple[Loc, str]], place: Callable[[Loc], Place] | None
                  ) -> list[tuple[str, Loc, Place, int, int]]:
    """Every sentence of the text, in order, with its block's field, where that block is
    written (place) and the line and column of the sentence in that file. Each field's
    sentences are searched for in its file from where its value starts to where the next
    value or key starts, each after the one before it; a sentence that cannot be found
    there (its words broken by markup the search does not know) is at its value's start."""
    out: list[tuple[str, Loc, Place, int, int]] = []
    cursors: dict[tuple[str, Loc], int] = {}
    files: dict[str, tuple[str, list[int]]] = {}  # path → the file's text in NFC, where each line starts
    for loc, block in text:
        at = place(loc) if place else (item, loc, dotted(loc))
        doc, field = at[0].doc, at[1]
        if str(doc.path) not in files:
            normal = unicodedata.normalize("NFC", doc.text)
            files[str(doc.path)] = normal, [0] + [m.end() for m in re.finditer("\n", normal)]
        source, starts = files[str(doc.path)]

        def offset(pos: tuple[int, int]) -> int:
            return min(starts[min(pos[0], len(starts)) - 1] + pos[1] - 1, len(source))

        begin = doc.locate(field)
        after = [pos for pos in [*doc.values.values(), *doc.keys.values()] if pos > begin]
        end = offset(min(after)) if after else len(source)
        key = (str(doc.path), field)
        for sentence in sentences(block):
            match = find_sentence(source, sentence, cursors.get(key, offset(begin)), end)
            if match is None:
                out.append((sentence, loc, at, *begin))
                continue
            cursors[key] = match.end()
            line = bisect.bisect_right(starts, match.start())
            out.append((sentence, loc, at, line, match.start() - starts[line - 1] + 1))
    return out


def _check_abbreviations(problems: Problems, item: Loaded[Any], fields: list[tuple[Loc, str]]) -> None:
    """Each abbreviation in the fields (in reading order) is spelled out where it is first used."""
    for abbr in unexplained_abbreviations("\n\n".join(text for _, text in fields)):
        loc = next(loc for loc, text in fields if re.search(rf"(?<![\w-]){abbr}(?!\w)", text))
        _add(problems, item, loc, f"the abbreviation {abbr} is not spelled out where it is first used; write '{abbr} (…)' the first time")


def _check_training(site: Site, problems: Problems, release: bool) -> None:
    """Modules teach known competence items; an item no module teaches warns (fails a release)."""
    items = {c.id: (d, ("items", i)) for d in site.of("competence") for i, c in enumerate(d.model.items)}
    practice_only = {c.id for d in site.of("competence") for c in d.model.items if c.part is Part.practice}
    taught: set[str] = set()
    procedures = [pm.model.id for pm in site.of("pm")]
    delegations = {d.model.id: d.model.delegation for d in site.of("competence")}
    for module in site.of("training"):
        for s, section in enumerate(module.model.sections):
            if section.warning_signs_of is not None and section.warning_signs_of not in procedures \
                    and not site.failed_to_load(section.warning_signs_of, "pm"):
                hint = did_you_mean(section.warning_signs_of, procedures, 0.6)
                _add(problems, module, ("sections", s, "warning_signs_of"), f"unknown PM '{section.warning_signs_of}'{hint}; see content/pm/")
            if section.delegation_of is not None and delegations.get(section.delegation_of) is None \
                    and not site.failed_to_load(section.delegation_of, "competence"):
                where = ("sections", s, "delegation_of")
                if section.delegation_of in delegations:
                    _add(problems, module, where, f"the competence description '{section.delegation_of}' has no delegation: block to show; "
                         f"add one to content/competence/{section.delegation_of}.yaml")
                else:
                    hint = did_you_mean(section.delegation_of, delegations, 0.6)
                    _add(problems, module, where, f"unknown competence description '{section.delegation_of}'{hint}; see content/competence/")
        ids = [section.id for section in module.model.sections if section.id]
        for s, section in enumerate(module.model.sections):
            if section.id and ids.count(section.id) > 1:
                _add(problems, module, ("sections", s, "id"), f"two sections have the id '{section.id}'; a question's after: must name one")
        for q, question in enumerate(module.model.questions):
            if question.after is not None and question.after not in ids:
                known = f"the section ids are {', '.join(ids)}" if ids else "give the section it follows an id: line"
                _add(problems, module, ("questions", q, "after"), f"no section has the id '{question.after}'; {known}")
        _check_external(problems, module, ("further_reading",), module.model.further_reading,
                        site.references.model.references if site.references else None, "further reading")
        audience = {p.value for p in module.model.audience}
        for i, ident in enumerate(module.model.teaches):
            if ident in practice_only:
                _add(problems, module, ("teaches", i), f"{ident} is practice only (part: practice), which a module cannot give; "
                     "give it part: both, with a knowledge part the module teaches, or leave it out of teaches:")
            if ident in items and items[ident][0].model.id not in audience:
                profession = items[ident][0].model.id
                _add(problems, module, ("teaches", i), f"{ident} is a competence of {profession}, who is not in this module's "
                     f"audience, so no {profession} takes it; add {profession} to audience: or teach {ident} in a module they take")
            if ident not in items and not site.failed_to_load(ident, "competence"):
                hint = did_you_mean(ident, items)
                _add(problems, module, ("teaches", i), f"unknown competence item '{ident}'{hint}; see content/competence/")
            taught.add(ident)
    if not site.of("training"):
        return
    _check_key_positions(site, problems)
    if site.failed_to_load(None, "training"):
        return  # a module with errors may teach what no other does
    for ident, (description, loc) in items.items():
        if ident not in taught:
            _add(problems, description, loc + ("id",), f"no training module teaches {ident}; add it to a module's teaches:", warning=not release)


def _check_external(problems: Problems, item: Loaded[Any], path: tuple[str, ...], ids: list[str], references: list[Any] | None, what: str) -> None:
    """Each id names an external document of content/references.yaml (one with url and checked)."""
    if references is None:
        return
    external = [r.id for r in references if r.external and r.id]
    for i, ident in enumerate(ids):
        if ident in external:
            continue
        if any(r.id == ident for r in references):
            message = f"'{ident}' is a document a seed cites (cited_in); {what} cites external documents (url and checked)"
        else:
            hint = did_you_mean(ident, external, 0.6)
            message = f"unknown external document '{ident}'{hint}; list it in content/references.yaml with id, url and checked"
        _add(problems, item, path + (i,), message)


def _check_delegation(site: Site, problems: Problems) -> None:
    """A delegation cites external documents that content/references.yaml lists, and its
    tasks' ids are keys of their own in the description (the review queue names them)."""
    references = site.references.model.references if site.references else None
    source = primary(site.languages)  # measured in the language the text is written in
    for description in site.of("competence"):
        delegation = description.model.delegation
        if delegation is None:
            continue
        _check_external(problems, description, ("delegation", "references"), delegation.references, references, "a delegation")
        _check_lix(problems, description, delegation_blocks(delegation, source.code), LIX_LIMIT,
                   source, " (assistant nurses read it, as patients read leaflets); shorten sentences and words. ")
        for lang in (language.code for language in site.languages):
            fields = [(("delegation", "intro", lang), delegation.intro[lang])]
            fields += [(("delegation", f, n, "text", lang), t.text[lang]) for f in ("nursing_care", "health_care") for n, t in enumerate(getattr(delegation, f))]
            _check_abbreviations(problems, description, fields)
        seen = {item.id: ("items", n) for n, item in enumerate(description.model.items)}
        for field in ("nursing_care", "health_care"):
            for n, task in enumerate(getattr(delegation, field)):
                loc = ("delegation", field, n, "id")
                if task.id in seen:
                    _add(problems, description, loc, f"id '{task.id}' is already used at {_where(problems, description, seen[task.id] + ('id',))}")
                else:
                    seen[task.id] = ("delegation", field, n)


def _check_key_positions(site: Site, problems: Problems) -> None:
    """The keyed option is shown at varying positions: warn when more than half the keys of
    all self-check questions share one (the order is shuffled from the ids; moving the key
    in the YAML moves where it is shown)."""
    positions: dict[int, list[tuple[Loaded[Any], int]]] = {}
    for module in site.of("training"):
        for q, question in enumerate(module.model.questions):
            positions.setdefault(key_position(module.model.id, question), []).append((module, q))
    total = sum(len(found) for found in positions.values())
    for position, found in sorted(positions.items()):
        if len(found) * 2 > total:
            module, q = found[0]
            _add(problems, module, ("questions", q, "options"),
                 f"{len(found)} of the {total} self-check keys are shown as option {position}, more than half; "
                 "move the correct option of some questions to another place in their options", warning=True)


def _check_regions(problems: Problems, item: Loaded[Any], regions: list[str], known: set[str] | None) -> None:
    for i, region in enumerate(regions):
        if known is not None and region not in known:
            _add(problems, item, ("regions", i), f"unknown region '{region}'; known regions are {', '.join(sorted(known))}")


def _unique(problems: Problems, entries: list[tuple[Any, Loc]], item: Loaded[Any] | None, what: str) -> None:
    seen: dict[str, Loc] = {}
    for obj, loc in entries:
        if obj.id in seen:
            _add(problems, item, loc + ("id",), f"{what} id '{obj.id}' is already used at {_where(problems, item, seen[obj.id] + ('id',))}")
        seen[obj.id] = loc


def _check_totals(problems: Problems, item: Loaded[Any], loc: Loc, table: TableBlock) -> None:
    """A total row must equal the sum of the rows above it, column by numeric column."""
    for r, row in enumerate(table.rows):
        if not row.total:
            continue
        for column in table.columns:
            if not column.numeric:
                continue
            above = [x.cells.get(column.key) for x in table.rows[:r] if not x.total]
            numbers = [x for x in above if isinstance(x, int)]
            total = row.cells.get(column.key)
            if isinstance(total, int) and sum(numbers) != total:
                _add(problems, item, loc + ("rows", r, "cells", column.key),
                     f"total {total} does not match the sum of the rows above ({sum(numbers)})")


_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")
SHARE_TOLERANCE = 1.0
"""Percentage points a stated share may differ from the one computed from its counts (rounding)."""


def _check_shares(problems: Problems, item: Loaded[Any], loc: Loc, table: TableBlock) -> None:
    """A share column declared `share_of` must match its counts, or the cell must carry a note."""
    for column in table.columns:
        if column.share_of is None:
            continue
        top, bottom = column.share_of.numerator, column.share_of.denominator
        for r, row in enumerate(table.rows):
            stated = row.cells.get(column.key)
            numerator, denominator = row.cells.get(top), row.cells.get(bottom)
            if stated is None:
                continue
            where = loc + ("rows", r, "cells", column.key)
            if isinstance(stated, int):
                percent = float(stated)
            elif isinstance(stated, str) and (match := _PERCENT.match(stated)):
                percent = float(match.group(1).replace(",", "."))
            else:
                _add(problems, item, where, f"a share is written as a percentage, for example '41 %', not {stated!r}")
                continue
            if not isinstance(numerator, int) or not isinstance(denominator, int) or denominator == 0:
                continue
            computed = 100 * numerator / denominator
            if abs(percent - computed) > SHARE_TOLERANCE and column.key not in row.notes:
                _add(problems, item, where,
                     f"{stated} does not match {top} / {bottom} = {numerator} / {denominator} = {computed:.0f} %; "
                     f"correct it, or keep the source's figure and say so in a note on this cell "
                     f"(notes: {{{column.key}: {{sv: …, en: …}}}} on the row)")


def check_review_date(problems: Problems, item: Loaded[Any], loc: Loc, meta: DocumentMeta, today: dt.date, release: bool = False) -> None:
    state = review_state(meta, today)
    if state == "expired":
        _add(problems, item, loc + ("valid_until",), f"the document expired on {meta.valid_until}; review it or mark it retired", warning=not release)
    elif state == "review":
        _add(problems, item, loc + ("valid_until",), f"the document is valid until {meta.valid_until}; start its review now", warning=True)
