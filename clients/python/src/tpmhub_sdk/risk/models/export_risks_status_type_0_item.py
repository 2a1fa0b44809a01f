from typing import Literal

ExportRisksStatusType0Item = Literal[
    "assessed", "closed", "identified", "mitigating", "monitoring", "occurred"
]

EXPORT_RISKS_STATUS_TYPE_0_ITEM_VALUES: set[ExportRisksStatusType0Item] = {
    "assessed",
    "closed",
    "identified",
    "mitigating",
    "monitoring",
    "occurred",
}


def check_export_risks_status_type_0_item(value: str) -> ExportRisksStatusType0Item:
    if value in EXPORT_RISKS_STATUS_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPORT_RISKS_STATUS_TYPE_0_ITEM_VALUES!r}")
