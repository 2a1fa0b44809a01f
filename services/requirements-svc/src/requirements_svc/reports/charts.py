"""SVG charts drawn on the server: plain SVG 1.1 with no script and no external reference, scaled by
`viewBox` so they fit a phone screen. Every text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape
from tpmhub_shared.contracts import RolloutProgress, SummaryHeatmapCell

W, H = 480, 240
PAD_L, PAD_R, PAD_T, PAD_B = 40, 12, 30, 36
INK, GRID, MUTED = "#1f2933", "#d9e2ec", "#627d98"


@dataclass
class Series:
    name: str
    color: str
    values: Sequence[float | None]
    dashed: bool = False


def _svg(kind: str, title: str, body: str, height: int = H) -> Markup:
    t = escape(title)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{kind}" role="img" '
        f'aria-label="{t}" '
        f'viewBox="0 0 {W} {height}" preserveAspectRatio="xMidYMid meet" '
        f'style="width:100%;height:auto;max-width:640px" font-family="system-ui,sans-serif" font-size="13">'
        f"<title>{t}</title>{body}</svg>"
    )


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000):
        if v <= step * 4:
            return float(step * 4)
    return v * 1.1


def line_chart(kind: str, title: str, x_labels: Sequence[str], series: Sequence[Series]) -> Markup:
    """Lines over a shared x axis; `None` values leave a gap (e.g. days still ahead)."""
    n = len(x_labels)
    if n == 0:
        return empty(kind, title, "No data for this period.")
    values = [v for s in series for v in s.values if v is not None]
    top = _nice_max(max(values, default=0.0))
    pw, ph = W - PAD_L - PAD_R, H - PAD_T - PAD_B

    def x(i: int) -> float:
        return PAD_L + (pw * i / (n - 1) if n > 1 else pw / 2)

    def y(v: float) -> float:
        return PAD_T + ph - ph * (v / top)

    parts = []
    for k in range(5):
        v = top * k / 4
        yy = y(v)
        parts.append(f'<line x1="{PAD_L}" y1="{yy:.1f}" x2="{W - PAD_R}" y2="{yy:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{PAD_L - 6}" y="{yy + 4:.1f}" text-anchor="end" fill="{MUTED}">{v:g}</text>')
    every = max(1, -(-n // 6))
    for i, label in enumerate(x_labels):
        last = i == n - 1
        if (i % every == 0 and (n - 1 - i) >= max(2, every // 2 + 1)) or last:
            anchor = "end" if last and n > 1 else "middle"
            parts.append(
                f'<text x="{x(i):.1f}" y="{H - PAD_B + 16}" text-anchor="{anchor}" fill="{MUTED}">'
                f"{escape(label)}</text>"
            )
    for s in series:
        runs: list[list[str]] = [[]]
        for i, v in enumerate(s.values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append(f"{x(i):.1f},{y(v):.1f}")
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        for run in runs:
            if len(run) > 1:
                parts.append(
                    f'<polyline class="series" fill="none" stroke="{s.color}" stroke-width="2.5"{dash} '
                    f'points="{" ".join(run)}"/>'
                )
            elif len(run) == 1:
                cx, cy = run[0].split(",")
                parts.append(f'<circle class="series" cx="{cx}" cy="{cy}" r="3.5" fill="{s.color}"/>')
    lx = PAD_L
    for s in series:
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        parts.append(
            f'<line x1="{lx}" y1="12" x2="{lx + 22}" y2="12" stroke="{s.color}" stroke-width="2.5"{dash}/>'
            f'<text x="{lx + 28}" y="16" fill="{INK}">{escape(s.name)}</text>'
        )
        lx += 40 + 7.5 * len(s.name)
    parts.append(
        f'<line x1="{PAD_L}" y1="{PAD_T + ph}" x2="{W - PAD_R}" y2="{PAD_T + ph}" stroke="{MUTED}"/>'
    )
    return _svg(kind, title, "".join(parts))


def _heat(level: int) -> str:
    if level >= 17:
        return "#c62828"
    if level >= 10:
        return "#ef6c00"
    if level >= 5:
        return "#f9a825"
    return "#7cb342"


def heatmap(title: str, cells: Sequence[SummaryHeatmapCell]) -> Markup:
    """5 × 5 probability (rows, 5 on top) × impact (columns) grid; the cell colour is the score's level, the
    number the open risks in it."""
    counts = {(c.probability, c.impact): c.count for c in cells}
    size, left, top = 42, 34, 16
    height = top + 5 * size + 48
    parts = []
    for row, p in enumerate(range(5, 0, -1)):
        yy = top + row * size
        parts.append(
            f'<text x="{left - 8}" y="{yy + size / 2 + 4:.0f}" text-anchor="end" fill="{MUTED}">P{p}</text>'
        )
        for col, i in enumerate(range(1, 6)):
            xx = left + col * size
            n = counts.get((p, i), 0)
            opacity = "1" if n else "0.25"
            parts.append(
                f'<rect class="cell" x="{xx}" y="{yy}" width="{size - 2}" height="{size - 2}" rx="4" '
                f'fill="{_heat(p * i)}" fill-opacity="{opacity}" data-p="{p}" data-i="{i}" data-count="{n}"/>'
            )
            if n:
                parts.append(
                    f'<text x="{xx + size / 2 - 1:.0f}" y="{yy + size / 2 + 4:.0f}" text-anchor="middle" '
                    f'fill="#fff" font-weight="bold">{n}</text>'
                )
    for col, i in enumerate(range(1, 6)):
        parts.append(
            f'<text x="{left + col * size + size / 2 - 1:.0f}" y="{top + 5 * size + 16}" '
            f'text-anchor="middle" fill="{MUTED}">I{i}</text>'
        )
    parts.append(
        f'<text x="{left + 5 * size / 2:.0f}" y="{top + 5 * size + 36}" text-anchor="middle" '
        f'fill="{INK}">impact → · rows: probability</text>'
    )
    legend = [("low", 1), ("medium", 5), ("high", 10), ("critical", 17)]
    for k, (name, lvl) in enumerate(legend):
        yy = top + 10 + k * 22
        parts.append(
            f'<rect x="{left + 5 * size + 24}" y="{yy}" width="14" height="14" rx="3" fill="{_heat(lvl)}"/>'
            f'<text x="{left + 5 * size + 44}" y="{yy + 12}" fill="{INK}">{name}</text>'
        )
    return _svg("heatmap", title, "".join(parts), height=height)


def rollouts(title: str, items: Sequence[RolloutProgress]) -> Markup:
    """One bar per rollout in progress: filled to the current percentage, ticks at each stage; the label
    (version, name, operator) above the bar so that it stays legible on a phone."""
    if not items:
        return empty("rollouts", title, "No rollout in progress.")
    row, left, right = 62, 4, 52
    height = 8 + row * len(items)
    bw = W - left - right
    parts = []
    for k, r in enumerate(items):
        yy = 8 + k * row
        color = "#f9a825" if r.status == "paused" else "#2e7d32"
        label = f"{r.version} {r.name}".strip()
        who = f" · stage {r.current_stage + 1}/{len(r.stage_percents)}" + (
            f" · {r.operator}" if r.operator else ""
        )
        parts.append(
            f'<text x="{left}" y="{yy + 14}" fill="{INK}" font-weight="600">{escape(label)}'
            f'<tspan fill="{MUTED}" font-weight="normal">{escape(who)}</tspan></text>'
        )
        by = yy + 24
        parts.append(f'<rect x="{left}" y="{by}" width="{bw}" height="22" rx="4" fill="{GRID}"/>')
        fill = bw * max(0, min(100, r.current_percent)) / 100
        parts.append(
            f'<rect class="bar" x="{left}" y="{by}" width="{fill:.1f}" height="22" rx="4" fill="{color}" '
            f'data-percent="{r.current_percent}"/>'
        )
        for pct in r.stage_percents:
            tx = left + bw * max(0, min(100, pct)) / 100
            parts.append(
                f'<line x1="{tx:.1f}" y1="{by - 3}" x2="{tx:.1f}" y2="{by + 25}" stroke="{INK}" '
                f'stroke-width="1" stroke-opacity="0.5"/>'
            )
        status = "paused" if r.status == "paused" else "running"
        parts.append(
            f'<text x="{left + bw + 6}" y="{by + 11}" fill="{INK}" font-weight="600">'
            f"{r.current_percent}%</text>"
            f'<text x="{left + bw + 6}" y="{by + 24}" fill="{MUTED}" font-size="10">{status}</text>'
        )
    return _svg("rollouts", title, "".join(parts), height=height)


def empty(kind: str, title: str, message: str) -> Markup:
    body = (
        f'<rect x="1" y="1" width="{W - 2}" height="78" rx="6" fill="none" stroke="{GRID}"/>'
        f'<text x="{W / 2}" y="44" text-anchor="middle" fill="{MUTED}">{escape(message)}</text>'
    )
    return _svg(kind, title, body, height=80)
