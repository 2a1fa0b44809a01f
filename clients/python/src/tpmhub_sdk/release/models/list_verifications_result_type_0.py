from typing import Literal

ListVerificationsResultType0 = Literal["blocked", "failed", "passed"]

LIST_VERIFICATIONS_RESULT_TYPE_0_VALUES: set[ListVerificationsResultType0] = {
    "blocked",
    "failed",
    "passed",
}


def check_list_verifications_result_type_0(value: str) -> ListVerificationsResultType0:
    if value in LIST_VERIFICATIONS_RESULT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_VERIFICATIONS_RESULT_TYPE_0_VALUES!r}"
    )
