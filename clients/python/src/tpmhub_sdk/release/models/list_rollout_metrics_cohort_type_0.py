from typing import Literal

ListRolloutMetricsCohortType0 = Literal["baseline", "canary"]

LIST_ROLLOUT_METRICS_COHORT_TYPE_0_VALUES: set[ListRolloutMetricsCohortType0] = {
    "baseline",
    "canary",
}


def check_list_rollout_metrics_cohort_type_0(value: str) -> ListRolloutMetricsCohortType0:
    if value in LIST_ROLLOUT_METRICS_COHORT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ROLLOUT_METRICS_COHORT_TYPE_0_VALUES!r}"
    )
