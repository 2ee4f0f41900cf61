"""Summaries as flat rows, one per incident, for a spreadsheet or pandas: the CSV output and :func:`flat_rows`.

An article with no incident, or with an error, is one row with its incident fields empty. Names and
statements that an incident has several of are joined with ``"; "``; a group's canonical name follows
it in brackets when it differs (``"ISIS [Islamic State]"``). Every cell is one line of text (line
breaks in quotes become spaces), so a row is one line of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from summarizer.corpus.inputs import Record
from summarizer.corpus.outcome import Failure, Outcome, failure
from summarizer.schema import Actor, Count, Incident, Responsibility, Summary

COLUMNS = (
    "id", "source", "title", "published", "incidents", "incident", "main", "type", "status", "description",
    "date", "date_precision", "when", "place", "city", "region", "country", "country_code",
    "killed", "killed_qualifier", "killed_low", "killed_high", "killed_source",
    "injured", "injured_qualifier", "injured_low", "injured_high", "injured_source",
    "perpetrators_killed", "perpetrators", "victims", "targets", "weapons", "responsibility",
    "unsupported", "summary", "model", "prompt_version", "error_kind", "error_message",
)  # fmt: skip
Row = dict[str, Any]


def rows(outcome: Outcome) -> list[Row]:
    """One row per incident of the outcome's summary; one row when it has none, or failed."""
    base: Row = dict.fromkeys(COLUMNS)
    line = outcome.as_json()
    base.update({name: line.get(name) for name in ("id", "source", "title", "published")})
    summary = outcome.summary
    if summary is None:
        error = outcome.error or Failure("internal", "no summary and no error")
        return [_clean(base | {"error_kind": error.kind, "error_message": error.message})]
    p = summary.provenance
    base |= {"incidents": len(summary.incidents), "summary": summary.summary, "model": p.model}
    base |= {"prompt_version": p.prompt_version, "published": line["published"] or p.published}
    if not summary.incidents:
        return [_clean(base)]
    unsupported = p.grounding.unsupported if p.grounding else []
    return [_clean(base | _incident(n, incident, unsupported)) for n, incident in enumerate(summary.incidents)]


def flat_rows(results: Iterable[tuple[str, Summary | BaseException]]) -> list[Row]:
    """Rows for ``pandas.DataFrame(...)`` from ``(id, Summary | error)`` pairs, as
    :meth:`summarizer.Summarizer.summarize_many` yields them: one per incident, columns :data:`COLUMNS`."""
    out: list[Row] = []
    for record_id, result in results:
        if isinstance(result, BaseException):
            out += rows(Outcome(Record(id=record_id), error=failure(result)))
        else:
            out += rows(Outcome(Record(id=record_id), summary=result))
    return out


def _incident(n: int, incident: Incident, unsupported: list[str]) -> Row:
    where, when, c = incident.where, incident.when, incident.casualties
    row: Row = {
        "incident": n + 1,
        "main": incident.main,
        "type": incident.type,
        "status": incident.status,
        "description": incident.description,
        "date": when.date if when else None,
        "date_precision": when.precision if when else None,
        "when": when.text if when else None,
        "place": where.text if where else None,
        "perpetrators_killed": c.perpetrators_killed.number if c.perpetrators_killed else None,
        "perpetrators": _names(incident.perpetrators),
        "victims": _names(incident.victims),
        "targets": _names(incident.targets),
        "weapons": "; ".join(w.quote for w in incident.weapons) or None,
        "responsibility": "; ".join(map(_statement, incident.responsibility)) or None,
        "unsupported": sum(path.startswith(f"incidents[{n}].") for path in unsupported),
    }
    if where:
        row |= {"city": where.city, "region": where.region, "country": where.country}
        row["country_code"] = where.country_code
    return row | _count("killed", c.killed) | _count("injured", c.injured)


def _count(name: str, count: Count | None) -> Row:
    if count is None:
        return {}
    return {
        name: count.number,
        f"{name}_qualifier": count.qualifier,
        f"{name}_low": count.low,
        f"{name}_high": count.high,
        f"{name}_source": count.source,
    }


def _named(name: str, canonical: str | None) -> str:
    return f"{name} [{canonical}]" if canonical and canonical != name else name


def _names(actors: list[Actor]) -> str | None:
    return "; ".join(_named(a.name, a.canonical) for a in actors) or None


def _statement(r: Responsibility) -> str:
    by = f" by {r.stated_by}" if r.stated_by and r.stance in ("attributed", "suspected") else ""
    return f"{_named(r.party, r.canonical)}: {r.stance}{by}"


def _clean(row: Row) -> Row:
    """Every text cell on one line."""
    return {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in row.items()}
