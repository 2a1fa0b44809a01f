from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinksIn")


@_attrs_define
class LinksIn:
    """Targets to link: backlog items by key, PRDs and releases by id.

    Attributes:
        items (list[str] | Unset):
        prds (list[UUID] | Unset):
        releases (list[UUID] | Unset):
    """

    items: list[str] | Unset = UNSET
    prds: list[UUID] | Unset = UNSET
    releases: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[str] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = self.items

        prds: list[str] | Unset = UNSET
        if not isinstance(self.prds, Unset):
            prds = []
            for prds_item_data in self.prds:
                prds_item = str(prds_item_data)
                prds.append(prds_item)

        releases: list[str] | Unset = UNSET
        if not isinstance(self.releases, Unset):
            releases = []
            for releases_item_data in self.releases:
                releases_item = str(releases_item_data)
                releases.append(releases_item)

        field_dict: dict[str, Any] = {}

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

        _prds = d.pop("prds", UNSET)
        prds: list[UUID] | Unset = UNSET
        if _prds is not UNSET:
            prds = []
            for prds_item_data in _prds:
                prds_item = UUID(prds_item_data)

                prds.append(prds_item)

        _releases = d.pop("releases", UNSET)
        releases: list[UUID] | Unset = UNSET
        if _releases is not UNSET:
            releases = []
            for releases_item_data in _releases:
                releases_item = UUID(releases_item_data)

                releases.append(releases_item)

        links_in = cls(
            items=items,
            prds=prds,
            releases=releases,
        )

        return links_in
