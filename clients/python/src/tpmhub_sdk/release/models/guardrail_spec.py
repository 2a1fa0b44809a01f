from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.guardrail_spec_on_fail_type_0 import (
    GuardrailSpecOnFailType0,
    check_guardrail_spec_on_fail_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GuardrailSpec")


@_attrs_define
class GuardrailSpec:
    """A guardrail with options: a grey band, a minimum number of readings, its own action, dry run.

    Attributes:
        expression (str): The pass condition, as in the short form: `error_rate <= 0.01`, `p99_ms <= 1.2 x baseline`.
        inconclusive (None | str | Unset): The grey band's far edge, in the threshold's grammar (`0.02`, `1.5 x
            baseline`), on the failing side of the pass threshold: a reading between the two is inconclusive (it pauses the
            rollout for a person's decision and never lets it advance), beyond it fails.
        min_readings (int | Unset): Canary readings of the metric needed in the stage; with fewer the guardrail is
            inconclusive (never green). Default: 1.
        on_fail (GuardrailSpecOnFailType0 | None | Unset): What a failure does at the breach threshold: warn (notify
            only), pause or rollback. Default: the rollout's `on_breach`.
        dry_run (bool | Unset): Evaluate and record (history, readings, events), never act and never hold an advance.
            Default: False.
    """

    expression: str
    inconclusive: None | str | Unset = UNSET
    min_readings: int | Unset = 1
    on_fail: GuardrailSpecOnFailType0 | None | Unset = UNSET
    dry_run: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        expression = self.expression

        inconclusive: None | str | Unset
        if isinstance(self.inconclusive, Unset):
            inconclusive = UNSET
        else:
            inconclusive = self.inconclusive

        min_readings = self.min_readings

        on_fail: None | str | Unset
        if isinstance(self.on_fail, Unset):
            on_fail = UNSET
        elif isinstance(self.on_fail, str):
            on_fail = self.on_fail
        else:
            on_fail = self.on_fail

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expression": expression,
            }
        )
        if inconclusive is not UNSET:
            field_dict["inconclusive"] = inconclusive
        if min_readings is not UNSET:
            field_dict["min_readings"] = min_readings
        if on_fail is not UNSET:
            field_dict["on_fail"] = on_fail
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expression = d.pop("expression")

        def _parse_inconclusive(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inconclusive = _parse_inconclusive(d.pop("inconclusive", UNSET))

        min_readings = d.pop("min_readings", UNSET)

        def _parse_on_fail(data: object) -> GuardrailSpecOnFailType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_fail_type_0 = check_guardrail_spec_on_fail_type_0(data)

                return on_fail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuardrailSpecOnFailType0 | None | Unset, data)

        on_fail = _parse_on_fail(d.pop("on_fail", UNSET))

        dry_run = d.pop("dry_run", UNSET)

        guardrail_spec = cls(
            expression=expression,
            inconclusive=inconclusive,
            min_readings=min_readings,
            on_fail=on_fail,
            dry_run=dry_run,
        )

        return guardrail_spec
