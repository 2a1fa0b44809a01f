from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_public_category import RiskPublicCategory, check_risk_public_category
from ..models.risk_public_close_reason_type_0 import (
    RiskPublicCloseReasonType0,
    check_risk_public_close_reason_type_0,
)
from ..models.risk_public_kind import RiskPublicKind, check_risk_public_kind
from ..models.risk_public_level import RiskPublicLevel, check_risk_public_level
from ..models.risk_public_residual_level_type_0 import (
    RiskPublicResidualLevelType0,
    check_risk_public_residual_level_type_0,
)
from ..models.risk_public_response_strategy_type_0 import (
    RiskPublicResponseStrategyType0,
    check_risk_public_response_strategy_type_0,
)
from ..models.risk_public_status import RiskPublicStatus, check_risk_public_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attention import Attention
    from ..models.links import Links
    from ..models.trigger import Trigger


T = TypeVar("T", bound="RiskPublic")


@_attrs_define
class RiskPublic:
    """A risk as the API returns it.

    Attributes:
        id (UUID):
        key (str):
        project_key (str):
        title (str):
        category (RiskPublicCategory):
        kind (RiskPublicKind):
        cause (str):
        event (str):
        effect (str):
        owner (None | str):
        status (RiskPublicStatus):
        probability (int):
        impact (int):
        score (int):
        level (RiskPublicLevel):
        residual_probability (int | None):
        residual_impact (int | None):
        residual_score (int | None):
        residual_level (None | RiskPublicResidualLevelType0):
        proximity_date (datetime.date | None):
        response_strategy (None | RiskPublicResponseStrategyType0):
        response_plan (str):
        contingency_plan (str):
        triggers (list[Trigger]):
        cost_impact (float | None):
        probability_share (float | None):
        emv (float | None): Expected monetary value = probability share × cost impact.
        blocks_release (bool):
        next_review_at (datetime.datetime | None):
        last_reviewed_at (datetime.datetime | None):
        escalated (bool):
        escalated_at (datetime.datetime | None):
        occurred_at (datetime.datetime | None):
        occurrence (None | str):
        closed_at (datetime.datetime | None):
        close_reason (None | RiskPublicCloseReasonType0): Why the risk was closed (None while open, and on risks closed
            before reasons were codes).
        close_comment (None | str): The rationale given when the risk was closed.
        change_request_id (None | UUID):
        created_by (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        attention (Attention):
        links (Links | Unset):
    """

    id: UUID
    key: str
    project_key: str
    title: str
    category: RiskPublicCategory
    kind: RiskPublicKind
    cause: str
    event: str
    effect: str
    owner: None | str
    status: RiskPublicStatus
    probability: int
    impact: int
    score: int
    level: RiskPublicLevel
    residual_probability: int | None
    residual_impact: int | None
    residual_score: int | None
    residual_level: None | RiskPublicResidualLevelType0
    proximity_date: datetime.date | None
    response_strategy: None | RiskPublicResponseStrategyType0
    response_plan: str
    contingency_plan: str
    triggers: list[Trigger]
    cost_impact: float | None
    probability_share: float | None
    emv: float | None
    blocks_release: bool
    next_review_at: datetime.datetime | None
    last_reviewed_at: datetime.datetime | None
    escalated: bool
    escalated_at: datetime.datetime | None
    occurred_at: datetime.datetime | None
    occurrence: None | str
    closed_at: datetime.datetime | None
    close_reason: None | RiskPublicCloseReasonType0
    close_comment: None | str
    change_request_id: None | UUID
    created_by: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    attention: Attention
    links: Links | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        project_key = self.project_key

        title = self.title

        category: str = self.category

        kind: str = self.kind

        cause = self.cause

        event = self.event

        effect = self.effect

        owner: None | str
        owner = self.owner

        status: str = self.status

        probability = self.probability

        impact = self.impact

        score = self.score

        level: str = self.level

        residual_probability: int | None
        residual_probability = self.residual_probability

        residual_impact: int | None
        residual_impact = self.residual_impact

        residual_score: int | None
        residual_score = self.residual_score

        residual_level: None | str
        if isinstance(self.residual_level, str):
            residual_level = self.residual_level
        else:
            residual_level = self.residual_level

        proximity_date: None | str
        if isinstance(self.proximity_date, datetime.date):
            proximity_date = self.proximity_date.isoformat()
        else:
            proximity_date = self.proximity_date

        response_strategy: None | str
        if isinstance(self.response_strategy, str):
            response_strategy = self.response_strategy
        else:
            response_strategy = self.response_strategy

        response_plan = self.response_plan

        contingency_plan = self.contingency_plan

        triggers = []
        for triggers_item_data in self.triggers:
            triggers_item = triggers_item_data.to_dict()
            triggers.append(triggers_item)

        cost_impact: float | None
        cost_impact = self.cost_impact

        probability_share: float | None
        probability_share = self.probability_share

        emv: float | None
        emv = self.emv

        blocks_release = self.blocks_release

        next_review_at: None | str
        if isinstance(self.next_review_at, datetime.datetime):
            next_review_at = self.next_review_at.isoformat()
        else:
            next_review_at = self.next_review_at

        last_reviewed_at: None | str
        if isinstance(self.last_reviewed_at, datetime.datetime):
            last_reviewed_at = self.last_reviewed_at.isoformat()
        else:
            last_reviewed_at = self.last_reviewed_at

        escalated = self.escalated

        escalated_at: None | str
        if isinstance(self.escalated_at, datetime.datetime):
            escalated_at = self.escalated_at.isoformat()
        else:
            escalated_at = self.escalated_at

        occurred_at: None | str
        if isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        occurrence: None | str
        occurrence = self.occurrence

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        close_reason: None | str
        if isinstance(self.close_reason, str):
            close_reason = self.close_reason
        else:
            close_reason = self.close_reason

        close_comment: None | str
        close_comment = self.close_comment

        change_request_id: None | str
        if isinstance(self.change_request_id, UUID):
            change_request_id = str(self.change_request_id)
        else:
            change_request_id = self.change_request_id

        created_by = self.created_by

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        attention = self.attention.to_dict()

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "project_key": project_key,
                "title": title,
                "category": category,
                "kind": kind,
                "cause": cause,
                "event": event,
                "effect": effect,
                "owner": owner,
                "status": status,
                "probability": probability,
                "impact": impact,
                "score": score,
                "level": level,
                "residual_probability": residual_probability,
                "residual_impact": residual_impact,
                "residual_score": residual_score,
                "residual_level": residual_level,
                "proximity_date": proximity_date,
                "response_strategy": response_strategy,
                "response_plan": response_plan,
                "contingency_plan": contingency_plan,
                "triggers": triggers,
                "cost_impact": cost_impact,
                "probability_share": probability_share,
                "emv": emv,
                "blocks_release": blocks_release,
                "next_review_at": next_review_at,
                "last_reviewed_at": last_reviewed_at,
                "escalated": escalated,
                "escalated_at": escalated_at,
                "occurred_at": occurred_at,
                "occurrence": occurrence,
                "closed_at": closed_at,
                "close_reason": close_reason,
                "close_comment": close_comment,
                "change_request_id": change_request_id,
                "created_by": created_by,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "attention": attention,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attention import Attention  # noqa: PLC0415
        from ..models.links import Links  # noqa: PLC0415
        from ..models.trigger import Trigger  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        project_key = d.pop("project_key")

        title = d.pop("title")

        category = check_risk_public_category(d.pop("category"))

        kind = check_risk_public_kind(d.pop("kind"))

        cause = d.pop("cause")

        event = d.pop("event")

        effect = d.pop("effect")

        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))

        status = check_risk_public_status(d.pop("status"))

        probability = d.pop("probability")

        impact = d.pop("impact")

        score = d.pop("score")

        level = check_risk_public_level(d.pop("level"))

        def _parse_residual_probability(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        residual_probability = _parse_residual_probability(d.pop("residual_probability"))

        def _parse_residual_impact(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        residual_impact = _parse_residual_impact(d.pop("residual_impact"))

        def _parse_residual_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        residual_score = _parse_residual_score(d.pop("residual_score"))

        def _parse_residual_level(data: object) -> None | RiskPublicResidualLevelType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                residual_level_type_0 = check_risk_public_residual_level_type_0(data)

                return residual_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskPublicResidualLevelType0, data)

        residual_level = _parse_residual_level(d.pop("residual_level"))

        def _parse_proximity_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proximity_date_type_0 = datetime.date.fromisoformat(data)

                return proximity_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        proximity_date = _parse_proximity_date(d.pop("proximity_date"))

        def _parse_response_strategy(data: object) -> None | RiskPublicResponseStrategyType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                response_strategy_type_0 = check_risk_public_response_strategy_type_0(data)

                return response_strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskPublicResponseStrategyType0, data)

        response_strategy = _parse_response_strategy(d.pop("response_strategy"))

        response_plan = d.pop("response_plan")

        contingency_plan = d.pop("contingency_plan")

        triggers = []
        _triggers = d.pop("triggers")
        for triggers_item_data in _triggers:
            triggers_item = Trigger.from_dict(triggers_item_data)

            triggers.append(triggers_item)

        def _parse_cost_impact(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cost_impact = _parse_cost_impact(d.pop("cost_impact"))

        def _parse_probability_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        probability_share = _parse_probability_share(d.pop("probability_share"))

        def _parse_emv(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        emv = _parse_emv(d.pop("emv"))

        blocks_release = d.pop("blocks_release")

        def _parse_next_review_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_review_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_review_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_review_at = _parse_next_review_at(d.pop("next_review_at"))

        def _parse_last_reviewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_reviewed_at = _parse_last_reviewed_at(d.pop("last_reviewed_at"))

        escalated = d.pop("escalated")

        def _parse_escalated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_at_type_0 = datetime.datetime.fromisoformat(data)

                return escalated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        escalated_at = _parse_escalated_at(d.pop("escalated_at"))

        def _parse_occurred_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at"))

        def _parse_occurrence(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        occurrence = _parse_occurrence(d.pop("occurrence"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_close_reason(data: object) -> None | RiskPublicCloseReasonType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                close_reason_type_0 = check_risk_public_close_reason_type_0(data)

                return close_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskPublicCloseReasonType0, data)

        close_reason = _parse_close_reason(d.pop("close_reason"))

        def _parse_close_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        close_comment = _parse_close_comment(d.pop("close_comment"))

        def _parse_change_request_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                change_request_id_type_0 = UUID(data)

                return change_request_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        change_request_id = _parse_change_request_id(d.pop("change_request_id"))

        created_by = d.pop("created_by")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        attention = Attention.from_dict(d.pop("attention"))

        _links = d.pop("links", UNSET)
        links: Links | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = Links.from_dict(_links)

        risk_public = cls(
            id=id,
            key=key,
            project_key=project_key,
            title=title,
            category=category,
            kind=kind,
            cause=cause,
            event=event,
            effect=effect,
            owner=owner,
            status=status,
            probability=probability,
            impact=impact,
            score=score,
            level=level,
            residual_probability=residual_probability,
            residual_impact=residual_impact,
            residual_score=residual_score,
            residual_level=residual_level,
            proximity_date=proximity_date,
            response_strategy=response_strategy,
            response_plan=response_plan,
            contingency_plan=contingency_plan,
            triggers=triggers,
            cost_impact=cost_impact,
            probability_share=probability_share,
            emv=emv,
            blocks_release=blocks_release,
            next_review_at=next_review_at,
            last_reviewed_at=last_reviewed_at,
            escalated=escalated,
            escalated_at=escalated_at,
            occurred_at=occurred_at,
            occurrence=occurrence,
            closed_at=closed_at,
            close_reason=close_reason,
            close_comment=close_comment,
            change_request_id=change_request_id,
            created_by=created_by,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            attention=attention,
            links=links,
        )

        risk_public.additional_properties = d
        return risk_public

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
