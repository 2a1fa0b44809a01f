from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gate_check_name import GateCheckName, check_gate_check_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="GateCheck")


@_attrs_define
class GateCheck:
    """One check of the gate: passed or not, why, and the ids that made it fail.

    Attributes:
        name (GateCheckName):
        passed (bool):
        reason (str):
        offending_ids (list[str] | Unset):
        duration_ms (float | None | Unset): For the checks that ask a sibling service (scope, risks): how long the call
            took, answer or not.
    """

    name: GateCheckName
    passed: bool
    reason: str
    offending_ids: list[str] | Unset = UNSET
    duration_ms: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: str = self.name

        passed = self.passed

        reason = self.reason

        offending_ids: list[str] | Unset = UNSET
        if not isinstance(self.offending_ids, Unset):
            offending_ids = self.offending_ids

        duration_ms: float | None | Unset
        if isinstance(self.duration_ms, Unset):
            duration_ms = UNSET
        else:
            duration_ms = self.duration_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "passed": passed,
                "reason": reason,
            }
        )
        if offending_ids is not UNSET:
            field_dict["offending_ids"] = offending_ids
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = check_gate_check_name(d.pop("name"))

        passed = d.pop("passed")

        reason = d.pop("reason")

        offending_ids = cast(list[str], d.pop("offending_ids", UNSET))

        def _parse_duration_ms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_ms = _parse_duration_ms(d.pop("duration_ms", UNSET))

        gate_check = cls(
            name=name,
            passed=passed,
            reason=reason,
            offending_ids=offending_ids,
            duration_ms=duration_ms,
        )

        gate_check.additional_properties = d
        return gate_check

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
