from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inconclusive_hold_checks_item import InconclusiveHoldChecksItem


T = TypeVar("T", bound="InconclusiveHold")


@_attrs_define
class InconclusiveHold:
    """The scheduler paused the stage because a guardrail was inconclusive when it was due to move; after a
    resume it holds (never advances) until the guardrails are green, without pausing again for the stage.

        Attributes:
            since (datetime.datetime):
            stage (int):
            checks (list[InconclusiveHoldChecksItem]): The inconclusive guardrails: guardrail, metric, state, readings,
                min_readings, detail.
            bake (bool | Unset):  Default: False.
    """

    since: datetime.datetime
    stage: int
    checks: list[InconclusiveHoldChecksItem]
    bake: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        stage = self.stage

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        bake = self.bake

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "stage": stage,
                "checks": checks,
            }
        )
        if bake is not UNSET:
            field_dict["bake"] = bake

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inconclusive_hold_checks_item import InconclusiveHoldChecksItem  # noqa: PLC0415

        d = dict(src_dict)
        since = datetime.datetime.fromisoformat(d.pop("since"))

        stage = d.pop("stage")

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = InconclusiveHoldChecksItem.from_dict(checks_item_data)

            checks.append(checks_item)

        bake = d.pop("bake", UNSET)

        inconclusive_hold = cls(
            since=since,
            stage=stage,
            checks=checks,
            bake=bake,
        )

        inconclusive_hold.additional_properties = d
        return inconclusive_hold

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
