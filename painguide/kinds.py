"""The registry of content kinds: each kind is declared once, here.

A kind says where its files live (a pattern under content/), its model (imported only
when a file of that kind is loaded), its template in macros/, the URL of its pages, the
label of its navigation section, and the name of its JSON Schema. Adding a kind is one
entry here, one model module and one template. The order of the entries is the order of
the navigation.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePosixPath
from typing import Any


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
    """A render planner of its own, for kinds whose pages are not one per file (render.Renderer)."""
    required: bool = False
    """The site cannot be built without this file."""
    controlled: bool = False
    """A controlled document (meta: version, status, owner, review dates): listed in the document register."""

    def matches(self, rel: PurePosixPath) -> bool:
        pattern = PurePosixPath(self.files).parts
        return len(pattern) == len(rel.parts) and all(fnmatchcase(p, q) for p, q in zip(rel.parts, pattern))

    def load_model(self) -> Any:
        module, _, cls = self.model.partition(":")
        return getattr(importlib.import_module(module), cls)

    def page_path(self, model: Any, folder: str = "") -> str:
        assert self.url is not None
        return self.url.format(id=getattr(model, "id", ""), folder=folder)


KINDS: tuple[Kind, ...] = (
    Kind("page", "pages/*.yaml", "painguide.model.shared:Page", "page.md.j2", "{id}.md", planner="pages"),
    Kind("recommendation-document", "recommendations/*/document.yaml", "painguide.model.recommendation:RecommendationDocument",
         "recommendation_index.md.j2", "{id}/index.md", planner="recommendations", controlled=True),
    Kind("chapter", "recommendations/*/[0-9][0-9]-*.yaml", "painguide.model.recommendation:Chapter",
         "chapter.md.j2", "{folder}/{id}.md"),
    Kind("pm", "pm/*.yaml", "painguide.model.pm:Procedure", "pm.md.j2", "pm/{id}.md", nav="nav_pm", index="pm_index.md.j2",
         controlled=True),
    Kind("signs", "warning-signs.yaml", "painguide.model.signs:SignCatalogue", "signs.md.j2", "{id}.md", planner="listing",
         required=True, controlled=True),
    Kind("patient-info", "patient-info/*.yaml", "painguide.model.leaflet:Leaflet", "leaflet.md.j2", "patient-info/{id}.md",
         nav="nav_patient_info", index="leaflet_index.md.j2", controlled=True),
    Kind("training", "training/*.yaml", "painguide.model.training:Module", "module.md.j2", "training/{id}.md",
         nav="nav_training", planner="training", controlled=True),
    Kind("competence", "competence/*.yaml", "painguide.model.training:CompetenceDescription", "competence.md.j2",
         "competence/{id}.md", nav="nav_competence", planner="competence", controlled=True),
    Kind("regions", "regions.yaml", "painguide.model.shared:Regions", "region.md.j2", "regions/{id}.md", planner="regions", required=True),
    Kind("glossary", "glossary.yaml", "painguide.model.shared:Glossary", "glossary.md.j2", "glossary.md", planner="listing", required=True),
    Kind("references", "references.yaml", "painguide.model.shared:References", "references.md.j2", "sources.md", planner="listing", required=True),
)

BY_NAME = {kind.name: kind for kind in KINDS}

def kind_of(rel: PurePosixPath) -> Kind | None:
    return next((kind for kind in KINDS if kind.matches(rel)), None)


def expected_files() -> str:
    """The kinds' file patterns as an editor reads them: pm/<id>.yaml, recommendations/<id>/NN-<chapter>.yaml."""
    names = (k.files.replace("[0-9][0-9]-*", "NN-<chapter>").replace("*", "<id>") for k in KINDS)
    return ", ".join(names)
