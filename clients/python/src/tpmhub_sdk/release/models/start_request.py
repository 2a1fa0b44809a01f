from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gate_override import GateOverride


T = TypeVar("T", bound="StartRequest")


@_attrs_define
class StartRequest:
    """Start the rollout; the gate is asked for the rollout's environment first.

    Attributes:
        reason (None | str | Unset):
        override_gate (GateOverride | None | Unset): tpm/admin only: go on although the gate denies (its failing checks
            are recorded with your reason). Without it a denied gate answers 409 with the failing checks.
    """

    reason: None | str | Unset = UNSET
    override_gate: GateOverride | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.gate_override import GateOverride  # noqa: PLC0415

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        override_gate: dict[str, Any] | None | Unset
        if isinstance(self.override_gate, Unset):
            override_gate = UNSET
        elif isinstance(self.override_gate, GateOverride):
            override_gate = self.override_gate.to_dict()
        else:
            override_gate = self.override_gate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if override_gate is not UNSET:
            field_dict["override_gate"] = override_gate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_override import GateOverride  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_override_gate(data: object) -> GateOverride | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_gate_type_0 = GateOverride.from_dict(data)

                return override_gate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GateOverride | None | Unset, data)

        override_gate = _parse_override_gate(d.pop("override_gate", UNSET))

        start_request = cls(
            reason=reason,
            override_gate=override_gate,
        )

        return start_request
