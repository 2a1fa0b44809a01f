from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ChecklistRule")


@_attrs_define
class ChecklistRule:
    """When a run with this name succeeds on a release, tick the release's checklist item with this code.

    Attributes:
        workflow (str): Workflow, job, check or pipeline name (glob allowed, e.g. `perf-*`).
        checklist_code (str):
    """

    workflow: str
    checklist_code: str

    def to_dict(self) -> dict[str, Any]:
        workflow = self.workflow

        checklist_code = self.checklist_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "workflow": workflow,
                "checklist_code": checklist_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        workflow = d.pop("workflow")

        checklist_code = d.pop("checklist_code")

        checklist_rule = cls(
            workflow=workflow,
            checklist_code=checklist_code,
        )

        return checklist_rule
