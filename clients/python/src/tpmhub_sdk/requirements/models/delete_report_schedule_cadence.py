from typing import Literal

DeleteReportScheduleCadence = Literal["daily", "weekly"]

DELETE_REPORT_SCHEDULE_CADENCE_VALUES: set[DeleteReportScheduleCadence] = {
    "daily",
    "weekly",
}


def check_delete_report_schedule_cadence(value: str) -> DeleteReportScheduleCadence:
    if value in DELETE_REPORT_SCHEDULE_CADENCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETE_REPORT_SCHEDULE_CADENCE_VALUES!r}")
