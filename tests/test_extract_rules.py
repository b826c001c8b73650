"""The rule files: valid against their JSON Schema, ids unique, references resolvable."""

from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
import pytest
import yaml

from extract import normalise, rules
from extract.firstchars import first_chars

RULES_DIR = resources.files("extract").joinpath("rules")
FILES = sorted(p.name for p in RULES_DIR.iterdir() if p.name.endswith(".yml"))
VOCAB = resources.files("datapkg").joinpath("vocab")


def _schema() -> dict:
    return json.loads(RULES_DIR.joinpath("schema.json").read_text("utf-8"))


def _measures() -> dict[str, dict]:
    data = yaml.safe_load(VOCAB.joinpath("measures.yml").read_text("utf-8"))
    return {m["id"]: m for m in data["measures"]}


def _groups() -> set[str]:
    data = yaml.safe_load(VOCAB.joinpath("groups.yml").read_text("utf-8"))
    return {g["id"] for g in data["groups"]}


def test_all_rule_files_are_loaded_by_the_code():
    assert set(FILES) == {f"{name}.yml" for name in rules.RULE_FILES}


@pytest.mark.parametrize("name", FILES)
def test_rule_file_matches_schema(name):
    data = yaml.safe_load(RULES_DIR.joinpath(name).read_text("utf-8"))
    jsonschema.validate(data, _schema())


def test_rule_ids_are_unique_across_files():
    seen: dict[str, str] = {}
    for name in FILES:
        data = yaml.safe_load(RULES_DIR.joinpath(name).read_text("utf-8"))
        for section, items in data.items():
            for item in items:
                assert item["id"] not in seen, f"{item['id']} in {name}:{section} and {seen[item['id']]}"
                seen[item["id"]] = f"{name}:{section}"


def test_every_rule_has_a_reason_that_says_something():
    for name in FILES:
        data = yaml.safe_load(RULES_DIR.joinpath(name).read_text("utf-8"))
        for items in data.values():
            for item in items:
                assert len(item["reason"].split()) >= 2, item["id"]


def test_every_pattern_compiles():
    table = rules.macros()
    for name in FILES:
        for items in rules.load(name[:-4]).values():
            for item in items:
                if "pattern" in item:
                    re.compile(rules.expand(item["pattern"], table))


def test_every_mention_rule_begins_with_a_known_character_set():
    table = rules.macros()
    for rule in rules.section("mentions", "rules"):
        assert first_chars(rules.expand(rule["pattern"], table)), rule["id"]


def test_every_mention_parse_is_implemented():
    from extract import dates, values

    known = set(values._PARSERS) | {"exclude", "double"} | dates.PARSES
    for rule in rules.section("mentions", "rules"):
        assert rule["parse"] in known, rule["id"]


def test_measures_named_by_rules_are_in_the_vocabulary():
    measures = _measures()
    for name in FILES:
        for items in rules.load(name[:-4]).values():
            for item in items:
                m = item.get("measure")
                if m and m not in ("decrease", "increase", "exports", "imports", "change"):
                    assert m in measures, f"{item['id']}: {m}"


def test_group_codes_used_by_rules_are_declared():
    groups = _groups()
    for section in ("aliases", "groups"):
        for item in rules.section("places", section):
            if item["code"].startswith("X-"):
                assert item["code"] in groups, item["id"]
    for code in rules.merged_values_cased("places", "demonyms").values():
        assert not code.startswith("X-") or code in groups


def test_vocabularies_have_id_and_description():
    for m in _measures().values():
        assert m["description"] and m["kind"] in {
            "tariff_rate", "trade_value", "change", "date", "quantity"}
    data = yaml.safe_load(VOCAB.joinpath("groups.yml").read_text("utf-8"))
    for g in data["groups"]:
        assert re.fullmatch(r"X-[A-Z0-9-]+", g["id"]) and g["name"] and g["reason"]


def test_normalisation_replacements_keep_length():
    for rule in rules.section("text", "chars"):
        assert ("values" in rule) != ("category" in rule), rule["id"]
        for src, dst in rule.get("values", {}).items():
            assert len(src) == 1 and len(dst) == 1, rule["id"]
    assert all(len(dst) == 1 for dst in normalise._table().values())
    digits = "".join(chr(c) for c in range(0x20000) if chr(c).isdecimal())
    assert normalise.normalise(digits) == "0123456789" * (len(digits) // 10)
