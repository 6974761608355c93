"""Officials: named people with the titles the text gives them, merged across mentions."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from .. import rules
from ..nlp import add_items, doc_text
from ..normalize import modern_tones

_UP = r"[\p{Lu}Đ][\p{Ll}\p{M}]*"


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    t = rules.load("titles")
    s = rules.load("surnames")["surnames"]
    surn = "|".join(sorted((re.escape(x) for x in s), key=len, reverse=True))
    name = re.compile(rf"(?<![\p{{L}}])(?:{surn})(?:\s+{_UP}){{1,4}}(?![\p{{L}}])")
    heads = "|".join(sorted((re.escape(x) for x in t["heads"]), key=len, reverse=True))
    head = re.compile(rf"(?:nguyên\s+)?(?:{heads})", re.IGNORECASE)
    return name, head, t["abbreviations"]


def expand_title(raw: str) -> str:
    """A title written out in full, with modern tone marks ("UVTV Tỉnh ủy" -> "Ủy viên Ban Thường vụ Tỉnh ủy").

    >>> expand_title("Phó Chủ tịch UBND tỉnh")
    'Phó Chủ tịch Ủy ban nhân dân tỉnh'
    >>> expand_title("TUV")
    'Tỉnh ủy viên'
    """
    _, _, abbr = _data()
    out = raw
    for short in sorted(abbr, key=len, reverse=True):
        out = re.sub(rf"(?<![\p{{L}}&\-]){re.escape(short)}(?![\p{{L}}&])", abbr[short], out)
    return modern_tones(re.sub(r"\s+", " ", out).strip())


_TITLE_AFTER = re.compile(r"\s*(?:,|-|–)\s*(?P<t>[^,;.()\n]{2,90})")


def find_officials(text: str, authors: list[str]) -> list[dict[str, Any]]:
    name_re, head_re, _ = _data()
    people: dict[str, dict[str, Any]] = {}
    for m in name_re.finditer(text):
        name = m.group(0)
        if name in authors:
            continue
        before = text[max(0, m.start() - 120):m.start()]
        titles: list[str] = []
        # title right before the name: "Bí thư Tỉnh ủy Lê Trường Lưu"
        seg = re.split(r"[,;.:()\n]|\s(?:và|của|với|cùng)\s", before)[-1]
        hm = None
        for hm in head_re.finditer(seg):
            break
        if hm is not None:
            titles.append(seg[hm.start():].strip())
        cue = re.search(r"(?:đồng chí|ông|bà|Đồng chí|Ông|Bà)\s*$", before)
        # titles after: ", UVTW Đảng, Bí thư Tỉnh ủy"
        pos = m.end()
        while True:
            am = _TITLE_AFTER.match(text, pos)
            if not am or not (head_re.match(am.group("t").strip()) or re.match(r"[A-ZĐ]{2,5}\b", am.group("t").strip())):
                break
            titles.append(am.group("t").strip())
            pos = am.end()
        if not titles and not cue:
            continue
        p = people.setdefault(name, {"name": name, "titles_raw": [], "mentions": []})
        p["mentions"].append(m.span())
        for t in titles:
            t = re.sub(r"\s+", " ", t).strip()
            if t and t not in p["titles_raw"]:
                p["titles_raw"].append(t)
    out = []
    for p in people.values():
        titles: list[str] = []
        for t in p["titles_raw"]:
            full = expand_title(t)
            if full not in titles:
                titles.append(full)
        for s, e in p["mentions"]:
            out.append({"name": p["name"], "span": (s, e), "titles": titles, "titles_raw": p["titles_raw"]})
    return out


@Language.component("reportextract_officials", assigns=["doc.spans"])
def officials_component(doc: Doc) -> Doc:
    """doc.spans["officials"]: one span per mention; records of one person share name and titles."""
    info = doc._.info or {}
    add_items(doc, "officials", find_officials(doc_text(doc), info.get("authors") or []))
    return doc
