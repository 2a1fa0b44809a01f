"""Guardrail expressions: `error_rate <= 0.01`, `p99_ms <= 1.2 x baseline` (`×` and `*` too).

Grammar: `<metric> <comparator> <number> [x baseline]` or `<metric> <comparator> baseline`; metric names
are lower-case identifiers (dots allowed); comparators are the fixed set below."""

import math
import re
from dataclasses import dataclass
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


class GuardrailSyntaxError(ValueError):
    """The expression cannot be read; the message says why, for the 422."""


@dataclass(frozen=True)
class Guardrail:
    expression: str
    metric: str
    comparator: str
    threshold: float
    relative: bool  # threshold × the latest baseline reading of the same metric

    def limit(self, baseline: float | None) -> float | None:
        """The value the canary reading is compared with; None when a relative guardrail has no baseline."""
        if not self.relative:
            return self.threshold
        return None if baseline is None else self.threshold * baseline

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
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Guardrail":
        return cls(
            expression=data["expression"],
            metric=data["metric"],
            comparator=data["comparator"],
            threshold=float(data["threshold"]),
            relative=bool(data["relative"]),
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
