"""The grounding step over a whole summary: flag or drop what the article does not support."""

from __future__ import annotations

from summarizer.grounding import ground
from summarizer.schema import Actor, Casualties, Count, Incident, Responsibility

ARTICLE = "At least 12 people were killed on Saturday in Kano. Boko Haram said it carried out the attack."


def incident(**changes: object) -> Incident:
    fields: dict[str, object] = {
        "description": "A bombing in Kano.",
        "type": "bombing",
        "status": "carried_out",
        "when": None,
        "where": None,
        "perpetrators": [Actor(quote="Boko Haram", name="Boko Haram", kind="group", number=None)],
        "victims": [],
        "targets": [],
        "weapons": [],
        "casualties": Casualties(
            killed=Count(quote="At least 12 people were killed", number=12, qualifier="at_least"),
            injured=Count(quote="about 40 wounded", number=40, qualifier="about"),  # not in the article
            perpetrators_killed=None,
        ),
        "responsibility": [
            Responsibility(
                quote="Boko Haram said it carried out the attack",
                party="Boko Haram",
                stance="claimed",
                stated_by="Boko Haram",
            ),
            Responsibility(
                quote="Boko Haram said it carried out", party="Al-Shabaab", stance="claimed", stated_by=None
            ),
        ],
        "main": True,
    }
    return Incident.model_validate(fields | changes)


def test_flag_keeps_unsupported_facts_and_lists_them() -> None:
    [result], report = ground([incident()], ARTICLE, "flag")
    assert report.unsupported == ["incidents[0].responsibility[1]", "incidents[0].casualties.injured"]
    assert report.dropped == 0
    assert result.casualties.injured is not None and result.casualties.injured.span is not None
    assert result.casualties.injured.span.status == "not_found"
    assert len(result.responsibility) == 2


def test_drop_removes_them() -> None:
    [result], report = ground([incident()], ARTICLE, "drop")
    assert report.dropped == 2
    assert result.casualties.injured is None
    assert [r.party for r in result.responsibility] == ["Boko Haram"]
    killed = result.casualties.killed
    assert killed is not None and killed.span is not None and killed.span.status == "exact"
    assert ARTICLE[killed.span.start : killed.span.end] == "At least 12 people were killed"  # type: ignore[misc]


def test_a_number_not_in_its_quote_is_unsupported() -> None:
    wrong = Count(quote="At least 12 people were killed", number=7, qualifier="exact")
    bad = incident(casualties=Casualties(killed=wrong, injured=None, perpetrators_killed=None))
    _, report = ground([bad], ARTICLE, "flag")
    assert report.unsupported == ["incidents[0].responsibility[1]", "incidents[0].casualties.killed"]
    assert report.exact >= 2
