"""The naive baseline: one plain instructor call with a simple schema and a ten-line prompt.

Same model and same seam as summarizer, none of its prompt design or post-processing;
every report shows both, so a change can be judged against doing the obvious thing.
"""

from __future__ import annotations

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
    ("suicide", "suicide_attack"),
    ("bomb", "bombing"),
    ("explos", "bombing"),
    ("kidnap", "hostage_taking_kidnapping"),
    ("hostage", "hostage_taking_kidnapping"),
    ("arson", "arson"),
    ("fire", "arson"),
    ("shoot", "shooting"),
    ("assassin", "assassination"),
    ("murder", "assassination"),
    ("attack", "armed_assault"),
]


def _type(free_text: str) -> str:
    """Map the baseline's free-text type onto the shared vocabulary by keyword, so words don't cost it."""
    lowered = free_text.lower()
    return next((kind for word, kind in _TYPE_WORDS if word in lowered), "other")


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
