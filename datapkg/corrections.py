"""Process: apply the curated corrections in curation/corrections.yml to extracted claims.

:func:`apply_corrections` takes every claim at once; :class:`Corrections` applies the same
entries one article at a time as its claims are extracted (the build's path: the corpus is
never held whole), with the same results and the same errors.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from datapkg.schema import field_names

CORRECTIONS = Path("curation") / "corrections.yml"
_PROTECTED = {"claim_id", "source_id", "start", "end", "mention", "rule"}
_DATE_FIELDS = {"date_from", "date_to"}


class CorrectionError(ValueError):
    """A correction cannot be applied; the message names the file, the entry and the field."""


def load_corrections(root: Path) -> list[dict[str, Any]]:
    path = root / CORRECTIONS
    if not path.is_file():
        return []
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise CorrectionError(f"{path}: not valid YAML ({exc})") from exc
    schema = json.loads(
        resources.files("datapkg").joinpath("schemas", "corrections.schema.json").read_text()
    )
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=str)
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise CorrectionError(f"{path}: at {where}: {err.message}")
    entries = doc["corrections"]
    seen: set[str] = set()
    for entry in entries:
        if entry["id"] in seen:
            raise CorrectionError(f"{path}: correction '{entry['id']}': duplicate id")
        seen.add(entry["id"])
    return entries


def _coerce(name: str, value: Any) -> Any:
    if name in _DATE_FIELDS and isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return value


def _set_fields(path: Path, entry: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    names = set(field_names("claims"))
    out = dict(row)
    for name, value in entry["set"].items():
        if name not in names:
            raise CorrectionError(f"{path}: correction '{entry['id']}': unknown field '{name}'")
        if name in _PROTECTED:
            raise CorrectionError(
                f"{path}: correction '{entry['id']}': field '{name}' cannot be set; "
                "drop the claim and add a new one instead"
            )
        out[name] = _coerce(name, value)
    out["rule"] = entry["id"]
    return out


def _added_claim(path: Path, entry: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    claim: dict[str, Any] = {name: "" for name in field_names("claims")}
    claim.update({k: _coerce(k, v) for k, v in entry["claim"].items()})
    sid, start, end = claim["source_id"], int(claim["start"]), int(claim["end"])
    if sid not in texts:
        raise CorrectionError(f"{path}: correction '{entry['id']}': unknown source_id '{sid}'")
    text = texts[sid]
    if not 0 <= start < end <= len(text):
        raise CorrectionError(f"{path}: correction '{entry['id']}': offsets outside the text")
    claim.update(
        start=start,
        end=end,
        mention=text[start:end],
        rule=entry["id"],
        claim_id=claim.get("claim_id") or f"{sid}-{start}-{end}",
    )
    if claim.get("value") in ("", None):
        claim["value"] = None
    for name in _DATE_FIELDS:
        if claim.get(name) == "":
            claim[name] = None
    return claim


def apply_corrections(
    root: Path, claims: list[dict[str, Any]], texts: dict[str, str]
) -> list[dict[str, Any]]:
    """Claims with every correction applied, in (source_id, start, end, claim_id) order."""
    path = root / CORRECTIONS
    by_id = {c["claim_id"]: c for c in claims}
    for entry in load_corrections(root):
        if entry["op"] == "add":
            claim = _added_claim(path, entry, texts)
            if claim["claim_id"] in by_id:
                raise CorrectionError(
                    f"{path}: correction '{entry['id']}': claim_id '{claim['claim_id']}' exists"
                )
            by_id[claim["claim_id"]] = claim
            continue
        cid = entry["claim_id"]
        if cid not in by_id:
            raise CorrectionError(
                f"{path}: correction '{entry['id']}': claim '{cid}' is not produced by the "
                "extractor any more; update or remove the correction"
            )
        if entry["op"] == "drop":
            del by_id[cid]
        else:
            by_id[cid] = _set_fields(path, entry, by_id[cid])
    return sorted(
        by_id.values(), key=lambda c: (c["source_id"], c["start"], c["end"], c["claim_id"])
    )


def _claim_order(c: dict[str, Any]) -> tuple[Any, ...]:
    return (c["source_id"], c["start"], c["end"], c["claim_id"])


def _added_id(entry: dict[str, Any]) -> str:
    """The claim_id an ``add`` entry gives its claim (see :func:`_added_claim`)."""
    claim = entry["claim"]
    return str(
        claim.get("claim_id") or f"{claim['source_id']}-{int(claim['start'])}-{int(claim['end'])}"
    )


class Corrections:
    """The corrections of *root*, applied article by article with :meth:`apply`; :meth:`finish`
    raises for any entry that found no claim. Entries touching one article are applied to it in
    file order, as :func:`apply_corrections` applies them to the whole corpus; when several
    entries fail, the error raised is the first in file order, as there."""

    def __init__(self, root: Path, source_ids: Collection[str]):
        self.path = root / CORRECTIONS
        self.entries = load_corrections(root)
        self.adds: dict[str, list[int]] = defaultdict(list)  # source_id -> add entries
        self.edits: dict[str, list[int]] = defaultdict(list)  # claim_id -> set/drop entries
        self.used: set[int] = set()
        self.errors: dict[int, str] = {}
        for k, entry in enumerate(self.entries):
            if entry["op"] == "add":
                sid = entry["claim"]["source_id"]
                if sid in source_ids:
                    self.adds[sid].append(k)
                else:
                    self.errors[k] = (
                        f"{self.path}: correction '{entry['id']}': unknown source_id '{sid}'"
                    )
            else:
                self.edits[entry["claim_id"]].append(k)

    def apply(
        self, source_id: str, claims: list[dict[str, Any]], text: str
    ) -> list[dict[str, Any]]:
        """One article's claims with its corrections applied, in (start, end, claim_id) order."""
        by_id = {c["claim_id"]: c for c in claims}
        adds = self.adds.get(source_id, [])
        ids = set(by_id) | {_added_id(self.entries[k]) for k in adds}
        todo = sorted(
            {*adds, *(k for cid in ids for k in self.edits.get(cid, ()) if k not in self.used)}
        )
        for k in todo:
            self.used.add(k)
            try:
                self._apply_entry(self.entries[k], by_id, {source_id: text})
            except CorrectionError as exc:
                self.errors[k] = str(exc)
                break
        return sorted(by_id.values(), key=_claim_order)

    def _apply_entry(
        self, entry: dict[str, Any], by_id: dict[str, dict[str, Any]], texts: dict[str, str]
    ) -> None:
        if entry["op"] == "add":
            claim = _added_claim(self.path, entry, texts)
            if claim["claim_id"] in by_id:
                raise CorrectionError(
                    f"{self.path}: correction '{entry['id']}': claim_id '{claim['claim_id']}' "
                    "exists"
                )
            by_id[claim["claim_id"]] = claim
            return
        cid = entry["claim_id"]
        if cid not in by_id:
            raise CorrectionError(_stale(self.path, entry))
        if entry["op"] == "drop":
            del by_id[cid]
        else:
            by_id[cid] = _set_fields(self.path, entry, by_id[cid])

    def finish(self) -> None:
        """Raise the first error in file order: a failed entry, or one that found no claim."""
        for k, entry in enumerate(self.entries):
            if k in self.errors:
                raise CorrectionError(self.errors[k])
            if k not in self.used and entry["op"] != "add":
                raise CorrectionError(_stale(self.path, entry))


def _stale(path: Path, entry: dict[str, Any]) -> str:
    return (
        f"{path}: correction '{entry['id']}': claim '{entry['claim_id']}' is not produced by the "
        "extractor any more; update or remove the correction"
    )
