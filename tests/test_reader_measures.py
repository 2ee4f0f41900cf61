"""The readers' own measures (``python -m summarizer.evaluation.readers``), on a record written here."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.evaluation import readers


def _muc_record(text: str, claimed: list[str], mentions: list[str]) -> dict[str, object]:
    template = {
        "perp_organizations": [{"mentions": mentions}],
        "derived": {"claimed_by": claimed, "suspected_or_accused": []},
    }
    return {"id": "TEST-1", "text": text, "gold": {"relevant": True, "templates": [template]}}


def test_a_claim_is_matched_by_any_name_the_key_gives_its_party_and_counted_once_a_document(tmp_path: Path) -> None:
    text = (
        "SAN SALVADOR, 3 JUL 89 -- THE FMLN CLAIMED RESPONSIBILITY FOR THE ATTACK ON THE POWER STATION. "
        "IN A COMMUNIQUE, THE FMLN CLAIMED RESPONSIBILITY FOR THE ATTACK AGAIN."
    )
    front = "FARABUNDO MARTI NATIONAL LIBERATION FRONT"
    path = tmp_path / "muc.jsonl"
    path.write_text(json.dumps(_muc_record(text, [front], [front, "FMLN"])) + "\n", encoding="utf-8")
    claimed, held = readers.responsibility_reader([path])
    assert (claimed.spoke, claimed.right, claimed.findable) == (1, 1, 1)
    assert (held.spoke, held.findable) == (0, 0)


def test_the_victims_killed_are_held_to_the_records_toll_less_its_dead_attackers(tmp_path: Path) -> None:
    # GVA's num_killed counts a shooter who killed himself; the readers keep him apart from the victims.
    gold = {
        "num_killed": 2,
        "num_injured": 0,
        "participants": [{"Type": "Victim", "Status": "Killed"}, {"Type": "Subject-Suspect", "Status": "Killed"}],
    }
    text = "Police said a man shot and killed his wife Sunday and then killed himself."
    record = {"id": "1", "text": text, "gold": gold}
    path = tmp_path / "gva.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    killed, victims, injured, attackers = readers.casualty_readers(path)
    assert (killed.spoke, killed.right, killed.findable) == (1, 0, 1)  # 1 victim read, the toll is 2
    assert (victims.spoke, victims.right, victims.findable) == (1, 1, 1)
    assert (attackers.spoke, attackers.right, attackers.findable) == (1, 1, 1)
    assert (injured.spoke, injured.findable) == (0, 0)
