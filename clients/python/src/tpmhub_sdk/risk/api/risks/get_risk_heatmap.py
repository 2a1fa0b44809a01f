from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_risk_heatmap_basis import GetRiskHeatmapBasis
from ...models.get_risk_heatmap_kind_type_0 import GetRiskHeatmapKindType0
from ...models.heatmap import Heatmap
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    basis: GetRiskHeatmapBasis | Unset = "inherent",
    kind: GetRiskHeatmapKindType0 | None | Unset = "threat",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_basis: str | Unset = UNSET
    if not isinstance(basis, Unset):
        json_basis = basis

    params["basis"] = json_basis

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, str):
        json_kind = kind
    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{key}/risks/heatmap".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Heatmap | Problem | None:
    if response.status_code == 200:
        response_200 = Heatmap.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Heatmap | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    basis: GetRiskHeatmapBasis | Unset = "inherent",
    kind: GetRiskHeatmapKindType0 | None | Unset = "threat",
) -> Response[Heatmap | Problem]:
    """Get Risk Heatmap

     Open risks per probability × impact cell (residual basis falls back to inherent where no residual
    assessment exists).

    Args:
        key (str):
        basis (GetRiskHeatmapBasis | Unset):  Default: 'inherent'.
        kind (GetRiskHeatmapKindType0 | None | Unset):  Default: 'threat'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Heatmap | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        basis=basis,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient,
    basis: GetRiskHeatmapBasis | Unset = "inherent",
    kind: GetRiskHeatmapKindType0 | None | Unset = "threat",
) -> Heatmap | Problem | None:
    """Get Risk Heatmap

     Open risks per probability × impact cell (residual basis falls back to inherent where no residual
    assessment exists).

    Args:
        key (str):
        basis (GetRiskHeatmapBasis | Unset):  Default: 'inherent'.
        kind (GetRiskHeatmapKindType0 | None | Unset):  Default: 'threat'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Heatmap | Problem
    """

    return sync_detailed(
        key=key,
        client=client,
        basis=basis,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    basis: GetRiskHeatmapBasis | Unset = "inherent",
    kind: GetRiskHeatmapKindType0 | None | Unset = "threat",
) -> Response[Heatmap | Problem]:
    """Get Risk Heatmap

     Open risks per probability × impact cell (residual basis falls back to inherent where no residual
    assessment exists).

    Args:
        key (str):
        basis (GetRiskHeatmapBasis | Unset):  Default: 'inherent'.
        kind (GetRiskHeatmapKindType0 | None | Unset):  Default: 'threat'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Heatmap | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        basis=basis,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    basis: GetRiskHeatmapBasis | Unset = "inherent",
    kind: GetRiskHeatmapKindType0 | None | Unset = "threat",
) -> Heatmap | Problem | None:
    """Get Risk Heatmap

     Open risks per probability × impact cell (residual basis falls back to inherent where no residual
    assessment exists).

    Args:
        key (str):
        basis (GetRiskHeatmapBasis | Unset):  Default: 'inherent'.
        kind (GetRiskHeatmapKindType0 | None | Unset):  Default: 'threat'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Heatmap | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            basis=basis,
            kind=kind,
        )
    ).parsed
