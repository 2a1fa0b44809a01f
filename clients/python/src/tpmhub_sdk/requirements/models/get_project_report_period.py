from typing import Literal

GetProjectReportPeriod = Literal["day", "week"]

GET_PROJECT_REPORT_PERIOD_VALUES: set[GetProjectReportPeriod] = {
    "day",
    "week",
}


def check_get_project_report_period(value: str) -> GetProjectReportPeriod:
    if value in GET_PROJECT_REPORT_PERIOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_PROJECT_REPORT_PERIOD_VALUES!r}")
