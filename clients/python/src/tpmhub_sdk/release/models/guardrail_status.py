from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_status_status import GuardrailStatusStatus, check_guardrail_status_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guardrail_check import GuardrailCheck


T = TypeVar("T", bound="GuardrailStatus")


@_attrs_define
class GuardrailStatus:
    """The current stage's guardrails and hold, as the scheduler sees them.

    Attributes:
        rollout_id (UUID):
        status (GuardrailStatusStatus):
        stage (int):
        percent (int):
        green (bool): Every guardrail's (dry runs aside) latest reading in this stage passed, with enough readings.
        hold_until (datetime.datetime | None):
        hold_passed (bool):
        failed_checks (int): Failed checks counted in this stage.
        checks (list[GuardrailCheck]):
        baking (bool | Unset): The bake after the last stage. Default: False.
    """

    rollout_id: UUID
    status: GuardrailStatusStatus
    stage: int
    percent: int
    green: bool
    hold_until: datetime.datetime | None
    hold_passed: bool
    failed_checks: int
    checks: list[GuardrailCheck]
    baking: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rollout_id = str(self.rollout_id)

        status: str = self.status

        stage = self.stage

        percent = self.percent

        green = self.green

        hold_until: None | str
        if isinstance(self.hold_until, datetime.datetime):
            hold_until = self.hold_until.isoformat()
        else:
            hold_until = self.hold_until

        hold_passed = self.hold_passed

        failed_checks = self.failed_checks

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        baking = self.baking

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rollout_id": rollout_id,
                "status": status,
                "stage": stage,
                "percent": percent,
                "green": green,
                "hold_until": hold_until,
                "hold_passed": hold_passed,
                "failed_checks": failed_checks,
                "checks": checks,
            }
        )
        if baking is not UNSET:
            field_dict["baking"] = baking

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guardrail_check import GuardrailCheck  # noqa: PLC0415

        d = dict(src_dict)
        rollout_id = UUID(d.pop("rollout_id"))

        status = check_guardrail_status_status(d.pop("status"))

        stage = d.pop("stage")

        percent = d.pop("percent")

        green = d.pop("green")

        def _parse_hold_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_until_type_0 = datetime.datetime.fromisoformat(data)

                return hold_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        hold_until = _parse_hold_until(d.pop("hold_until"))

        hold_passed = d.pop("hold_passed")

        failed_checks = d.pop("failed_checks")

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = GuardrailCheck.from_dict(checks_item_data)

            checks.append(checks_item)

        baking = d.pop("baking", UNSET)

        guardrail_status = cls(
            rollout_id=rollout_id,
            status=status,
            stage=stage,
            percent=percent,
            green=green,
            hold_until=hold_until,
            hold_passed=hold_passed,
            failed_checks=failed_checks,
            checks=checks,
            baking=baking,
        )

        guardrail_status.additional_properties = d
        return guardrail_status

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
