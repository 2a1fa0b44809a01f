from typing import Literal

ChecklistItemPublicStatus = Literal["done", "failed", "pending", "waived"]

CHECKLIST_ITEM_PUBLIC_STATUS_VALUES: set[ChecklistItemPublicStatus] = {
    "done",
    "failed",
    "pending",
    "waived",
}


def check_checklist_item_public_status(value: str) -> ChecklistItemPublicStatus:
    if value in CHECKLIST_ITEM_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHECKLIST_ITEM_PUBLIC_STATUS_VALUES!r}")
