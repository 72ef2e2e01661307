"""Walking a content model: every model in it, with its place (loc) in the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import Enum
from typing import Any, get_args

from pydantic import BaseModel

Loc = tuple[Any, ...]


def walk(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    yield loc, obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), loc + (name,))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from walk(item, loc + (i,))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from walk(value, loc + (key,))


_PLAIN = (str, int, float, bool, type(None), dt.date, Enum)
_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}


def _model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of cls whose type can hold a model (most of a Text's cannot)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(name for name, info in cls.model_fields.items() if _can_hold_model(info.annotation))
    return names


def _can_hold_model(annotation: Any) -> bool:
    if annotation is Any:
        return True
    if isinstance(annotation, type) and not get_args(annotation) and issubclass(annotation, BaseModel):
        return True
    return any(_can_hold_model(arg) for arg in get_args(annotation))


def models(obj: BaseModel) -> Iterator[tuple[Loc, BaseModel]]:
    """Every model in obj (obj too) with its loc, in document order.

    walk() without the plain values: the checks only look at models, and visiting every
    text of 1,000 documents was most of their time.
    """
    stack: list[tuple[Loc, Any]] = [((), obj)]
    while stack:
        loc, obj = stack.pop()
        if isinstance(obj, BaseModel):
            yield loc, obj
            children: list[tuple[Any, Any]] = [(name, getattr(obj, name)) for name in _model_fields(type(obj))]
        elif isinstance(obj, list):
            children = list(enumerate(obj))
        elif isinstance(obj, dict):
            children = list(obj.items())
        else:
            continue
        stack.extend((loc + (key,), value) for key, value in reversed(children) if not isinstance(value, _PLAIN))
