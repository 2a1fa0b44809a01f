from typing import Literal

ChecklistItemUpdateStatusType0 = Literal["done", "failed", "pending", "waived"]

CHECKLIST_ITEM_UPDATE_STATUS_TYPE_0_VALUES: set[ChecklistItemUpdateStatusType0] = {
    "done",
    "failed",
    "pending",
    "waived",
}


def check_checklist_item_update_status_type_0(value: str) -> ChecklistItemUpdateStatusType0:
    if value in CHECKLIST_ITEM_UPDATE_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHECKLIST_ITEM_UPDATE_STATUS_TYPE_0_VALUES!r}"
    )
