from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Links")


@_attrs_define
class Links:
    """
    Attributes:
        items (list[str] | Unset):
        prds (list[str] | Unset):
        releases (list[str] | Unset):
    """

    items: list[str] | Unset = UNSET
    prds: list[str] | Unset = UNSET
    releases: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items: list[str] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = self.items

        prds: list[str] | Unset = UNSET
        if not isinstance(self.prds, Unset):
            prds = self.prds

        releases: list[str] | Unset = UNSET
        if not isinstance(self.releases, Unset):
            releases = self.releases

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if prds is not UNSET:
            field_dict["prds"] = prds
        if releases is not UNSET:
            field_dict["releases"] = releases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items = cast(list[str], d.pop("items", UNSET))

        prds = cast(list[str], d.pop("prds", UNSET))

        releases = cast(list[str], d.pop("releases", UNSET))

        links = cls(
            items=items,
            prds=prds,
            releases=releases,
        )

        links.additional_properties = d
        return links

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
