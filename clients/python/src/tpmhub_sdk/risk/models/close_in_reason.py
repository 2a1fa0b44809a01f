from typing import Literal

CloseInReason = Literal["accepted", "mitigated", "no_longer_applicable", "occurred_and_handled"]

CLOSE_IN_REASON_VALUES: set[CloseInReason] = {
    "accepted",
    "mitigated",
    "no_longer_applicable",
    "occurred_and_handled",
}


def check_close_in_reason(value: str) -> CloseInReason:
    if value in CLOSE_IN_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLOSE_IN_REASON_VALUES!r}")
