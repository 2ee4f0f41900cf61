"""The output schema: exported JSON Schema in sync, described, strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from summarizer import schema
from summarizer.schema import ArticleDraft, Count, Summary, json_schema

EXPORTED = Path(__file__).resolve().parent.parent / "schemas" / f"summary.v{schema.SCHEMA_VERSION}.json"
MODELS = [
    getattr(schema, name)
    for name in dir(schema)
    if isinstance(getattr(schema, name), type)
    and issubclass(getattr(schema, name), schema._Model)
    and not name.startswith("_")
]


def test_exported_schema_is_up_to_date() -> None:
    exported = json.loads(EXPORTED.read_text(encoding="utf-8"))
    assert exported == json_schema(), f"{EXPORTED.name} is stale: run `make schema`"


@pytest.mark.parametrize("model", [Summary, ArticleDraft], ids=lambda m: m.__name__)
def test_every_property_has_a_description(model: type[BaseModel]) -> None:
    generated = model.model_json_schema()
    definitions = {model.__name__: generated, **generated.get("$defs", {})}
    undescribed = [
        f"{name}.{prop}"
        for name, definition in definitions.items()
        for prop, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_extra_fields_are_refused(model: type[BaseModel]) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate({"confidence": 0.9})
    assert {"type": "extra_forbidden", "loc": ("confidence",)} in [
        {"type": e["type"], "loc": e["loc"]} for e in caught.value.errors()
    ]


def test_models_are_all_found() -> None:
    assert {Summary, ArticleDraft, Count} <= set(MODELS)


def test_count_refuses_negative_numbers() -> None:
    assert Count(quote="12 dead", number=0, qualifier="exact").number == 0
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        Count(quote="12 dead", number=-12, qualifier="exact")
