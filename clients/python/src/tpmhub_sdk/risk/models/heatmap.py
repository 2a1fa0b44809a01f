from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.heatmap_basis import HeatmapBasis, check_heatmap_basis

if TYPE_CHECKING:
    from ..models.heatmap_cell import HeatmapCell


T = TypeVar("T", bound="Heatmap")


@_attrs_define
class Heatmap:
    """Open risks per P×I cell (all 25 cells, zero counts included).

    Attributes:
        project_key (str):
        basis (HeatmapBasis):
        total (int):
        cells (list[HeatmapCell]):
    """

    project_key: str
    basis: HeatmapBasis
    total: int
    cells: list[HeatmapCell]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        basis: str = self.basis

        total = self.total

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "basis": basis,
                "total": total,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.heatmap_cell import HeatmapCell  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        basis = check_heatmap_basis(d.pop("basis"))

        total = d.pop("total")

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = HeatmapCell.from_dict(cells_item_data)

            cells.append(cells_item)

        heatmap = cls(
            project_key=project_key,
            basis=basis,
            total=total,
            cells=cells,
        )

        heatmap.additional_properties = d
        return heatmap

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
