"""How the SQLite store turns models into rows and stored rows back into models, in bulk.

Writes: each record becomes one tuple for a positional ``executemany`` (its key columns and its JSON); the
participants of a batch of interactions travel as one JSON object that SQL unpacks with ``json_each``.

Reads: every stored record was validated when it was written, so reading a whole store back does not
validate it again. :func:`trusted_decoder` turns the stored JSON into the same model a validation would
give (same values, same types, same ``model_fields_set``), converting the few field types JSON cannot carry
(dates, enums). A record of an unexpected shape (a field missing that has a non-None default, or an unknown
key: written by another version) falls back to full validation.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from operator import itemgetter
from typing import Any, TypeVar

from pydantic import BaseModel

from relgraph.model import Interaction, NodeType, Organization, Person, Relationship

__all__ = [
    "interaction_rows",
    "node_rows",
    "participants_json",
    "relationship_rows",
    "trusted_decoder",
]

M = TypeVar("M", bound=BaseModel)
_Row = TypeVar("_Row", bound=tuple[Any, ...])
_first = itemgetter(0)

_set_attribute = object.__setattr__


def _to_json(model: type[BaseModel]) -> Callable[[BaseModel], str]:
    """``model.model_dump_json(exclude_none=True)`` without the per-call keyword plumbing (same text)."""
    serialize = model.__pydantic_serializer__.to_json

    def dump(instance: BaseModel) -> str:
        return serialize(instance, exclude_none=True).decode()

    return dump


_PERSON_JSON = _to_json(Person)
_ORGANIZATION_JSON = _to_json(Organization)
_RELATIONSHIP_JSON = _to_json(Relationship)
_INTERACTION_JSON = _to_json(Interaction)


def node_rows(nodes: Iterable[Person | Organization], label: NodeType) -> list[tuple[str, ...]]:
    """``(id, label, name, data)`` for each person or organisation, in id order (see :func:`_by_key`)."""
    dump = _PERSON_JSON if label is NodeType.PERSON else _ORGANIZATION_JSON
    value = label.value
    return _by_key([(node.id, value, node.name, dump(node)) for node in nodes])


def relationship_rows(relationships: Iterable[Relationship]) -> list[tuple[str, ...]]:
    """``(source, type, target, data)`` for each relationship."""
    dump = _RELATIONSHIP_JSON
    # str() of a StrEnum member is its value, without the Python-level ``.value`` property call.
    return [(r.source, str(r.type), r.target, dump(r)) for r in relationships]


def interaction_rows(interactions: Iterable[Interaction]) -> list[tuple[str | None, ...]]:
    """``(id, date, organization, data)`` for each interaction, in id order (see :func:`_by_key`)."""
    dump = _INTERACTION_JSON
    return _by_key([(i.id, i.date.isoformat(), i.organization, dump(i)) for i in interactions])


def _by_key(rows: list[_Row]) -> list[_Row]:
    """Rows sorted by their first column, the table's key.

    Rows then go into the key's index one after another instead of at random places in it: with a few
    hundred thousand rows that is a third less time in SQLite, for a sort that costs a tenth of that.
    The order in which a batch is written is not visible afterwards (every read orders its rows).
    """
    rows.sort(key=_first)
    return rows


def participants_json(interactions: Iterable[Interaction]) -> str:
    """``{interaction id: [person id, ...]}`` as one JSON text, for ``json_each`` in SQL."""
    return json.dumps({i.id: i.participants for i in interactions}, ensure_ascii=False)


# -- reading back ----------------------------------------------------------------------------------


def _converter(annotation: Any) -> Callable[[Any], Any] | None:
    """How to turn the JSON value of a field of this type into the validated value; None: as it is."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        found = [_converter(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        return found[0] if len(found) == 1 else _unsupported
    if origin is list:
        item = _converter(typing.get_args(annotation)[0])
        if item is None or item is _unsupported:
            return item
        return lambda values: [item(v) for v in values]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {member.value: member for member in annotation}.__getitem__
    if annotation is date:
        return date.fromisoformat
    if annotation is float:
        return float  # JSON writes 1.0 as 1.0, but be sure an int never lands in a float field
    if annotation in (str, int, bool):
        return None
    return _unsupported


def _unsupported(value: Any) -> Any:
    raise TypeError("no trusted conversion for this field type")


def trusted_decoder(model: type[M]) -> Callable[[list[str]], list[M]]:
    """A function from stored JSON texts (``model_dump_json(exclude_none=True)``) to equal ``model`` instances.

    Each instance is built the way ``model_construct`` builds one (every field in declaration order, those
    present in the JSON as ``model_fields_set``), after converting dates and enums.
    """
    fields = model.model_fields
    template = dict.fromkeys(fields)
    known = template.keys()
    # Fields absent from stored JSON were None (exclude_none); any other default means another version.
    must_be_present = frozenset(
        name for name, f in fields.items() if f.get_default(call_default_factory=True) is not None
    )
    conversions = [(n, c) for n, f in fields.items() if (c := _converter(f.annotation)) is not None]
    plain = (
        not model.__pydantic_post_init__
        and not model.__private_attributes__
        and model.model_config.get("extra") != "allow"
        and all(c is not _unsupported for _, c in conversions)
    )

    new, validate = model.__new__, model.model_validate_json

    def decode_all(texts: list[str]) -> list[M]:
        # One json.loads for the lot: the per-call overhead of the json module is most of its cost.
        parsed = json.loads("[" + ",".join(texts) + "]")
        models = []
        for text, data in zip(texts, parsed, strict=True):
            if not plain or not must_be_present <= data.keys() <= known:
                models.append(validate(text))
                continue
            values = {**template, **data}  # declaration order, None where the JSON has nothing
            try:
                for name, convert in conversions:
                    value = values[name]
                    if value is not None:
                        values[name] = convert(value)
            except (KeyError, ValueError, TypeError):
                models.append(validate(text))
                continue
            instance = new(model)
            _set_attribute(instance, "__dict__", values)
            _set_attribute(instance, "__pydantic_fields_set__", set(data))
            _set_attribute(instance, "__pydantic_extra__", None)
            _set_attribute(instance, "__pydantic_private__", None)
            models.append(instance)
        return models

    return decode_all
