"""Guardrail expressions: `error_rate <= 0.01`, `p99_ms <= 1.2 x baseline` (`×` and `*` too).

Grammar: `<metric> <comparator> <number> [x baseline]` or `<metric> <comparator> baseline`; metric names
are lower-case identifiers (dots allowed); comparators are the fixed set below.

A guardrail may also carry options (given as an object at creation, see `GuardrailSpec`):
- `inconclusive`: a second threshold in the same grammar (`0.02`, `1.5 x baseline`) on the failing side of
  the first; a reading between the two is *inconclusive* (a grey band), beyond it *fail*;
- `min_readings`: fewer canary readings of the metric in the stage leave the guardrail *inconclusive*;
- `on_fail`: `warn`, `pause` or `rollback` (default: the rollout's `on_breach`);
- `dry_run`: evaluated and recorded, never acted on and never holding an advance."""

import math
import re
from dataclasses import dataclass, replace
from typing import Any

COMPARATORS: dict[str, Any] = {
    "<=": lambda value, limit: value <= limit,
    "<": lambda value, limit: value < limit,
    ">=": lambda value, limit: value >= limit,
    ">": lambda value, limit: value > limit,
}
METRIC_PATTERN = r"[a-z][a-z0-9_.]{0,63}"
_SHAPE = re.compile(rf"^\s*(?P<metric>{METRIC_PATTERN})\s*(?P<op>[<>=!~]+)\s*(?P<rest>.*?)\s*$")
_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_ABSOLUTE = re.compile(rf"^(?P<n>{_NUMBER})$")
_RELATIVE = re.compile(rf"^(?:(?P<n>{_NUMBER})\s*[x×*]\s*)?baseline$", re.IGNORECASE)


# Outcomes of one reading against one guardrail, and what a guardrail's state can be in a stage.
PASS, INCONCLUSIVE, FAIL, NO_BASELINE, NO_DATA = "pass", "inconclusive", "fail", "no_baseline", "no_data"
FAIL_ACTIONS = ("warn", "pause", "rollback")
# Severity, to pick one action when several guardrails fail in one request.
SEVERITY = {None: 0, "warn": 1, "pause": 2, "rollback": 3}


class GuardrailSyntaxError(ValueError):
    """The expression cannot be read; the message says why, for the 422."""


@dataclass(frozen=True)
class Guardrail:
    expression: str
    metric: str
    comparator: str
    threshold: float
    relative: bool  # threshold × the latest baseline reading of the same metric
    # The grey band's far edge (same kind as `threshold`: relative when it is); None: no grey band.
    inconclusive: float | None = None
    min_readings: int = 1
    on_fail: str | None = None  # warn | pause | rollback; None: the rollout's on_breach
    dry_run: bool = False

    def limit(self, baseline: float | None) -> float | None:
        """The value the canary reading is compared with; None when a relative guardrail has no baseline."""
        if not self.relative:
            return self.threshold
        return None if baseline is None else self.threshold * baseline

    def grey_limit(self, baseline: float | None) -> float | None:
        """The grey band's far edge for this baseline (None: no band, or no baseline)."""
        if self.inconclusive is None:
            return None
        if not self.relative:
            return self.inconclusive
        return None if baseline is None else self.inconclusive * baseline

    def judge(self, value: float, baseline: float | None) -> str:
        """pass, inconclusive (inside the grey band), fail, or no_baseline (relative without a baseline)."""
        ok = self.holds(value, baseline)
        if ok is None:
            return NO_BASELINE
        if ok:
            return PASS
        grey = self.grey_limit(baseline)
        if grey is not None and COMPARATORS[self.comparator](value, grey):
            return INCONCLUSIVE
        return FAIL

    def action(self, on_breach: str) -> str:
        """What a failure of this guardrail does at the breach threshold."""
        return self.on_fail or on_breach

    def holds(self, value: float, baseline: float | None) -> bool | None:
        """True (pass), False (fail) or None (cannot judge: no baseline yet)."""
        limit = self.limit(baseline)
        return None if limit is None else bool(COMPARATORS[self.comparator](value, limit))

    def as_dict(self) -> dict[str, Any]:
        return {
            "expression": self.expression,
            "metric": self.metric,
            "comparator": self.comparator,
            "threshold": self.threshold,
            "relative": self.relative,
            "inconclusive": self.inconclusive,
            "min_readings": self.min_readings,
            "on_fail": self.on_fail,
            "dry_run": self.dry_run,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Guardrail":
        return cls(
            expression=data["expression"],
            metric=data["metric"],
            comparator=data["comparator"],
            threshold=float(data["threshold"]),
            relative=bool(data["relative"]),
            inconclusive=None if data.get("inconclusive") is None else float(data["inconclusive"]),
            min_readings=int(data.get("min_readings") or 1),
            on_fail=data.get("on_fail"),
            dry_run=bool(data.get("dry_run", False)),
        )


def parse(expression: str) -> Guardrail:
    shape = _SHAPE.match(expression)
    if shape is None:
        raise GuardrailSyntaxError(
            f"cannot read guardrail '{expression}'; expected e.g. 'error_rate <= 0.01' or "
            "'p99_ms <= 1.2 x baseline' (metric: lower-case letters, digits, '_' and '.')"
        )
    op = shape["op"]
    if op not in COMPARATORS:
        raise GuardrailSyntaxError(f"unknown comparator '{op}'; allowed: {', '.join(COMPARATORS)}")
    rest = shape["rest"]
    if (m := _ABSOLUTE.match(rest)) is not None:
        threshold, relative = float(m["n"]), False
    elif (m := _RELATIVE.match(rest)) is not None:
        threshold, relative = (float(m["n"]) if m["n"] else 1.0), True
    else:
        raise GuardrailSyntaxError(
            f"cannot read the threshold '{rest}'; expected a number, 'N x baseline' or 'baseline'"
        )
    if not math.isfinite(threshold):
        raise GuardrailSyntaxError(f"the threshold '{rest}' is not a finite number")
    return Guardrail(
        expression=" ".join(expression.split()),
        metric=shape["metric"],
        comparator=op,
        threshold=threshold,
        relative=relative,
    )


def _threshold(text: str) -> tuple[float, bool]:
    """`0.02`, `1.5 x baseline` or `baseline` → (number, relative)."""
    text = text.strip()
    if (m := _ABSOLUTE.match(text)) is not None:
        value, relative = float(m["n"]), False
    elif (m := _RELATIVE.match(text)) is not None:
        value, relative = (float(m["n"]) if m["n"] else 1.0), True
    else:
        raise GuardrailSyntaxError(
            f"cannot read the threshold '{text}'; expected a number, 'N x baseline' or 'baseline'"
        )
    if not math.isfinite(value):
        raise GuardrailSyntaxError(f"the threshold '{text}' is not a finite number")
    return value, relative


def with_options(
    guardrail: Guardrail,
    *,
    inconclusive: str | None = None,
    min_readings: int = 1,
    on_fail: str | None = None,
    dry_run: bool = False,
) -> Guardrail:
    """The guardrail with its options; the grey band must lie on the failing side of the pass threshold and
    be of the same kind (both numbers, or both multiples of the baseline)."""
    grey = None
    if inconclusive is not None:
        grey, relative = _threshold(inconclusive)
        if relative != guardrail.relative:
            raise GuardrailSyntaxError(
                "the inconclusive threshold must be of the same kind as the guardrail's "
                f"({'N x baseline' if guardrail.relative else 'a number'})"
            )
        # On the failing side: for `<=`/`<` above the pass threshold, for `>=`/`>` below it.
        upper = guardrail.comparator in ("<=", "<")
        if (upper and grey < guardrail.threshold) or (not upper and grey > guardrail.threshold):
            side = "at or above" if upper else "at or below"
            raise GuardrailSyntaxError(
                f"the inconclusive threshold {inconclusive.strip()} must be {side} the pass threshold "
                f"{guardrail.threshold:g} (the grey band lies between passing and failing)"
            )
    if on_fail is not None and on_fail not in FAIL_ACTIONS:
        raise GuardrailSyntaxError(f"unknown on_fail '{on_fail}'; allowed: {', '.join(FAIL_ACTIONS)}")
    return replace(guardrail, inconclusive=grey, min_readings=min_readings, on_fail=on_fail, dry_run=dry_run)


def stage_state(guardrail: Guardrail, latest: str | None, readings: int) -> str:
    """A guardrail's state in a stage from its latest reading's outcome and how many readings it had:
    no_data, fail, no_baseline, inconclusive (grey band, or fewer than `min_readings`), pass."""
    if latest is None:
        return NO_DATA
    if latest == PASS and readings < guardrail.min_readings:
        return INCONCLUSIVE
    return latest if latest in (PASS, FAIL, NO_BASELINE, INCONCLUSIVE) else NO_DATA
