from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SummaryOverdueAction")


@_attrs_define
class SummaryOverdueAction:
    """
    Attributes:
        risk_key (str):
        title (str):
        owner (str):
        due_date (str):
        days_overdue (int):
    """

    risk_key: str
    title: str
    owner: str
    due_date: str
    days_overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        risk_key = self.risk_key

        title = self.title

        owner = self.owner

        due_date = self.due_date

        days_overdue = self.days_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "risk_key": risk_key,
                "title": title,
                "owner": owner,
                "due_date": due_date,
                "days_overdue": days_overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        risk_key = d.pop("risk_key")

        title = d.pop("title")

        owner = d.pop("owner")

        due_date = d.pop("due_date")

        days_overdue = d.pop("days_overdue")

        summary_overdue_action = cls(
            risk_key=risk_key,
            title=title,
            owner=owner,
            due_date=due_date,
            days_overdue=days_overdue,
        )

        summary_overdue_action.additional_properties = d
        return summary_overdue_action

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
