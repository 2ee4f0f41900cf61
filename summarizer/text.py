"""The forms in which the rules compare text: one fold for names, one squash for passages.

:func:`fold` is how a name is compared with another name or looked up in a table (groups in
:mod:`summarizer.aliases`, countries, states and towns in :mod:`summarizer.places`): "Al-Qa'ida" and
"al qaida", "PERÚ" and "Peru", "the Islamic State's" and "Islamic State" fold alike. :func:`squash`
is how a quote is looked for in a passage: only case and runs of spaces are ignored, so a quote still
has to be the article's own words. (Aligning a quote with its character span is
:mod:`summarizer.grounding`'s, whose fold keeps the way back to the article's offsets.)
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4", "'"))
_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w\s]+|_+")
_ARTICLE = re.compile(r"^(?:the|a|an) ")


def fold(text: str) -> str:
    """A name as it is compared: Unicode NFKC, accents dropped, casefolded, a possessive "'s" and then
    every apostrophe dropped (curly or straight), "&" read as "and", every other punctuation mark
    (hyphens and dashes too) a space, spaces collapsed, and a leading article (the, a, an) dropped."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_APOSTROPHES)
    text = _POSSESSIVE.sub("", text).replace("'", "").replace("&", " and ")
    return _ARTICLE.sub("", " ".join(_PUNCTUATION.sub(" ", text).split()))


def squash(text: str) -> str:
    """A passage as a quote is looked for in it: casefolded, every run of whitespace one space."""
    return " ".join(text.split()).casefold()
