"""Bytes to clean text: decoding, Unicode NFC, look-alike letters and odd spaces (spans index its output)."""
from __future__ import annotations

import codecs
import re as stdlib_re
import unicodedata

import regex as re

from .errors import DecodeError

# Characters replaced one for one (offsets stay aligned with what a reader sees).
_ONE_FOR_ONE = str.maketrans({
    "\u00d0": "\u0110",  # Ð (Icelandic eth) typed for Đ
    "\u00f0": "\u0111",  # ð typed for đ
    "\u00a0": " ",       # no-break space
    "\u2007": " ", "\u202f": " ", "\u3000": " ",
    "\ufffe": "-",       # Word PDFs put U+FFFE where a hyphen belongs ("213/KH\ufffeUBND")
    "\u2010": "-", "\u2011": "-",
    "\t": " ",
    "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n",
})
# Characters dropped: zero-width marks and soft hyphens carry nothing a reader sees.
_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Any character the steps below would touch; most texts have none, and one search is cheaper than
# the three passes (a stdlib class: `regex` needs no Unicode smarts for a set of code points).
# What each of them becomes: the same steps as one table (no replacement yields another odd character).
_REPLACE = {"\r": "\n", **{c: "" for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"},
            **{chr(i): " " for i in [*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f]},
            **{chr(k): v for k, v in _ONE_FOR_ONE.items()}}
_ODD = stdlib_re.compile("[\r\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f"
                         + "".join(map(stdlib_re.escape, map(chr, _ONE_FOR_ONE))) + "]")


# The odd characters str.isprintable() holds ("Ð", "ð", two hyphens); every other one is not printable.
_PRINTABLE_ODD = tuple(c for c in _REPLACE if c.isprintable())


def _odd_chars(text: str) -> set[str]:
    """set(_ODD.findall(text)), the characters the steps below touch, without _ODD's scan when the text
    (its line breaks read as spaces: neither is odd) is printable, which one C pass tells: then it
    holds no odd character but the printable ones, each looked for by str.find."""
    if text.replace("\n", " ").isprintable():
        return {c for c in _PRINTABLE_ODD if c in text}
    return set(_ODD.findall(text))


def decode(data: bytes) -> str:
    """Decode document bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258.

    >>> decode("Hà Nội".encode("utf-8-sig"))
    'Hà Nội'
    >>> decode("Hà Nội".encode("utf-16"))
    'Hà Nội'
    >>> decode(unicodedata.normalize("NFD", "Hà Nam").encode("cp1258")) == "Ha\u0300 Nam"
    True
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"broken UTF-16 text: {exc.reason}") from None
    if b"\x00" in data[:4096]:
        raise DecodeError("the input is binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise DecodeError("the input is neither UTF-8, UTF-16 nor Windows-1258 text") from None
    if len(_CONTROL.findall(text[:4096])) > 8:
        raise DecodeError("the input is binary data, not text")
    return text


def normalize_text(text: str) -> str:
    """NFC, "Ð"→"Đ", one kind of space and newline, no zero-width characters.

    >>> normalize_text("Ðồng chí\\r\\nHo\u0300a")
    'Đồng chí\\nHòa'
    """
    if "\u00a0" in text:  # the commonest odd character (web pages' no-break spaces), replaced first
        text = text.replace("\u00a0", " ")
    found = _odd_chars(text)
    if found:
        # one str.replace per kind of odd character present: a web page's scattered no-break spaces
        # would otherwise cost a whole str.translate pass (a dict lookup per character)
        if "\r" in found:
            text = text.replace("\r\n", "\n")
        for ch in found:
            text = text.replace(ch, _REPLACE[ch])
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip tone marks and đ: for comparing words written in old or new style.

    >>> fold("Uỷ ban") == fold("ủy ban") == "uy ban"
    True
    """
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))


_OLD_TONE = {  # old-style tone placement -> the modern one used in output values
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE) + r")(?!\p{L})", re.IGNORECASE)
# Every _OLD_TONE_RE match is an "o"/"u" in either case, then one of these letters (every case
# variant the IGNORECASE pattern accepts for the toned "a", "e" and "y"). Most strings hold no such
# pair: a stdlib search is far cheaper than the regex module's sub on short strings.
_OLD_TONE_PAIR = stdlib_re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")


def modern_tones(text: str) -> str:
    """Move tone marks to the modern position at word ends ("Uỷ ban", "hoà" -> "Ủy ban", "hòa").

    >>> modern_tones("Uỷ ban nhân dân, hoà giải, thuỷ lợi")
    'Ủy ban nhân dân, hòa giải, thủy lợi'
    """
    def repl(m: re.Match[str]) -> str:
        s = m.group(0)
        new = _OLD_TONE[s.lower()]
        return new[0].upper() + new[1:] if s[0].isupper() else new

    if _OLD_TONE_PAIR.search(text) is None:
        return text  # no pair the pattern could match: sub would change nothing
    return _OLD_TONE_RE.sub(repl, text)
