from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prd_sections_input import PrdSectionsInput


T = TypeVar("T", bound="PrdCreate")


@_attrs_define
class PrdCreate:
    """A new PRD. It starts as draft revision 1 with every section present (empty unless given).

    Attributes:
        title (str):
        sections (PrdSectionsInput | Unset): The fixed sections of a PRD. Every PRD has all of them (empty until
            written).
    """

    title: str
    sections: PrdSectionsInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        sections: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sections, Unset):
            sections = self.sections.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if sections is not UNSET:
            field_dict["sections"] = sections

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prd_sections_input import PrdSectionsInput  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        _sections = d.pop("sections", UNSET)
        sections: PrdSectionsInput | Unset
        if isinstance(_sections, Unset):
            sections = UNSET
        else:
            sections = PrdSectionsInput.from_dict(_sections)

        prd_create = cls(
            title=title,
            sections=sections,
        )

        return prd_create
