"""Scorers for MUC-4 and the Gun Violence Archive, on flattened predictions.

MUC-4 role fillers follow the document-level scoring of GRIT/GTT (Du et al. 2021):
per document and role (PerpInd, PerpOrg, Target, Victim, Weapon), gold entities are
the union over templates, each with alternative mentions; a predicted string
matches an entity if, after normalisation, it equals one of its mentions (strict)
or, in the lenient variant, one contains the other as whole words. Matching is
one-to-one; precision, recall and F1 are micro-averaged over roles and documents.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from summarizer.evaluation.predictions import Predicted, main_of

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
_ARTICLES = re.compile(r"^(the|a|an)\s+")
# MUC incident types and the summarizer types that count as the same kind of event.
MUC_TYPES = {
    "ATTACK": {
        "armed_assault",
        "shooting",
        "suicide_attack",
        "assassination",
        "air_strike_shelling",
        "aircraft_attack",
        "other",
    },
    "BOMBING": {"bombing", "suicide_attack"},
    "KIDNAPPING": {"hostage_taking_kidnapping"},
    "ARSON": {"arson"},
    "ROBBERY": {"other"},
    "FORCED WORK STOPPAGE": {"other"},
}


def norm(text: str) -> str:
    """Upper/lower case, punctuation and leading articles do not matter."""
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return _ARTICLES.sub("", " ".join(text.split()))


def _lenient(pred: str, mention: str) -> bool:
    p, m = f" {pred} ", f" {mention} "
    return bool(pred and mention) and (p in m or m in p)


@dataclass
class Tally:
    """Matched, predicted and gold counts; P/R/F1 from them."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    def scores(self) -> dict[str, float]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def match_role(predicted: Iterable[str], gold: list[list[str]], lenient: bool = False) -> Tally:
    """One-to-one matches between predicted strings and gold entities (lists of mentions)."""
    preds = list(dict.fromkeys(n for n in (norm(p) for p in predicted) if n))
    entities = [[norm(m) for m in mentions if norm(m)] for mentions in gold]
    entities = [e for e in entities if e]
    fits = [
        [k for k, e in enumerate(entities) if any(p == m or (lenient and _lenient(p, m)) for m in e)] for p in preds
    ]
    return Tally(_maximum_matching(fits), len(preds), len(entities))


def _maximum_matching(fits: list[list[int]]) -> int:
    """Size of a maximum one-to-one matching (augmenting paths), so order never matters."""
    owner: dict[int, int] = {}

    def place(p: int, seen: set[int]) -> bool:
        for k in fits[p]:
            if k not in seen:
                seen.add(k)
                if k not in owner or place(owner[k], seen):
                    owner[k] = p
                    return True
        return False

    return sum(place(p, set()) for p in range(len(fits)))


def muc_gold_roles(templates: list[dict[str, Any]]) -> dict[str, list[list[str]]]:
    """Gold entities per role, the union over a document's templates (deduplicated)."""
    roles: dict[str, list[list[str]]] = {role: [] for role in ROLES}
    for t in templates:
        roles["PerpInd"] += [e["mentions"] for e in t.get("perp_individuals", [])]
        roles["PerpOrg"] += [e["mentions"] for e in t.get("perp_organizations", [])]
        roles["Target"] += [e["mentions"] for e in t.get("physical_targets", [])]
        roles["Victim"] += [h["names"] + h["descriptions"] for h in t.get("human_targets", [])]
        roles["Weapon"] += [e["mentions"] for e in t.get("instruments", []) if e.get("mentions")]
    for role, entities in roles.items():
        unique: dict[tuple[str, ...], list[str]] = {}
        for mentions in entities:
            unique.setdefault(tuple(sorted(norm(m) for m in mentions)), mentions)
        roles[role] = list(unique.values())
    return roles


def predicted_roles(incidents: list[Predicted]) -> dict[str, list[str]]:
    return {
        "PerpInd": [n for i in incidents for n in i.perp_individuals],
        "PerpOrg": [n for i in incidents for n in i.perp_organizations],
        "Target": [n for i in incidents for n in i.targets],
        "Victim": [n for i in incidents for n in i.victims],
        "Weapon": [n for i in incidents for n in i.weapons],
    }


def muc_date(raw: str | None) -> set[str]:
    """'10 OCT 89' -> {'1989-10-10'}; a range '17 FEB 90 - 18 FEB 90' gives both ends."""
    days = set()
    for part in re.findall(r"\d{1,2} [A-Z]{3} \d{2}", raw or ""):
        try:
            days.add(datetime.strptime(part.title(), "%d %b %y").date().isoformat())
        except ValueError:
            continue
    return days


def muc_said(raw: str | None) -> set[str]:
    """The dates a key says an incident happened on, leaving out a bound alone ("- 18 MAY 90": on or before the
    report, which keys write for an incident a text recalls without a date): its days, and a range that is one
    whole month ("01 JAN 90 - 31 JAN 90", the text's "in January") as that month too ('1990-01')."""
    text = (raw or "").strip()
    if text.startswith("-"):
        return set()
    days = muc_date(text)
    if len(days) == 2:
        first, last = sorted(date.fromisoformat(day) for day in days)
        whole = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
        if whole and (first.year, first.month) == (last.year, last.month):
            days.add(first.isoformat()[:7])
    return days


def muc_published(text: str) -> date | None:
    """The dateline of a MUC text: 'GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --'."""
    m = re.search(r"\b(\d{1,2} [A-Z]{3} \d{2})\b", text[:200])
    try:
        return datetime.strptime(m.group(1).title(), "%d %b %y").date() if m else None
    except ValueError:
        return None


def muc_location(raw: str | None) -> tuple[str | None, str | None]:
    """'EL SALVADOR: SAN SALVADOR (CITY)' -> ('el salvador', 'san salvador'); towns and villages count as cities."""
    if not raw:
        return None, None
    parts = [p.strip() for p in raw.split(":")]
    country = norm(re.sub(r"\(.*?\)", "", parts[0])) or None
    city = next((norm(re.sub(r"\(.*?\)", "", p)) for p in parts[1:] if re.search(r"\((CITY|TOWN|VILLAGE)\)", p)), None)
    return country, city


def _within(pred: int | None, gold: int, tolerance: float) -> bool:
    return pred is not None and abs(pred - gold) <= tolerance * max(gold, 1)


# A place's abbreviated words, written out: "St. Louis" is the key's "Saint Louis", "Ft. Worth" its "Fort Worth".
_PLACE_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


def _place(text: str) -> str:
    return " ".join(_PLACE_WORDS.get(word, word) for word in norm(text).split())


def same_place(pred: str | None, gold: str | None) -> bool:
    return bool(pred and gold) and _lenient(_place(pred or ""), _place(gold or ""))


@dataclass
class Scoreboard:
    """Running totals over documents; ``report()`` gives the figures."""

    strict: dict[str, Tally] = field(default_factory=lambda: {r: Tally() for r in ROLES})
    lenient: dict[str, Tally] = field(default_factory=lambda: {r: Tally() for r in ROLES})
    counts: dict[str, list[bool]] = field(default_factory=dict)
    confusions: int = 0

    def mark(self, name: str, ok: bool) -> None:
        self.counts.setdefault(name, []).append(bool(ok))

    def rates(self) -> dict[str, dict[str, float | int]]:
        return {k: {"rate": round(sum(v) / len(v), 4), "n": len(v)} for k, v in sorted(self.counts.items())}

    def report(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rates": self.rates()}
        if any(t.gold or t.predicted for t in self.strict.values()):
            for name, roles in (("strict", self.strict), ("lenient", self.lenient)):
                micro = Tally()
                for t in roles.values():
                    micro.add(t)
                out[f"roles_{name}"] = {r: roles[r].scores() for r in ROLES} | {"micro": micro.scores()}
            out["claim_blame_confusions"] = self.confusions
        return out


def score_muc(board: Scoreboard, gold: dict[str, Any], incidents: list[Predicted]) -> None:
    templates = gold.get("templates", [])
    relevant = bool(gold.get("relevant"))
    board.mark("relevance_accuracy", relevant == bool(incidents))
    if not relevant:
        board.mark("irrelevant_with_invented_incident", bool(incidents))
    gold_roles, pred_roles = muc_gold_roles(templates), predicted_roles(incidents)
    for role in ROLES:
        board.strict[role].add(match_role(pred_roles[role], gold_roles[role]))
        board.lenient[role].add(match_role(pred_roles[role], gold_roles[role], lenient=True))
    if not relevant:
        return
    main = main_of(incidents) or Predicted()
    board.mark("type_accuracy", any(main.type in MUC_TYPES.get(t["incident_type"], set()) for t in templates))
    gold_days = set().union(*(muc_date(t.get("date")) for t in templates))
    if gold_days:
        board.mark("date_day_accuracy", any(i.date in gold_days for i in incidents))
    if said := set().union(*(muc_said(t.get("date")) for t in templates)):  # the keys' "- D" bounds left out
        board.mark("date_said_accuracy", any(i.date in said for i in incidents))
    places = [muc_location(t.get("location")) for t in templates]
    if any(c for c, _ in places):
        board.mark("country_accuracy", any(same_place(i.country, c) for i in incidents for c, _ in places))
    if any(c for _, c in places):
        board.mark("city_accuracy", any(same_place(i.city, c) for i in incidents for _, c in places))
    _score_counts(board, incidents, templates)
    _score_claims(board, incidents, templates)


def _score_counts(board: Scoreboard, incidents: list[Predicted], templates: list[dict[str, Any]]) -> None:
    """Deaths (injuries) are scored over documents where the key or the summary has some: a document
    where both say none would make "exact" mostly 0 == 0."""
    for kind in ("killed", "injured"):
        gold_min = sum(t["derived"][f"{kind}_min"] for t in templates)
        pred = sum(getattr(i, kind) or 0 for i in incidents)
        if gold_min == 0 and pred == 0:
            continue
        board.mark(f"{kind}_exact", pred == gold_min)
        board.mark(f"{kind}_within_20pct", _within(pred, gold_min, 0.2))


def parties(templates: list[dict[str, Any]], key: str) -> list[list[str]]:
    """The organisations under ``derived[key]``, each with all its mentions, once per document."""
    mentions = {
        norm(m): e["mentions"] for t in templates for e in t.get("perp_organizations", []) for m in e["mentions"]
    }
    entities: dict[tuple[str, ...], list[str]] = {}
    for t in templates:
        for name in t["derived"][key]:
            entity = mentions.get(norm(name), [name])
            entities.setdefault(_entity(entity), entity)
    return list(entities.values())


def _entity(mentions: list[str]) -> tuple[str, ...]:
    return tuple(sorted(norm(m) for m in mentions))


def _score_claims(board: Scoreboard, incidents: list[Predicted], templates: list[dict[str, Any]]) -> None:
    claimed, blamed = parties(templates, "claimed_by"), parties(templates, "suspected_or_accused")
    pred_claimed = [n for i in incidents for n in i.claimed]
    pred_blamed = [n for i in incidents for n in i.blamed]
    both = {_entity(party) for party in claimed} & {_entity(party) for party in blamed}
    for held, right, wrong in ((claimed, pred_claimed, pred_blamed), (blamed, pred_blamed, pred_claimed)):
        for party in held:
            board.mark("claims_recall", match_role(right, [party], lenient=True).matched == 1)
            if _entity(party) not in both:  # a key that holds a party both claimed and suspected allows either
                board.confusions += match_role(wrong, [party], lenient=True).matched
    for name in pred_claimed:
        board.mark("claims_precision_claimed", match_role([name], claimed, lenient=True).matched == 1)


def attackers_killed(gold: dict[str, Any]) -> int:
    """How many of a GVA record's participants are attackers (subject-suspects) who were killed."""
    return sum(
        "Killed" in (p.get("Status") or "") and "Victim" not in (p.get("Type") or "")
        for p in gold.get("participants") or []
    )


def score_gva(board: Scoreboard, gold: dict[str, Any], incidents: list[Predicted]) -> None:
    board.mark("incident_found", bool(incidents))
    main = main_of(incidents) or Predicted()
    for kind, key in (("killed", "num_killed"), ("injured", "num_injured")):
        value = gold.get(key)
        if value is None:
            continue
        pred = getattr(main, kind) or 0
        board.mark(f"{kind}_exact", pred == value)
        board.mark(f"{kind}_within_20pct", _within(pred, int(value), 0.2))
    # GVA's num_killed counts the shooter too; the summary keeps attackers apart: scored on their own, over the
    # articles where the record or the summary has an attacker killed.
    suspects = attackers_killed(gold)
    if suspects or main.perpetrators_killed:
        board.mark("attackers_killed_exact", (main.perpetrators_killed or 0) == suspects)
    # killed_exact holds the summary's victims to the record's toll, which counts a dead shooter too (8.4% of GVA
    # dev articles): victims_killed_exact holds them to the victims the record has killed.
    if gold.get("num_killed") is not None:
        board.mark("victims_killed_exact", (main.killed or 0) == int(gold["num_killed"]) - suspects)
    try:
        gold_day = datetime.strptime(gold["date"], "%B %d, %Y").date().isoformat()
        board.mark("date_day_accuracy", main.date == gold_day)
        if main.date and len(main.date) == 10:  # a day given: a wrong one apart from none (accuracy counts both)
            board.mark("date_day_precision", main.date == gold_day)
    except (KeyError, ValueError):
        pass
    board.mark("city_accuracy", same_place(main.city, gold.get("city_or_county")))
    board.mark("state_accuracy", same_place(main.region, gold.get("state")))
