"""Data access for the dashboard: one explicit load, then pure helpers over DataFrames.

Nothing is read at import time. :func:`load_data` reads the package through
``datapkg.io.load_package`` and never raises: a missing or unreadable package gives a
:class:`DashboardData` whose ``error`` says what is wrong and how to fix it, and empty tables
with the schema's columns, so every view can render an empty state instead of a stack trace.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
import threading
import zipfile
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd
import yaml

from datapkg.schema import RESOURCES, field_names

ZIP_NAME = "tariff-ledger-package.zip"
# Statuses grouped the way the stack shows them.
IN_FORCE = ("in_force",)
PENDING = ("announced", "threatened")
SCENARIO = ("proposed", "waived", "hypothetical", "removed")
STATUS_LABEL = {
    "in_force": "in force",
    "announced": "announced",
    "threatened": "threatened",
    "proposed": "proposed",
    "waived": "waived",
    "removed": "removed",
    "hypothetical": "hypothetical",
    "unknown": "status unknown",
}
KINDS = ("tariff_rate", "trade_value", "change", "date", "quantity")
STATUSES = tuple(STATUS_LABEL)


# --------------------------------------------------------------------------- vocabularies
@cache
def measures() -> dict[str, dict[str, Any]]:
    """The measure vocabulary keyed by id (kind, component, description)."""
    text = resources.files("datapkg").joinpath("vocab", "measures.yml").read_text("utf-8")
    return {m["id"]: m for m in yaml.safe_load(text)["measures"]}


@cache
def groups() -> dict[str, dict[str, Any]]:
    text = resources.files("datapkg").joinpath("vocab", "groups.yml").read_text("utf-8")
    return {g["id"]: g for g in yaml.safe_load(text)["groups"]}


def measure_component(measure: str) -> str:
    """'total', 'component', 'scenario' for tariff measures; '' for the rest."""
    return str(measures().get(measure, {}).get("component", "") or "")


_MEASURE_NAMES = {
    "tariff_total": "Total tariff",
    "tariff_reciprocal": "Reciprocal tariff",
    "tariff_penalty_russian_oil": "Russian-oil penalty",
    "tariff_penalty": "Penalty tariff",
    "tariff_secondary": "Secondary tariff",
    "tariff_fentanyl": "Fentanyl tariff",
    "tariff_sectoral": "Sectoral tariff",
    "tariff_retaliatory": "Retaliatory tariff",
    "tariff_mfn": "MFN duty",
    "tariff_deal": "Trade-deal rate",
    "tariff_rate": "Tariff (layer not stated)",
}


def measure_name(measure: str) -> str:
    if measure in _MEASURE_NAMES:
        return _MEASURE_NAMES[measure]
    return (measure or "").replace("event_", "").replace("_", " ").capitalize()


@cache
def party_name(code: str) -> str:
    """A readable name for an ISO 3166-1 alpha-3 or group code ('IND' -> 'India')."""
    if not code:
        return "unspecified"
    if code in groups():
        return str(groups()[code]["name"])
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            return str(getattr(country, "common_name", None) or country.name)
    except Exception:  # pragma: no cover - pycountry missing or broken: fall back to the code
        pass
    return code


def group_anchor_country(code: str) -> str:
    """The third country a behaviour-defined group refers to: X-IRN-PARTNERS -> IRN."""
    m = re.match(r"^X-([A-Z]{3})-", code or "")
    return m.group(1) if m else ""


# --------------------------------------------------------------------------- formatting
def _fallback_format(value: float, unit: str, qualifier: str) -> str:
    prefix = {"approx": "about ", "lower_bound": "> ", "upper_bound": "< "}.get(qualifier, "")
    unit = unit or ""
    if unit == "percent":
        body = f"{value:g}%"
    elif unit == "percentage_point":
        body = f"{value:g} pp"
    else:
        scaled = value
        word = ""
        for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                scaled, word = value / size, f" {name}"
                break
        cur = {"USD": "USD ", "INR": "Rs ", "EUR": "EUR "}.get(unit)
        num = f"{scaled:,.2f}".rstrip("0").rstrip(".")
        body = f"{cur}{num}{word}" if cur else f"{num}{word} {unit}".rstrip()
    return prefix + body


def format_value(value: Any, unit: Any, qualifier: Any = "exact") -> str:
    """Display a value with its unit through ``datapkg.units.format_value``.

    Until that module is available (or if it rejects a value) a plain local formatter is used,
    so the dashboard never fails on display.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    unit = "" if unit is None or (not isinstance(unit, str) and pd.isna(unit)) else str(unit)
    qualifier = "exact" if not isinstance(qualifier, str) or not qualifier else qualifier
    impl = _units_formatter()
    if impl is not None:
        try:
            return str(impl(float(value), unit, qualifier))
        except Exception:
            pass
    return _fallback_format(float(value), unit, qualifier)


@cache
def _units_formatter() -> Any:
    try:
        from datapkg.units import format_value as impl
    except Exception:
        return None
    return impl


def is_date(v: Any) -> bool:
    """A real date (not None, NaN or NaT)."""
    return isinstance(v, dt.date) and not pd.isna(v)


def date_precision(date_from: Any, date_to: Any) -> str:
    """'day', 'month', 'range', 'open' (a 'since' period) or 'none'."""
    if not is_date(date_from):
        return "none"
    if not is_date(date_to):
        return "open"
    if date_to == date_from:
        return "day"
    last = calendar.monthrange(date_from.year, date_from.month)[1]
    if date_from.day == 1 and date_to == date_from.replace(day=last):
        return "month"
    return "range"


def format_period(date_from: Any, date_to: Any) -> str:
    kind = date_precision(date_from, date_to)
    if kind == "none":
        return ""
    if kind == "day":
        return date_from.strftime("%-d %b %Y")
    if kind == "month":
        return date_from.strftime("%B %Y")
    if kind == "open":
        return "since " + date_from.strftime("%-d %b %Y")
    return f"{date_from:%-d %b %Y} – {date_to:%-d %b %Y}"


def source_url(source_id: str, claim_id: str = "") -> str:
    from urllib.parse import quote

    url = "/sources/" + quote(source_id, safe="")
    return url + ("#" + quote(claim_id, safe="-") if claim_id else "")


# --------------------------------------------------------------------------- loading
def empty_table(resource: str) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="object") for name in field_names(resource)})


@dataclass
class Validation:
    state: str = "pending"  # pending | valid | invalid | error
    message: str = ""
    method: str = ""
    done: threading.Event = field(default_factory=threading.Event)


@dataclass
class DashboardData:
    root: Path
    descriptor: dict[str, Any]
    tables: dict[str, pd.DataFrame]
    error: str = ""
    hint: str = ""
    validation: Validation = field(default_factory=Validation)
    # derived lookups, filled by _prepare
    claims_view: pd.DataFrame = field(default_factory=pd.DataFrame)
    support: pd.DataFrame = field(default_factory=pd.DataFrame)
    fact_first: pd.DataFrame = field(default_factory=pd.DataFrame)
    _zip: bytes | None = None
    _zip_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def sources(self) -> pd.DataFrame:
        return self.tables["sources"]

    @property
    def claims(self) -> pd.DataFrame:
        return self.tables["claims"]

    @property
    def facts(self) -> pd.DataFrame:
        return self.tables["facts"]

    @property
    def evidence(self) -> pd.DataFrame:
        return self.tables["evidence"]

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", "") or "")

    @property
    def created(self) -> str:
        return str(self.descriptor.get("created", "") or "")

    # ---------------------------------------------------------------- source texts
    def source_row(self, source_id: str) -> dict[str, Any] | None:
        rows = self.sources[self.sources["source_id"] == source_id]
        if rows.empty:
            return None
        return {str(k): _plain(v) for k, v in rows.iloc[0].to_dict().items()}

    def source_text(self, source_id: str) -> str | None:
        """The article's full text (file relative to the package root), or None if absent."""
        row = self.source_row(source_id)
        if row is None or not row.get("file"):
            return None
        path = safe_join(self.root, str(row["file"]))
        if path is None or not path.is_file():
            return None
        try:
            return path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def source_claims(self, source_id: str) -> pd.DataFrame:
        c = self.claims
        return c[c["source_id"] == source_id].sort_values(["start", "end", "claim_id"])

    # ---------------------------------------------------------------- downloads
    def download_files(self) -> dict[str, Path]:
        """Names offered for download -> file under the package root (only the package's own)."""
        out: dict[str, Path] = {}
        if not self.descriptor:
            return out
        desc = self.root / "datapackage.json"
        if desc.is_file():
            out["datapackage.json"] = desc
        for rel in self.package_paths():
            path = safe_join(self.root, rel)
            if path is not None and path.is_file() and rel.endswith(".csv"):
                out[PurePosixPath(rel).name] = path
        return out

    def package_paths(self) -> list[str]:
        """Relative local paths the descriptor references (resource data, schema, dialect)."""
        paths: list[str] = []
        for res in self.descriptor.get("resources", []) or []:
            for key in ("path", "schema", "dialect"):
                val = res.get(key)
                for item in val if isinstance(val, list) else [val]:
                    if isinstance(item, str) and not re.match(r"^[a-z]+://", item):
                        paths.append(item)
        return paths

    def package_zip(self) -> bytes:
        """The whole package as a zip (built once, then cached)."""
        with self._zip_lock:
            if self._zip is None:
                self._zip = build_zip(self.root, self.package_paths())
            return self._zip


def safe_join(root: Path, rel: str) -> Path | None:
    """root/rel if rel is relative, has no '..' and stays under root; else None."""
    if not rel or "\\" in rel or "\x00" in rel:
        return None
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or re.match(r"^[A-Za-z]:", rel):
        return None
    full = (root / p).resolve()
    try:
        full.relative_to(root.resolve())
    except ValueError:
        return None
    return full


def build_zip(root: Path, paths: list[str]) -> bytes:
    """datapackage.json, the files it references, README.md, LICENSE*, CITATION.cff."""
    names = ["datapackage.json", *paths]
    for extra in sorted(root.glob("LICENSE*")) + [root / "README.md", root / "CITATION.cff"]:
        if extra.is_file():
            names.append(extra.name)
    buf = io.BytesIO()
    seen: set[str] = set()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            path = safe_join(root, name)
            if name in seen or path is None or not path.is_file():
                continue
            seen.add(name)
            zf.write(path, arcname=str(PurePosixPath(name)))
    return buf.getvalue()


def _plain(v: Any) -> Any:
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item") and not isinstance(v, (str, dt.date)):
        return v.item()
    return v


FIX_HINT = (
    "Run `tariffs build` in the repository root to build the package, then restart "
    "`tariffs serve` (or pass --dir with the folder that holds datapackage.json)."
)


def load_data(
    package_dir: str | Path, *, validate: bool = True, background: bool = True
) -> DashboardData:
    """Load the package for the dashboard. Never raises; see ``DashboardData.error``."""
    from datapkg.io import PackageError, load_package

    root = Path(package_dir)
    tables = {r: empty_table(r) for r in RESOURCES}
    try:
        pkg = load_package(root)
    except PackageError as exc:
        data = DashboardData(root, {}, tables, error=str(exc), hint=FIX_HINT)
    except Exception as exc:  # an unreadable CSV, a bad type: say so, do not crash
        data = DashboardData(
            root,
            {},
            tables,
            error=f"{root}: the package cannot be read ({type(exc).__name__}: {exc})",
            hint=FIX_HINT + " If it was built, `tariffs validate` tells what is wrong.",
        )
    else:
        data = DashboardData(root, pkg.descriptor, dict(pkg.tables))
    _prepare(data)
    if data.ok and validate:
        if background:
            threading.Thread(target=_validate, args=(data,), daemon=True).start()
        else:
            _validate(data)
    else:
        data.validation.state = "error" if not data.ok else "skipped"
        data.validation.message = data.error or "validation not run"
        data.validation.done.set()
    return data


def _validate(data: DashboardData) -> None:
    """Validate once: datapkg.validate.run_validate where it exists, else frictionless."""
    v = data.validation
    try:
        runner: Any
        try:
            from datapkg.validate import run_validate as runner
        except ImportError:
            runner = None
        if runner is not None:
            out = io.StringIO()
            code = runner(data.root, out)
            v.method = "tariffs validate"
            v.state = "valid" if code == 0 else "invalid"
            v.message = out.getvalue().strip()
        else:
            v.method = "frictionless validate"
            from frictionless import validate as fl_validate

            report = fl_validate(str(data.root / "datapackage.json"))
            v.state = "valid" if report.valid else "invalid"
            errors = report.flatten(["type", "note"]) if not report.valid else []
            v.message = "\n".join(f"{t}: {n}" for t, n in errors[:20])
    except Exception as exc:
        v.state = "error"
        v.message = f"validation could not run ({type(exc).__name__}: {exc})"
    finally:
        v.done.set()


def _prepare(data: DashboardData) -> None:
    """Precompute the joined views the callbacks use (once, at load)."""
    claims, sources, evidence = data.claims, data.sources, data.evidence
    src = sources[["source_id", "publisher", "origin", "title", "published"]].rename(
        columns={"title": "source_title"}
    )
    view = claims.merge(src, on="source_id", how="left")
    search = (
        view["quote"].fillna("").astype(str)
        + " \x1f "
        + view["mention"].fillna("").astype(str)
        + " \x1f "
        + view["claim_id"].fillna("").astype(str)
    )
    view["_search"] = search.str.lower()
    data.claims_view = view.reset_index(drop=True)
    # evidence joined with its claims and their sources: who supports each fact
    sup = evidence.merge(view.drop(columns=["_search"]), on="claim_id", how="left")
    data.support = sup.sort_values(["fact_id", "role", "published", "claim_id"], na_position="last")
    data.fact_first = _first_claim_table(data.support)


# --------------------------------------------------------------------------- fact helpers
def supporting(data: DashboardData, fact_ids: list[str] | None = None) -> pd.DataFrame:
    sup = data.support
    if fact_ids is not None:
        sup = sup[sup["fact_id"].isin(fact_ids)]
    return sup


FIRST_COLUMNS = ["claim_id", "source_id", "quote", "publisher", "published", "link", "sources_text"]


def _first_claim_table(sup: pd.DataFrame) -> pd.DataFrame:
    """Per fact (index), the claim its mark links to, the earliest stating claim (else any),
    and the outlets stating it. Computed once at load for every fact."""
    if sup.empty:
        return pd.DataFrame(columns=FIRST_COLUMNS, index=pd.Index([], name="fact_id"))
    sup = sup.assign(_rank=(sup["role"] != "states").astype(int))
    sup = sup.sort_values(["fact_id", "_rank", "published", "claim_id"], na_position="last")
    first = sup.drop_duplicates("fact_id").set_index("fact_id")
    stating = sup[sup["role"] == "states"]
    who = stating["publisher"].fillna("")
    who = who.where(who != "", stating["source_id"]).astype(str)
    names = (
        pd.DataFrame({"fact_id": stating["fact_id"], "who": who})
        .drop_duplicates()
        .groupby("fact_id", sort=False)["who"]
        .agg(", ".join)
    )
    out = first[["claim_id", "source_id", "quote", "publisher", "published"]].copy()
    out["link"] = [
        source_url(s, c) if isinstance(s, str) and isinstance(c, str) else ""
        for s, c in zip(out["source_id"], out["claim_id"], strict=True)
    ]
    out["sources_text"] = names.reindex(out.index).fillna("")
    return out


def first_claims(data: DashboardData, facts: pd.DataFrame) -> pd.DataFrame:
    """*facts* with the claim each links to: columns claim_id, source_id, quote, publisher,
    published, link, sources_text (see ``_first_claim_table``)."""
    out = facts.copy()
    table = data.fact_first
    for c in FIRST_COLUMNS:
        out[c] = out["fact_id"].map(table[c]) if len(out) else pd.Series(dtype="object")
    if len(out):
        out["link"] = out["link"].fillna("")
        out["sources_text"] = out["sources_text"].fillna("")
    return out


def tariff_pairs(data: DashboardData) -> list[tuple[str, str]]:
    """imposer -> target pairs (countries, not groups) with tariff facts, busiest first."""
    f = data.facts
    f = f[f["fact_type"].isin(["tariff_total", "tariff_component"])]
    f = f[f["imposer"].notna() & f["target"].notna()]
    f = f[~f["target"].astype(str).str.startswith("X-")]
    if f.empty:
        return []
    counts = f.groupby(["imposer", "target"]).size().sort_values(ascending=False)
    pairs = [(str(a), str(b)) for a, b in counts.index]
    return sorted(pairs, key=lambda p: (p != ("USA", "IND"), -int(counts[p])))


def pair_label(imposer: str, target: str) -> str:
    return f"{party_name(imposer)} → {party_name(target)}"


def _origins(data: DashboardData, fact_ids: list[str]) -> int:
    """Independent sources behind several facts together: distinct origins of stating claims."""
    sup = data.support
    sup = sup[sup["fact_id"].isin(fact_ids) & (sup["role"] == "states")]
    return int(sup["origin"].dropna().nunique())


def _merge_layers(data: DashboardData, facts: pd.DataFrame) -> pd.DataFrame:
    """One row per measure: facts of one layer that differ only by period are one layer.

    Where they agree on the value, the row counts the independent sources of them all; where
    they differ, the latest (by date_from; undated count as oldest) is kept and the others are
    named in ``other_values``. The kept row links to its own earliest stating claim.
    """
    if facts.empty:
        out = first_claims(data, facts)
        out["other_values"] = pd.Series(dtype="object")
        return out
    rows = []
    fc = first_claims(data, facts)
    for _, grp in fc.groupby("measure", sort=True):
        grp = grp.assign(
            _d=[x if is_date(x) else dt.date.min for x in grp["date_from"]],
        ).sort_values(["_d", "n_sources", "fact_id"], ascending=[False, False, True])
        keep = grp.iloc[0].to_dict()
        same = grp[grp["value"] == keep["value"]]
        if len(same) > 1:
            keep["n_sources"] = max(_origins(data, list(same["fact_id"])), int(keep["n_sources"]))
            keep["conflict"] = bool(same["conflict"].fillna(False).any())
            names = ", ".join(dict.fromkeys(x for x in same["sources_text"] if x))
            keep["sources_text"] = ", ".join(dict.fromkeys(names.split(", ")))
        others = grp[grp["value"] != keep["value"]]
        keep["other_values"] = "; ".join(
            f"{format_value(v, u, q)} ({format_period(a, b) or 'undated'})"
            for v, u, q, a, b in zip(
                others["value"],
                others["unit"],
                others["qualifier"],
                others["date_from"],
                others["date_to"],
                strict=True,
            )
        )
        keep.pop("_d", None)
        rows.append(keep)
    return pd.DataFrame(rows)


def stack_frame(data: DashboardData, imposer: str, target: str) -> pd.DataFrame:
    """The rows of the tariff-stack chart for one pair.

    One row per segment: bar (the bar it belongs to), bar_kind (in_force, pending, scenario,
    conditional, total), measure, name, value, unit, status, n_sources, conflict, display
    text, and link/quote/publisher of the claim the segment links to. Facts of one layer that
    differ only by period are merged (see ``_merge_layers``); each layer discussed but not in
    force (proposed, waived, hypothetical, removed, or a deal rate) gets a bar of its own, so
    nothing is ever added to what is in force.
    """
    f = data.facts
    rates = f[
        f["fact_type"].isin(["tariff_component", "tariff_total"])
        & (f["imposer"] == imposer)
        & f["value"].notna()
    ]
    direct = rates[rates["target"] == target]
    group = rates[
        rates["target"].astype(str).str.startswith("X-")
        & (rates["fact_type"] == "tariff_component")
    ]
    rows: list[dict[Any, Any]] = []

    def add(sub: pd.DataFrame, bar: str, bar_kind: str) -> None:
        for r in _merge_layers(data, sub).to_dict("records"):
            rows.append({**r, "bar": bar, "bar_kind": bar_kind})

    comp = direct[direct["fact_type"] == "tariff_component"]
    totals = direct[direct["fact_type"] == "tariff_total"]
    is_scn = comp["measure"].map(measure_component) == "scenario"
    add(comp[comp["status"].isin(IN_FORCE) & ~is_scn], "In force", "in_force")
    pending = "Announced / threatened (not in force)"
    add(comp[comp["status"].isin(PENDING) & ~is_scn], pending, "pending")
    for r in _merge_layers(data, totals[totals["status"].isin(IN_FORCE)]).to_dict("records"):
        rows.append({**r, "bar": "In force", "bar_kind": "total"})
    for r in _merge_layers(data, totals[totals["status"].isin(PENDING)]).to_dict("records"):
        rows.append({**r, "bar": pending, "bar_kind": "total"})
    # every layer only discussed is a bar of its own: never stacked on anything else
    scen = comp[comp["status"].isin(SCENARIO) | is_scn]
    scen_totals = totals[totals["status"].isin(SCENARIO)]
    for (status, measure), sub in pd.concat([scen, scen_totals]).groupby(
        ["status", "measure"], sort=True
    ):
        bar = f"Discussed ({STATUS_LABEL.get(str(status), status)}): {measure_name(str(measure))}"
        kind = "total" if measure_component(str(measure)) == "total" else "scenario"
        add(sub, bar, kind)
    for code, sub in group.groupby("target", sort=True):
        n_before = len(rows)
        add(sub, f"Conditional: {party_name(str(code))}", "conditional")
        ctx = group_context(data, target, str(code))
        note = f"applies to {party_name(target)} only if it is in this group"
        if ctx:
            note += "; " + "; ".join(f"{c['text']} ({c['n_sources']} src)" for c in ctx)
        for row in rows[n_before:]:
            row["context"] = note
    cols = list(f.columns) + [
        "claim_id",
        "source_id",
        "quote",
        "publisher",
        "published",
        "link",
        "sources_text",
        "other_values",
        "bar",
        "bar_kind",
        "context",
    ]
    out = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame(columns=cols)
    if not out.empty:
        out["name"] = out["measure"].map(measure_name)
        out["display"] = [
            format_value(v, u, q)
            for v, u, q in zip(out["value"], out["unit"], out["qualifier"], strict=True)
        ]
    else:
        out["name"] = pd.Series(dtype="object")
        out["display"] = pd.Series(dtype="object")
    return out


def group_context(data: DashboardData, target: str, group_code: str) -> list[dict[str, Any]]:
    """Trade figures between *target* and the third country a group refers to (IND and IRN for
    X-IRN-PARTNERS), each with its link: how exposed the target is to a conditional tariff."""
    third = group_anchor_country(group_code)
    if not third:
        return []
    f = data.facts
    tf = f[
        (f["fact_type"] == "trade_figure")
        & (
            ((f["imposer"] == target) & (f["target"] == third))
            | ((f["imposer"] == third) & (f["target"] == target))
        )
    ]
    out = []
    for t in first_claims(data, tf).to_dict("records"):
        out.append(
            {
                "text": f"{measure_name(t['measure'])} {party_name(str(t['imposer']))}–"
                f"{party_name(str(t['target']))}: "
                f"{format_value(t['value'], t['unit'], t['qualifier'])}",
                "n_sources": t["n_sources"],
                "link": t["link"],
                "quote": t["quote"],
            }
        )
    return out


def conditional_context(
    data: DashboardData, imposer: str, target: str, stack: pd.DataFrame | None = None
) -> list[dict[str, Any]]:
    """Notes for group-targeted (conditional) tariffs: who they fall on and the pair's exposure.

    For X-IRN-PARTNERS and target IND: the secondary rate, and trade figures between IND and IRN
    (e.g. '< USD 2 billion'), each with the claim it comes from.
    """
    st = stack if stack is not None else stack_frame(data, imposer, target)
    st = st[st["bar_kind"] == "conditional"]
    notes = []
    for r in st.to_dict("records"):
        ctx = group_context(data, target, str(r["target"]))
        notes.append(
            {
                "text": f"{r['display']} {measure_name(r['measure']).lower()} on "
                f"{party_name(str(r['target']))[:1].lower()}{party_name(str(r['target']))[1:]} "
                f"({STATUS_LABEL.get(r['status'], r['status'])}); "
                f"it applies to {party_name(target)} only if {party_name(target)} falls in that group.",
                "link": r["link"],
                "quote": r["quote"],
                "n_sources": r["n_sources"],
                "context": ctx,
            }
        )
    return notes


def timeline_frames(
    data: DashboardData, imposer: str, target: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rates, events) for the timeline of one pair.

    rates: dated tariff facts (totals and components) of the pair; events: event facts between
    the two parties (either direction) or with one of them and no other party.
    Both carry link/quote/publisher/published and 'precision' (day, month, range, open).
    """
    f = data.facts
    rates = f[
        f["fact_type"].isin(["tariff_total", "tariff_component"])
        & (f["imposer"] == imposer)
        & (f["target"] == target)
        & f["value"].notna()
        & f["date_from"].notna()
    ]
    ev = f[f["fact_type"] == "event"]
    parties = {imposer, target}
    mask = [
        (a in parties and (b in parties or not isinstance(b, str)))
        or (b in parties and not isinstance(a, str))
        for a, b in zip(ev["imposer"].astype(object), ev["target"].astype(object), strict=True)
    ]
    ev = ev[pd.Series(mask, index=ev.index, dtype=bool)] if len(ev) else ev
    ev = ev[ev["date_from"].notna()]
    out = []
    for frame in (rates, ev):
        fr = first_claims(data, frame)
        fr["precision"] = [
            date_precision(a, b) for a, b in zip(fr["date_from"], fr["date_to"], strict=True)
        ]
        fr["name"] = fr["measure"].map(measure_name) if len(fr) else pd.Series(dtype="object")
        fr["display"] = [
            format_value(v, u, q)
            for v, u, q in zip(fr["value"], fr["unit"], fr["qualifier"], strict=True)
        ]
        out.append(fr.sort_values(["date_from", "fact_id"]) if len(fr) else fr)
    return out[0], out[1]


# --------------------------------------------------------------------------- claims explorer
CLAIM_FILTERS = ("kind", "measure", "imposer", "target", "status", "source_id")
CLAIM_COLUMNS = [
    ("claim_id", "Claim"),
    ("quote", "Quote"),
    ("value_display", "Value"),
    ("measure_name", "Measure"),
    ("status", "Status"),
    ("imposer", "Imposer"),
    ("target", "Target"),
    ("period", "Period"),
    ("publisher", "Outlet"),
    ("published", "Published"),
    ("kind", "Kind"),
]
_SORTABLE = {
    "claim_id": "claim_id",
    "published": "published",
    "publisher": "publisher",
    "kind": "kind",
    "measure": "measure",
    "measure_name": "measure",
    "value_display": "value",
    "imposer": "imposer",
    "target": "target",
    "status": "status",
    "period": "date_from",
    "quote": "quote",
}


def filter_claims(view: pd.DataFrame, filters: dict[str, Any], text: str = "") -> pd.DataFrame:
    mask = pd.Series(True, index=view.index)
    for col in CLAIM_FILTERS:
        vals = filters.get(col) or []
        if isinstance(vals, str):
            vals = [vals]
        if vals:
            mask &= view[col].isin(vals).fillna(False).astype(bool)
    text = (text or "").strip().lower()
    if text:
        for word in text.split():
            mask &= view["_search"].str.contains(word, regex=False).fillna(False).astype(bool)
    return view[mask]


def sort_claims(view: pd.DataFrame, sort_by: list[dict[str, str]] | None) -> pd.DataFrame:
    if not sort_by:
        return view
    cols, asc = [], []
    for s in sort_by:
        col = _SORTABLE.get(s.get("column_id", ""))
        if col:
            cols.append(col)
            asc.append(s.get("direction", "asc") == "asc")
    if not cols:
        return view
    return view.sort_values(cols, ascending=asc, na_position="last", kind="stable")


def claims_page(
    data: DashboardData,
    filters: dict[str, Any],
    text: str,
    sort_by: list[dict[str, str]] | None,
    page: int,
    page_size: int,
) -> tuple[list[dict[str, Any]], int, int]:
    """(rows of the page, number of matching claims, page count): filter, sort, then slice."""
    view = filter_claims(data.claims_view, filters, text)
    total = len(view)
    view = sort_claims(view, sort_by)
    page_size = max(1, int(page_size or 25))
    pages = max(1, -(-total // page_size))
    page = min(max(0, int(page or 0)), pages - 1)
    chunk = view.iloc[page * page_size : (page + 1) * page_size]
    rows = []
    for r in chunk.to_dict("records"):
        rows.append(
            {
                "claim_id": r["claim_id"],
                "link": source_url(str(r["source_id"]), str(r["claim_id"])),
                "published": r["published"].isoformat() if is_date(r["published"]) else "",
                "publisher": _plain(r["publisher"]) or "unnamed outlet",
                "source_id": r["source_id"],
                "kind": r["kind"],
                "measure": r["measure"],
                "measure_name": measure_name(str(r["measure"])),
                "value_display": format_value(r["value"], r["unit"], r["qualifier"]),
                "imposer": _plain(r["imposer"]) or "",
                "target": _plain(r["target"]) or "",
                "status": STATUS_LABEL.get(str(r["status"]), r["status"]),
                "period": format_period(r["date_from"], r["date_to"]),
                "quote": r["quote"],
            }
        )
    return rows, total, pages


def filter_options(data: DashboardData) -> dict[str, list[dict[str, str]]]:
    c = data.claims

    def opts(col: str, label=None) -> list[dict[str, str]]:
        vals = sorted({str(v) for v in c[col].dropna().unique()})
        return [{"label": label(v) if label else v, "value": v} for v in vals]

    out = {
        "kind": [{"label": k.replace("_", " "), "value": k} for k in KINDS],
        "measure": opts("measure", lambda m: f"{measure_name(m)} ({m})"),
        "imposer": opts("imposer", lambda p: f"{party_name(p)} ({p})"),
        "target": opts("target", lambda p: f"{party_name(p)} ({p})"),
        "status": [{"label": STATUS_LABEL[s], "value": s} for s in STATUSES],
    }
    s = data.sources
    out["source_id"] = [
        {"label": f"{(_plain(p) or 'unnamed outlet')} · {sid}", "value": str(sid)}
        for sid, p in sorted(
            zip(s["source_id"], s["publisher"], strict=True), key=lambda t: str(t[0])
        )
    ]
    return out


# --------------------------------------------------------------------------- facts view
FACT_TYPES = (
    "tariff_total",
    "tariff_component",
    "trade_figure",
    "change",
    "rank",
    "quantity",
    "event",
)


def facts_page(
    data: DashboardData,
    fact_type: list[str] | None,
    conflict_only: bool,
    text: str,
    page: int,
    page_size: int = 25,
) -> tuple[pd.DataFrame, int, int]:
    f = data.facts
    if fact_type:
        f = f[f["fact_type"].isin(fact_type)]
    if conflict_only:
        f = f[f["conflict"].fillna(False).astype(bool)]
    for word in (text or "").lower().split():
        hay = (
            f["label"].fillna("") + " " + f["fact_id"].fillna("") + " " + f["measure"].fillna("")
        ).str.lower()
        f = f[hay.str.contains(word, regex=False).fillna(False).astype(bool)]
    total = len(f)
    f = f.sort_values(["n_sources", "fact_id"], ascending=[False, True])
    pages = max(1, -(-total // page_size))
    page = min(max(0, int(page or 0)), pages - 1)
    return f.iloc[page * page_size : (page + 1) * page_size], total, pages


# --------------------------------------------------------------------------- source text
def highlight_segments(text: str, claims: pd.DataFrame) -> list[tuple[str, list[dict[Any, Any]]]]:
    """Split text into (piece, claims covering it) in order, for rendering highlights.

    Claims may overlap (a range gives two claims over one mention); a piece lists every claim
    covering it. Offsets outside the text are clipped; claims that do not fit are skipped.
    """
    n = len(text)
    spans = []
    for r in claims.to_dict("records"):
        try:
            s, e = int(r["start"]), int(r["end"])
        except (TypeError, ValueError):
            continue
        if 0 <= s < e <= n:
            spans.append((s, e, r))
    cuts = sorted({0, n, *[s for s, _, _ in spans], *[e for _, e, _ in spans]})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        cover = [r for s, e, r in spans if s <= a and b <= e]
        out.append((text[a:b], cover))
    return out


def sentence_span(text: str, quote: str, start: int) -> tuple[int, int] | None:
    """Where the claim's quote (its sentence) lies in the text, nearest to the mention."""
    if not quote:
        return None
    best = None
    i = text.find(quote)
    while i != -1:
        if i <= start <= i + len(quote):
            return (i, i + len(quote))
        best = best or (i, i + len(quote))
        i = text.find(quote, i + 1)
    return best
