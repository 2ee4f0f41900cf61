"""Deterministic post-processing: the model's draft becomes the user's summary.

* dates are resolved against the publication date, and a year the article never
  gives is not kept;
* incidents on the same day in the same city are one incident (small models
  often split one attack into one entry per sentence);
* a casualty figure the model left out, or whose quote does not hold its number or
  is not in the article, is replaced by the figure that the rules of
  :mod:`summarizer.casualties` find in the incident's part of the article;
* placeholder actors ("unknown" with no number) and responsibility of an
  "unknown" party are dropped: they say nothing the article says;
* the incident with most victims is marked main;
* every fact's quote is aligned with the article (character span, exact / fuzzy /
  not found); a fact whose quote is not found or does not state its value (a
  number, a group's name) is flagged as unsupported or dropped, by policy.
"""

from __future__ import annotations

import re
from datetime import date

from summarizer import casualties, dates, grounding
from summarizer.schema import (
    ArticleDraft,
    Casualties,
    Count,
    Incident,
    IncidentDraft,
    Provenance,
    Summary,
    When,
)


def _when(text: str | None, article: str, published: date | None) -> When | None:
    if not text or not text.strip():
        return None
    when = dates.resolve(text, published)
    year = when.date[:4] if when.date and when.date[0].isdigit() else None
    if year and year not in article and text not in article:
        # The model wrote a year the article does not contain: resolve its words without it.
        anchored = dates.resolve(re.sub(rf",?\s*\b{year}\b", "", text), published)
        when = When(text=text, date=anchored.date, precision=anchored.precision)
    return when


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def grounded(count: Count | None, article: str) -> bool:
    """A figure is grounded when its quote is in the article and states its number."""
    if count is None or _squash(count.quote) not in _squash(article):
        return False
    return grounding.supports_number(count.quote, count.number)


def _anchor(incident: Incident, article: str) -> int:
    """Where the article first speaks of an incident: the earliest of its quoted words found."""
    folded = article.casefold()
    texts = [incident.when.text if incident.when else None, incident.where.text if incident.where else None]
    texts += [actor.quote for actor in incident.perpetrators + incident.victims + incident.targets]
    spots = [folded.find(t.casefold()) for t in texts if t and len(t) > 3]
    return min((s for s in spots if s >= 0), default=len(article))


def _by_rule(incidents: list[Incident], article: str) -> list[Casualties]:
    """Figures found by rule, each given to the incident spoken of last before it."""
    anchors = [_anchor(i, article) for i in incidents]
    found: list[dict[str, Count]] = [{} for _ in incidents]
    for mention in casualties.find(article):
        before = [k for k, a in enumerate(anchors) if a <= mention.start]
        owner = max(before, key=lambda k: anchors[k]) if before else 0
        field = "perpetrators_killed" if mention.perpetrators else mention.kind
        if field == "injured" and mention.perpetrators:
            continue
        best = found[owner].get(field)
        if best is None or mention.number > best.number:
            found[owner][field] = mention.count()
    return [
        Casualties(killed=f.get("killed"), injured=f.get("injured"), perpetrators_killed=f.get("perpetrators_killed"))
        for f in found
    ]


def _fill_casualties(incidents: list[Incident], article: str) -> list[Incident]:
    filled = []
    for incident, rule in zip(incidents, _by_rule(incidents, article), strict=True):
        model = incident.casualties
        merged = Casualties(
            killed=model.killed if grounded(model.killed, article) else rule.killed,
            injured=model.injured if grounded(model.injured, article) else rule.injured,
            perpetrators_killed=(
                model.perpetrators_killed if grounded(model.perpetrators_killed, article) else rule.perpetrators_killed
            ),
        )
        filled.append(incident.model_copy(update={"casualties": merged}))
    return filled


def _same_event(a: Incident, b: Incident) -> bool:
    if not (a.when and b.when and a.where and b.where) or a.when.precision != "day":
        return False
    city_a, city_b = (a.where.city or a.where.text).casefold(), (b.where.city or b.where.text).casefold()
    return a.when.date == b.when.date and city_a == city_b


def _union(first: list, second: list) -> list:  # type: ignore[type-arg]
    seen = {item.model_dump_json() for item in first}
    return first + [item for item in second if item.model_dump_json() not in seen]


def _merge(incidents: list[Incident]) -> list[Incident]:
    """One incident per event: same day, same city."""
    merged: list[Incident] = []
    for incident in incidents:
        twin = next((m for m in merged if _same_event(m, incident)), None)
        if twin is None:
            merged.append(incident)
            continue
        update: dict[str, object] = {
            field: _union(getattr(twin, field), getattr(incident, field))
            for field in ("perpetrators", "victims", "targets", "responsibility")
        }
        ours, theirs = twin.casualties, incident.casualties
        update["casualties"] = Casualties(
            killed=ours.killed or theirs.killed,
            injured=ours.injured or theirs.injured,
            perpetrators_killed=ours.perpetrators_killed or theirs.perpetrators_killed,
        )
        merged[merged.index(twin)] = twin.model_copy(update=update)
    return merged


def _weight(incident: Incident) -> int:
    counts = (incident.casualties.killed, incident.casualties.injured)
    return sum(count.number for count in counts if count is not None)


def _mark_main(incidents: list[Incident]) -> list[Incident]:
    """The incident with most victims killed and injured is the main one; the first on a tie."""
    if not incidents:
        return incidents
    main = max(range(len(incidents)), key=lambda i: (_weight(incidents[i]), -i))
    return [incident.model_copy(update={"main": i == main}) for i, incident in enumerate(incidents)]


_PLACEHOLDERS = {"", "unknown", "unidentified", "none", "n/a", "na", "null", "not stated", "not mentioned"}


def _placeholder(name: str) -> bool:
    return name.strip(" .'\"").casefold() in _PLACEHOLDERS


def _incident(draft: IncidentDraft, article: str, published: date | None) -> Incident:
    fields = draft.model_dump(exclude={"when"})
    for role in ("perpetrators", "victims", "targets"):  # "unknown" is the model saying nothing
        fields[role] = [a for a in fields[role] if not (_placeholder(a["name"]) and a["number"] is None)]
    fields["responsibility"] = [r for r in fields["responsibility"] if not _placeholder(r["party"])]
    return Incident.model_validate({**fields, "main": False, "when": _when(draft.when, article, published)})


def finish(
    draft: ArticleDraft, article: str, published: date | None, provenance: Provenance, unsupported: str = "flag"
) -> Summary:
    """Turn a validated draft into a :class:`Summary`, every fact aligned with the article."""
    incidents = _merge([_incident(d, article, published) for d in draft.incidents])
    incidents, report = grounding.ground(_mark_main(_fill_casualties(incidents, article)), article, unsupported)
    provenance = provenance.model_copy(update={"grounding": report})
    return Summary(summary=draft.summary.strip(), incidents=incidents, provenance=provenance)
