from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StageCreate")


@_attrs_define
class StageCreate:
    """One step of a rollout: the share of units exposed, how long to hold, who may advance it.

    Attributes:
        percent (int): Units exposed at this stage (1–100), strictly increasing.
        operator (str): `sub` of the person who advances this stage.
        min_hold_seconds (int | Unset): Minimum time at this stage before it may advance. Default: 0.
        guardrails (list[str] | Unset): Conditions on canary metrics: `metric <=|<|>=|> number` or `metric <= N x
            baseline` (`×` accepted).
        auto_advance (bool | Unset): Let the scheduler advance once the hold has passed and every guardrail is green.
            Default: False.
    """

    percent: int
    operator: str
    min_hold_seconds: int | Unset = 0
    guardrails: list[str] | Unset = UNSET
    auto_advance: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        percent = self.percent

        operator = self.operator

        min_hold_seconds = self.min_hold_seconds

        guardrails: list[str] | Unset = UNSET
        if not isinstance(self.guardrails, Unset):
            guardrails = self.guardrails

        auto_advance = self.auto_advance

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "percent": percent,
                "operator": operator,
            }
        )
        if min_hold_seconds is not UNSET:
            field_dict["min_hold_seconds"] = min_hold_seconds
        if guardrails is not UNSET:
            field_dict["guardrails"] = guardrails
        if auto_advance is not UNSET:
            field_dict["auto_advance"] = auto_advance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        percent = d.pop("percent")

        operator = d.pop("operator")

        min_hold_seconds = d.pop("min_hold_seconds", UNSET)

        guardrails = cast(list[str], d.pop("guardrails", UNSET))

        auto_advance = d.pop("auto_advance", UNSET)

        stage_create = cls(
            percent=percent,
            operator=operator,
            min_hold_seconds=min_hold_seconds,
            guardrails=guardrails,
            auto_advance=auto_advance,
        )

        return stage_create
