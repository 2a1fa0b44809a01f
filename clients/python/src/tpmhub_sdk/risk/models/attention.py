from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attention_reasons_item import AttentionReasonsItem, check_attention_reasons_item
from ..types import UNSET, Unset

T = TypeVar("T", bound="Attention")


@_attrs_define
class Attention:
    """
    Attributes:
        flagged (bool): High/critical with no open mitigation action, or with an overdue one.
        reasons (list[AttentionReasonsItem] | Unset):
        open_actions (int | Unset):  Default: 0.
        overdue_actions (int | Unset):  Default: 0.
    """

    flagged: bool
    reasons: list[AttentionReasonsItem] | Unset = UNSET
    open_actions: int | Unset = 0
    overdue_actions: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flagged = self.flagged

        reasons: list[str] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = []
            for reasons_item_data in self.reasons:
                reasons_item: str = reasons_item_data
                reasons.append(reasons_item)

        open_actions = self.open_actions

        overdue_actions = self.overdue_actions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flagged": flagged,
            }
        )
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if open_actions is not UNSET:
            field_dict["open_actions"] = open_actions
        if overdue_actions is not UNSET:
            field_dict["overdue_actions"] = overdue_actions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        flagged = d.pop("flagged")

        _reasons = d.pop("reasons", UNSET)
        reasons: list[AttentionReasonsItem] | Unset = UNSET
        if _reasons is not UNSET:
            reasons = []
            for reasons_item_data in _reasons:
                reasons_item = check_attention_reasons_item(reasons_item_data)

                reasons.append(reasons_item)

        open_actions = d.pop("open_actions", UNSET)

        overdue_actions = d.pop("overdue_actions", UNSET)

        attention = cls(
            flagged=flagged,
            reasons=reasons,
            open_actions=open_actions,
            overdue_actions=overdue_actions,
        )

        attention.additional_properties = d
        return attention

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
