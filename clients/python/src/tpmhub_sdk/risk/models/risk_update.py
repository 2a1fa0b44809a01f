from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_update_category_type_0 import RiskUpdateCategoryType0, check_risk_update_category_type_0
from ..models.risk_update_kind_type_0 import RiskUpdateKindType0, check_risk_update_kind_type_0
from ..models.risk_update_response_strategy_type_0 import (
    RiskUpdateResponseStrategyType0,
    check_risk_update_response_strategy_type_0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trigger import Trigger


T = TypeVar("T", bound="RiskUpdate")


@_attrs_define
class RiskUpdate:
    """Fields to change (JSON merge patch). Changing P/I appends an assessment.

    Attributes:
        title (None | str | Unset):
        category (None | RiskUpdateCategoryType0 | Unset):
        kind (None | RiskUpdateKindType0 | Unset):
        cause (None | str | Unset):
        event (None | str | Unset):
        effect (None | str | Unset):
        owner (None | str | Unset):
        probability (int | None | Unset):
        impact (int | None | Unset):
        proximity_date (datetime.date | None | Unset):
        response_strategy (None | RiskUpdateResponseStrategyType0 | Unset):
        response_plan (None | str | Unset):
        contingency_plan (None | str | Unset):
        triggers (list[Trigger] | None | Unset):
        residual_probability (int | None | Unset):
        residual_impact (int | None | Unset):
        cost_impact (float | None | Unset):
        probability_share (float | None | Unset):
        blocks_release (bool | None | Unset):
        note (None | str | Unset): Recorded with the assessment.
    """

    title: None | str | Unset = UNSET
    category: None | RiskUpdateCategoryType0 | Unset = UNSET
    kind: None | RiskUpdateKindType0 | Unset = UNSET
    cause: None | str | Unset = UNSET
    event: None | str | Unset = UNSET
    effect: None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    probability: int | None | Unset = UNSET
    impact: int | None | Unset = UNSET
    proximity_date: datetime.date | None | Unset = UNSET
    response_strategy: None | RiskUpdateResponseStrategyType0 | Unset = UNSET
    response_plan: None | str | Unset = UNSET
    contingency_plan: None | str | Unset = UNSET
    triggers: list[Trigger] | None | Unset = UNSET
    residual_probability: int | None | Unset = UNSET
    residual_impact: int | None | Unset = UNSET
    cost_impact: float | None | Unset = UNSET
    probability_share: float | None | Unset = UNSET
    blocks_release: bool | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, str):
            category = self.category
        else:
            category = self.category

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        cause: None | str | Unset
        if isinstance(self.cause, Unset):
            cause = UNSET
        else:
            cause = self.cause

        event: None | str | Unset
        if isinstance(self.event, Unset):
            event = UNSET
        else:
            event = self.event

        effect: None | str | Unset
        if isinstance(self.effect, Unset):
            effect = UNSET
        else:
            effect = self.effect

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        probability: int | None | Unset
        if isinstance(self.probability, Unset):
            probability = UNSET
        else:
            probability = self.probability

        impact: int | None | Unset
        if isinstance(self.impact, Unset):
            impact = UNSET
        else:
            impact = self.impact

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

        response_plan: None | str | Unset
        if isinstance(self.response_plan, Unset):
            response_plan = UNSET
        else:
            response_plan = self.response_plan

        contingency_plan: None | str | Unset
        if isinstance(self.contingency_plan, Unset):
            contingency_plan = UNSET
        else:
            contingency_plan = self.contingency_plan

        triggers: list[dict[str, Any]] | None | Unset
        if isinstance(self.triggers, Unset):
            triggers = UNSET
        elif isinstance(self.triggers, list):
            triggers = []
            for triggers_type_0_item_data in self.triggers:
                triggers_type_0_item = triggers_type_0_item_data.to_dict()
                triggers.append(triggers_type_0_item)

        else:
            triggers = self.triggers

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

        blocks_release: bool | None | Unset
        if isinstance(self.blocks_release, Unset):
            blocks_release = UNSET
        else:
            blocks_release = self.blocks_release

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if category is not UNSET:
            field_dict["category"] = category
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
        if probability is not UNSET:
            field_dict["probability"] = probability
        if impact is not UNSET:
            field_dict["impact"] = impact
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
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trigger import Trigger  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_category(data: object) -> None | RiskUpdateCategoryType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = check_risk_update_category_type_0(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskUpdateCategoryType0 | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_kind(data: object) -> None | RiskUpdateKindType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_risk_update_kind_type_0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskUpdateKindType0 | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_cause(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cause = _parse_cause(d.pop("cause", UNSET))

        def _parse_event(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event = _parse_event(d.pop("event", UNSET))

        def _parse_effect(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        effect = _parse_effect(d.pop("effect", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_probability(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        probability = _parse_probability(d.pop("probability", UNSET))

        def _parse_impact(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        impact = _parse_impact(d.pop("impact", UNSET))

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

        def _parse_response_strategy(data: object) -> None | RiskUpdateResponseStrategyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                response_strategy_type_0 = check_risk_update_response_strategy_type_0(data)

                return response_strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskUpdateResponseStrategyType0 | Unset, data)

        response_strategy = _parse_response_strategy(d.pop("response_strategy", UNSET))

        def _parse_response_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_plan = _parse_response_plan(d.pop("response_plan", UNSET))

        def _parse_contingency_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contingency_plan = _parse_contingency_plan(d.pop("contingency_plan", UNSET))

        def _parse_triggers(data: object) -> list[Trigger] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                triggers_type_0 = []
                _triggers_type_0 = data
                for triggers_type_0_item_data in _triggers_type_0:
                    triggers_type_0_item = Trigger.from_dict(triggers_type_0_item_data)

                    triggers_type_0.append(triggers_type_0_item)

                return triggers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Trigger] | None | Unset, data)

        triggers = _parse_triggers(d.pop("triggers", UNSET))

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

        def _parse_blocks_release(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        blocks_release = _parse_blocks_release(d.pop("blocks_release", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        risk_update = cls(
            title=title,
            category=category,
            kind=kind,
            cause=cause,
            event=event,
            effect=effect,
            owner=owner,
            probability=probability,
            impact=impact,
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
            note=note,
        )

        return risk_update
