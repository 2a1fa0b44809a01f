from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MilestoneAtRisk")


@_attrs_define
class MilestoneAtRisk:
    """An open milestone of an affected item whose date the change puts at risk.

    Attributes:
        id (UUID):
        name (str):
        target_date (datetime.date):
        status (str):
    """

    id: UUID
    name: str
    target_date: datetime.date
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        target_date = self.target_date.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "target_date": target_date,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        target_date = datetime.date.fromisoformat(d.pop("target_date"))

        status = d.pop("status")

        milestone_at_risk = cls(
            id=id,
            name=name,
            target_date=target_date,
            status=status,
        )

        milestone_at_risk.additional_properties = d
        return milestone_at_risk

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
