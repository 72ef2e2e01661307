"""The registry of content kinds: each kind is declared once, here.

A kind says where its files live (a pattern under content/), its model (imported only
when a file of that kind is loaded), its template in macros/, the URL of its pages, the
label of its navigation section, what plans its pages (painguide/pages.py) and the name
of its JSON Schema and archetype. Adding a plain kind is one entry here, one model, one
template and its labels; the README's "Adding a content kind" says how. The order of the
entries is the order of the navigation.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import PurePosixPath
from typing import Any, Callable


@dataclass(frozen=True)
class Kind:
    name: str
    """Also the schema name: schemas/<name>.schema.json."""
    files: str
    """Where its files live, relative to content/: a path pattern, one '*' per folder level."""
    model: str
    """module:Class of its pydantic model."""
    template: str | None
    """Its page template in macros/; None when another kind's pages show it."""
    url: str | None
    """Its page's Markdown path, formatted with the model's fields ({id}) and the file's folder ({folder})."""
    nav: str | None = None
    """Label key (macros/labels) of its navigation section; None: no section of its own."""
    index: str | None = None
    """Template of the section's index page, at <section>/index.md, listing every item."""
    planner: str | None = None
    """module:function that plans its pages and navigation (painguide/pages.py); a kind
    with a nav and no planner gets a page per file and a section index (plan_collection)."""
    part_of: str | None = None
    """The kind whose planner makes this kind's pages (a recommendation's chapters)."""
    shows_signs: str | None = None
    """The field of its model that lists the catalogue's warning signs its page shows."""
    required: bool = False
    """The site cannot be built without this file."""
    controlled: bool = False
    """A controlled document (meta: version, status, owner, review dates): listed in the document register."""
    declared_at: tuple[str, int] = field(default=("", 0), compare=False, repr=False)
    """Where this entry is written (file, line): start-up errors about it point there."""

    def __post_init__(self) -> None:
        if self.declared_at == ("", 0):
            caller = sys._getframe(2)  # the line that calls Kind(...), above the dataclass's __init__
            object.__setattr__(self, "declared_at", (caller.f_code.co_filename, caller.f_lineno))

    def matches(self, rel: PurePosixPath) -> bool:
        pattern = PurePosixPath(self.files).parts
        return len(pattern) == len(rel.parts) and all(fnmatchcase(p, q) for p, q in zip(rel.parts, pattern))

    def load_model(self) -> Any:
        module, _, cls = self.model.partition(":")
        return getattr(importlib.import_module(module), cls)

    def page_path(self, model: Any, folder: str = "") -> str:
        assert self.url is not None
        return self.url.format(id=getattr(model, "id", ""), folder=folder)

    def load_planner(self) -> Callable[..., None] | None:
        name = self.planner or (DEFAULT_PLANNER if self.nav else None)
        if name is None:
            return None
        module, _, function = name.partition(":")
        return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


DEFAULT_PLANNER = "painguide.pages:plan_collection"


KINDS: tuple[Kind, ...] = (
    Kind("page", "pages/*.yaml", "painguide.model.shared:Page", "page.md.j2", "{id}.md", planner="painguide.pages:plan_pages"),
    Kind("recommendation-document", "recommendations/*/document.yaml", "painguide.model.recommendation:RecommendationDocument",
         "recommendation_index.md.j2", "{id}/index.md", planner="painguide.pages:plan_recommendations", controlled=True),
    Kind("chapter", "recommendations/*/[0-9][0-9]-*.yaml", "painguide.model.recommendation:Chapter",
         "chapter.md.j2", "{folder}/{id}.md", part_of="recommendation-document"),
    Kind("pm", "pm/*.yaml", "painguide.model.pm:Procedure", "pm.md.j2", "pm/{id}.md", nav="nav_pm", index="pm_index.md.j2",
         shows_signs="warning_signs", controlled=True),
    Kind("signs", "warning-signs.yaml", "painguide.model.signs:SignCatalogue", "signs.md.j2", "{id}.md", planner="painguide.pages:plan_listing",
         required=True, controlled=True),
    Kind("patient-info", "patient-info/*.yaml", "painguide.model.leaflet:Leaflet", "leaflet.md.j2", "patient-info/{id}.md",
         nav="nav_patient_info", index="leaflet_index.md.j2", shows_signs="when_to_call", controlled=True),
    Kind("training", "training/*.yaml", "painguide.model.training:Module", "module.md.j2", "training/{id}.md",
         nav="nav_training", planner="painguide.pages:plan_training", controlled=True),
    Kind("competence", "competence/*.yaml", "painguide.model.training:CompetenceDescription", "competence.md.j2",
         "competence/{id}.md", nav="nav_competence", planner="painguide.pages:plan_competence", controlled=True),
    Kind("regions", "regions.yaml", "painguide.model.shared:Regions", "region.md.j2", "regions/{id}.md",
         planner="painguide.pages:plan_regions", required=True),
    Kind("glossary", "glossary.yaml", "painguide.model.shared:Glossary", "glossary.md.j2", "glossary.md",
         planner="painguide.pages:plan_listing", required=True),
    Kind("references", "references.yaml", "painguide.model.shared:References", "references.md.j2", "sources.md",
         planner="painguide.pages:plan_listing", required=True),
    Kind("figures", "figures.yaml", "painguide.model.shared:Figures", None, None),
)


VIEWS = {
    "home": "index.md",
    "checklist": "checklists/{id}.md",
    "checklists": "checklists/index.md",
    "coverage": "pm/coverage.md",
    "packet": "regions/{id}/packet.md",
    "self-assessment": "competence/{id}/self-assessment.md",
    "leaflet-status": "patient-info/status.md",
    "my-pain-treatment": "patient-info/cards/my-pain-treatment.md",
    "warning-signs-easy": "patient-info/cards/warning-signs-easy.md",
    "documents": "documents.md",
    "review": "review.md",
    "api": "api/documents.json",
}
"""Pages that are no kind's own (pages.py plans them), by name: their path pattern for
links.url_for. Content links to them by name, as to a kind's pages ([text](checklists:))."""

CITED = "id"
"""The link name of a cited id: [text](id:CASS-2) links to wherever CASS-2 is shown."""


def get(name: str) -> Kind | None:
    return next((kind for kind in KINDS if kind.name == name), None)


def names() -> list[str]:
    return [kind.name for kind in KINDS]


def link_names() -> list[str]:
    """What a link in content may name before its colon (painguide/idlinks.py): a kind
    with pages, a view, or a cited id."""
    return [kind.name for kind in KINDS if kind.url] + list(VIEWS) + [CITED]


def kind_of(rel: PurePosixPath) -> Kind | None:
    return next((kind for kind in KINDS if kind.matches(rel)), None)


def check_registry(problems: Any) -> None:
    """A kind with a template must have pages: a planner, a navigation section, or the
    kind whose pages show it. Otherwise its template would silently render nothing."""
    for kind in KINDS:
        if kind.template and not (kind.planner or kind.nav or kind.part_of):
            path, line = kind.declared_at
            problems.add(path, line, 1, kind.name, f"kind '{kind.name}' has the template {kind.template} but no pages; "
                         "give it nav= (a page per file and a section), planner= or part_of=")
        if kind.part_of and get(kind.part_of) is None:
            path, line = kind.declared_at
            problems.add(path, line, 1, kind.name, f"part_of names '{kind.part_of}', which is not a kind")


def expected_files() -> str:
    """The kinds' file patterns as an editor reads them: pm/<id>.yaml, recommendations/<id>/NN-<chapter>.yaml."""
    names = (k.files.replace("[0-9][0-9]-*", "NN-<chapter>").replace("*", "<id>") for k in KINDS)
    return ", ".join(names)


def check_labels(labels: dict[str, dict[str, str]], problems: Any) -> None:
    """The labels every kind needs in every language: its navigation section's, and a
    controlled kind's name in the document register and the review queue (kind_<name>)."""
    for kind in KINDS:
        needed = [key for key in (kind.nav, f"kind_{kind.name}" if kind.controlled else None) if key]
        for lang, table in labels.items():
            for key in needed:
                if key not in table:
                    path, line = kind.declared_at
                    problems.add(path, line, 1, kind.name, f"kind '{kind.name}' needs the label '{key}' in macros/labels/{lang}.yaml")


def shown_signs(model: Any) -> list[str]:
    """The ids of the catalogue signs a document shows, by its kind's shows_signs field (none for most kinds)."""
    fields = getattr(type(model), "model_fields", {})
    return next((list(getattr(model, k.shows_signs)) for k in KINDS if k.shows_signs in fields), [])
