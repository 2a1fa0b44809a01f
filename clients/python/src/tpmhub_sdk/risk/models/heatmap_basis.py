from typing import Literal

HeatmapBasis = Literal["inherent", "residual"]

HEATMAP_BASIS_VALUES: set[HeatmapBasis] = {
    "inherent",
    "residual",
}


def check_heatmap_basis(value: str) -> HeatmapBasis:
    if value in HEATMAP_BASIS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEATMAP_BASIS_VALUES!r}")
