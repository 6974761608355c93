"""Legacy Vietnamese encodings (TCVN3/ABC, VNI) and unusable text layers: detection and conversion to Unicode."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex as re

# TCVN3 (ABC, ".VnTime" fonts): one byte per letter, read by PDF tools as Latin-1 characters.
_TCVN3_LOWER = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ ªê Òề Õế Óể Ôễ Öệ "
    "×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ "
    "\u00adư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_LOWER.split()}
_TCVN3_TABLE = str.maketrans(TCVN3)

# VNI ("VNI-Times" fonts): a base letter followed by one mark character, plus a few whole letters.
_VNI_MARKS = {  # mark character -> (combining marks it stands for); applied to the letter before it
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "ê": "\u0306",
    "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
_VNI_LETTERS = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ", "í": "í", "Í": "Í",
                "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
                "î": "ỵ", "Î": "Ỵ"}
_VNI_PAIR = re.compile(r"([aeiouyAEIOUYơưƠƯ])([" + "".join(_VNI_MARKS) + "])")
_VNI_LETTER = re.compile("[" + "".join(_VNI_LETTERS) + "]")

# Letters of Vietnamese written in Unicode (lower-case, NFC): what a good decoding is made of.
_VN_LETTERS = set("abcdefghijklmnopqrstuvwxyzđ" "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
_BASIC = set("abcdefghijklmnopqrstuvwxyz")
_BASIC_ORDER = sorted(_BASIC)
_WORD = re.compile(r"\p{L}[\p{L}\p{M}\u00ad¡-¿×÷]*")
_MIXED = re.compile(r"\p{L}\d\p{L}|\d\p{Ll}")  # "Nguy6n", "4nh": digits inside words
_DIGIT_LETTER = re.compile(r"\d\p{L}")
_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff]|\\(cid:\\d+\\)")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|yeu|ieu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|"
    r"uu|uy|ye|[aeiouy])(?:ng|nh|ch|[cmnpt])?")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    word = unicodedata.normalize("NFD", word).replace("đ", "d")
    return "".join(c for c in word if not unicodedata.combining(c))


# Characters a legacy encoding produces that Unicode Vietnamese never uses
_SIGNALS = (set(TCVN3) | set(_VNI_MARKS) | set(_VNI_LETTERS)) - _VN_LETTERS - {c.upper() for c in _VN_LETTERS}
_SIGNAL_RE = re.compile("[" + "".join(map(re.escape, sorted(_SIGNALS))) + "]")  # counted in C


def tcvn3_to_unicode(text: str) -> str:
    """Decode TCVN3 (ABC) text read as Latin-1.

    >>> tcvn3_to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    """
    return text.translate(_TCVN3_TABLE)


def vni_to_unicode(text: str) -> str:
    """Decode VNI text read as Latin-1 (letter + mark character pairs).

    >>> vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    """
    text = _VNI_PAIR.sub(lambda m: m.group(1) + _VNI_MARKS[m.group(2)], text)
    text = _VNI_LETTER.sub(lambda m: _VNI_LETTERS[m.group(0)], text)
    # "ơ"/"ư" written as "ô"/"ö" may still carry a mark character after them
    text = _VNI_PAIR.sub(lambda m: m.group(1) + _VNI_MARKS[m.group(2)], text)
    return unicodedata.normalize("NFC", text)


def vietnamese_score(text: str) -> tuple[float, float, int]:
    """(share of words that are Vietnamese syllables spelt with Vietnamese letters, share of letters with diacritics, letters)."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    if not words:
        return 0.0, 0.0, 0
    good = sum(map(_good_word, words))  # syllables repeat: judged once each (this runs on every PDF page)
    letters = "".join(words)
    marked = len(letters) - sum(map(letters.count, _BASIC_ORDER))  # str.count runs in C
    return good / len(words), marked / max(1, len(letters)), len(letters)


@lru_cache(maxsize=65536)
def _good_word(word: str) -> bool:
    """A Vietnamese syllable spelt with Vietnamese letters.

    >>> _good_word("nghiêng"), _good_word("nguy6n"), _good_word("strength")
    (True, False, False)
    """
    return all(c in _VN_LETTERS for c in word) and _SYLLABLE.fullmatch(_fold(word)) is not None


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" when `text` is Vietnamese in that legacy encoding (and converts well), else None.

    >>> detect_legacy("Céng hßa x· héi chñ nghÜa ViÖt Nam, §éc lËp")
    'tcvn3'
    >>> detect_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Ñoäc laäp")
    'vni'
    >>> detect_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    True
    """
    sample = text[:6000]
    signals = len(_SIGNAL_RE.findall(sample))
    if signals < max(3, len(sample) // 200):
        return None  # none of the characters that only legacy encodings produce
    text = sample
    base_good, _, n = vietnamese_score(text)
    if n < 10 or base_good > 0.97:
        return None
    best, best_good = None, base_good + 0.15  # a conversion must clearly improve the text
    for name, conv in (("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode)):
        good, marked, _ = vietnamese_score(conv(text))
        if good > best_good and marked > 0.05:
            best, best_good = name, good
    return best


def convert_legacy(text: str, encoding: str) -> str:
    return tcvn3_to_unicode(text) if encoding == "tcvn3" else vni_to_unicode(text)


def unmapped_share(text: str) -> float:
    """Share of characters that are glyphs without a Unicode mapping ("(cid:12)", U+FFFD, private use)."""
    if not text:
        return 0.0
    hits = _UNMAPPED.findall(text)
    return sum(len(h) for h in hits) / len(text)


def is_garbage(text: str) -> bool:
    """A text layer that is not readable Vietnamese: an OCR layer without diacritics ("Nguy6n"),
    glyph codes without Unicode, or letters and digits mixed in most words.

    >>> is_garbage("Nguy6n Ngoc Phric - Tinh fry vi6n, Ph6 Ch[ tich LJBND tinh t4i bu6i thm viQc " * 3)
    True
    >>> is_garbage("Đồng chí Nguyễn Văn An, Phó Chủ tịch Ủy ban nhân dân tỉnh chủ trì buổi làm việc " * 3)
    False
    """
    if unmapped_share(text) > 0.05:
        return True
    text = text[:2500]  # a sample is enough to tell a readable layer from junk
    good, marked, n = vietnamese_score(text)
    if n < 80:
        return False
    words = max(1, len(_WORD.findall(text)))
    # every "mixed" match holds a digit followed by a letter: most pages have none, found by a fast test
    mixed = len(_MIXED.findall(text)) / words if _DIGIT_LETTER.search(text) else 0.0
    return marked < 0.04 or mixed > 0.08 or good < 0.6
