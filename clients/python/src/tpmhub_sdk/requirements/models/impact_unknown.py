from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.impact_unknown_part import ImpactUnknownPart, check_impact_unknown_part

T = TypeVar("T", bound="ImpactUnknown")


@_attrs_define
class ImpactUnknown:
    """A part of the impact that could not be computed (its service did not answer).

    Attributes:
        part (ImpactUnknownPart):
        reason (str):
    """

    part: ImpactUnknownPart
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part: str = self.part

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "part": part,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        part = check_impact_unknown_part(d.pop("part"))

        reason = d.pop("reason")

        impact_unknown = cls(
            part=part,
            reason=reason,
        )

        impact_unknown.additional_properties = d
        return impact_unknown

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
