"""The rules that override the model, measured alone, without it, on whole annotated datasets.

``python -m summarizer.evaluation.readers ../shared/data`` reads:

* the casualty readers (:mod:`summarizer.casualties`, as post-processing applies them to one incident)
  on every GVA dev article: the killed and injured figures they read against the incident's counts, and the
  attackers killed against the record's subject-suspects killed;
* the responsibility reader (:func:`summarizer.responsibility.find`) on every MUC-4 train and dev
  document: the groups it finds claiming or held responsible against the answer keys' CLAIMED and
  SUSPECTED OR ACCUSED organisations;
* the gazetteer (:func:`summarizer.places.gazetteer_state`) on every GVA dev article: the state it gives
  the incident's city against the incident's state; and (:func:`summarizer.places.gazetteer_country`) on
  every MUC-4 train and dev template: the country it gives the key's city against the key's country;
* the story's city (:func:`summarizer.places.story_city`) on every GVA dev article: the city it reads
  against the incident's city, and its state against the incident's state;
* the dateline's country (the gazetteer's country of a wire dateline's city) on every MUC-4 document with
  a located template, against the keys' countries;
* the killing left out (:func:`summarizer.rules.readers.killing_left_out`: an incident made of the first
  victims' death the casualty readers find, when no incident is left) on every MUC-4 train and dev
  document, against the key's relevance, and on every GVA dev article, against the incident's deaths;
* the weapons reader (:func:`summarizer.rules.readers.armed`: an incident with no weapon takes the first
  two the article's sentences on violence name) on every relevant MUC-4 train and dev document, against
  the keys' instruments (lenient matching, as the Weapon role is scored);
* the attackers reader (:func:`summarizer.rules.readers.attacked_by`: an incident with no individual
  attacker takes the first the article's sentences on violence name as its agent) on every relevant MUC-4
  train and dev document, against the keys' PerpInd (lenient);
* the victims reader (:func:`summarizer.rules.readers.victimized`: an incident with no victims takes the first
  two the article's sentences on violence name as killed, injured or kidnapped) on every relevant MUC-4 train
  and dev document, against the keys' Victim fillers (lenient);
* the date reader (an incident with no day from the model takes the first day a sentence on violence
  gives, the dateline left out) on every GVA dev article and every relevant MUC-4 train and dev document,
  against the key's day (MUC-4: either end of a range).

Precision is over the documents where the rule says something; recall over all documents where the
key has something to find. No model is called.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from summarizer import places, responsibility
from summarizer.aliases import AliasTable
from summarizer.evaluation.scoring import (
    attackers_killed,
    match_role,
    muc_date,
    muc_gold_roles,
    muc_location,
    muc_published,
    parties,
    same_place,
)
from summarizer.rules import prepared, readers
from summarizer.schema import Incident, Responsibility


@dataclass
class Tally:
    """How often a rule spoke, was right, and could have been."""

    name: str
    spoke: int = 0
    right: int = 0
    findable: int = 0

    def line(self) -> str:
        precision = self.right / self.spoke if self.spoke else 0.0
        recall = self.right / self.findable if self.findable else 0.0
        return f"| {self.name} | {self.spoke} | {self.right} | {self.findable} | {precision:.3f} | {recall:.3f} |"


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


_BLANK = Incident.model_validate(
    {"description": "", "type": "other", "status": "carried_out", "when": None, "where": None, "perpetrators": [],
     "victims": [], "targets": [], "weapons": [], "responsibility": [], "main": True,
     "casualties": {"killed": None, "injured": None, "perpetrators_killed": None}}
)  # fmt: skip


def casualty_readers(gva: Path) -> list[Tally]:
    """The figures the rules give an article's one incident, as if the model had given none."""
    killed, injured = Tally("casualties: killed (GVA dev)"), Tally("casualties: injured (GVA dev)")
    attackers = Tally("casualties: attackers killed (GVA dev, against the record's subject-suspects killed)")
    victims = Tally("casualties: killed (GVA dev, against the record's victims killed: its toll less the attackers)")
    for record in _records(gva):
        gold = record["gold"]
        [read] = readers.by_rule([_BLANK], record["text"])  # the rules alone, as post-processing runs them
        for tally, count, truth in (
            (killed, read.killed, gold["num_killed"]),
            (injured, read.injured, gold["num_injured"]),
            (attackers, read.perpetrators_killed, attackers_killed(gold)),
            (victims, read.killed, int(gold["num_killed"] or 0) - attackers_killed(gold)),
        ):
            _mark(tally, count.number if count else None, int(truth or 0))
    return [killed, victims, injured, attackers]


def muc_casualty_readers(muc: list[Path]) -> list[Tally]:
    """The figures the rules give a relevant MUC-4 document's one incident, against the keys' deaths
    (injuries) summed over its templates (a named victim counts one)."""
    killed, injured = Tally("casualties: killed (MUC-4 train+dev)"), Tally("casualties: injured (MUC-4 train+dev)")
    for path in muc:
        for record in _records(path):
            templates = record["gold"].get("templates") or []
            if not record["gold"].get("relevant") or not templates:
                continue
            [read] = readers.by_rule([_BLANK], record["text"])
            for tally, count, kind in ((killed, read.killed, "killed_min"), (injured, read.injured, "injured_min")):
                _mark(tally, count.number if count else None, sum(t["derived"][kind] for t in templates))
    return [killed, injured]


def _mark(tally: Tally, said: int | None, truth: int) -> None:
    tally.findable += truth > 0
    if said is not None:
        tally.spoke += 1
        tally.right += said == truth


def responsibility_reader(muc: list[Path]) -> list[Tally]:
    """Groups found claiming (held responsible) against the keys' claimed (suspected or accused) groups: each
    party once a document, on both sides, matched by any name the key gives it ("FMLN" for "FARABUNDO MARTI
    NATIONAL LIBERATION FRONT")."""
    claimed, blamed = (
        Tally("responsibility: claimed (MUC-4 train+dev)"),
        Tally("responsibility: held (MUC-4 train+dev)"),
    )
    table = AliasTable()
    for path in muc:
        for record in _records(path):
            templates = record["gold"].get("templates") or []
            found = responsibility.find(record["text"], table)
            said = {  # each party once a document, as the key holds it
                "claimed": _once([f.statement for f in found if f.statement.stance == "claimed"]),
                "held": _once([f.statement for f in found if f.statement.stance in ("attributed", "suspected")]),
            }
            for tally, stance, key in ((claimed, "claimed", "claimed_by"), (blamed, "held", "suspected_or_accused")):
                gold = parties(templates, key)  # each party with every name the key gives it ("FMLN", ...)
                tally.findable += len(gold)
                tally.spoke += len(said[stance])
                tally.right += match_role(said[stance], gold, lenient=True).matched
    return [claimed, blamed]


def _once(statements: list[Responsibility]) -> list[str]:
    """The parties of ``statements``, each once (by canonical name, else as written)."""
    return list({(s.canonical or s.party).casefold(): s.party for s in statements}.values())


def gazetteer(gva: Path) -> list[Tally]:
    tally = Tally("gazetteer: US state of the city (GVA dev)")
    named = Tally("gazetteer: the state the article names among the city's, else the above (GVA dev)")
    for record in _records(gva):
        gold = record["gold"]
        city = re.sub(r"\s*\(.*\)$", "", gold.get("city_or_county") or "")
        tally.findable += bool(gold.get("state"))
        state = places.gazetteer_state(city)
        if state is not None:
            tally.spoke += 1
            tally.right += state == gold.get("state")
        named.findable += bool(gold.get("state"))
        if (state := places.state_of(city, record["text"])) is not None:
            named.spoke += 1
            named.right += state == gold.get("state")
    return [tally, named]


def story_city(gva: Path) -> list[Tally]:
    """Where the article places its story (:func:`summarizer.rules.readers.story_place`), read from the text alone,
    against the incident's city and (with the gazetteer's state where the article writes none) its state;
    scored as the evaluation scores a city, leniently."""
    city = Tally("story city: the city a US article places its story in (GVA dev)")
    state = Tally("story city: its state, written after it or the gazetteer's (GVA dev)")
    for record in _records(gva):
        gold = record["gold"]
        city.findable += bool(gold.get("city_or_county"))
        state.findable += bool(gold.get("state"))
        if (read := readers.story_place(record["text"])) is None:
            continue
        city.spoke += 1
        city.right += same_place(read[0], gold.get("city_or_county"))
        if said := read[1]:
            state.spoke += 1
            state.right += same_place(said, gold.get("state"))
    return [city, state]


def countries(muc: list[Path]) -> list[Tally]:
    """The gazetteer's country of the key's city, and the country of the dateline's city."""
    city, dateline = Tally("gazetteer: country of the city (MUC-4 train+dev)"), Tally("dateline: country (MUC-4)")
    for path in muc:
        for record in _records(path):
            located = [muc_location(t.get("location")) for t in record["gold"].get("templates") or []]
            golds = {found[1] for name, _ in located if (found := places.country(name))}
            for name, town in located:
                truth = places.country(name)
                if truth and town:
                    city.findable += 1
                    if said := places.gazetteer_country(town):
                        city.spoke += 1
                        city.right += said[1] == truth[1]
            if golds:
                dateline.findable += 1
                if said := prepared.dateline_country(record["text"]):
                    dateline.spoke += 1
                    dateline.right += said[1] in golds
    return [city, dateline]


def actor_readers(muc: list[Path]) -> list[Tally]:
    """The weapons, attackers and victims the rules give a relevant document's one incident, as if the model had given
    none, against the keys' Weapon, PerpInd and Victim fillers (lenient
    matching)."""
    armed = Tally("weapons: the first two named on violence (MUC-4 train+dev, lenient)")
    attacked = Tally("attackers: the first named as the agent of violence (MUC-4 train+dev, lenient)")
    victimized = Tally("victims: the first two named killed, injured or kidnapped (MUC-4 train+dev, lenient)")
    for path in muc:
        for record in _records(path):
            if not record["gold"].get("relevant"):
                continue
            article = prepared.Article(record["text"], None)
            gold = muc_gold_roles(record["gold"]["templates"])
            [read] = readers.armed([_BLANK], article)
            [agent] = readers.attacked_by([_BLANK], article)
            [hit] = readers.victimized([_BLANK], article)
            for tally, said, role in (
                (armed, [w.quote for w in read.weapons], "Weapon"),
                (attacked, [a.name for a in agent.perpetrators], "PerpInd"),
                (victimized, [v.name for v in hit.victims], "Victim"),
            ):
                matched = match_role(said, gold[role], lenient=True)
                tally.spoke += matched.predicted
                tally.right += matched.matched
                tally.findable += matched.gold
    return [armed, attacked, victimized]


def killing_left_out(gva: Path, muc: list[Path]) -> list[Tally]:
    """The incident the rules make when the model leaves none: is the document relevant (MUC-4), is its
    death toll (its injury figure) the incident's (GVA)?"""
    relevant = Tally("a killing left out: the document is relevant (MUC-4 train+dev)")
    killed = Tally("a killing left out: its deaths (GVA dev)")
    injured = Tally("a killing left out: its injuries, where no death is read (GVA dev)")
    for path in muc:
        for record in _records(path):
            made = readers.killing_left_out([], prepared.Article(record["text"], None))
            relevant.findable += bool(record["gold"].get("relevant"))
            relevant.spoke += bool(made)
            relevant.right += bool(made) and bool(record["gold"].get("relevant"))
    for record in _records(gva):
        made = readers.killing_left_out([], prepared.Article(record["text"], None))
        for tally, kind in ((killed, "killed"), (injured, "injured")):
            count = getattr(made[0].casualties, kind) if made else None
            _mark(tally, count.number if count else None, int(record["gold"][f"num_{kind}"] or 0))
    return [relevant, killed, injured]


def date_reader(gva: Path, muc: list[Path]) -> list[Tally]:
    """The day the rules give an article's first incident, as if the model had given none."""
    on_gva, on_muc = Tally("date: first day on violence (GVA dev)"), Tally("date: first day on violence (MUC-4)")
    blank = _BLANK.model_copy(update={"casualties": _BLANK.casualties})
    for record in _records(gva):
        truth = {datetime.strptime(record["gold"]["date"], "%B %d, %Y").date().isoformat()}
        published = date.fromisoformat(record["dct"]) if record.get("dct") else None
        _mark_day(on_gva, readers.dated([blank], prepared.Article(record["text"], published)), truth)
    for path in muc:
        for record in _records(path):
            templates = record["gold"].get("templates") or []
            truth = set().union(*(muc_date(t.get("date")) for t in templates)) if templates else set()
            if record["gold"].get("relevant") and truth:
                _mark_day(
                    on_muc,
                    readers.dated([blank], prepared.Article(record["text"], muc_published(record["text"]))),
                    truth,
                )
    return [on_gva, on_muc]


def _mark_day(tally: Tally, incidents: list[Incident], truth: set[str]) -> None:
    tally.findable += 1
    when = incidents[0].when
    if when is not None and when.date:
        tally.spoke += 1
        tally.right += when.date in truth


def main(argv: list[str] | None = None) -> int:
    data = Path((argv if argv is not None else sys.argv[1:] or ["../shared/data"])[0])
    tallies = casualty_readers(data / "gva/dev.jsonl")
    tallies += muc_casualty_readers([data / "muc4/train.jsonl", data / "muc4/dev.jsonl"])
    tallies += responsibility_reader([data / "muc4/train.jsonl", data / "muc4/dev.jsonl"])
    tallies += gazetteer(data / "gva/dev.jsonl")
    tallies += story_city(data / "gva/dev.jsonl")
    tallies += countries([data / "muc4/train.jsonl", data / "muc4/dev.jsonl"])
    tallies += date_reader(data / "gva/dev.jsonl", [data / "muc4/train.jsonl", data / "muc4/dev.jsonl"])
    tallies += actor_readers([data / "muc4/train.jsonl", data / "muc4/dev.jsonl"])
    tallies += killing_left_out(data / "gva/dev.jsonl", [data / "muc4/train.jsonl", data / "muc4/dev.jsonl"])
    print("| rule | spoke | right | findable | precision | recall |\n|---|---|---|---|---|---|")
    print("\n".join(t.line() for t in tallies))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
