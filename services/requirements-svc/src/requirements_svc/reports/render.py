"""The report as Markdown (for chat and mail) and as an HTML page with server-drawn SVG charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from requirements_svc.reports import charts
from requirements_svc.reports.schemas import Report

TEMPLATES = Path(__file__).parent / "templates"

STATUS_LABEL = {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track"}
STATUS_EMOJI = {"on_track": "🟢", "at_risk": "🟡", "off_track": "🔴"}


def _md(value: Any) -> str:
    """Text safe inside a Markdown table cell or list item."""
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip()


def _num(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
    return str(value)


def _ts(value: Any) -> str:
    if value is None:
        return "–"
    return value.strftime("%Y-%m-%d %H:%M UTC") if hasattr(value, "strftime") else str(value)


def _env(autoescape: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=select_autoescape(["html", "j2.html"]) if autoescape else False,
        keep_trailing_newline=True,
    )
    env.filters.update(md=_md, num=_num, ts=_ts)
    env.globals.update(STATUS_LABEL=STATUS_LABEL, STATUS_EMOJI=STATUS_EMOJI)
    return env


_MD = _env(False)
_HTML = _env(True)


def markdown(report: Report) -> str:
    return _MD.get_template("report.md.j2").render(r=report)


def chart_set(report: Report) -> dict[str, Markup]:
    out: dict[str, Markup] = {}
    burndown = report.progress.burndown
    if burndown:
        it = report.progress.iteration
        out["burndown"] = charts.line_chart(
            "burndown",
            f"Burndown of {it.name if it else 'the iteration'}: remaining points vs plan",
            [p.date.strftime("%m-%d") for p in burndown],
            [
                charts.Series("plan", "#9aa5b1", [p.ideal for p in burndown], dashed=True),
                charts.Series("remaining", "#1565c0", [p.remaining for p in burndown]),
            ],
        )
    else:
        out["burndown"] = charts.empty("burndown", "Burndown", "No iteration covers this period.")
    risk = report.risks.summary
    if risk is not None:
        out["exposure"] = charts.line_chart(
            "exposure",
            "Open risk exposure (sum of scores) per day",
            [p.date[5:] for p in risk.exposure_series],
            [
                charts.Series("exposure", "#c62828", [float(p.exposure) for p in risk.exposure_series]),
                charts.Series("open risks", "#6a1b9a", [float(p.open) for p in risk.exposure_series]),
            ],
        )
        out["heatmap"] = charts.heatmap("Open risks by probability × impact", risk.heatmap)
    release = report.releases.summary
    if release is not None:
        out["rollouts"] = charts.rollouts("Rollouts in progress", release.rollouts_in_progress)
    return out


def html(report: Report) -> str:
    return _HTML.get_template("report.html").render(r=report, charts=chart_set(report))
