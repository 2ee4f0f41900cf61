"""One name for each well-known armed group, however the article or the model spells it.

The same group reaches us as "ISIS", "Daesh", "the so-called Islamic State group" or "ISIL";
scoring and merging need one name for all of them. An ``AliasTable`` maps a name to its
*canonical* name (the key of ``BUILTIN`` or of a user's JSON file), or to ``None`` for a name
that is no group it knows, so that the caller keeps the name as written.

Matching, in the order that decides it:

* Names and aliases are *folded* alike (:func:`summarizer.text.fold`): Unicode NFKC, accents
  dropped, casefolded, possessive "'s" and apostrophes dropped (curly or straight), punctuation
  (hyphens and dashes too) turned to spaces, spaces collapsed, a leading article (the/a/an)
  dropped. "Al-Qa'ida" and "al qaida" fold the same.
* An alias matches when its folded form occurs in the folded name as whole words, so the
  name itself, "militants of the so-called Islamic State group" and "the Hamas movement" all
  match. (This makes a trailing "group"/"movement"/"organisation" harmless without a rule of
  its own.)
* Short acronyms (no space, at most 4 letters, a capital first and last: IS, ETA, M-19, LeT)
  match only as written, as a whole word of the name before folding: the verb "is" never maps
  to the Islamic State. In a name written all in capitals (the MUC corpus shouts), "IS" counts
  only alone or in parentheses, because there it may be the verb.
* The longest matching alias wins, so "al-Qaeda in the Arabian Peninsula" stays itself
  instead of becoming "al-Qaeda".

A user file ``{"Canonical name": ["alias", ...]}`` is laid over the built-in table by
``load``: its aliases extend a canonical name already known, and win where they conflict.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from summarizer._errors import ConfigError
from summarizer.text import fold

BUILTIN: dict[str, tuple[str, ...]] = {
    # Jihadist groups
    "Islamic State": (
        "IS",
        "ISIS",
        "ISIL",
        "Isis",
        "Isil",
        "Daesh",
        "Daech",
        "Da'esh",
        "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria",
        "Islamic State of Iraq and al-Sham",
        "Islamic State of Iraq",
        "Islamic state",
        "so-called Islamic State",
        "Islamic State group",
    ),
    "Islamic State West Africa Province": ("ISWAP", "Islamic State West Africa", "Islamic State in West Africa"),
    "Islamic State Khorasan Province": (
        "ISKP",
        "ISIS-K",
        "IS-K",
        "Islamic State Khorasan",
        "Islamic State in Khorasan",
    ),
    "Nusra Front": (
        "Jabhat al-Nusra",
        "Jabhat al Nusra",
        "Jabhat an-Nusra",
        "al-Nusra Front",
        "Al Nusra",
        "Nusra",
        "Jabhat Fateh al-Sham",
    ),
    "Hayat Tahrir al-Sham": ("HTS", "Hay'at Tahrir al-Sham", "Tahrir al-Sham"),
    "al-Qaeda": ("Al Qaeda", "al-Qaida", "Al Qaida", "Al-Qa'ida", "AQ"),
    "al-Qaeda in the Arabian Peninsula": ("AQAP", "al-Qaida in the Arabian Peninsula"),
    "al-Qaeda in the Islamic Maghreb": ("AQIM", "al-Qaida in the Islamic Maghreb"),
    "al-Qaeda in Iraq": ("AQI", "al-Qaida in Iraq"),
    "al-Qaeda in the Indian Subcontinent": ("AQIS", "al-Qaida in the Indian Subcontinent"),
    "Jama'at Nusrat al-Islam wal-Muslimin": ("JNIM", "Group for the Support of Islam and Muslims"),
    "Boko Haram": ("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "JAS"),
    "al-Shabaab": ("Al Shabab", "al-Shabab", "Shabaab", "Harakat al-Shabaab al-Mujahideen"),
    "Taliban": ("the Taliban", "Taleban", "Afghan Taliban"),
    "Tehrik-i-Taliban Pakistan": ("TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan"),
    "Haqqani network": ("Haqqani group",),
    "Lashkar-e-Taiba": ("LeT", "Lashkar-e-Toiba", "Lashkar-e-Tayyiba"),
    "Jaish-e-Mohammed": ("JeM", "Jaish-e-Muhammad", "Jaish-e-Mohammad"),
    "Jemaah Islamiyah": ("JI", "Jemaah Islamiah"),
    "Abu Sayyaf": ("ASG", "Abu Sayyaf Group"),
    # Middle East
    "Hezbollah": ("Hizbollah", "Hizballah", "Hizbullah", "Hezbullah"),
    "Hamas": ("Islamic Resistance Movement", "Harakat al-Muqawama al-Islamiya"),
    "Palestinian Islamic Jihad": ("PIJ", "Islamic Jihad Movement in Palestine"),
    "al-Aqsa Martyrs' Brigades": ("Al-Aqsa Martyrs Brigade",),
    "Houthis": ("Houthi", "Huthis", "Huthi", "Ansar Allah", "Ansarallah"),
    "Kurdistan Workers' Party": ("PKK", "Partiya Karkeren Kurdistane"),
    # Latin America (the MUC-4 corpus)
    "Farabundo Marti National Liberation Front": (
        "FMLN",
        "Farabundo Marti Liberation Front",
        "Frente Farabundo Marti para la Liberacion Nacional",
    ),
    "Shining Path": ("Sendero Luminoso", "SL"),
    "Revolutionary Armed Forces of Colombia": ("FARC", "FARC-EP", "Fuerzas Armadas Revolucionarias de Colombia"),
    "National Liberation Army (Colombia)": (
        "ELN",
        "Ejercito de Liberacion Nacional",
        "National Liberation Army of Colombia",
    ),
    "Popular Liberation Army": ("EPL", "Ejercito Popular de Liberacion"),
    "Tupac Amaru Revolutionary Movement": ("MRTA", "Movimiento Revolucionario Tupac Amaru"),
    "Manuel Rodriguez Patriotic Front": ("FPMR", "Frente Patriotico Manuel Rodriguez"),
    "April 19 Movement": ("M-19", "Movimiento 19 de Abril"),
    "Guatemalan National Revolutionary Unity": ("URNG", "Unidad Revolucionaria Nacional Guatemalteca"),
    "Sandinista National Liberation Front": ("FSLN", "Frente Sandinista de Liberacion Nacional"),
    "Nicaraguan Resistance": ("Contras", "Resistencia Nicaraguense"),
    "Medellin Cartel": ("Medellin drug cartel", "the extraditables", "Extraditables"),
    "Cali Cartel": ("Cali drug cartel",),
    # Europe
    "Basque Homeland and Freedom": ("ETA", "Euskadi Ta Askatasuna"),
    "Irish Republican Army": ("IRA", "Provisional IRA", "Provisional Irish Republican Army"),
    "Real Irish Republican Army": ("Real IRA", "RIRA"),
    "Continuity Irish Republican Army": ("Continuity IRA", "CIRA"),
    "Ulster Volunteer Force": ("UVF",),
    "Ulster Defence Association": ("UDA", "Ulster Defense Association"),
    "Red Brigades": ("Brigate Rosse",),
    "Red Army Faction": ("Baader-Meinhof Group", "Baader-Meinhof gang"),
    "Wagner Group": ("PMC Wagner", "Wagner private military company"),
    # Africa and Asia
    "Lord's Resistance Army": ("LRA", "Lords Resistance Army"),
    "March 23 Movement": ("M23", "M-23"),
    "Liberation Tigers of Tamil Eelam": ("LTTE", "Tamil Tigers"),
    "New People's Army": ("NPA", "New Peoples Army"),
}

_ACRONYM = re.compile(r"[A-Z](?:[\w-]*[A-Z0-9])?")
_ALSO_WORDS = frozenset({"IS"})  # acronyms that are English words too: suspect in a shouted name


def _is_acronym(alias: str) -> bool:
    """A short token with a capital first and last (IS, ETA, M-19, LeT): matched only as written."""
    letters = sum(c.isalpha() for c in alias)
    return letters <= 4 and _ACRONYM.fullmatch(alias) is not None


def _key(alias: str) -> str:
    """How an alias is indexed: acronyms as written, everything else folded."""
    return alias if _is_acronym(alias) else fold(alias)


@dataclass(frozen=True)
class _Alias:
    key: str
    canonical: str
    pattern: re.Pattern[str]
    literal: bool  # an acronym, matched in the name as written rather than folded
    surface: re.Pattern[str]  # how the alias may be written in running text (see AliasTable.find)

    @classmethod
    def of(cls, key: str, canonical: str) -> _Alias:
        pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
        if _is_acronym(key):
            return cls(key, canonical, pattern, True, pattern)
        words = r"[\s\-\u2010-\u2015_]+".join(re.escape(word) for word in key.split())
        surface = re.compile(rf"(?<!\w){words}(?:'s)?(?!\w)", re.IGNORECASE)
        return cls(key, canonical, pattern, False, surface)

    def matches(self, name: str, folded: str) -> bool:
        if not self.literal:
            return self.pattern.search(folded) is not None
        if self.key in _ALSO_WORDS and name.isupper() and name.strip() != self.key:
            return f"({self.key})" in name
        return self.pattern.search(name) is not None


def _index(entries: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Alias key -> canonical name; the canonical name is an alias of itself."""
    index: dict[str, str] = {}
    for canonical, aliases in entries.items():
        for alias in (canonical, *aliases):
            if key := _key(alias):
                index[key] = canonical
    return index


class AliasTable:
    """Canonical names of armed groups: ``AliasTable().canonical("ISIL") == "Islamic State"``.

    Each layer of entries (canonical -> aliases) overrides the ones before it where an alias
    conflicts; with no layers the table is ``BUILTIN``.
    """

    def __init__(self, *layers: Mapping[str, Iterable[str]]) -> None:
        self._layers = layers or (BUILTIN,)
        index: dict[str, str] = {}
        for layer in self._layers:
            index |= _index(layer)
        aliases = (_Alias.of(key, canonical) for key, canonical in index.items())
        self._aliases = sorted(aliases, key=lambda alias: len(alias.key), reverse=True)

    def with_extra(self, extra: Mapping[str, Iterable[str]]) -> AliasTable:
        """This table with ``extra`` laid over it: its aliases win where they conflict."""
        return AliasTable(*self._layers, extra)

    def canonical(self, name: str) -> str | None:
        """The canonical name of the group ``name`` names, or None for a group not in the table."""
        name = unicodedata.normalize("NFKC", name)
        folded = fold(name)
        if not folded:
            return None
        return next((alias.canonical for alias in self._aliases if alias.matches(name, folded)), None)

    def find(self, text: str) -> list[GroupMention]:
        """Every known group named in ``text``: where, as written, and its canonical name; longest first
        where two overlap ("al-Qaeda in Iraq" rather than "al-Qaeda").

        Acronyms match as written (in shouted text "IS" only in parentheses); other aliases
        case-insensitively, with any run of spaces, hyphens or dashes between their words. Unlike
        :meth:`canonical`, accents and apostrophes inside a word must be as in the alias.
        """
        found: list[GroupMention] = []
        for alias in self._aliases:  # longest first
            for m in alias.surface.finditer(text):
                if alias.literal and alias.key in _ALSO_WORDS and _shouted(text, m.start()) and not _bracketed(text, m):
                    continue
                if not any(g.start < m.end() and m.start() < g.end for g in found):
                    found.append(GroupMention(m.start(), m.end(), m.group(0), alias.canonical))
        return sorted(found, key=lambda g: g.start)


@dataclass(frozen=True)
class GroupMention:
    """A known group named in a text: ``text[start:end] == written``."""

    start: int
    end: int
    written: str
    canonical: str


def _shouted(text: str, at: int) -> bool:
    """Whether the words next to ``at`` are written in capitals (the MUC corpus shouts)."""
    before, after = text[max(0, at - 30) : at].split()[-1:], text[at:].split()[1:2]
    neighbours = [w for w in before + after if any(c.isalpha() for c in w)]
    return bool(neighbours) and all(w.upper() == w for w in neighbours)


def _bracketed(text: str, m: re.Match[str]) -> bool:
    return text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"


def load(path: str | Path | None) -> AliasTable:
    """The built-in table, with the user's JSON file at ``path`` (if any) laid over it."""
    if path is None:
        return AliasTable()
    return AliasTable(BUILTIN, _read(Path(path)))


def _read(path: Path) -> dict[str, list[str]]:
    """The user's alias file, checked: ``{"Canonical name": ["alias", ...], ...}``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"alias file {path}: cannot be read ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"alias file {path}: not UTF-8 text ({e.reason})") from e
    except json.JSONDecodeError as e:
        raise ConfigError(f"alias file {path}: not valid JSON ({e.msg}, line {e.lineno})") from e
    if not isinstance(data, dict) or not all(_is_entry(name, aliases) for name, aliases in data.items()):
        raise ConfigError(f'alias file {path}: expected {{"Canonical name": ["alias", ...], ...}}')
    return cast(dict[str, list[str]], data)


def _is_entry(name: object, aliases: object) -> bool:
    """A non-empty canonical name with a list of non-empty string aliases."""
    return (
        isinstance(name, str)
        and bool(name.strip())
        and isinstance(aliases, list)
        and all(isinstance(alias, str) and alias.strip() for alias in aliases)
    )
