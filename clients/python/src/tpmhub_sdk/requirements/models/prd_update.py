from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prd_sections_input import PrdSectionsInput


T = TypeVar("T", bound="PrdUpdate")


@_attrs_define
class PrdUpdate:
    """Changes to a PRD (JSON merge patch). Editing an approved PRD starts draft revision N+1;
    a PRD in review cannot be edited (withdraw it first).

        Attributes:
            title (None | str | Unset):
            sections (None | PrdSectionsInput | Unset): Only the sections sent change; null empties one section.
    """

    title: None | str | Unset = UNSET
    sections: None | PrdSectionsInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.prd_sections_input import PrdSectionsInput  # noqa: PLC0415

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        sections: dict[str, Any] | None | Unset
        if isinstance(self.sections, Unset):
            sections = UNSET
        elif isinstance(self.sections, PrdSectionsInput):
            sections = self.sections.to_dict()
        else:
            sections = self.sections

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if sections is not UNSET:
            field_dict["sections"] = sections

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prd_sections_input import PrdSectionsInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_sections(data: object) -> None | PrdSectionsInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sections_type_0 = PrdSectionsInput.from_dict(data)

                return sections_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrdSectionsInput | Unset, data)

        sections = _parse_sections(d.pop("sections", UNSET))

        prd_update = cls(
            title=title,
            sections=sections,
        )

        return prd_update
