"""The article as every rule reads it, prepared once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from summarizer import injection, places, sentences
from summarizer.aliases import AliasTable
from summarizer.schema import Incident
from summarizer.text import squash


def dateline_country(text: str) -> tuple[str, str] | None:
    """The gazetteer's country (name, ISO code) of a wire dateline's city ("BOGOTA, 30 AUG 89 --"); None when
    the text has no such dateline or the gazetteer does not know its city."""
    lead = sentences.DATELINE.match(text)
    return places.gazetteer_country(text[: lead.end()].split(",")[0]) if lead else None


@dataclass(frozen=True)
class Article:
    """The article as every step reads it, prepared once: its text, its publication date, the text the
    readers may read (withheld lines blanked), its sentences after the dateline, the prompt's worked
    example and the alias table."""

    text: str
    published: date | None
    example: str = ""
    aliases: AliasTable = field(default_factory=AliasTable)

    @cached_property
    def readable(self) -> str:
        """The text with the lines withheld from the model blanked: the readers never read them."""
        return injection.blanked(self.text, injection.find(self.text))

    @cached_property
    def dateline(self) -> str:
        """The readable text's wire dateline with its tags ("LA PAZ, 25 MAY 89 (DPA) -- [TEXT] "), or "" when it
        has none."""
        lead = sentences.DATELINE.match(self.readable)
        return lead.group() if lead else ""

    @cached_property
    def body(self) -> list[str]:
        """The readable text's sentences after the dateline, whitespace collapsed."""
        text, after = self.readable, len(self.dateline)
        return [" ".join(text[max(s, after) : e].split()) for s, e in sentences.spans(text) if e > after]

    @cached_property
    def squashed_body(self) -> list[str]:
        """The body's sentences squashed (:func:`summarizer.text.squash`), for finding quotes in them."""
        return [squash(text) for text in self.body]

    def holding(self, incident: Incident) -> list[str]:
        """The body's sentences that hold an incident's facts (its casualty figures', victims', targets' and
        attackers' quotes)."""
        c = incident.casualties
        counts = [count.quote for count in (c.killed, c.injured, c.perpetrators_killed) if count]
        quotes = counts + [a.quote for a in incident.victims + incident.targets + incident.perpetrators]
        words = [w for w in map(squash, quotes) if len(w) > 3]
        return [
            text for text, folded in zip(self.body, self.squashed_body, strict=True) if any(w in folded for w in words)
        ]
