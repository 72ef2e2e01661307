"""The site's languages, read from languages.yaml at the project root: the one place that
names them.

Every language-dependent thing is derived from these records: the docs/<code>/ folder
and mkdocs.<code>.yml, the URL prefix (the primary language at the root, the others in
a folder under it), the label file macros/labels/<code>.yaml, the 404 page's base, the
search's extra word forms, the language switcher and the texts every content file must give.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator, KeysView
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from painguide.yamlload import dotted, load_reported

FILE = "languages.yaml"

class Language(BaseModel):
    """One language of the site."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)

    code: str = Field(pattern=r"^[a-z]{2,3}$")
    """The page's language (lang="…"), and the key of its text in every content file."""
    name: str = Field(min_length=1)
    """Its name in itself, as the language switcher shows it: Svenska, English."""
    english_name: str = Field(min_length=1)
    """Its name in the editors' messages: "the Swedish text (sv:) is missing"."""
    prefix: str = Field(pattern=r"^([a-z0-9-]+/)?$")
    """Its URL folder under the site's root, ending in '/': '' for the primary language."""
    search_forms: dict[str, str] = Field(default_factory=dict)
    """Word forms its search stemmer does not reach, as endings: {"a": "an"} lets "smärtan"
    find a page that says only "smärta" (each page lists such forms of its words as
    searchable metadata; painguide/search.py). Search stems by the page's lang="…" itself."""
    primary: bool = False
    """Built at the site's root; its folders hold the other languages' builds."""

    @model_validator(mode="after")
    def _consistent(self) -> "Language":
        for ending, form in self.search_forms.items():
            if not (ending.isalpha() and form.isalpha() and form.startswith(ending) and form != ending):
                raise ValueError(f"search_forms '{ending}: {form}' is not a word ending and a longer one that begins with it (a: an)")
        if self.primary != (self.prefix == ""):
            raise ValueError("prefix must be '' for the primary language and a folder such as 'en/' for every other")
        return self

    def root_from(self, other: "Language") -> str:
        """This language's root, relative to other's root: '' (itself), 'en/', '../'."""
        if other.code == self.code:
            return ""
        up = "../" * other.prefix.count("/")
        return up + self.prefix


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    languages: list[Language] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_primary(self) -> "_Table":
        codes = [lang.code for lang in self.languages]
        if len(set(codes)) != len(codes):
            raise ValueError("each language is listed once")
        if sum(lang.primary for lang in self.languages) != 1 or not self.languages[0].primary:
            raise ValueError("the first language, and only it, is primary: true")
        return self


Languages = tuple[Language, ...]


def load_languages(root: Path, problems: Any) -> Languages:
    """The languages in root/languages.yaml; an empty tuple, with problems added, if it is not valid."""
    path = root / FILE
    doc = load_reported(path, problems, f"cannot read the site's languages ({FILE})")
    if doc is None:
        return ()
    try:
        return tuple(_Table.model_validate(doc.data).languages)
    except ValidationError as err:
        for e in err.errors(include_url=False):
            line, col = doc.locate(e["loc"], key=e["type"] == "extra_forbidden")
            message = str(e["ctx"]["error"]) if e["type"] == "value_error" else e["msg"]
            problems.add(path, line, col, dotted(e["loc"]), message)
        return ()


def primary(languages: Languages) -> Language:
    return next(lang for lang in languages if lang.primary)


def url(path: str, language: Language) -> str:
    """The site-root URL of a Markdown page in a language: pm/x.md → /pm/x/, /en/pm/x/."""
    stem = path.removesuffix(".md").removesuffix("index")
    page = f"{stem}/" if stem and not stem.endswith("/") else stem
    return f"/{language.prefix}{page}"


# The languages every Text must give while content is validated. Set by using() around
# loading, so that one process can check projects with other languages (the tests do).
_ACTIVE: contextvars.ContextVar[Languages] = contextvars.ContextVar("painguide_languages", default=())
# Their codes, in table order, as a set-like view: every Text of every file compares its keys
# with it, so it is made once here rather than for each Text.
_CODES: contextvars.ContextVar[KeysView[str]] = contextvars.ContextVar("painguide_language_codes", default={}.keys())


@contextlib.contextmanager
def using(languages: Languages) -> Iterator[None]:
    token = _ACTIVE.set(languages)
    codes = _CODES.set(dict.fromkeys(lang.code for lang in languages).keys())
    try:
        yield
    finally:
        _CODES.reset(codes)
        _ACTIVE.reset(token)


def active_codes() -> KeysView[str]:
    """The codes of active(), in table order."""
    codes = _CODES.get()
    if not codes:
        active()  # says why
    return codes


def active() -> Languages:
    languages = _ACTIVE.get()
    if not languages:
        raise RuntimeError("no languages are set: validate content inside languages.using(...)")
    return languages
