from typing import Literal

FiredRuleSeverity = Literal["at_risk", "off_track"]

FIRED_RULE_SEVERITY_VALUES: set[FiredRuleSeverity] = {
    "at_risk",
    "off_track",
}


def check_fired_rule_severity(value: str) -> FiredRuleSeverity:
    if value in FIRED_RULE_SEVERITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FIRED_RULE_SEVERITY_VALUES!r}")
