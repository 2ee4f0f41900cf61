"""What the scorers compare: a flat view of one incident, from any system."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarizer.schema import Summary


@dataclass
class Predicted:
    """One predicted incident, flattened for scoring."""

    type: str | None = None
    date: str | None = None  # ISO, any precision
    city: str | None = None
    region: str | None = None
    country: str | None = None
    perp_individuals: list[str] = field(default_factory=list)
    perp_organizations: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    killed: int | None = None  # victims
    injured: int | None = None
    perpetrators_killed: int | None = None
    claimed: list[str] = field(default_factory=list)  # parties that claimed it themselves
    blamed: list[str] = field(default_factory=list)  # parties attributed or suspected by others
    main: bool = False


def from_summary(summary: Summary) -> list[Predicted]:
    """Flatten a :class:`Summary`: groups are PerpOrg, individuals and unknown kinds PerpInd."""
    out = []
    for incident in summary.incidents:
        where, c = incident.where, incident.casualties
        out.append(
            Predicted(
                type=incident.type,
                date=incident.when.date if incident.when else None,
                city=where.city if where else None,
                region=where.region if where else None,
                country=where.country if where else None,
                perp_individuals=[a.name for a in incident.perpetrators if a.kind != "group"],
                perp_organizations=[a.name for a in incident.perpetrators if a.kind == "group"]
                + [r.party for r in incident.responsibility if r.stance != "denied"],
                targets=[a.name for a in incident.targets],
                victims=[a.name for a in incident.victims],
                weapons=[w.quote for w in incident.weapons],
                killed=c.killed.number if c.killed else None,
                injured=c.injured.number if c.injured else None,
                perpetrators_killed=c.perpetrators_killed.number if c.perpetrators_killed else None,
                claimed=[r.party for r in incident.responsibility if r.stance == "claimed"],
                blamed=[r.party for r in incident.responsibility if r.stance in ("attributed", "suspected")],
                main=incident.main,
            )
        )
    return out


def from_summary_dict(summary: dict[str, Any]) -> list[Predicted]:
    """Flatten a stored summary read as plain JSON, as :func:`from_summary` does.

    For results cached under an older schema version, which may no longer validate as a
    :class:`Summary`: only the fields scored are read, and a missing one reads as empty.
    """
    out = []
    for incident in summary.get("incidents") or []:
        where, c = incident.get("where") or {}, incident.get("casualties") or {}
        actors = {role: incident.get(role) or [] for role in ("perpetrators", "targets", "victims")}
        stances = [(r.get("party"), r.get("stance")) for r in incident.get("responsibility") or []]
        out.append(
            Predicted(
                type=incident.get("type"),
                date=(incident.get("when") or {}).get("date"),
                city=where.get("city"),
                region=where.get("region"),
                country=where.get("country"),
                perp_individuals=[a["name"] for a in actors["perpetrators"] if a.get("kind") != "group"],
                perp_organizations=[a["name"] for a in actors["perpetrators"] if a.get("kind") == "group"]
                + [party for party, stance in stances if stance != "denied"],
                targets=[a["name"] for a in actors["targets"]],
                victims=[a["name"] for a in actors["victims"]],
                killed=(c.get("killed") or {}).get("number"),
                injured=(c.get("injured") or {}).get("number"),
                perpetrators_killed=(c.get("perpetrators_killed") or {}).get("number"),
                claimed=[party for party, stance in stances if stance == "claimed"],
                blamed=[party for party, stance in stances if stance in ("attributed", "suspected")],
                main=bool(incident.get("main")),
            )
        )
    return out


def main_of(incidents: list[Predicted]) -> Predicted | None:
    return next((i for i in incidents if i.main), incidents[0] if incidents else None)
