"""The rules that override the model, measured alone, without it, on whole annotated datasets.

``python -m summarizer.evaluation.readers ../shared/data`` reads:

* the casualty readers (:mod:`summarizer.casualties`, as post-processing applies them to one incident)
  on every GVA dev article: the killed and injured figures they read against the incident's counts;
* the responsibility reader (:func:`summarizer.responsibility.find`) on every MUC-4 train and dev
  document: the groups it finds claiming or held responsible against the answer keys' CLAIMED and
  SUSPECTED OR ACCUSED organisations;
* the gazetteer (:func:`summarizer.places.gazetteer_state`) on every GVA dev article: the state it gives
  the incident's city against the incident's state.

Precision is over the documents where the rule says something; recall over all documents where the
key has something to find. No model is called.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer import normalize, places, responsibility
from summarizer.aliases import AliasTable
from summarizer.evaluation.scoring import match_role
from summarizer.schema import Incident


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
    for record in _records(gva):
        gold = record["gold"]
        [read] = normalize._by_rule([_BLANK], record["text"])  # the rules alone, as post-processing runs them
        for tally, count, truth in (
            (killed, read.killed, gold["num_killed"]),
            (injured, read.injured, gold["num_injured"]),
        ):
            _mark(tally, count.number if count else None, int(truth or 0))
    return [killed, injured]


def _mark(tally: Tally, said: int | None, truth: int) -> None:
    tally.findable += truth > 0
    if said is not None:
        tally.spoke += 1
        tally.right += said == truth


def responsibility_reader(muc: list[Path]) -> list[Tally]:
    """Groups found claiming (held responsible) against the keys' claimed (suspected or accused) groups."""
    claimed, blamed = (
        Tally("responsibility: claimed (MUC-4 train+dev)"),
        Tally("responsibility: held (MUC-4 train+dev)"),
    )
    table = AliasTable()
    for path in muc:
        for record in _records(path):
            templates = record["gold"].get("templates") or []
            found = responsibility.find(record["text"], table)
            said = {
                "claimed": [f.statement.party for f in found if f.statement.stance == "claimed"],
                "held": [f.statement.party for f in found if f.statement.stance in ("attributed", "suspected")],
            }
            for tally, stance, key in ((claimed, "claimed", "claimed_by"), (blamed, "held", "suspected_or_accused")):
                gold = [[name] for t in templates for name in t["derived"][key]]
                tally.findable += len(gold)
                tally.spoke += len(said[stance])
                tally.right += match_role(said[stance], gold, lenient=True).matched
    return [claimed, blamed]


def gazetteer(gva: Path) -> list[Tally]:
    tally = Tally("gazetteer: US state of the city (GVA dev)")
    for record in _records(gva):
        gold = record["gold"]
        city = re.sub(r"\s*\(.*\)$", "", gold.get("city_or_county") or "")
        tally.findable += bool(gold.get("state"))
        state = places.gazetteer_state(city)
        if state is not None:
            tally.spoke += 1
            tally.right += state == gold.get("state")
    return [tally]


def main(argv: list[str] | None = None) -> int:
    data = Path((argv if argv is not None else sys.argv[1:] or ["../shared/data"])[0])
    tallies = casualty_readers(data / "gva/dev.jsonl")
    tallies += responsibility_reader([data / "muc4/train.jsonl", data / "muc4/dev.jsonl"])
    tallies += gazetteer(data / "gva/dev.jsonl")
    print("| rule | spoke | right | findable | precision | recall |\n|---|---|---|---|---|---|")
    print("\n".join(t.line() for t in tallies))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
