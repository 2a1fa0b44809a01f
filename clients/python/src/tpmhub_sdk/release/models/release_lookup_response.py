from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.release_lookup_entry import ReleaseLookupEntry


T = TypeVar("T", bound="ReleaseLookupResponse")


@_attrs_define
class ReleaseLookupResponse:
    """
    Attributes:
        releases (list[ReleaseLookupEntry]): Requested releases, in the order asked.
        missing (list[UUID] | Unset): Requested ids that do not exist or the caller may not read.
    """

    releases: list[ReleaseLookupEntry]
    missing: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        releases = []
        for releases_item_data in self.releases:
            releases_item = releases_item_data.to_dict()
            releases.append(releases_item)

        missing: list[str] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = []
            for missing_item_data in self.missing:
                missing_item = str(missing_item_data)
                missing.append(missing_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "releases": releases,
            }
        )
        if missing is not UNSET:
            field_dict["missing"] = missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.release_lookup_entry import ReleaseLookupEntry  # noqa: PLC0415

        d = dict(src_dict)
        releases = []
        _releases = d.pop("releases")
        for releases_item_data in _releases:
            releases_item = ReleaseLookupEntry.from_dict(releases_item_data)

            releases.append(releases_item)

        _missing = d.pop("missing", UNSET)
        missing: list[UUID] | Unset = UNSET
        if _missing is not UNSET:
            missing = []
            for missing_item_data in _missing:
                missing_item = UUID(missing_item_data)

                missing.append(missing_item)

        release_lookup_response = cls(
            releases=releases,
            missing=missing,
        )

        release_lookup_response.additional_properties = d
        return release_lookup_response

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
