from typing import Literal

GetRiskHeatmapBasis = Literal["inherent", "residual"]

GET_RISK_HEATMAP_BASIS_VALUES: set[GetRiskHeatmapBasis] = {
    "inherent",
    "residual",
}


def check_get_risk_heatmap_basis(value: str) -> GetRiskHeatmapBasis:
    if value in GET_RISK_HEATMAP_BASIS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_RISK_HEATMAP_BASIS_VALUES!r}")
