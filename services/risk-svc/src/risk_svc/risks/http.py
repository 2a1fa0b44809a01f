"""HTTP pieces the risk routers share: path parameters, sibling clients, response sets, one risk's answer."""

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Path, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.concurrency import set_etag
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.problems import responses

from risk_svc.risks import service
from risk_svc.risks.models import Risk
from risk_svc.risks.schemas import RiskPublic

ProjectKey = Annotated[str, Path(pattern=r"^[A-Z][A-Z0-9]{1,9}$", examples=["PAY"])]
RiskKey = Annotated[str, Path(pattern=r"^[A-Z][A-Z0-9]{1,9}-R[1-9][0-9]{0,8}$", examples=["PAY-R7"])]
TAG = "risks"  # every route of the register shares one tag


def _requirements(request: Request) -> SiblingClient:
    return request.app.state.siblings["requirements"]


def _release(request: Request) -> SiblingClient:
    return request.app.state.siblings["release"]


Requirements = Annotated[SiblingClient, Depends(_requirements)]
ReleaseSvc = Annotated[SiblingClient, Depends(_release)]
READ = responses(401, 403, 404, 422)
WRITE = responses(401, 403, 404, 409, 412, 413, 422)


async def one_risk(session: AsyncSession, risk: Risk, now: datetime, response: Response) -> RiskPublic:
    set_etag(response, risk.version)
    return await service.to_public(session, risk, today=now.date())
