from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_check_state import GuardrailCheckState, check_guardrail_check_state

T = TypeVar("T", bound="GuardrailCheck")


@_attrs_define
class GuardrailCheck:
    """Where one guardrail of the current stage stands.

    Attributes:
        guardrail (str):
        metric (str):
        state (GuardrailCheckState): Outcome of the latest canary reading of the metric taken in this stage; no_data
            when there is none (which holds the stage, never passes it).
    """

    guardrail: str
    metric: str
    state: GuardrailCheckState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guardrail = self.guardrail

        metric = self.metric

        state: str = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "guardrail": guardrail,
                "metric": metric,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        guardrail = d.pop("guardrail")

        metric = d.pop("metric")

        state = check_guardrail_check_state(d.pop("state"))

        guardrail_check = cls(
            guardrail=guardrail,
            metric=metric,
            state=state,
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
