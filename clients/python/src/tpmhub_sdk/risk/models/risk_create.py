from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_create_category import RiskCreateCategory, check_risk_create_category
from ..models.risk_create_kind import RiskCreateKind, check_risk_create_kind
from ..models.risk_create_response_strategy_type_0 import (
    RiskCreateResponseStrategyType0,
    check_risk_create_response_strategy_type_0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.links_in import LinksIn
    from ..models.trigger import Trigger


T = TypeVar("T", bound="RiskCreate")


@_attrs_define
class RiskCreate:
    """A newly identified risk. Score, level, EMV and the first review date are computed.

    Attributes:
        title (str):
        category (RiskCreateCategory):
        probability (int): 1–5 on the project's matrix scale.
        impact (int): 1–5 on the project's matrix scale.
        kind (RiskCreateKind | Unset): A threat (downside) or an opportunity (upside). Default: 'threat'.
        cause (str | Unset):  Default: ''.
        event (str | Unset):  Default: ''.
        effect (str | Unset):  Default: ''.
        owner (None | str | Unset):
        proximity_date (datetime.date | None | Unset): When the risk could materialise.
        response_strategy (None | RiskCreateResponseStrategyType0 | Unset): avoid/mitigate/transfer/accept/escalate for
            threats; exploit/enhance/share/accept/escalate for opportunities.
        response_plan (str | Unset):  Default: ''.
        contingency_plan (str | Unset):  Default: ''.
        triggers (list[Trigger] | Unset):
        residual_probability (int | None | Unset):
        residual_impact (int | None | Unset):
        cost_impact (float | None | Unset): Money at stake if it happens.
        probability_share (float | None | Unset): Probability as a share (0–1) for EMV; default from the P scale.
        blocks_release (bool | Unset): Block linked releases whatever the level. Default: False.
        links (LinksIn | Unset): Targets to link: backlog items by key, PRDs and releases by id.
    """

    title: str
    category: RiskCreateCategory
    probability: int
    impact: int
    kind: RiskCreateKind | Unset = "threat"
    cause: str | Unset = ""
    event: str | Unset = ""
    effect: str | Unset = ""
    owner: None | str | Unset = UNSET
    proximity_date: datetime.date | None | Unset = UNSET
    response_strategy: None | RiskCreateResponseStrategyType0 | Unset = UNSET
    response_plan: str | Unset = ""
    contingency_plan: str | Unset = ""
    triggers: list[Trigger] | Unset = UNSET
    residual_probability: int | None | Unset = UNSET
    residual_impact: int | None | Unset = UNSET
    cost_impact: float | None | Unset = UNSET
    probability_share: float | None | Unset = UNSET
    blocks_release: bool | Unset = False
    links: LinksIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        category: str = self.category

        probability = self.probability

        impact = self.impact

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        cause = self.cause

        event = self.event

        effect = self.effect

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        proximity_date: None | str | Unset
        if isinstance(self.proximity_date, Unset):
            proximity_date = UNSET
        elif isinstance(self.proximity_date, datetime.date):
            proximity_date = self.proximity_date.isoformat()
        else:
            proximity_date = self.proximity_date

        response_strategy: None | str | Unset
        if isinstance(self.response_strategy, Unset):
            response_strategy = UNSET
        elif isinstance(self.response_strategy, str):
            response_strategy = self.response_strategy
        else:
            response_strategy = self.response_strategy

        response_plan = self.response_plan

        contingency_plan = self.contingency_plan

        triggers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.triggers, Unset):
            triggers = []
            for triggers_item_data in self.triggers:
                triggers_item = triggers_item_data.to_dict()
                triggers.append(triggers_item)

        residual_probability: int | None | Unset
        if isinstance(self.residual_probability, Unset):
            residual_probability = UNSET
        else:
            residual_probability = self.residual_probability

        residual_impact: int | None | Unset
        if isinstance(self.residual_impact, Unset):
            residual_impact = UNSET
        else:
            residual_impact = self.residual_impact

        cost_impact: float | None | Unset
        if isinstance(self.cost_impact, Unset):
            cost_impact = UNSET
        else:
            cost_impact = self.cost_impact

        probability_share: float | None | Unset
        if isinstance(self.probability_share, Unset):
            probability_share = UNSET
        else:
            probability_share = self.probability_share

        blocks_release = self.blocks_release

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "category": category,
                "probability": probability,
                "impact": impact,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if cause is not UNSET:
            field_dict["cause"] = cause
        if event is not UNSET:
            field_dict["event"] = event
        if effect is not UNSET:
            field_dict["effect"] = effect
        if owner is not UNSET:
            field_dict["owner"] = owner
        if proximity_date is not UNSET:
            field_dict["proximity_date"] = proximity_date
        if response_strategy is not UNSET:
            field_dict["response_strategy"] = response_strategy
        if response_plan is not UNSET:
            field_dict["response_plan"] = response_plan
        if contingency_plan is not UNSET:
            field_dict["contingency_plan"] = contingency_plan
        if triggers is not UNSET:
            field_dict["triggers"] = triggers
        if residual_probability is not UNSET:
            field_dict["residual_probability"] = residual_probability
        if residual_impact is not UNSET:
            field_dict["residual_impact"] = residual_impact
        if cost_impact is not UNSET:
            field_dict["cost_impact"] = cost_impact
        if probability_share is not UNSET:
            field_dict["probability_share"] = probability_share
        if blocks_release is not UNSET:
            field_dict["blocks_release"] = blocks_release
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.links_in import LinksIn  # noqa: PLC0415
        from ..models.trigger import Trigger  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        category = check_risk_create_category(d.pop("category"))

        probability = d.pop("probability")

        impact = d.pop("impact")

        _kind = d.pop("kind", UNSET)
        kind: RiskCreateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_risk_create_kind(_kind)

        cause = d.pop("cause", UNSET)

        event = d.pop("event", UNSET)

        effect = d.pop("effect", UNSET)

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_proximity_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proximity_date_type_0 = datetime.date.fromisoformat(data)

                return proximity_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        proximity_date = _parse_proximity_date(d.pop("proximity_date", UNSET))

        def _parse_response_strategy(data: object) -> None | RiskCreateResponseStrategyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                response_strategy_type_0 = check_risk_create_response_strategy_type_0(data)

                return response_strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskCreateResponseStrategyType0 | Unset, data)

        response_strategy = _parse_response_strategy(d.pop("response_strategy", UNSET))

        response_plan = d.pop("response_plan", UNSET)

        contingency_plan = d.pop("contingency_plan", UNSET)

        _triggers = d.pop("triggers", UNSET)
        triggers: list[Trigger] | Unset = UNSET
        if _triggers is not UNSET:
            triggers = []
            for triggers_item_data in _triggers:
                triggers_item = Trigger.from_dict(triggers_item_data)

                triggers.append(triggers_item)

        def _parse_residual_probability(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        residual_probability = _parse_residual_probability(d.pop("residual_probability", UNSET))

        def _parse_residual_impact(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        residual_impact = _parse_residual_impact(d.pop("residual_impact", UNSET))

        def _parse_cost_impact(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cost_impact = _parse_cost_impact(d.pop("cost_impact", UNSET))

        def _parse_probability_share(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        probability_share = _parse_probability_share(d.pop("probability_share", UNSET))

        blocks_release = d.pop("blocks_release", UNSET)

        _links = d.pop("links", UNSET)
        links: LinksIn | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = LinksIn.from_dict(_links)

        risk_create = cls(
            title=title,
            category=category,
            probability=probability,
            impact=impact,
            kind=kind,
            cause=cause,
            event=event,
            effect=effect,
            owner=owner,
            proximity_date=proximity_date,
            response_strategy=response_strategy,
            response_plan=response_plan,
            contingency_plan=contingency_plan,
            triggers=triggers,
            residual_probability=residual_probability,
            residual_impact=residual_impact,
            cost_impact=cost_impact,
            probability_share=probability_share,
            blocks_release=blocks_release,
            links=links,
        )

        return risk_create
