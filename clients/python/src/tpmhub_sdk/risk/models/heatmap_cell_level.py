from typing import Literal

HeatmapCellLevel = Literal["critical", "high", "low", "medium"]

HEATMAP_CELL_LEVEL_VALUES: set[HeatmapCellLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_heatmap_cell_level(value: str) -> HeatmapCellLevel:
    if value in HEATMAP_CELL_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEATMAP_CELL_LEVEL_VALUES!r}")
