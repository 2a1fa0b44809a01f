from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.readings_result_action_taken_type_0 import (
    ReadingsResultActionTakenType0,
    check_readings_result_action_taken_type_0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reading_public import ReadingPublic
    from ..models.rollout_public import RolloutPublic


T = TypeVar("T", bound="ReadingsResult")


@_attrs_define
class ReadingsResult:
    """What the readings did: each one's outcome and the rollout afterwards.

    Attributes:
        readings (list[ReadingPublic]):
        failed_checks (int): Failed checks in the current stage after these readings.
        action_taken (None | ReadingsResultActionTakenType0): pause or rollback when the breach threshold was reached
            (or an inconclusive reading paused the rollout).
        rollout (RolloutPublic): A rollout and where it stands.
        inconclusive (int | Unset): Readings in a grey band (acting guardrails). Default: 0.
        dry_run_failures (int | Unset): Failures of dry-run guardrails (never acted on). Default: 0.
    """

    readings: list[ReadingPublic]
    failed_checks: int
    action_taken: None | ReadingsResultActionTakenType0
    rollout: RolloutPublic
    inconclusive: int | Unset = 0
    dry_run_failures: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        readings = []
        for readings_item_data in self.readings:
            readings_item = readings_item_data.to_dict()
            readings.append(readings_item)

        failed_checks = self.failed_checks

        action_taken: None | str
        if isinstance(self.action_taken, str):
            action_taken = self.action_taken
        else:
            action_taken = self.action_taken

        rollout = self.rollout.to_dict()

        inconclusive = self.inconclusive

        dry_run_failures = self.dry_run_failures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "readings": readings,
                "failed_checks": failed_checks,
                "action_taken": action_taken,
                "rollout": rollout,
            }
        )
        if inconclusive is not UNSET:
            field_dict["inconclusive"] = inconclusive
        if dry_run_failures is not UNSET:
            field_dict["dry_run_failures"] = dry_run_failures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reading_public import ReadingPublic  # noqa: PLC0415
        from ..models.rollout_public import RolloutPublic  # noqa: PLC0415

        d = dict(src_dict)
        readings = []
        _readings = d.pop("readings")
        for readings_item_data in _readings:
            readings_item = ReadingPublic.from_dict(readings_item_data)

            readings.append(readings_item)

        failed_checks = d.pop("failed_checks")

        def _parse_action_taken(data: object) -> None | ReadingsResultActionTakenType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_taken_type_0 = check_readings_result_action_taken_type_0(data)

                return action_taken_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReadingsResultActionTakenType0, data)

        action_taken = _parse_action_taken(d.pop("action_taken"))

        rollout = RolloutPublic.from_dict(d.pop("rollout"))

        inconclusive = d.pop("inconclusive", UNSET)

        dry_run_failures = d.pop("dry_run_failures", UNSET)

        readings_result = cls(
            readings=readings,
            failed_checks=failed_checks,
            action_taken=action_taken,
            rollout=rollout,
            inconclusive=inconclusive,
            dry_run_failures=dry_run_failures,
        )

        readings_result.additional_properties = d
        return readings_result

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
