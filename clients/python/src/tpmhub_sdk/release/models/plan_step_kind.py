from typing import Literal

PlanStepKind = Literal["config", "deploy", "flag", "migration", "verification"]

PLAN_STEP_KIND_VALUES: set[PlanStepKind] = {
    "config",
    "deploy",
    "flag",
    "migration",
    "verification",
}


def check_plan_step_kind(value: str) -> PlanStepKind:
    if value in PLAN_STEP_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAN_STEP_KIND_VALUES!r}")
