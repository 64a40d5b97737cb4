"""The catalogue of headline indicators: the one place each figure on a card, box or sheet is defined.

In the style of Satu Data Indonesia's indicator metadata (e.g. 06.02.021 / SDG 8.8.1a): each indicator
has a code, a name, what is counted, its denominator, formula, date rule, source and periodicity (texts in
i18n/catalogue/indicators.py). Headlines holds one set of figures for one set of filters on one day; the
Ringkasan cards, the evidence PDF's boxes and programme table, the workbook's Ringkasan/Program sheets,
the meeting card and the Rapat figures all read their label, help and number from it, so one indicator
cannot show two values, or a figure appear that is defined nowhere.

Comparisons are like for like: week-over-week compares the same filters on d and d−7; growth since the
launch compares the same population (the programme's funding sources, or all sources) on the launch day
and on d, never everyone now against the launch group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from numbers import Real

import pandas as pd

from jamsostek import i18n, settings
from jamsostek.i18n import t

WEEK_DAYS = 7  # "this week" = the 7 days d−6 … d, everywhere (cards, weekly table, documents, card)


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry; texts live under ind.<key>.* in the label catalogue."""

    code: str
    key: str
    unit: str  # workers | pct | times | desa | months | rp
    scope: str  # view (follows the filters) | region (whole region whatever the filters)
    source: str = "extract"
    denominator: bool = False  # has an ind.<key>.denominator text
    date_rule: str = ""  # a shared ind.rule.<name> text, or "" for the indicator's own ind.<key>.date_rule


CATALOGUE: tuple[Indicator, ...] = (
    Indicator("JS-01", "protected", "workers", "view"),
    Indicator("JS-02", "coverage", "pct", "view", "sasaran", True),
    Indicator("JS-03", "new_week", "workers", "view"),
    Indicator("JS-04", "lapsing", "workers", "view"),
    Indicator("JS-05", "sasaran", "workers", "view", "sasaran"),
    Indicator("JS-06", "gap", "workers", "view", "sasaran", date_rule="on_day"),
    Indicator("JS-07", "zero_desa", "desa", "view", "sasaran", True, "on_day"),
    Indicator("JS-08", "programme_protected", "workers", "region", "programme", date_rule="on_day"),
    Indicator("JS-09", "growth_programme", "times", "region", "programme", True, "since_launch"),
    Indicator("JS-10", "growth_all", "times", "region", "extract", True, "since_launch"),
    Indicator("JS-11", "progress_target", "pct", "region", "programme", True, "on_day"),
    Indicator("JS-12", "worker_months", "months", "region", "cost"),
    Indicator("JS-13", "programme_cost", "rp", "region", "cost", date_rule="up_to_day"),
    Indicator("JS-14", "participants", "workers", "view", date_rule="up_to_day"),
    Indicator("JS-15", "lapsed", "workers", "view", date_rule="on_day"),
)
BY_KEY = {i.key: i for i in CATALOGUE}
FIELDS = ("counted", "denominator", "formula", "date_rule")


def _fmt(lang: str, lapsing_days: int = settings.LAPSING_WINDOW_DAYS) -> dict[str, str]:
    # The placeholders every indicator text may use.
    return {"days": str(lapsing_days), "date": i18n.fmt_date_short(settings.LAUNCH_DATE, lang),
            "target": i18n.fmt_int(settings.TARGET_WORKERS_2026, lang), "sources": sources_text(lang),
            "rate": i18n.fmt_rp(settings.CONTRIBUTION_RP_PER_MONTH, lang)}


def sources_text(lang: str) -> str:
    """The programme's funding sources as short words ("APBD", "APBD dan APBDes")."""
    return i18n.join_words([i18n.funding_label(c, lang).split(" (")[0] for c in settings.programme_funding()], lang)


def name(key: str, lang: str, lapsing_days: int = settings.LAPSING_WINDOW_DAYS) -> str:
    """The indicator's name in `lang` (KeyError for a key outside the catalogue)."""
    return t(f"ind.{BY_KEY[key].key}.name", lang, **_fmt(lang, lapsing_days))


def describe(key: str, field_name: str, lang: str, lapsing_days: int = settings.LAPSING_WINDOW_DAYS) -> str:
    """One metadata field (counted, denominator, formula, date_rule, source, periodicity) of an indicator."""
    ind = BY_KEY[key]
    if field_name == "source":
        return t(f"ind.source.{ind.source}", lang)
    if field_name == "periodicity":
        return t("ind.period.weekly", lang)
    if field_name == "denominator" and not ind.denominator:
        return t("ind.none", lang)
    if field_name == "date_rule" and ind.date_rule:
        return t(f"ind.rule.{ind.date_rule}", lang, **_fmt(lang, lapsing_days))
    return t(f"ind.{key}.{field_name}", lang, **_fmt(lang, lapsing_days))


def help_text(key: str, lang: str, lapsing_days: int = settings.LAPSING_WINDOW_DAYS) -> str:
    """The help shown beside a figure: code, what is counted and the formula."""
    return (f"{BY_KEY[key].code} · {describe(key, 'counted', lang, lapsing_days)}. "
            f"{describe(key, 'formula', lang, lapsing_days)}.")


def catalogue_table(lang: str, lapsing_days: int = settings.LAPSING_WINDOW_DAYS) -> pd.DataFrame:
    """The catalogue as a table (the methodology view, the PDF's and workbook's methodology)."""
    rows = [{"code": i.code, "name": name(i.key, lang, lapsing_days),
             **{f: describe(i.key, f, lang, lapsing_days) for f in (*FIELDS, "source", "periodicity")}}
            for i in CATALOGUE]
    frame = pd.DataFrame(rows)
    return frame.rename(columns={c: t(f"ind.col.{c}", lang) for c in frame.columns})


def week_caption(as_of: date, lang: str) -> str:
    """'This week = 14 Nov 2026 – 20 Nov 2026 …': the one week definition, named on screen."""
    start, before = as_of - timedelta(days=WEEK_DAYS - 1), as_of - timedelta(days=WEEK_DAYS)
    return t("ind.week_caption", lang, start=i18n.fmt_date_short(start, lang), end=i18n.fmt_date_short(as_of, lang),
             before=i18n.fmt_date_short(before, lang))


@dataclass(frozen=True)
class Headlines:
    """Every headline figure for one set of filters on one day, computed once from the query rows."""

    as_of: date
    view: Mapping  # kpi.sql for the filtered view on d
    region: Mapping  # kpi.sql for the whole region on d
    region_launch: Mapping  # kpi.sql for the whole region on the launch day
    programme: Mapping  # kpi.sql summed over the programme's funding sources, whole region, on d
    programme_launch: Mapping  # the same on the launch day
    cost: Mapping  # programme_cost.sql summed over the programme's funding sources
    by_desa: pd.DataFrame = field(repr=False)
    filtered: bool = False
    lapsing_days: int = settings.LAPSING_WINDOW_DAYS
    target: int = settings.TARGET_WORKERS_2026

    @property
    def week_start(self) -> date:
        """First day of "this week" (d−6)."""
        return self.as_of - timedelta(days=WEEK_DAYS - 1)

    @property
    def week_before(self) -> date:
        """The day week-over-week changes compare with (d−7)."""
        return self.as_of - timedelta(days=WEEK_DAYS)

    @property
    def after_launch(self) -> bool:
        """True when d is on or after the launch day (growth since the launch means something)."""
        return self.as_of >= settings.LAUNCH_DATE

    def _sasaran_desa(self) -> pd.DataFrame:
        return self.by_desa[self.by_desa["sasaran_workers"] > 0]

    def value(self, key: str):
        """The number of an indicator (None where undefined: no sasaran, a date before the launch)."""
        v, r, p = self.view, self.region, self.programme
        launch_all, launch_prog = self.region_launch["protected_workers"], self.programme_launch["protected_workers"]
        values: dict[str, Callable[[], object]] = {
            "protected": lambda: v["protected_workers"],
            "coverage": lambda: None if pd.isna(v["coverage_pct"]) else float(v["coverage_pct"]),
            "new_week": lambda: v["new_workers_week"],
            "lapsing": lambda: v["lapsing_workers"],
            "sasaran": lambda: v["sasaran_workers"],
            "gap": lambda: v["gap_workers"],
            "zero_desa": lambda: int((self._sasaran_desa()["protected_workers"] == 0).sum()),
            "participants": lambda: v["participants"],
            "lapsed": lambda: v["lapsed_workers"],
            "programme_protected": lambda: p["protected_workers"],
            "growth_programme": lambda: _ratio(p["protected_workers"], launch_prog) if self.after_launch else None,
            "growth_all": lambda: _ratio(r["protected_workers"], launch_all) if self.after_launch else None,
            "progress_target": lambda: 100.0 * p["protected_workers"] / self.target if self.target else None,
            "worker_months": lambda: self.cost["worker_months"],
            "programme_cost": lambda: self.cost["worker_months"] * settings.CONTRIBUTION_RP_PER_MONTH,
        }
        return values[BY_KEY[key].key]()

    def text(self, key: str, lang: str) -> str:
        """The number of an indicator as the documents and cards write it."""
        return format_value(BY_KEY[key].unit, self.value(key), lang)

    def label(self, key: str, lang: str) -> str:
        """The indicator's name; whole-region figures say so when the view is filtered."""
        text = name(key, lang, self.lapsing_days)
        return t("ind.regency_label", lang, label=text) if self.filtered and BY_KEY[key].scope == "region" else text

    def help(self, key: str, lang: str) -> str:
        """Help beside the figure, from the catalogue."""
        return help_text(key, lang, self.lapsing_days)

    def week_change(self) -> int:
        """Protected on d minus protected on d−7, same filters."""
        return int(self.view["protected_workers"]) - int(self.view["protected_workers_week_ago"])

    def coverage_change(self) -> float | None:
        """Coverage on d minus coverage on d−7 in points, same filters and sasaran."""
        sasaran = int(self.view["sasaran_workers"])
        if not sasaran:
            return None
        return 100.0 * self.week_change() / sasaran

    def sub(self, key: str, lang: str) -> str | None:
        """The comparison written under a figure (None where it has none)."""
        fi, fd = i18n.fmt_int, i18n.fmt_date_short
        # "13 Nov": the week's caption names the full dates; a card's line must fit its width.
        before = fd(self.week_before, lang).rsplit(" ", 1)[0]
        if key == "protected":
            return t("ind.sub.vs_week", lang, delta=i18n.fmt_signed(self.week_change(), lang), date=before)
        if key == "coverage":
            change = self.coverage_change()
            return None if change is None else t("ind.sub.pp_vs_week", lang, delta=i18n.fmt_signed(change, lang, 1),
                                                 date=before)
        if key == "new_week":
            return t("ind.sub.week", lang, start=fd(self.week_start, lang), end=fd(self.as_of, lang))
        if key in ("growth_programme", "growth_all"):
            if not self.after_launch:
                return t("ind.sub.before_launch", lang, date=i18n.fmt_date(settings.LAUNCH_DATE, lang))
            now, before = ((self.programme, self.programme_launch) if key == "growth_programme"
                           else (self.region, self.region_launch))
            return t(f"ind.sub.{key}", lang, sources=sources_text(lang), before=fi(before["protected_workers"], lang),
                     now=fi(now["protected_workers"], lang))
        if key == "progress_target":
            return t("ind.sub.of_target", lang, now=fi(self.programme["protected_workers"], lang),
                     target=fi(self.target, lang))
        if key == "zero_desa":
            return t("ind.sub.of_desa", lang, count=fi(len(self._sasaran_desa()), lang))
        return None

    def change(self, key: str) -> float | None:
        """The signed change a sub-line reports (for its colour and arrow), None where it is no change."""
        return {"protected": self.week_change(), "coverage": self.coverage_change()}.get(key)


def format_value(unit: str, value, lang: str) -> str:
    """A figure written for its unit: 1.136, 63,3 %, 7,4×, Rp1.131.177.600."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return i18n.MISSING
    if unit == "pct":
        return i18n.fmt_pct(value, lang)
    if unit == "times":
        return t("ind.times", lang, ratio=i18n.fmt_num(value, lang, 1))
    if unit == "rp":
        return i18n.fmt_rp(value, lang)
    return i18n.fmt_int(value, lang)



def _ratio(now: object, before: object) -> float | None:
    return float(now) / float(before) if before else None


def row(frame: pd.DataFrame) -> dict:
    """First row of a query result as a dict, with counts as plain ints (SQL SUMs come back as floats)."""
    first = frame.iloc[0].to_dict() if len(frame) else {}
    return {k: int(v) if _is_count(k, v) else v for k, v in first.items()}


def _is_count(column: str, value: object) -> bool:
    return (isinstance(value, Real) and not isinstance(value, bool) and not column.endswith("_pct")
            and not pd.isna(value) and float(value).is_integer())


def _summed(rows: list[dict]) -> dict:
    # kpi rows of disjoint funding sources add up (a participant has one SUMBER IURAN); coverage is not used.
    return {k: sum(r[k] for r in rows) for k in rows[0] if isinstance(rows[0][k], int)}


def programme_weeks(run: Callable[..., pd.DataFrame], weeks: pd.DataFrame) -> pd.Series:
    """Programme-paid protected workers (JS-08) at each week end of `weeks` (enrolments_by_week for the
    whole region), summed over the programme's funding sources: what the 13.200 target is read against."""
    ends = pd.to_datetime(weeks["week_end"])
    total = pd.Series(0, index=ends, dtype="int64")
    if not len(weeks):
        return total
    as_of = ends.max().date()
    for source in settings.programme_funding():
        part = run("enrolments_by_week", as_of=as_of, kecamatan=None, sektor=None, program=None, sumber=source)
        counts = part.set_index(pd.to_datetime(part["week_end"]))["protected_workers"]
        total += counts.reindex(ends).fillna(0).astype("int64").to_numpy()
    return total


def gather(run: Callable[..., pd.DataFrame], params: Mapping, by_desa: pd.DataFrame,
           lapsing_days: int = settings.LAPSING_WINDOW_DAYS) -> Headlines:
    """Run the questions the headlines need through `run(name, **params)` (ctx.run or a bound db.run_query)."""
    as_of = params["as_of"]
    region = {"as_of": as_of, "kecamatan": None, "sektor": None, "program": None, "sumber": None}

    def kpi(**p) -> dict:
        return row(run("kpi", lapsing_days=lapsing_days, **p))

    def programme(day: date) -> dict:
        return _summed([kpi(**{**region, "as_of": day, "sumber": s}) for s in settings.programme_funding()])

    launch = {**region, "as_of": settings.LAUNCH_DATE}
    cost = _summed([row(run("programme_cost", as_of=as_of, sumber=s)) for s in settings.programme_funding()])
    return Headlines(
        as_of=as_of, view=kpi(**params), region=kpi(**region), region_launch=kpi(**launch),
        programme=programme(as_of), programme_launch=programme(settings.LAUNCH_DATE), cost=cost,
        by_desa=by_desa, filtered=any(params[k] is not None for k in region if k != "as_of"),
        lapsing_days=lapsing_days)
