"""Canonical names of armed groups: every family, the acronym rule, longest match, the user's file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer._errors import ConfigError
from summarizer.aliases import BUILTIN, AliasTable, _key, load

TABLE = AliasTable()

FAMILIES = {
    "Islamic State": [
        "IS", "ISIS", "ISIL", "Daesh", "Daech", "Da'esh", "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria", "Islamic state", "so-called Islamic State", "Islamic State group",
    ],
    "Nusra Front": [
        "Jabhat al-Nusra", "Jabhat al Nusra", "Jabhat an-Nusra", "al-Nusra Front", "Al Nusra", "Nusra",
        "Jabhat Fateh al-Sham",
    ],
    "al-Qaeda": ["Al Qaeda", "al-Qaida", "Al Qaida", "Al-Qa'ida", "AQ"],
    "al-Qaeda in the Arabian Peninsula": ["AQAP"],
    "al-Qaeda in the Islamic Maghreb": ["AQIM"],
    "Boko Haram": ["Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "JAS"],
    "al-Shabaab": ["Al Shabab", "al-Shabab", "Shabaab"],
    "Taliban": ["the Taliban", "Taleban"],
    "Hezbollah": ["Hizbollah", "Hizballah", "Hizbullah"],
    "Hamas": [],
    "Farabundo Marti National Liberation Front": ["FMLN", "Farabundo Marti Liberation Front"],
    "Shining Path": ["Sendero Luminoso", "SL"],
    "Revolutionary Armed Forces of Colombia": ["FARC"],
    "National Liberation Army (Colombia)": ["ELN", "Ejercito de Liberacion Nacional"],
    "Tupac Amaru Revolutionary Movement": ["MRTA"],
    "Manuel Rodriguez Patriotic Front": ["FPMR"],
    "April 19 Movement": ["M-19"],
    "Medellin Cartel": ["Medellin drug cartel", "the extraditables", "Extraditables"],
    "Kurdistan Workers' Party": ["PKK"],
    "Basque Homeland and Freedom": ["ETA"],
    "Irish Republican Army": ["IRA", "Provisional IRA"],
    "Lashkar-e-Taiba": ["LeT", "Lashkar-e-Toiba"],
    "Jaish-e-Mohammed": ["JeM"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "canonical"), [(name, canonical) for canonical, names in FAMILIES.items() for name in (canonical, *names)]
)
def test_every_family_maps_to_its_canonical_name(name: str, canonical: str) -> None:
    assert TABLE.canonical(name) == canonical


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("militants of the so-called Islamic State group", "Islamic State"),
        ("ISIS fighters", "Islamic State"),
        ("the Hamas movement", "Hamas"),
        ("Al-Qaeda's Yemen branch", "al-Qaeda"),
        ("Al\u2011Qa\u2019ida", "al-Qaeda"),  # non-breaking hyphen, curly apostrophe
        ("Ejército de Liberación Nacional", "National Liberation Army (Colombia)"),
        ("THE EXTRADITABLES", "Medellin Cartel"),  # MUC shouts
        ("FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN)", "Farabundo Marti National Liberation Front"),
        ("ISLAMIC STATE (IS)", "Islamic State"),
        ("M-19 guerrillas", "April 19 Movement"),
    ],
)
def test_a_name_containing_an_alias_as_whole_words_maps(name: str, canonical: str) -> None:
    assert TABLE.canonical(name) == canonical


@pytest.mark.parametrize(
    "name",
    ["the group that is active in the north", "THE GROUP THAT IS ACTIVE", "sl", "eta", "let them go", "Jamestown"],
)
def test_acronyms_match_only_in_capitals_as_whole_words(name: str) -> None:
    assert TABLE.canonical(name) is None


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("al-Qaeda in the Arabian Peninsula", "al-Qaeda in the Arabian Peninsula"),
        ("al-Qaida in the Islamic Maghreb", "al-Qaeda in the Islamic Maghreb"),
        ("Real IRA", "Real Irish Republican Army"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan"),
        ("Islamic State West Africa Province", "Islamic State West Africa Province"),
    ],
)
def test_the_longest_matching_alias_wins(name: str, canonical: str) -> None:
    assert TABLE.canonical(name) == canonical


@pytest.mark.parametrize("name", ["", "  ", "the", "Salvadoran army", "unidentified gunmen", "National Police"])
def test_a_name_that_is_no_known_group_returns_none(name: str) -> None:
    assert TABLE.canonical(name) is None


def test_no_alias_belongs_to_two_groups() -> None:
    owners: dict[str, set[str]] = {}
    for canonical, aliases in BUILTIN.items():
        for alias in (canonical, *aliases):
            owners.setdefault(_key(alias), set()).add(canonical)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_extra_entries_extend_and_override() -> None:
    table = TABLE.with_extra({"Islamic State": ["Dawla"], "Ansar Bayt al-Maqdis": ["ISIS"]})
    assert table.canonical("the Dawla") == "Islamic State"
    assert table.canonical("ISIS") == "Ansar Bayt al-Maqdis"
    assert table.canonical("Daesh") == "Islamic State"
    assert TABLE.canonical("ISIS") == "Islamic State"  # the original table is unchanged


def test_load_without_a_file_is_the_builtin_table() -> None:
    assert load(None).canonical("ISIL") == "Islamic State"


def test_load_lays_the_users_file_over_the_builtin_table(tmp_path: Path) -> None:
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"Mara Salvatrucha": ["MS-13", "Mara Salvatrucha 13"], "Shining Path": ["SL"]}))
    table = load(str(path))
    assert table.canonical("MS-13 gang members") == "Mara Salvatrucha"
    assert table.canonical("SL") == "Shining Path"
    assert table.canonical("Hizbollah") == "Hezbollah"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot be read"),
        ("{not json", "not valid JSON"),
        ('["Islamic State"]', "expected"),
        ('{"Islamic State": "ISIS"}', "expected"),
        ('{"Islamic State": ["ISIS", 3]}', "expected"),
        ('{"": ["x"]}', "expected"),
    ],
)
def test_a_bad_file_raises_config_error_naming_it(tmp_path: Path, content: str | None, problem: str) -> None:
    path = tmp_path / "aliases.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError, match=problem) as raised:
        load(path)
    assert str(path) in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_file_that_is_not_utf8_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "aliases.json"
    path.write_bytes(b'{"\xff": []}')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load(path)


def test_find_names_known_groups_in_running_text_where_they_are_written() -> None:
    text = "He said the terrorist group \u201cIslamic state\u201d and al Qaeda in Iraq, not Jabhat-al-Nusra, did it."
    found = TABLE.find(text)
    assert [(g.written, g.canonical) for g in found] == [
        ("Islamic state", "Islamic State"),
        ("al Qaeda in Iraq", "al-Qaeda in Iraq"),  # the longest alias, not al-Qaeda inside it
        ("Jabhat-al-Nusra", "Nusra Front"),
    ]
    assert all(text[g.start : g.end] == g.written for g in found)


def test_find_reads_a_shouted_is_only_in_parentheses() -> None:
    assert [g.written for g in TABLE.find("THE FMLN SAYS THAT IS NOT TRUE")] == ["FMLN"]
    assert [g.canonical for g in TABLE.find("THE ISLAMIC STATE (IS) CLAIMED IT")] == ["Islamic State", "Islamic State"]
    assert [g.written for g in TABLE.find("Officials said IS was behind it.")] == ["IS"]
