from typing import Literal

GetProjectReportFormatType0 = Literal["html", "json", "markdown"]

GET_PROJECT_REPORT_FORMAT_TYPE_0_VALUES: set[GetProjectReportFormatType0] = {
    "html",
    "json",
    "markdown",
}


def check_get_project_report_format_type_0(value: str) -> GetProjectReportFormatType0:
    if value in GET_PROJECT_REPORT_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_PROJECT_REPORT_FORMAT_TYPE_0_VALUES!r}"
    )
