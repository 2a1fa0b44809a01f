from typing import Literal

GateCheckName = Literal["approvals", "checklist", "freeze", "risks", "rollout", "scope", "state"]

GATE_CHECK_NAME_VALUES: set[GateCheckName] = {
    "approvals",
    "checklist",
    "freeze",
    "risks",
    "rollout",
    "scope",
    "state",
}


def check_gate_check_name(value: str) -> GateCheckName:
    if value in GATE_CHECK_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GATE_CHECK_NAME_VALUES!r}")
