"""The model's draft read into incidents, and what the rules know of a figure: its support and its bounds."""

from __future__ import annotations

import calendar
import re
from datetime import date

from summarizer import casualties, dates, grounding, responsibility
from summarizer.schema import Count, Incident, IncidentDraft, When
from summarizer.text import squash

_PLACEHOLDERS = {"", "unknown", "unidentified", "none", "n/a", "na", "null", "not stated", "not mentioned"}


def placeholder(name: str) -> bool:
    """Whether ``name`` is the model saying nothing ("unknown", "n/a")."""
    return name.strip(" .'\"").casefold() in _PLACEHOLDERS


_ISO = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(\d{2})")


def _when(text: str | None, article: str, published: date | None, future: bool = False) -> When | None:
    if not text or not text.strip():
        return None
    when = dates.resolve(text, published, future=future)
    year = when.date[:4] if when.date and when.date[0].isdigit() else None
    if year and not dates.gives_year(article, year) and text not in article:
        # The model wrote a year the article does not contain: resolve its words without it. An ISO date
        # ("2015-07-23", the form the prompt gives the publication day in) keeps its month and day; the
        # publication day copied back is no day the article gives (``readers.dated`` looks for one).
        iso = _ISO.fullmatch(text.strip())
        if iso and published is not None and text.strip() == published.isoformat():
            return When(text=text, date=None, precision="unknown")
        words = f"{calendar.month_name[int(iso[1])]} {int(iso[2])}" if iso else re.sub(rf",?\s*\b{year}\b", "", text)
        anchored = dates.resolve(words, published, future=future)
        when = When(text=text, date=anchored.date, precision=anchored.precision)
    return when


def incident(draft: IncidentDraft, article: str, published: date | None) -> Incident:
    fields = draft.model_dump(exclude={"when"})
    for role in ("perpetrators", "victims", "targets"):  # "unknown" is the model saying nothing
        fields[role] = [a for a in fields[role] if not (placeholder(a["name"]) and a["number"] is None)]
    fields["weapons"] = [w for w in fields["weapons"] if not placeholder(w["quote"])]
    if (where := fields.get("where")) is not None:  # "unknown" for a city or a country is none
        where.update({key: None for key in ("city", "region", "country") if where[key] and placeholder(where[key])})
        if placeholder(where["text"]) and not any(where[key] for key in ("city", "region", "country")):
            fields["where"] = None
    statements = [r for r in draft.responsibility if not placeholder(r.party)]
    fields["responsibility"] = [r.model_dump() for r in responsibility.checked(statements)]
    return Incident.model_validate(
        {
            **fields,
            "main": False,
            "when": _when(draft.when, article, published, draft.status in ("planned", "threatened")),
        }
    )


def grounded(count: Count | None, article: str, field: str = "killed") -> bool:
    """A figure is grounded when its quote is in the article, states its number, and speaks of
    deaths (injuries for ``field == "injured"``) rather than of something else."""
    if count is None or squash(count.quote) not in squash(article):
        return False
    if not grounding.supports_count(count.quote, count.number, field):
        return False
    span = grounding.align(count.quote, article)  # "Darrell Hawkins, 34 who were shot": 34 is his age
    if span.found and span.start is not None and span.end is not None:
        return not casualties.an_age(article, span.start, span.end, count.number)
    return True


def others(killed: Count | None, reports: list[Count]) -> list[Count]:
    """Victim-death figures other than the one reported, once per number."""
    seen = {killed.number} if killed else set()
    others = []
    for report in reports:
        if report.number not in seen:
            seen.add(report.number)
            others.append(report)
    return others


def _describe(count: Count | None, article: str) -> Count | None:
    """A figure with the bounds its wording allows and, when its sentence says, who gave it."""
    if count is None:
        return None
    low, high = casualties.bounds(count)
    span = count.span
    source = count.source
    if source is None and span is not None and span.start is not None and span.end is not None:
        source = casualties.source(article, span.start, span.end)
    return count.model_copy(update={"low": low, "high": high, "source": source})


def described(incident: Incident, article: str) -> Incident:
    c = incident.casualties
    update = {name: _describe(getattr(c, name), article) for name in ("killed", "injured", "perpetrators_killed")}
    others = [_describe(o, article) for o in c.other_reports]
    described = c.model_copy(update={**update, "other_reports": [o for o in others if o is not None]})
    return incident.model_copy(update={"casualties": described})
