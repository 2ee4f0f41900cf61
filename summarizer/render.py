"""Plain-text rendering of a :class:`Summary` for people reading a terminal."""

from __future__ import annotations

from summarizer.schema import Actor, Count, Incident, Responsibility, Summary

QUALIFIER_WORDS = {  # how each qualifier reads before its number
    "exact": "",
    "at_least": "at least ",
    "about": "about ",
    "more_than": "more than ",
    "up_to": "up to ",
}


def _mark(fact: Actor | Count | Responsibility) -> str:
    """Facts whose quote is not in the article say so."""
    return " [not in article]" if fact.span is not None and not fact.span.found else ""


def _count(count: Count | None) -> str | None:
    if count is None:
        return None
    source = f" (per {count.source})" if count.source else ""
    return f"{QUALIFIER_WORDS[count.qualifier]}{count.number}{source}{_mark(count)}"


def _actors(actors: list[Actor]) -> str:
    return "; ".join(a.name + (f" ({a.number})" if a.number is not None else "") + _mark(a) for a in actors)


def _incident_lines(number: int, incident: Incident) -> list[str]:
    title = f"{number}. {incident.type.replace('_', ' ')} ({incident.status.replace('_', ' ')})"
    lines = [title + ("  [main]" if incident.main else ""), f"   {incident.description}"]
    if incident.when:
        lines.append(f'   when:  {incident.when.date or "?"} ({incident.when.precision}) - "{incident.when.text}"')
    if incident.where:
        parts = [p for p in (incident.where.city, incident.where.region, incident.where.country) if p]
        lines.append(f'   where: {", ".join(parts) or "?"} - "{incident.where.text}"')
    for label, actors in (
        ("perpetrators", incident.perpetrators),
        ("victims", incident.victims),
        ("targets", incident.targets),
    ):
        if actors:
            lines.append(f"   {label}: {_actors(actors)}")
    if incident.weapons:
        lines.append(f"   weapons: {'; '.join(w.quote for w in incident.weapons)}")
    c = incident.casualties
    figures = [
        (label, _count(x))
        for label, x in (("killed", c.killed), ("injured", c.injured), ("perpetrators killed", c.perpetrators_killed))
    ]
    if any(value for _, value in figures):
        lines.append("   " + ", ".join(f"{label}: {value}" for label, value in figures if value))
    if c.other_reports:
        lines.append(f"   other reports of deaths: {'; '.join(filter(None, map(_count, c.other_reports)))}")
    for r in incident.responsibility:
        by = f" by {r.stated_by}" if r.stated_by and r.stance in ("attributed", "suspected") else ""
        party = f"{r.party} ({r.canonical})" if r.canonical and r.canonical != r.party else r.party
        lines.append(f"   responsibility: {party} - {r.stance}{by}{_mark(r)}")
    return lines


def text(summary: Summary, title: str | None = None) -> str:
    """A readable multi-line report; ``title``, an HTML page's, heads it."""
    lines = [f"page title: {' '.join(title.split())}", ""] if title else []
    lines += [summary.summary, ""]
    if not summary.incidents:
        lines.append("No violent incident reported.")
    for n, incident in enumerate(summary.incidents, start=1):
        lines += [*_incident_lines(n, incident), ""]
    p = summary.provenance
    lines.append(
        f"[{p.model}, prompt {p.prompt_version}, schema v{p.schema_version}, {p.attempts} attempt(s), "
        f"{p.usage.prompt_tokens}+{p.usage.completion_tokens} tokens, {p.seconds:.1f} s]"
    )
    if p.grounding:
        g = p.grounding
        lines.append(
            f"[grounding: {g.exact} exact, {g.fuzzy} fuzzy, {g.not_found} not found; "
            f"{len(g.unsupported)} unsupported ({'dropped' if g.policy == 'drop' else 'flagged'})]"
        )
    return "\n".join(lines).rstrip() + "\n"


def _place(incident: Incident) -> str | None:
    where = incident.where
    if where is None:
        return None
    parts = [p for p in (where.city, where.region, where.country) if p]
    return ", ".join(dict.fromkeys(parts)) or where.text


def _headline(incident: Incident) -> str:
    """One sentence of an incident's facts: what, where, when, the toll and who is held responsible."""
    words = [incident.type.replace("_", " ").capitalize()]
    if incident.status != "carried_out":
        words.append(f"({incident.status.replace('_', ' ')})")
    place = _place(incident)
    if place:
        words.append(f"in {place}")
    if incident.when and incident.when.date:
        words.append(f"on {incident.when.date}")
    c = incident.casualties
    toll = [
        f"{QUALIFIER_WORDS[x.qualifier]}{x.number} {label}"
        for label, x in (("killed", c.killed), ("injured", c.injured))
        if x
    ]
    sentence = " ".join(words) + (": " + ", ".join(toll) if toll else "")
    said = [
        f"{r.canonical or r.party} {r.stance}"
        + (f" by {r.stated_by}" if r.stated_by and r.stance in ("attributed", "suspected") else "")
        for r in incident.responsibility
    ]
    if said:
        sentence += "; " + "; ".join(said)
    return sentence + "."


def headline(incidents: list[Incident]) -> str:
    """The summary's sentences, written from the incidents' facts (the main one first), so it says
    nothing the incidents do not; the model writes no prose."""
    if not incidents:
        return "The article reports no violent incident."
    ordered = sorted(incidents, key=lambda i: not i.main)
    return " ".join(_headline(i) for i in ordered[:3]) + (
        f" {len(ordered) - 3} more incident(s)." if len(ordered) > 3 else ""
    )
