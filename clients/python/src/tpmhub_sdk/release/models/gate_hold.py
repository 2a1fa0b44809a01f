from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gate_hold_checks_item import GateHoldChecksItem


T = TypeVar("T", bound="GateHold")


@_attrs_define
class GateHold:
    """The scheduler holds a due automatic advance because the gate denies it (rechecked until it allows).

    Attributes:
        since (datetime.datetime):
        environment (str):
        checks (list[GateHoldChecksItem]): The failing gate checks: name, reason, offending_ids.
    """

    since: datetime.datetime
    environment: str
    checks: list[GateHoldChecksItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        environment = self.environment

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "environment": environment,
                "checks": checks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_hold_checks_item import GateHoldChecksItem  # noqa: PLC0415

        d = dict(src_dict)
        since = datetime.datetime.fromisoformat(d.pop("since"))

        environment = d.pop("environment")

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = GateHoldChecksItem.from_dict(checks_item_data)

            checks.append(checks_item)

        gate_hold = cls(
            since=since,
            environment=environment,
            checks=checks,
        )

        gate_hold.additional_properties = d
        return gate_hold

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
