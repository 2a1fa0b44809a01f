from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.guardrail_public import GuardrailPublic


T = TypeVar("T", bound="StagePublic")


@_attrs_define
class StagePublic:
    """
    Attributes:
        index (int):
        percent (int):
        min_hold_seconds (int):
        operator (str):
        auto_advance (bool):
        guardrails (list[GuardrailPublic]):
        failed_checks (int): Failed guardrail checks counted in this stage.
    """

    index: int
    percent: int
    min_hold_seconds: int
    operator: str
    auto_advance: bool
    guardrails: list[GuardrailPublic]
    failed_checks: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        percent = self.percent

        min_hold_seconds = self.min_hold_seconds

        operator = self.operator

        auto_advance = self.auto_advance

        guardrails = []
        for guardrails_item_data in self.guardrails:
            guardrails_item = guardrails_item_data.to_dict()
            guardrails.append(guardrails_item)

        failed_checks = self.failed_checks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "percent": percent,
                "min_hold_seconds": min_hold_seconds,
                "operator": operator,
                "auto_advance": auto_advance,
                "guardrails": guardrails,
                "failed_checks": failed_checks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guardrail_public import GuardrailPublic  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        percent = d.pop("percent")

        min_hold_seconds = d.pop("min_hold_seconds")

        operator = d.pop("operator")

        auto_advance = d.pop("auto_advance")

        guardrails = []
        _guardrails = d.pop("guardrails")
        for guardrails_item_data in _guardrails:
            guardrails_item = GuardrailPublic.from_dict(guardrails_item_data)

            guardrails.append(guardrails_item)

        failed_checks = d.pop("failed_checks")

        stage_public = cls(
            index=index,
            percent=percent,
            min_hold_seconds=min_hold_seconds,
            operator=operator,
            auto_advance=auto_advance,
            guardrails=guardrails,
            failed_checks=failed_checks,
        )

        stage_public.additional_properties = d
        return stage_public

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
