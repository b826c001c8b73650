"""The schemas are the single source of truth; these tests keep them and the docs honest."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from datapkg.docs import render_readme
from datapkg.schema import RESOURCES, load_schema

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_field_is_documented(resource):
    schema = load_schema(resource)
    assert schema["fieldsMatch"] == "equal"
    names = [f["name"] for f in schema["fields"]]
    for f in schema["fields"]:
        assert f.get("title") and len(f.get("description", "")) >= 20, f["name"]
        assert f["type"] in {"string", "integer", "number", "boolean", "date"}, f["name"]
        assert "required" in f.get("constraints", {}), f["name"]
        if f["type"] in {"integer", "number"}:
            # a fixed unit, or a pointer to the column that holds it
            assert "unit" in f or f.get("unitField") in names, f["name"]
    assert all(k in names for k in schema["primaryKey"])


@pytest.mark.parametrize("resource", RESOURCES)
def test_foreign_keys_point_at_existing_fields(resource):
    for fk in load_schema(resource).get("foreignKeys", []):
        target = load_schema(fk["reference"]["resource"])
        target_names = [f["name"] for f in target["fields"]]
        assert all(f in target_names for f in fk["reference"]["fields"])


def test_claims_columns_are_the_contract():
    names = [f["name"] for f in load_schema("claims")["fields"]]
    assert names == (
        "claim_id source_id start end mention quote kind value unit qualifier measure imposer "
        "target status date_from date_to date_text rule"
    ).split()


def test_readme_column_tables_are_generated_from_the_schemas():
    text = (ROOT / "README.md").read_text("utf-8")
    assert render_readme(text) == text, "run `tariffs docs` to regenerate the README tables"
    for resource in RESOURCES:
        for f in load_schema(resource)["fields"]:
            assert f"| `{f['name']}` |" in text


def test_corrections_file_is_valid_against_its_schema():
    schema = json.loads((ROOT / "datapkg" / "schemas" / "corrections.schema.json").read_text())
    doc = yaml.safe_load((ROOT / "curation" / "corrections.yml").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)


def test_vocabularies_have_ids_and_reasons():
    measures = yaml.safe_load((ROOT / "datapkg/vocab/measures.yml").read_text())["measures"]
    kinds = set(load_schema("claims")["fields"][6]["constraints"]["enum"])
    ids = [m["id"] for m in measures]
    assert len(ids) == len(set(ids))
    for m in measures:
        assert m["kind"] in kinds and m["description"], m["id"]
    groups = yaml.safe_load((ROOT / "datapkg/vocab/groups.yml").read_text())["groups"]
    for g in groups:
        assert g["id"].startswith("X-") and g["reason"], g["id"]
