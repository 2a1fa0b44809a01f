from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.design_sections_input import DesignSectionsInput


T = TypeVar("T", bound="DesignCreate")


@_attrs_define
class DesignCreate:
    """A new technical design, linked to the epics and features (item keys) it designs.

    Attributes:
        title (str):
        sections (DesignSectionsInput | Unset): The fixed sections of a technical design (技术方案). Every design has all of
            them.
        linked_items (list[str] | Unset): Keys of the epics/features in this project that the design covers.
    """

    title: str
    sections: DesignSectionsInput | Unset = UNSET
    linked_items: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        sections: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sections, Unset):
            sections = self.sections.to_dict()

        linked_items: list[str] | Unset = UNSET
        if not isinstance(self.linked_items, Unset):
            linked_items = self.linked_items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if sections is not UNSET:
            field_dict["sections"] = sections
        if linked_items is not UNSET:
            field_dict["linked_items"] = linked_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.design_sections_input import DesignSectionsInput  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        _sections = d.pop("sections", UNSET)
        sections: DesignSectionsInput | Unset
        if isinstance(_sections, Unset):
            sections = UNSET
        else:
            sections = DesignSectionsInput.from_dict(_sections)

        linked_items = cast(list[str], d.pop("linked_items", UNSET))

        design_create = cls(
            title=title,
            sections=sections,
            linked_items=linked_items,
        )

        return design_create
