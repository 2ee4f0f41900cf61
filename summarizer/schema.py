"""Output schema v1: the typed summary of one news article.

Two layers, one vocabulary:

* ``ArticleDraft`` is what the model fills in (its JSON schema is sent as the
  response format): only things a reader can copy or judge from the article.
* ``Summary`` is what users get: the draft after deterministic post-processing
  (dates resolved against the publication date) plus provenance.

Every fact carries ``quote``: the words of the article that support it.
``None`` or an empty list means the article does not say; nothing is invented.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"

WhenT = TypeVar("WhenT")

IncidentType = Literal[
    "bombing",
    "shooting",
    "armed_assault",
    "suicide_attack",
    "hostage_taking_kidnapping",
    "arson",
    "air_strike_shelling",
    "assassination",
    "aircraft_attack",
    "other",
]
IncidentStatus = Literal["carried_out", "attempted_or_foiled", "threatened", "planned"]
Qualifier = Literal["exact", "at_least", "about", "more_than", "up_to"]
Stance = Literal["claimed", "denied", "attributed", "suspected"]
Precision = Literal["day", "month", "year", "unknown"]
ActorKind = Literal["individual", "group", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Place(_Model):
    """Where an incident happened."""

    text: str = Field(description="The place exactly as the article writes it.")
    city: str | None = Field(description="City or town, if stated or plain from the text.")
    region: str | None = Field(description="Region, state or province, if stated.")
    country: str | None = Field(description="Country, in English, if stated or plain from the text.")


class Actor(_Model):
    """A perpetrator, victim or target."""

    quote: str = Field(description="Short words copied from the article that mention this actor.")
    name: str = Field(description="Name or description as the article gives it, e.g. 'seven terrorists'.")
    kind: ActorKind = Field(description="individual, group (an organisation or a band), or unknown.")
    number: int | None = Field(description="How many, if the article gives a number; else null.")


class Count(_Model):
    """A casualty figure as the article reports it."""

    quote: str = Field(description="Short words copied from the article that state this figure.")
    number: int = Field(description="The figure, as an integer (words like 'seven' become 7).", ge=0)
    qualifier: Qualifier = Field(description="exact, at_least ('at least'), about ('about', 'some'), more_than, up_to.")


class Casualties(_Model):
    """Killed and injured; the perpetrators' own deaths are kept apart from the victims'."""

    killed: Count | None = Field(description="Victims killed (not counting perpetrators).")
    injured: Count | None = Field(description="Victims injured.")
    perpetrators_killed: Count | None = Field(
        description="Perpetrators who died (blew themselves up, were shot by police, ...)."
    )


class Responsibility(_Model):
    """Who is said to be responsible, and how."""

    quote: str = Field(description="Short words copied from the article with this statement.")
    party: str = Field(description="The group or person held responsible, as written.")
    stance: Stance = Field(
        description=(
            "claimed: the party itself says it did it. denied: the party says it did not. "
            "attributed: someone else (an official, a government) states the party did it. "
            "suspected: the party is only suspected, blamed or believed to be behind it."
        )
    )
    stated_by: str | None = Field(
        description="Who made the statement: the party itself for claimed/denied, else the official or source."
    )


class When(_Model):
    """When an incident happened, as written and resolved."""

    text: str = Field(description="The article's words for when it happened.")
    date: str | None = Field(
        description=(
            "ISO 8601 date to the stated precision: YYYY-MM-DD, YYYY-MM or YYYY; "
            "--MM-DD when the day is known but no year is given by the article or publication date."
        )
    )
    precision: Precision = Field(description="How precise the date is: day, month, year or unknown.")


class _Incident(_Model, Generic[WhenT]):
    description: str = Field(description="One short neutral sentence on what happened.")
    type: IncidentType = Field(description="Kind of incident.")
    status: IncidentStatus = Field(
        description="carried_out, attempted_or_foiled, threatened, or planned (has not happened yet)."
    )
    when: WhenT | None = Field(
        description="When it happened, in the article's words (e.g. 'on the night of 14 November'); null if not said."
    )
    where: Place | None = Field(description="Where it happened; null if the article does not say.")
    perpetrators: list[Actor] = Field(description="Who carried it out; empty if unknown.")
    victims: list[Actor] = Field(description="People killed, injured or taken.")
    targets: list[Actor] = Field(description="Buildings, places, vehicles or institutions attacked.")
    casualties: Casualties = Field(description="Casualty figures; null where not stated.")
    responsibility: list[Responsibility] = Field(
        description="Claims, denials, attributions and suspicions of responsibility."
    )


class IncidentDraft(_Incident[str]):
    """One incident as the model reports it; ``when`` is the article's words."""


class ArticleDraft(_Model):
    """What the model fills in for one article."""

    summary: str = Field(description="A short neutral summary of the article, 2-3 sentences.")
    incidents: list[IncidentDraft] = Field(
        description="Each distinct violent incident reported, one entry each; empty if there is none."
    )


class Incident(_Incident[When]):
    """One incident, with its date resolved against the publication date."""

    main: bool = Field(
        description="True for the incident the article is mainly about: the one with most victims, else the first."
    )


class Usage(_Model):
    """Tokens spent, summed over every attempt."""

    prompt_tokens: int = Field(description="Prompt tokens over all attempts.", ge=0)
    completion_tokens: int = Field(description="Completion tokens over all attempts.", ge=0)


class Provenance(_Model):
    """What produced a summary."""

    model: str = Field(description="Model name as sent to the endpoint.")
    prompt_version: str = Field(description="Name of the prompt template version used.")
    schema_version: str = Field(description="Version of this output schema.")
    published: str | None = Field(description="Publication date used to resolve dates (YYYY-MM-DD), if any.")
    attempts: int = Field(description="Model calls made, including re-asks.", ge=1)
    usage: Usage = Field(description="Token usage over all attempts.")
    seconds: float = Field(description="Wall time of the whole summary, in seconds.", ge=0)
    model_seconds: float = Field(0.0, description="Of which spent waiting for the model endpoint, in seconds.", ge=0)


class Summary(_Model):
    """The typed summary of one news article."""

    summary: str = Field(description="A short neutral summary of the article, 2-3 sentences.")
    incidents: list[Incident] = Field(description="Each distinct violent incident reported.")
    provenance: Provenance = Field(description="Model, prompt, schema and cost of this result.")

    @field_validator("incidents")
    @classmethod
    def _at_most_one_main(cls, incidents: list[Incident]) -> list[Incident]:
        if sum(i.main for i in incidents) > 1:
            raise ValueError("at most one incident can be the main one")
        return incidents

    @property
    def main_incident(self) -> Incident | None:
        """The incident the article is mainly about, else the first one."""
        return next((i for i in self.incidents if i.main), self.incidents[0] if self.incidents else None)


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Summary`, as exported to ``schemas/``."""
    schema = Summary.model_json_schema()
    schema["$id"] = f"https://summarizer.invalid/schemas/summary.v{SCHEMA_VERSION}.json"
    return schema


if __name__ == "__main__":
    import json

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
