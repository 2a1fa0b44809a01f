from typing import Literal

IterationCloseUnfinished = Literal["backlog", "next"]

ITERATION_CLOSE_UNFINISHED_VALUES: set[IterationCloseUnfinished] = {
    "backlog",
    "next",
}


def check_iteration_close_unfinished(value: str) -> IterationCloseUnfinished:
    if value in ITERATION_CLOSE_UNFINISHED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITERATION_CLOSE_UNFINISHED_VALUES!r}")
