from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reading_check_outcome import ReadingCheckOutcome, check_reading_check_outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadingCheck")


@_attrs_define
class ReadingCheck:
    """One guardrail's judgement of one reading.

    Attributes:
        guardrail (str):
        outcome (ReadingCheckOutcome):
        dry_run (bool | Unset):  Default: False.
        limit (float | None | Unset): The pass threshold applied.
    """

    guardrail: str
    outcome: ReadingCheckOutcome
    dry_run: bool | Unset = False
    limit: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guardrail = self.guardrail

        outcome: str = self.outcome

        dry_run = self.dry_run

        limit: float | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "guardrail": guardrail,
                "outcome": outcome,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        guardrail = d.pop("guardrail")

        outcome = check_reading_check_outcome(d.pop("outcome"))

        dry_run = d.pop("dry_run", UNSET)

        def _parse_limit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        reading_check = cls(
            guardrail=guardrail,
            outcome=outcome,
            dry_run=dry_run,
            limit=limit,
        )

        reading_check.additional_properties = d
        return reading_check

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
