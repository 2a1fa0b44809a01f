from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.design_sections_input import DesignSectionsInput


T = TypeVar("T", bound="DesignUpdate")


@_attrs_define
class DesignUpdate:
    """Changes to a design (JSON merge patch); `linked_items` replaces the whole list (null empties it).

    Attributes:
        title (None | str | Unset):
        sections (DesignSectionsInput | None | Unset): Only the sections sent change; null empties one section.
        linked_items (list[str] | None | Unset):
    """

    title: None | str | Unset = UNSET
    sections: DesignSectionsInput | None | Unset = UNSET
    linked_items: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.design_sections_input import DesignSectionsInput  # noqa: PLC0415

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        sections: dict[str, Any] | None | Unset
        if isinstance(self.sections, Unset):
            sections = UNSET
        elif isinstance(self.sections, DesignSectionsInput):
            sections = self.sections.to_dict()
        else:
            sections = self.sections

        linked_items: list[str] | None | Unset
        if isinstance(self.linked_items, Unset):
            linked_items = UNSET
        elif isinstance(self.linked_items, list):
            linked_items = self.linked_items

        else:
            linked_items = self.linked_items

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if sections is not UNSET:
            field_dict["sections"] = sections
        if linked_items is not UNSET:
            field_dict["linked_items"] = linked_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.design_sections_input import DesignSectionsInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_sections(data: object) -> DesignSectionsInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sections_type_0 = DesignSectionsInput.from_dict(data)

                return sections_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DesignSectionsInput | None | Unset, data)

        sections = _parse_sections(d.pop("sections", UNSET))

        def _parse_linked_items(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                linked_items_type_0 = cast(list[str], data)

                return linked_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        linked_items = _parse_linked_items(d.pop("linked_items", UNSET))

        design_update = cls(
            title=title,
            sections=sections,
            linked_items=linked_items,
        )

        return design_update
