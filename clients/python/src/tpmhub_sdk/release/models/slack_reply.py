from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SlackReply")


@_attrs_define
class SlackReply:
    """What Slack shows the person who clicked: an ephemeral message saying what happened or why not.

    Attributes:
        text (str):
        response_type (Literal['ephemeral'] | Unset):  Default: 'ephemeral'.
        replace_original (bool | Unset):  Default: False.
    """

    text: str
    response_type: Literal["ephemeral"] | Unset = "ephemeral"
    replace_original: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        response_type = self.response_type

        replace_original = self.replace_original

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if response_type is not UNSET:
            field_dict["response_type"] = response_type
        if replace_original is not UNSET:
            field_dict["replace_original"] = replace_original

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        response_type = cast(Literal["ephemeral"] | Unset, d.pop("response_type", UNSET))
        if response_type != "ephemeral" and not isinstance(response_type, Unset):
            raise ValueError(f"response_type must match const 'ephemeral', got '{response_type}'")

        replace_original = d.pop("replace_original", UNSET)

        slack_reply = cls(
            text=text,
            response_type=response_type,
            replace_original=replace_original,
        )

        slack_reply.additional_properties = d
        return slack_reply

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
