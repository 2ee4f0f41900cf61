"""The naive baseline: one plain instructor call with a simple schema and a ten-line prompt.

Same model and same seam as summarizer, none of its prompt design or post-processing;
every report shows both, so a change can be judged against doing the obvious thing.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from summarizer import prompts
from summarizer.evaluation.predictions import Predicted
from summarizer.llm import Completion, ModelClient

PROMPT_VERSION = "baseline_v1"


class BaselineIncident(BaseModel):
    type: str
    date: str | None
    city: str | None
    region: str | None
    country: str | None
    perpetrator_individuals: list[str]
    perpetrator_organizations: list[str]
    victims: list[str]
    targets: list[str]
    weapons: list[str]
    killed: int | None
    injured: int | None
    claimed_by: list[str]
    suspected: list[str]


class BaselineResult(BaseModel):
    incidents: list[BaselineIncident]


def run(client: ModelClient, text: str, published: str | None) -> Completion[BaselineResult]:
    header = f"Published {published}.\n\n" if published else ""
    messages = [
        {"role": "system", "content": prompts.render(PROMPT_VERSION, "system")},
        {"role": "user", "content": header + text},
    ]
    return client.extract(messages, BaselineResult)


_TYPE_WORDS = [
    (r"suicide", "suicide_attack"),
    (r"bomb|explos|\bied\b", "bombing"),
    (r"kidnap|abduct|hostage", "hostage_taking_kidnapping"),
    (r"arson|\bburn|set (?:on )?fire|set fire", "arson"),
    (r"shoot|shot|gunfire|gunm[ae]n", "shooting"),
    (r"assassin|murder", "assassination"),
    (r"air ?strike|shelling", "air_strike_shelling"),
    (r"attack|assault", "armed_assault"),
]


def _type(free_text: str) -> str:
    """Map the baseline's free-text type onto the shared vocabulary by keyword, so words don't cost it."""
    lowered = free_text.lower()
    return next((kind for pattern, kind in _TYPE_WORDS if re.search(pattern, lowered)), "other")


def flatten(result: BaselineResult) -> list[Predicted]:
    return [
        Predicted(
            type=_type(i.type),
            date=i.date,
            city=i.city,
            region=i.region,
            country=i.country,
            perp_individuals=i.perpetrator_individuals,
            perp_organizations=i.perpetrator_organizations + i.claimed_by + i.suspected,
            targets=i.targets,
            victims=i.victims,
            weapons=i.weapons,
            killed=i.killed,
            injured=i.injured,
            claimed=i.claimed_by,
            blamed=i.suspected,
            main=n == 0,
        )
        for n, i in enumerate(result.incidents)
    ]
