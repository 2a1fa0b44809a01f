from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guardrail_spec import GuardrailSpec


T = TypeVar("T", bound="StageCreate")


@_attrs_define
class StageCreate:
    """One step of a rollout: the share of units exposed, how long to hold, who may advance it.

    Attributes:
        percent (int): Units exposed at this stage (1–100), strictly increasing.
        operator (str): `sub` of the person who advances this stage.
        min_hold_seconds (int | Unset): Minimum time at this stage before it may advance. Default: 0.
        guardrails (list[GuardrailSpec | str] | Unset): Conditions on canary metrics: `metric <=|<|>=|> number` or
            `metric <= N x baseline` (`×` accepted), or an object with the expression and options (grey band, min_readings,
            on_fail, dry_run).
        auto_advance (bool | Unset): Let the scheduler advance once the hold has passed and every guardrail is green.
            Default: False.
    """

    percent: int
    operator: str
    min_hold_seconds: int | Unset = 0
    guardrails: list[GuardrailSpec | str] | Unset = UNSET
    auto_advance: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.guardrail_spec import GuardrailSpec  # noqa: PLC0415

        percent = self.percent

        operator = self.operator

        min_hold_seconds = self.min_hold_seconds

        guardrails: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.guardrails, Unset):
            guardrails = []
            for guardrails_item_data in self.guardrails:
                guardrails_item: dict[str, Any] | str
                if isinstance(guardrails_item_data, GuardrailSpec):
                    guardrails_item = guardrails_item_data.to_dict()
                else:
                    guardrails_item = guardrails_item_data
                guardrails.append(guardrails_item)

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
        from ..models.guardrail_spec import GuardrailSpec  # noqa: PLC0415

        d = dict(src_dict)
        percent = d.pop("percent")

        operator = d.pop("operator")

        min_hold_seconds = d.pop("min_hold_seconds", UNSET)

        _guardrails = d.pop("guardrails", UNSET)
        guardrails: list[GuardrailSpec | str] | Unset = UNSET
        if _guardrails is not UNSET:
            guardrails = []
            for guardrails_item_data in _guardrails:

                def _parse_guardrails_item(data: object) -> GuardrailSpec | str:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        guardrails_item_type_1 = GuardrailSpec.from_dict(data)

                        return guardrails_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(GuardrailSpec | str, data)

                guardrails_item = _parse_guardrails_item(guardrails_item_data)

                guardrails.append(guardrails_item)

        auto_advance = d.pop("auto_advance", UNSET)

        stage_create = cls(
            percent=percent,
            operator=operator,
            min_hold_seconds=min_hold_seconds,
            guardrails=guardrails,
            auto_advance=auto_advance,
        )

        return stage_create
