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

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = "2"

WhenT = TypeVar("WhenT")

# Bounds on what the model writes. They reach llama.cpp's grammar through the JSON schema, so a
# small model cannot loop until max_tokens, and other providers' answers are held to the same sizes.
QUOTE, NAME, SHORT, SENTENCE, SUMMARY = 200, 120, 150, 300, 600
ACTORS, INCIDENTS, WEAPONS = 6, 6, 4

# Fields that deterministic post-processing fills, never the model: they are left out of the
# JSON schema sent as the response format (see ArticleDraft.model_json_schema).
FILLED_BY_SUMMARIZER: dict[str, JsonValue] = {"filled_by": "summarizer"}

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
AlignmentStatus = Literal["exact", "fuzzy", "not_found"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(BaseModel):
    """Where a quote is in the article, and how it was found."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int | None = Field(description="Offset of the first character in the article; null if not found.", ge=0)
    end: int | None = Field(description="Offset just past the last character; null if not found.", ge=0)
    status: AlignmentStatus = Field(
        description="exact: verbatim; fuzzy: found after folding case, spaces, quotes and dashes, or approximately; "
        "not_found: not in the article."
    )
    score: float = Field(description="How alike the quote and the matched text are, 0 to 1.", ge=0, le=1)

    @model_validator(mode="after")
    def _consistent(self) -> Span:
        if (self.status == "not_found") != (self.start is None or self.end is None):
            raise ValueError("start and end are null exactly when the status is not_found")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start ({self.start}) is after end ({self.end})")
        return self

    @property
    def found(self) -> bool:
        """Whether the quote was found, exactly or fuzzily."""
        return self.status != "not_found"


def _post(description: str, default: Any = None) -> Any:
    """A field that post-processing fills, never the model; it is not in the request schema."""
    return Field(default, description=description, json_schema_extra=FILLED_BY_SUMMARIZER)


def _span() -> Any:
    """A ``span`` field: filled by the alignment step (summarizer.grounding), never by the model."""
    return _post("Where the quoted words are in the article, and how they were found.")


class Place(_Model):
    """Where an incident happened."""

    text: str = Field(description="The place exactly as the article writes it.", max_length=SHORT)
    city: str | None = Field(description="City or town, if stated or plain from the text.", max_length=NAME)
    region: str | None = Field(description="Region, state or province, if stated.", max_length=NAME)
    country: str | None = Field(description="Country, in English, if stated or plain from the text.", max_length=NAME)
    country_code: str | None = _post("ISO 3166-1 alpha-2 code of the country, when it is a known country.")
    span: Span | None = _span()


class Actor(_Model):
    """A perpetrator, victim or target."""

    quote: str = Field(description="Short words copied from the article that mention this actor.", max_length=QUOTE)
    name: str = Field(
        description="Name or description as the article gives it, e.g. 'seven terrorists'.", max_length=NAME
    )
    kind: ActorKind = Field(description="individual, group (an organisation or a band), or unknown.")
    number: int | None = Field(description="How many, if the article gives a number; else null.")
    canonical: str | None = _post("The group's canonical name from the alias table (e.g. ISIS -> Islamic State).")
    span: Span | None = _span()


class Count(_Model):
    """A casualty figure as the article reports it."""

    quote: str = Field(description="Short words copied from the article that state this figure.", max_length=QUOTE)
    number: int = Field(description="The figure, as an integer (words like 'seven' become 7).", ge=0)
    qualifier: Qualifier = Field(description="exact, at_least ('at least'), about ('about', 'some'), more_than, up_to.")
    low: int | None = _post("Lowest value the wording allows ('at least 12': 12; 'more than 12': 13); null if open.")
    high: int | None = _post("Highest value the wording allows ('up to 12': 12; '10 to 15': 15); null if open.")
    source: str | None = _post("Who gave the figure, when its sentence says ('police said', 'according to ...').")
    span: Span | None = _span()


class Casualties(_Model):
    """Killed and injured; the perpetrators' own deaths are kept apart from the victims'."""

    killed: Count | None = Field(description="Victims killed (not counting perpetrators).")
    injured: Count | None = Field(description="Victims injured.")
    perpetrators_killed: Count | None = Field(
        description="Perpetrators who died (blew themselves up, were shot by police, ...)."
    )
    other_reports: list[Count] = _post(
        "Other victim-death figures the article gives for this incident (another source, an earlier toll), "
        "kept apart rather than averaged.",
        default=[],
    )


class Responsibility(_Model):
    """Who is said to be responsible, and how."""

    quote: str = Field(description="Short words copied from the article with this statement.", max_length=QUOTE)
    party: str = Field(description="The group or person held responsible, as written.", max_length=NAME)
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
    canonical: str | None = _post("The party's canonical name from the alias table (e.g. Daesh -> Islamic State).")
    span: Span | None = _span()


class Weapon(_Model):
    """A weapon or means of attack."""

    quote: str = Field(description="The weapon as the article writes it, e.g. 'car bomb', 'rifles'.", max_length=NAME)
    span: Span | None = _span()


class When(_Model):
    """When an incident happened, as written and resolved."""

    text: str = Field(description="The article's words for when it happened.", max_length=SHORT)
    date: str | None = Field(
        description=(
            "ISO 8601 date to the stated precision: YYYY-MM-DD, YYYY-MM or YYYY; "
            "--MM-DD when the day is known but no year is given by the article or publication date."
        )
    )
    precision: Precision = Field(description="How precise the date is: day, month, year or unknown.")
    span: Span | None = _span()


class _Incident(_Model, Generic[WhenT]):
    description: str = Field(description="One short neutral sentence on what happened.", max_length=SENTENCE)
    type: IncidentType = Field(description="Kind of incident.")
    status: IncidentStatus = Field(
        description="carried_out, attempted_or_foiled, threatened, or planned (has not happened yet)."
    )
    when: WhenT | None = Field(
        description="When it happened, in the article's words (e.g. 'on the night of 14 November'); null if not said."
    )
    where: Place | None = Field(description="Where it happened; null if the article does not say.")
    perpetrators: list[Actor] = Field(description="Who carried it out; empty if unknown.", max_length=ACTORS)
    victims: list[Actor] = Field(description="People killed, injured or taken.", max_length=ACTORS)
    targets: list[Actor] = Field(description="Buildings, places, vehicles or institutions attacked.", max_length=ACTORS)
    weapons: list[Weapon] = Field(description="Weapons or means used; empty if not said.", max_length=WEAPONS)
    casualties: Casualties = Field(description="Casualty figures; null where not stated.")
    responsibility: list[Responsibility] = Field(
        description="Claims, denials, attributions and suspicions of responsibility.", max_length=ACTORS
    )


class IncidentDraft(_Incident[Annotated[str, StringConstraints(max_length=SHORT)]]):
    """One incident as the model reports it; ``when`` is the article's words."""


class ArticleDraft(_Model):
    """What the model fills in for one article."""

    # No field that post-processing fills reaches the model (the docstring above is sent as is).

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        for definition in schema.get("$defs", {}).values():
            properties = definition.get("properties", {})
            for name in [n for n, p in properties.items() if p.get("filled_by") == "summarizer"]:
                del properties[name]
        schema.get("$defs", {}).pop("Span", None)
        return schema

    summary: str = Field(description="A short neutral summary of the article, 2-3 sentences.", max_length=SUMMARY)
    incidents: list[IncidentDraft] = Field(
        description="Each distinct violent incident reported, one entry each; empty if there is none.",
        max_length=INCIDENTS,
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


class Grounding(_Model):
    """How the reported facts were found in the article (see summarizer.grounding)."""

    policy: Literal["flag", "drop"] = Field(
        description="flag: unsupported facts are kept and listed in 'unsupported'; drop: they are removed."
    )
    exact: int = Field(description="Facts whose quote is verbatim in the article.", ge=0)
    fuzzy: int = Field(
        description="Facts whose quote was found after folding case, spacing, quotes or approximately.", ge=0
    )
    not_found: int = Field(description="Facts whose quote is not in the article.", ge=0)
    unsupported: list[str] = Field(
        description="Paths of facts not supported by the article: quote not found, or the value not in its quote."
    )
    dropped: int = Field(description="Unsupported facts removed (policy drop).", ge=0)


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
    grounding: Grounding | None = Field(None, description="How the facts were found in the article.")
    chunks: int = Field(1, description="Parts the article was split into to fit the model's context.", ge=1)
    warnings: list[str] = Field(default_factory=list, description="What the user should know about this result.")


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
