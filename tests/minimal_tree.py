"""A minimal valid content tree, written file by file, for tests that break one file.

`write_tree(root)` writes content/ (references, regions, glossary, the home page and
one recommendation document with one chapter) and copies macros/ and languages.yaml from the project, so
`painguide --root <root> validate` passes; a test then overwrites or adds one file.
Every file is small, so the line:col of each field is easy to read off below.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

SOURCE_FILE = "001_0123456789abcdef.txt"

REFERENCES = f"""\
title: {{sv: Källor, en: Sources}}
intro: {{sv: Dokumenten., en: The documents.}}
references:
  - file: {SOURCE_FILE}
    title: {{sv: Rapport, en: Report}}
    publisher: Region
    language: sv
"""

REGIONS = f"""\
title: {{sv: Regioner, en: Regions}}
intro: {{sv: Regionerna., en: The regions.}}
regions:
  - id: skane
    name: {{sv: Region Skåne, en: Region Skåne}}
    summary: {{sv: Sammanfattning., en: Summary.}}
    specialised_palliative_care:
      coverage: round-the-clock
      text: {{sv: Dygnet runt., en: Round the clock.}}
    pain_unit:
      available: true
      text: {{sv: Finns., en: Exists.}}
    palliative_inpatient_beds:
      available: true
      text: {{sv: Finns., en: Exists.}}
    internal_pumps:
      available: false
      text: {{sv: Finns inte., en: Does not exist.}}
    sources:
      - {{file: {SOURCE_FILE}, section: Bilaga 2}}
"""

GLOSSARY = """\
title: {sv: Ordlista, en: Glossary}
intro: {sv: Termer., en: Terms.}
terms:
  - id: mdk
    term: {sv: Multidisciplinär konferens, en: Multidisciplinary team conference}
    abbreviation: {sv: MDK, en: MDT}
    definition: {sv: Ett möte., en: A meeting.}
"""

INDEX_PAGE = f"""\
id: index
title: {{sv: Start, en: Home}}
body:
  sv: Välkommen.
  en: Welcome.
sources:
  - {{file: {SOURCE_FILE}, section: Inledning}}
"""

DOCUMENT = f"""\
id: rec
title: {{sv: Rekommendation, en: Recommendation}}
short_title: {{sv: Rek, en: Rec}}
meta:
  version: "0.1"
  status: draft
  owner: {{sv: Chefsamrådet, en: The council}}
  changelog:
    - version: "0.1"
      date: 2026-01-01
      text: {{sv: Första utkast., en: First draft.}}
regions: [skane]
intro: {{sv: Inledning., en: Introduction.}}
sources:
  - {{file: {SOURCE_FILE}, section: Förslag}}
"""

APPROVED_META = """\
meta:
  version: "1.0"
  status: approved
  owner: {sv: Chefsamrådet, en: The council}
  reviewer: {sv: Granskare, en: Reviewer}
  approver: {sv: Godkännare, en: Approver}
  approved: 2026-01-15
  valid_until: 2028-01-15
  changelog:
    - version: "1.0"
      date: 2026-01-15
      text: {sv: Fastställd., en: Approved.}
"""

CHAPTER = f"""\
id: scope
title: {{sv: Omfattning, en: Scope}}
sources:
  - {{file: {SOURCE_FILE}, section: Avgränsningar}}
blocks:
  - type: recommendation
    id: R-X-1
    text:
      sv: Gör så här.
      en: Do this.
    priority: 3
    sources:
      - {{file: {SOURCE_FILE}, section: Förslag}}
"""

DRAFT_META = """\
meta:
  version: "0.1"
  status: draft
  owner: {sv: Gruppen, en: The group}
  changelog:
    - {version: "0.1", date: 2026-01-01, text: {sv: Utkast., en: Draft.}}
"""
"""Document control of a draft, for the kinds that PM and leaflet tests add (lines 3–8)."""

PM = f"""\
id: dressing
title: {{sv: Omläggning, en: Dressing change}}
{DRAFT_META.rstrip()}
purpose: {{sv: Syfte., en: Purpose.}}
scope: {{sv: Omfattning., en: Scope.}}
settings: [home]
regions: [skane]
responsibilities:
  - {{role: home-care-nurse, text: {{sv: Gör det., en: Does it.}}}}
steps:
  - text: {{sv: Tvätta händerna., en: Wash your hands.}}
    role: home-care-nurse
    implements: [R-X-1]
    sources: [{{file: {SOURCE_FILE}, section: Vårdprocessen}}]
covers: [catheter]
warning_signs: [fever, slow-breathing]
documentation: {{sv: Dokumentera., en: Document it.}}
sources:
  - {{file: {SOURCE_FILE}, section: Vårdprocessen}}
"""
"""Not part of FILES: PM tests add it as content/pm/dressing.yaml."""

SIGNS = f"""\
id: warning-signs
title: {{sv: Varningstecken, en: Warning signs}}
{DRAFT_META.rstrip()}
intro: {{sv: Tecknen., en: The signs.}}
signs:
  - id: fever
    applies_to: [catheter]
    urgency: urgent
    staff: {{sign: {{sv: Feber, en: Fever}}, action: {{sv: Ring., en: Call.}}}}
    patient: {{sign: {{sv: Du får feber, en: You get a fever}}, action: {{sv: Ring., en: Call.}}}}
    short: {{sv: Feber, en: Fever}}
    basis: general-knowledge
  - id: slow-breathing
    applies_to: [catheter]
    urgency: emergency
    staff: {{sign: {{sv: Andas långsamt, en: Breathes slowly}}, action: {{sv: Ring 112., en: Call 112.}}}}
    dying_phase: {{staff: {{sv: Följ planen., en: Follow the plan.}}}}
    sources: [{{file: {SOURCE_FILE}, section: Vårdprocessen}}]
"""
"""The warning-sign catalogue (required): fever at lines 11–16, slow-breathing at 17–22."""

CONTACTS = """\
    contacts:
      - unit: {sv: ASIH, en: ASIH}
        hours: round-the-clock
        phone: null
        placeholder: true
"""
"""Appended to the last region of REGIONS by contact tests."""

FILES = {
    "references.yaml": REFERENCES,
    "regions.yaml": REGIONS,
    "glossary.yaml": GLOSSARY,
    "pages/index.yaml": INDEX_PAGE,
    "warning-signs.yaml": SIGNS,
    "recommendations/rec/document.yaml": DOCUMENT,
    "recommendations/rec/01-scope.yaml": CHAPTER,
}


def write_tree(root: Path) -> Path:
    """Write the minimal valid project under root; return root."""
    for rel, text in FILES.items():
        write(root, rel, text)
    shutil.copytree(PROJECT / "macros", root / "macros")
    shutil.copy(PROJECT / "languages.yaml", root / "languages.yaml")
    return root


def edit(text: str, old: str, new: str) -> str:
    """text with old replaced by new; old must occur exactly once, so a typo fails loudly."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def write(root: Path, rel: str, text: str | bytes) -> Path:
    """Write content/<rel>: text as UTF-8, bytes exactly as given."""
    path = root / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="\n")
    return path
