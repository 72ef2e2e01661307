"""Find, load and validate every content file, collecting every problem in one pass."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from painguide import kinds, languages
from painguide.errors import Problems
from painguide.languages import Languages
from painguide.model.recommendation import BLOCK_TYPES, Chapter, RecommendationDocument
from painguide.model.shared import Glossary, Page, References, Regions
from painguide.walk import walk
from painguide.yamlload import Document, dotted, load_reported

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """A validated model together with its file, for locating cross-file problems."""

    model: M
    doc: Document

    @property
    def path(self) -> Path:
        return self.doc.path


@dataclass
class Failed:
    """A content file that did not load: its YAML or its model has errors, reported at it."""

    path: Path
    kind: str | None
    """Its kind's name; None for a file of no kind (in the wrong folder)."""
    ids: set[str]
    """The ids it would have defined (see _failed), so that a reference to one of them is
    not reported again as unknown elsewhere."""


@dataclass
class RecommendationSet:
    document: Loaded[RecommendationDocument]
    chapters: list[Loaded[Chapter]] = field(default_factory=list)


@dataclass
class Site:
    root: Path
    languages: Languages
    """The site's languages (languages.yaml), the primary first."""
    items: dict[str, list[Loaded[Any]]] = field(default_factory=dict)
    """Every valid content file, by kind name (painguide.kinds), in file-name order."""
    recommendations: list[RecommendationSet] = field(default_factory=list)
    """Recommendation documents with their chapters (two kinds that form one document)."""
    failed: list[Failed] = field(default_factory=list)
    """The content files that did not load; their problems are reported at them."""

    def failed_to_load(self, ident: str | None, *kind_names: str) -> bool:
        """Whether a reference that resolves to nothing may point into a file that failed to
        load: one of kind_names (any kind when none is given; a file of no kind may be any)
        that would have defined ident (None: any such file). Every check asks this before it
        reports an unknown id, so that one broken file gives its own problems and no others."""
        return any((ident is None or ident in f.ids) and (not kind_names or f.kind is None or f.kind in kind_names)
                   for f in self.failed)

    def of(self, kind: str) -> list[Loaded[Any]]:
        return self.items.get(kind, [])

    def _single(self, kind: str) -> Loaded[Any] | None:
        found = self.of(kind)
        return found[0] if found else None

    @property
    def references(self) -> Loaded[References] | None:
        return self._single("references")

    @property
    def regions(self) -> Loaded[Regions] | None:
        return self._single("regions")

    @property
    def glossary(self) -> Loaded[Glossary] | None:
        return self._single("glossary")

    @functools.cached_property
    def signs(self) -> dict[str, Any]:
        """The warning-sign catalogue by id (empty when content/warning-signs.yaml is missing or
        invalid). Kept once asked: every page that lists a sign looks it up here."""
        catalogue = self._single("signs")
        return {sign.id: sign for sign in catalogue.model.signs} if catalogue else {}

    @property
    def figures(self) -> dict[str, Any]:
        """The drawings of content/figures.yaml by id (empty when it is missing or invalid)."""
        found = self._single("figures")
        return {figure.id: figure for figure in found.model.figures} if found else {}

    @property
    def pages(self) -> list[Loaded[Page]]:
        return self.of("page")

    def all_loaded(self) -> list[Loaded[Any]]:
        return [item for _, item in self.each()]

    def each(self) -> list[tuple[kinds.Kind, Loaded[Any]]]:
        """Every valid file with its kind, in registry order."""
        return [(kind, item) for kind in kinds.KINDS for item in self.of(kind.name)]


def _hint_for_unknown(key: str, model: type[BaseModel] | None) -> str:
    if model is None:
        return ""
    close = difflib.get_close_matches(key, list(model.model_fields), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last field of loc, for spelling hints."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _first_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _first_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _names() -> dict[str, str]:
    return {lang.code: lang.english_name for lang in languages.active()}


def _every_text() -> str:
    codes = [f"{code}:" for code in _names()]
    listed = " and ".join(codes) if len(codes) < 3 else ", ".join(codes[:-1]) + " and " + codes[-1]
    return ("both " if len(codes) == 2 else "") + listed

# The models' patterns, in words an editor can act on.
_PATTERNS = {
    r"^[A-Za-z0-9][A-Za-z0-9-]*$": "use only letters a–z, digits and hyphens, for example PHASE-1",
    r"^[a-z0-9][a-z0-9-]*$": "use only lower-case letters a–z (no å, ä, ö), digits and hyphens, for example care-process",
    r"^\d+\.\d+$": 'write the version as two numbers and a dot, in quotes, for example "1.0"',
    r"^(all|any)$": "choose all or any",
    r"^R-[A-Z]+-[0-9]+$": "write a recommendation id as R-, capital letters, a hyphen and a number, for example R-IDENT-1",
    r"^[0-9]{3}_[0-9a-f]{16}\.txt$": "a source file name looks like 001_3d4efd83bd9ebb97.txt",
    r"^(sv|en|nb)$": "choose sv, en or nb",
}
_LITERAL = re.compile(r"\^[a-z]+\$")
_LIMITS = {
    "greater_than_equal": "too small; the lowest allowed value is",
    "greater_than": "too small; it must be more than",
    "less_than_equal": "too large; the highest allowed value is",
    "less_than": "too large; it must be less than",
}


def _empty_text(last: Any) -> str:
    names = _names()
    if last in names:
        return f"the {names[last]} text ({last}:) is empty; write the text after '{last}:'"
    return f"the value is empty; write the text after '{last}:'"


def _message(err: dict[str, Any], loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    kind = err["type"]
    last = loc[-1] if loc else ""
    if kind == "missing":
        return f"required field '{last}' is missing"
    if kind == "text_language_missing":
        return f"the {_names()[last]} text ({last}:) is missing; every text needs {_every_text()}"
    if kind == "text_language_unknown":
        return f"unknown field '{last}'; a text gives {_every_text()} (the languages in languages.yaml)"
    if kind == "extra_forbidden":
        return f"unknown field '{last}'{_hint_for_unknown(str(last), _model_at(model, loc))}"
    if kind == "string_type" and err.get("input") is None:
        return _empty_text(last)
    if kind == "string_type":
        return f"expected text, got {_describe(err.get('input'))}; put the value in quotes if it is meant as text"
    if kind == "int_type":
        value = err.get("input")
        if isinstance(value, str) and len(value) > 1 and value.isdigit() and value.startswith("0"):
            return f"expected a whole number, got {_describe(value)}; write it without the leading zero"
        return f"expected a whole number, got {_describe(value)}"
    if kind == "bool_type":
        return f"expected true or false, got {_describe(err.get('input'))}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of field: value, got {_describe(err.get('input'))}"
    if kind == "list_type":
        return f"expected a list, got {_describe(err.get('input'))}"
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{_describe(err.get('input'))} is not allowed here; choose one of {expected}"
    if kind == "string_pattern_mismatch":
        pattern = err["ctx"]["pattern"]
        value = err.get("input")
        if last == "type" and _LITERAL.fullmatch(pattern):
            close = difflib.get_close_matches(str(value), BLOCK_TYPES, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return f"unknown block type {_describe(value)}{hint} (the block types are {', '.join(BLOCK_TYPES)})"
        if pattern in _PATTERNS:
            return f"{_describe(value)} is not allowed here; {_PATTERNS[pattern]}"
        return f"{_describe(value)} does not have the required form ({pattern})"
    if kind in _LIMITS:
        limit = next(iter(err.get("ctx", {}).values()), "")
        return f"{_describe(err.get('input'))} is {_LIMITS[kind]} {limit}"
    if kind == "string_too_long":
        return f"the text is too long; at most {err['ctx']['max_length']} characters are allowed"
    if kind == "value_error":
        message = str(err["ctx"]["error"])
        if message == "text is empty" and last in _names():
            return _empty_text(last)
        return message
    if kind == "too_short" and isinstance(err.get("input"), list):
        if err["input"]:
            count = len(err["input"])
            return f"the list has {count} {'entry' if count == 1 else 'entries'}; at least {err['ctx']['min_length']} are needed"
        return "the list is empty; at least one entry is needed"
    if kind == "too_short":
        return "the text is empty"
    return err["msg"]


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


def _field_named(err: dict[str, Any], loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """For a rule across a model's fields ("valid_until (…) must be after …"), the field
    the message starts with, so that the position points at it rather than the model."""
    value = err.get("input")
    if err["type"] != "value_error" or not isinstance(value, dict):
        return loc
    first = str(err["ctx"]["error"]).split(" ", 1)[0]
    return loc + (first,) if first in value else loc


def validate_document(doc: Document, model: type[M], problems: Problems) -> M | None:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        seen: set[tuple[Any, ...]] = set()
        errors = exc.errors(include_url=False)
        for err in errors:
            # Tags like '@text' name a member of a tagged union, not a YAML key.
            err["loc"] = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("@")))
        # A block of unknown type was checked as a text block; only its type matters.
        unknown_types = {
            err["loc"][:-1] for err in errors
            if err["type"] == "string_pattern_mismatch" and err["loc"][-1:] == ("type",) and _LITERAL.fullmatch(err["ctx"]["pattern"])
        }
        for err in errors:
            if err["type"].startswith("text_language_"):  # a Text's own rule: the key it is about
                err["loc"] = err["loc"] + (err["ctx"]["lang"],)
            loc = err["loc"]
            if any(loc[: len(block)] == block and loc != block + ("type",) for block in unknown_types):
                continue
            if err["type"] == "model_type" and loc in seen:
                continue
            seen.add(loc)
            loc = _field_named(err, loc)
            line, col = doc.locate(loc, key=err["type"] in ("extra_forbidden", "text_language_unknown"))
            problems.add(doc.path, line, col, dotted(loc), _message(err, loc, model))
        return None


def load_site(root: Path, problems: Problems, site_languages: Languages) -> Site:
    """Load every file under root (content/) in the site's languages; problems gets every error found."""
    site = Site(root=root, languages=site_languages)
    with languages.using(site_languages):
        _load_files(site, root, problems)
    _group_recommendations(site, root, problems)
    for kind in kinds.KINDS:
        if kind.required and not (root / kind.files).exists():
            problems.add(root / kind.files, 1, 1, "", f"{kind.files} is missing; the site needs it")
    return site


def _load_files(site: Site, root: Path, problems: Problems) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_dir() or path.name.startswith(".") or path.suffix.lower() not in (".yaml", ".yml"):
            continue
        rel = PurePosixPath(path.relative_to(root).as_posix())
        if path.suffix.lower() == ".yml":
            problems.add(path, 1, 1, "", "content files end in .yaml, not .yml")
            kind = kinds.kind_of(rel.with_suffix(".yaml"))
            site.failed.append(_failed(path, kind.name if kind else None, None))
            continue
        kind = kinds.kind_of(rel)
        if kind is None:
            problems.add(path, 1, 1, "", f"unknown content file; expected one of {kinds.expected_files()}")
            site.failed.append(_failed(path, None, None))
            continue
        doc = load_reported(path, problems)
        obj = validate_document(doc, kind.load_model(), problems) if doc is not None else None
        if obj is None:
            site.failed.append(_failed(path, kind.name, doc))
        else:
            site.items.setdefault(kind.name, []).append(Loaded(obj, doc))


# An `id:` written in a file's text, block or flow style, for a file whose YAML does not parse.
_ID_IN_TEXT = re.compile(r"(?<![\w-])id:\s*['\"]?([A-Za-z0-9][A-Za-z0-9-]*)")


def _failed(path: Path, kind: str | None, doc: Document | None) -> Failed:
    """A file that did not load, with the ids it would have defined: its own (a file's id is
    its name; a recommendation's, its folder's) and the value of every `id:` in it, from its
    data when its YAML parsed (only the model failed), else searched in its text. A reference
    to one of these is not reported as unknown; fixing the file brings any real one back."""
    ids = {path.parent.name if kind == "recommendation-document" else path.stem}
    if doc is not None:
        ids |= {value for loc, value in walk(doc.data) if loc[-1:] == ("id",) and isinstance(value, str)}
    else:
        try:
            ids |= set(_ID_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
        except OSError:
            pass
    return Failed(path, kind, ids)


def _group_recommendations(site: Site, root: Path, problems: Problems) -> None:
    documents = {item.path.parent.name: item for item in site.of("recommendation-document")}
    chapters: dict[str, list[Loaded[Chapter]]] = {}
    for chapter in site.of("chapter"):
        chapters.setdefault(chapter.path.parent.name, []).append(chapter)
    for name in sorted(set(documents) | set(chapters)):
        if name not in documents:
            if site.failed_to_load(name, "recommendation-document"):
                continue  # its document.yaml has errors, reported above
            problems.add(chapters[name][0].path, 1, 1, "", f"recommendations/{name}/ has chapters but no document.yaml")
            continue
        site.recommendations.append(RecommendationSet(documents[name], chapters.get(name, [])))


# -- the live preview: one file at a time -------------------------------------------------

def reload_file(site: Site, path: Path, problems: Problems) -> Site:
    """The site with the file at path loaded again (`painguide serve`, after a save): its new
    version, or none when it was deleted. When it has errors they go into problems and the
    site keeps the file's last valid version, so that the preview keeps its last good page."""
    rel = PurePosixPath(path.resolve().relative_to(site.root.resolve()).as_posix())
    path = site.root / rel  # as load_site names it
    kind = kinds.kind_of(rel)
    if path.exists():
        if kind is None or path.suffix != ".yaml":
            problems.add(path, 1, 1, "", f"unknown content file; expected one of {kinds.expected_files()}")
            return site
        with languages.using(site.languages):
            doc = load_reported(path, problems)
            model = validate_document(doc, kind.load_model(), problems) if doc is not None else None
        if model is None:
            if any(x.path == path for found in site.items.values() for x in found):
                return site
            # No valid version to keep: references into it are this file's problem, not theirs.
            failed = [f for f in site.failed if f.path != path] + [_failed(path, kind.name, doc)]
            return _regrouped(site, site.items, failed)
        new: Loaded[Any] | None = Loaded(model, doc)
    else:
        new = None
    items = {name: [x for x in found if x.path != path] for name, found in site.items.items()}
    if new is not None and kind is not None:
        items[kind.name] = sorted(items.get(kind.name, []) + [new], key=lambda x: x.path)
    return _regrouped(site, items, [f for f in site.failed if f.path != path])


def subset(site: Site, paths: set[Path]) -> Site:
    """The site with only the files at paths (as load_site names them): what the preview checks
    and renders a changed file against."""
    return _regrouped(site, {name: [x for x in found if x.path in paths] for name, found in site.items.items()}, site.failed)


def _regrouped(site: Site, items: dict[str, list[Loaded[Any]]], failed: list[Failed]) -> Site:
    # A recommendation's chapters are grouped again; the grouping's own problems (chapters
    # without a document.yaml) are load_site's to report, so they are dropped here.
    new = Site(root=site.root, languages=site.languages, items={name: found for name, found in items.items() if found},
               failed=failed)
    _group_recommendations(new, site.root, Problems(site.root))
    return new
