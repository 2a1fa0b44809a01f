from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReleaseTouched")


@_attrs_define
class ReleaseTouched:
    """A release whose scope holds some of the items, and what an approved change to them does to it.

    Attributes:
        id (UUID):
        version (str):
        status (str):
        items (list[str]): The queried items in its scope.
        back_to_review (bool): True when an approved change to these items sends the release back to in_review (the
            release is approved).
    """

    id: UUID
    version: str
    status: str
    items: list[str]
    back_to_review: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        status = self.status

        items = self.items

        back_to_review = self.back_to_review

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "status": status,
                "items": items,
                "back_to_review": back_to_review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        status = d.pop("status")

        items = cast(list[str], d.pop("items"))

        back_to_review = d.pop("back_to_review")

        release_touched = cls(
            id=id,
            version=version,
            status=status,
            items=items,
            back_to_review=back_to_review,
        )

        release_touched.additional_properties = d
        return release_touched

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
