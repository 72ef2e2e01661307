"""What pages exist, and the navigation.

Each kind's pages are planned by the function its `Kind` names (`planner=`), or by
plan_collection when it has a navigation section; they run in the registry's order.
Then the views across kinds: the document register, the leaflets' status, the review
queue, the coverage page and the region packets. Nothing is rendered here: a page is a
path, a template, a title and its own context (painguide/render.py renders it).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from painguide import kinds
from painguide.content import Loaded, RecommendationSet, Site
from painguide.kinds import Kind
from painguide.links import PATIENT_CARDS, patient_cards, url_for
from painguide.model.common import Checklist, Source, Statement, Text
from painguide.model.training import Profession, in_order
from painguide.provenance import queue
from painguide.readability import leaflet_text, lix
from painguide.register import Entry

NAV_LIST_LIMIT = 30
"""A section with more documents than this lists them on its index page, not in the navigation."""


@dataclass
class OutPage:
    path: str
    """Markdown path relative to docs/<lang>/, the same in every language."""
    template: str
    title: Text
    context: dict[str, Any] = field(default_factory=dict)


@dataclass
class NavItem:
    title: Text
    path: str | None = None
    children: list["NavItem"] = field(default_factory=list)


class Plan:
    """The pages being planned, their navigation, and the pages kept out of it."""

    def __init__(self, site: Site, labels: dict[str, dict[str, str]]) -> None:
        self.site = site
        self.labels = labels
        self.pages: list[OutPage] = []
        self.nav: list[NavItem] = []
        self.trailing: list[NavItem] = []
        """Free pages and the register, after every kind's section."""
        self.hidden: list[str] = []
        """Pages outside the navigation (MkDocs not_in_nav)."""
        self.register: list[Entry] = []

    def add(self, path: str, template: str, title: Text, context: dict[str, Any]) -> OutPage:
        page = OutPage(path, template, title, context)
        self.pages.append(page)
        return page

    def text(self, make: Callable[[str], str]) -> Text:
        """A title composed per language: make(code) gives it in that language."""
        return Text.of({lang.code: make(lang.code) for lang in self.site.languages})

    def label(self, key: str) -> Text:
        return self.text(lambda lang: self.labels[lang][key])

    def section(self, path: str) -> NavItem | None:
        return next((n for n in self.nav if n.path == path), None)


def plan(site: Site, labels: dict[str, dict[str, str]]) -> Plan:
    """Every page of the site and its navigation, the same in every language."""
    result = Plan(site, labels)
    for kind in kinds.KINDS:
        planner = kind.load_planner()
        if planner is not None:
            planner(result, kind, site.of(kind.name))
    for view in VIEWS:
        view(result)
    result.nav += result.trailing
    return result


# -- one planner per kind ---------------------------------------------------------------

def plan_collection(plan: Plan, kind: Kind, items: list[Loaded[Any]]) -> None:
    """One page per file, and a section index that lists them all."""
    if not items:
        return
    assert kind.nav and kind.template
    title = plan.label(kind.nav)
    index = url_for(kind.name)
    section = NavItem(title, index if kind.index else None)
    # Every page carries its section's navigation; a long list goes on the index page
    # alone, so that a page's size does not grow with the number of documents.
    listed_in_nav = not kind.index or len(items) <= NAV_LIST_LIMIT
    entries = []
    # A kind whose files say their order (leaflets: the patient's journey) is listed in it.
    for item in sorted(items, key=lambda x: getattr(x.model, "order", 0)):
        path = kind.page_path(item.model)
        meta = getattr(item.model, "meta", None)
        plan.add(path, kind.template, item.model.title, {"item": item.model, "meta": meta})
        if listed_in_nav:
            section.children.append(NavItem(item.model.title, path))
        entries.append((item.model, path))
    if not listed_in_nav:
        plan.hidden.append(f"{posixpath.dirname(index)}/*.md")
    if kind.index:
        plan.add(index, kind.index, title, {"entries": entries})
    plan.nav.append(section)


def plan_pages(plan: Plan, kind: Kind, items: list[Loaded[Any]]) -> None:
    """Free pages: the home page first in the navigation, the others last."""
    assert kind.template
    free = {p.model.id: p.model for p in items}
    if "index" in free:
        plan.add(url_for("home"), kind.template, free["index"].title, {"item": free["index"]})
        plan.nav.append(NavItem(plan.label("nav_home"), url_for("home")))
    for page_id, page in sorted(free.items()):
        if page_id != "index":
            path = kind.page_path(page)
            plan.add(path, kind.template, page.title, {"item": page})
            plan.trailing.append(NavItem(page.nav_title or page.title, path))


def plan_recommendations(plan: Plan, kind: Kind, items: list[Loaded[Any]]) -> None:
    """A recommendation's index and chapters (kind "chapter"), and a page per checklist that asks for one."""
    assert kind.template
    chapter_kind = kinds.get("chapter")
    assert chapter_kind and chapter_kind.template
    checklists: list[tuple[Checklist, Any, str]] = []
    for rec in plan.site.recommendations:
        doc = rec.document.model
        index = kind.page_path(doc)
        chapters = [(c.model, chapter_kind.page_path(c.model, folder=doc.id)) for c in rec.chapters]
        common = {"doc": doc, "meta": doc.meta, "doc_index": index, "chapters": chapters}
        plan.add(index, kind.template, doc.title, dict(common))
        section = NavItem(doc.short_title, index)
        for chapter, path in chapters:
            plan.add(path, chapter_kind.template, chapter.title, {**common, "chapter": chapter})
            section.children.append(NavItem(chapter.title, path))
            for block in chapter.blocks:
                if isinstance(block, Checklist) and block.page:
                    checklists.append((block, common, path))
        plan.nav.append(section)
    if checklists:
        section = NavItem(plan.label("nav_checklists"), url_for("checklists"))
        entries = []
        for cl, common, chapter_path in checklists:
            path = url_for("checklist", cl.page)
            entries.append((cl, path, common["doc"]))
            plan.add(path, "checklist_page.md.j2", cl.title, {**common, "checklist": cl, "chapter_path": chapter_path})
            section.children.append(NavItem(cl.title, path))
        plan.add(url_for("checklists"), "checklist_index.md.j2", section.title, {"entries": entries})
        plan.nav.append(section)


def _documents_section(plan: Plan, kind: Kind, documents: list[Any]) -> NavItem:
    """A page per document in the given order, and the kind's navigation section listing
    them under its index page (which the caller adds)."""
    assert kind.nav and kind.template
    section = NavItem(plan.label(kind.nav), url_for(kind.name))
    for document in documents:
        path = kind.page_path(document)
        plan.add(path, kind.template, document.title, {"item": document, "meta": document.meta})
        section.children.append(NavItem(document.title, path))
    plan.nav.append(section)
    return section


def plan_training(plan: Plan, kind: Kind, items: list[Loaded[Any]]) -> None:
    """A page per module, and /training/ with a path per profession: modules in order, total time."""
    if not items:
        return
    modules = in_order(x.model for x in items)
    section = _documents_section(plan, kind, modules)
    paths = []
    for profession in Profession:
        taken = [m for m in modules if profession in m.audience]
        if taken:
            paths.append((profession, taken))
    plan.add(url_for(kind.name), "training_index.md.j2", section.title, {"paths": paths})


def plan_competence(plan: Plan, kind: Kind, items: list[Loaded[Any]]) -> None:
    """A page and a self-assessment per profession, and /competence/: the matrix of items and modules."""
    if not items:
        return
    order = [p.value for p in Profession]
    descriptions = sorted((x.model for x in items), key=lambda d: order.index(d.id))
    section = _documents_section(plan, kind, descriptions)
    for description, entry in zip(descriptions, section.children):
        assessment = url_for("self-assessment", description.id)
        label = plan.text(lambda lang: f"{plan.labels[lang]['self_assessment']}: {description.title[lang]}")
        plan.add(assessment, "self_assessment.md.j2", label, {"item": description, "meta": description.meta})
        entry.children.append(NavItem(label, assessment))
    plan.add(url_for(kind.name), "competence_index.md.j2", section.title, {"descriptions": descriptions})


def plan_regions(plan: Plan, kind: Kind, items: list[Loaded[Any]]) -> None:
    """/regions/, comparing the regions, and a page per region."""
    if not items:
        return
    assert kind.template
    regions = items[0].model
    section = NavItem(regions.title, url_for(kind.name))
    plan.add(url_for(kind.name), "regions_index.md.j2", regions.title, {"regions": regions})
    for region in regions.regions:
        path = kind.page_path(region)
        plan.add(path, kind.template, region.name, {"region": region, "regions": regions})
        section.children.append(NavItem(region.name, path))
    plan.nav.append(section)


def plan_listing(plan: Plan, kind: Kind, items: list[Loaded[Any]]) -> None:
    """A shared-data file shown as one page (glossary, references, the warning-sign catalogue)."""
    if not items:
        return
    assert kind.template
    listing = items[0].model
    path = kind.page_path(listing)
    plan.add(path, kind.template, listing.title, {kind.name: listing})
    plan.nav.append(NavItem(listing.title, path))


# -- views across kinds ------------------------------------------------------------------

def checklists(recs: list[RecommendationSet]) -> list[Checklist]:
    return [b for rec in recs for c in rec.chapters for b in c.model.blocks if isinstance(b, Checklist)]


def plan_register(plan: Plan) -> None:
    """The document register: controlled documents in registry order, a recommendation's checklist pages after it."""
    for kind in (k for k in kinds.KINDS if k.controlled):
        for item in plan.site.of(kind.name):
            model = item.model
            plan.register.append(Entry(model.id, kind.name, model.title, kind.page_path(model), model.meta))
            rec = [r for r in plan.site.recommendations if r.document is item]
            for cl in checklists(rec):
                if cl.page:
                    plan.register.append(Entry(cl.id, "checklist", cl.title, url_for("checklist", cl.page), model.meta))
    if plan.register:
        title = plan.label("nav_documents")
        plan.add(url_for("documents"), "documents.md.j2", title, {"entries": plan.register})
        plan.trailing.insert(0, NavItem(title, url_for("documents")))


def plan_leaflet_status(plan: Plan) -> None:
    """For editors: each leaflet's readability; reached from the register, not from the patients' navigation."""
    leaflets = plan.site.of("patient-info")
    if not leaflets:
        return
    kind = kinds.get("patient-info")
    assert kind
    signs = plan.site.signs
    entries = [(x.model, kind.page_path(x.model), {lang.code: lix(leaflet_text(x.model, lang.code, signs)) for lang in plan.site.languages})
               for x in leaflets]
    plan.add(url_for("leaflet-status"), "leaflet_status.md.j2", plan.label("leaflet_status_title"), {"entries": entries})
    plan.hidden.append(url_for("leaflet-status"))


MY_CARD_REQUIRED_BY = ("MON-14", "INTPUMP-3", "INTPUMP-11")
"""The PM steps that already ask for what the personal card holds: the written plan and
the contact list kept in the home (MON-14), the plan with the next refill date that goes
home with an internal pump (INTPUMP-3), and the pump card (INTPUMP-11)."""

MY_CARD_BASIS = Statement(basis="proposal", sources=[Source(file="001_3d4efd83bd9ebb97.txt", section="Övriga utvecklingsförslag")])
"""The card itself is the guide editors' proposal (review 2026-12-06, section 5); the final
report notes that information on pain and its treatment is missing from Min vårdplan."""


def plan_patient_cards(plan: Plan) -> None:
    """The patients' one-page cards, printed and filled in by hand, in the patient
    information section after the leaflets: "My pain treatment" (their own catheter, pump,
    team and numbers; nothing is typed or stored) and the easy-to-read warning card (every
    patient-facing sign of the catalogue, in easy words, under the catalogue's urgencies)."""
    cards = patient_cards(plan.site)
    section = plan.section(url_for("patient-info"))
    if not cards or section is None:
        return
    known = {r.file for r in plan.site.references.model.references} if plan.site.references else set()
    pms = {step.id for item in plan.site.of("pm") for step in item.model.steps if step.id}
    listed = []
    for card in cards:
        title = plan.label(PATIENT_CARDS[card])
        if card == "my-pain-treatment":
            basis = MY_CARD_BASIS if all(s.file in known for s in MY_CARD_BASIS.sources) else Statement(basis="proposal")
            context: dict[str, Any] = {"basis": basis, "required_by": [i for i in MY_CARD_REQUIRED_BY if i in pms]}
            template = "my_card.md.j2"
        else:
            catalogue = plan.site.of("signs")[0].model
            signs = [s for s in catalogue.signs if s.patient is not None]
            context = {"catalogue": catalogue, "meta": catalogue.meta, "signs": signs}
            template = "easy_signs.md.j2"
        plan.add(url_for(card), template, title, context)
        section.children.append(NavItem(title, url_for(card)))
        listed.append((title, url_for(card)))
    index = next((p for p in plan.pages if p.path == url_for("patient-info")), None)
    if index is not None:
        index.context["cards"] = listed


def plan_review(plan: Plan) -> None:
    """For clinical reviewers: every marked statement; reached from the register, outside the navigation and search."""
    documents = [(kind.name, item, kind.page_path(item.model)) for kind in kinds.KINDS if kind.controlled for item in plan.site.of(kind.name)]
    review, basis_counts = queue(documents, plan.site.root)
    if review:
        plan.add(url_for("review"), "review.md.j2", plan.label("review_queue_title"), {"documents": review, "basis_counts": basis_counts})
        plan.hidden.append(url_for("review"))


def plan_coverage(plan: Plan) -> None:
    """Each requirement point against the PM steps that carry it out, in the PMs' section."""
    points = [(cl, item) for cl in checklists(plan.site.recommendations) if cl.coverage for item in cl.items]
    section = plan.section(url_for("pm"))
    if plan.site.of("pm") and points and section:
        plan.add(url_for("coverage"), "coverage.md.j2", plan.label("coverage_title"), {"points": points})
        section.children.append(NavItem(plan.label("coverage_title"), url_for("coverage")))


def plan_packets(plan: Plan) -> None:
    """Per region, its PMs and the leaflets they hand out, to print as one document."""
    procedures = [item.model for item in plan.site.of("pm")]
    section = plan.section(url_for("regions"))
    if not (procedures and section and plan.site.regions):
        return
    leaflets = {x.model.id: x.model for x in plan.site.of("patient-info")}
    for region in plan.site.regions.model.regions:
        title = plan.text(lambda lang: plan.labels[lang]["packet_title"].replace("{region}", region.name[lang]))
        applies = [pm for pm in procedures if region.id in pm.regions]
        handed_out = [leaflets[i] for i in dict.fromkeys(i for pm in applies for i in pm.patient_info)]
        path = url_for("packet", region.id)
        plan.add(path, "packet.md.j2", title, {"region": region, "procedures": applies, "leaflets": handed_out})
        section.children.append(NavItem(title, path))


VIEWS: tuple[Callable[[Plan], None], ...] = (plan_register, plan_leaflet_status, plan_patient_cards, plan_review, plan_coverage, plan_packets)
"""The views across kinds, in the order their pages are planned."""
