from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_check_state import GuardrailCheckState, check_guardrail_check_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="GuardrailCheck")


@_attrs_define
class GuardrailCheck:
    """Where one guardrail of the current stage stands.

    Attributes:
        guardrail (str):
        metric (str):
        state (GuardrailCheckState): Outcome of the latest canary reading of the metric taken in this stage; no_data
            when there is none (which holds the stage, never passes it); inconclusive when that reading is in the grey band
            or the stage has fewer than `min_readings` readings.
        dry_run (bool | Unset): Shown, never holding or moving the stage. Default: False.
        readings (int | Unset): Canary readings of the metric in this stage. Default: 0.
        min_readings (int | Unset):  Default: 1.
        detail (None | str | Unset):
    """

    guardrail: str
    metric: str
    state: GuardrailCheckState
    dry_run: bool | Unset = False
    readings: int | Unset = 0
    min_readings: int | Unset = 1
    detail: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guardrail = self.guardrail

        metric = self.metric

        state: str = self.state

        dry_run = self.dry_run

        readings = self.readings

        min_readings = self.min_readings

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "guardrail": guardrail,
                "metric": metric,
                "state": state,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if readings is not UNSET:
            field_dict["readings"] = readings
        if min_readings is not UNSET:
            field_dict["min_readings"] = min_readings
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        guardrail = d.pop("guardrail")

        metric = d.pop("metric")

        state = check_guardrail_check_state(d.pop("state"))

        dry_run = d.pop("dry_run", UNSET)

        readings = d.pop("readings", UNSET)

        min_readings = d.pop("min_readings", UNSET)

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        guardrail_check = cls(
            guardrail=guardrail,
            metric=metric,
            state=state,
            dry_run=dry_run,
            readings=readings,
            min_readings=min_readings,
            detail=detail,
        )

        guardrail_check.additional_properties = d
        return guardrail_check

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
