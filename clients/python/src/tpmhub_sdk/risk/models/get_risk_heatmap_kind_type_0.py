from typing import Literal

GetRiskHeatmapKindType0 = Literal["opportunity", "threat"]

GET_RISK_HEATMAP_KIND_TYPE_0_VALUES: set[GetRiskHeatmapKindType0] = {
    "opportunity",
    "threat",
}


def check_get_risk_heatmap_kind_type_0(value: str) -> GetRiskHeatmapKindType0:
    if value in GET_RISK_HEATMAP_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_RISK_HEATMAP_KIND_TYPE_0_VALUES!r}")
