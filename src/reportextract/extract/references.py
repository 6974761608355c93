"""References: cited documents with a number, their kind, date and issuer."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import add_items, doc_text, items
from ..parsers.references import NUMBER, clean_number, kind_from_number, kind_names

_S = r"[ \t]*\n?[ \t]*"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    kinds = "|".join(sorted((re.escape(k) for k in kind_names()), key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<kind>{kinds})(?P<name>(?:\s+[\p{{L}}\-,]+){{0,12}}?)\s*(?:số|số hiệu)?[: ]*{_S})?"
        rf"(?<![\p{{L}}\d/\-])(?P<number>{NUMBER})(?![\p{{L}}\d])",
        re.IGNORECASE,
    )


_DATE_AFTER = re.compile(
    rf"[,]?{_S}(?:được ban hành |ban hành )?(?:ngày|ngay){_S}"
    rf"(?:(?P<d1>\d{{1,2}}){_S}tháng{_S}(?P<m1>\d{{1,2}}){_S}năm{_S}(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})[/\-.](?P<m2>\d{{1,2}})[/\-.](?P<y2>\d{{4}}))",
    re.IGNORECASE,
)
_ISSUER_WORD = (r"(?:[\p{Lu}Đ][\p{L}]*|ủy|uỷ|nhân|dân|tỉnh|huyện|thành|phố|chính|phủ|quốc|hội|trung|ương|"
                r"ban|thường|vụ|chấp|hành|đảng|bộ|tướng|văn|phòng|cục|sở|ngành|chủ|tịch|nước)")
_ISSUER_AFTER = re.compile(
    rf"\s*(?:của|do)\s+(?P<issuer>{_ISSUER_WORD}(?:[ \t]+{_ISSUER_WORD}){{0,9}})(?!\p{{L}})"
)
def _case_kind(raw: str) -> str:
    for k in kind_names():
        if k.lower() == raw.lower():
            return k
    return raw


def find_references(text: str, own_number: str | None) -> list[dict[str, Any]]:
    """Every cited document number with its kind, date and issuer; one record per mention."""
    from ..parsers.dates import iso_date

    out = []
    for m in _pattern().finditer(text):
        number = clean_number(m.group("number"))
        if own_number and number == own_number:
            continue
        kind_raw = m.group("kind")
        # "Nghị quyết ... số 04-NQ/TU": the kind word must be close; a long gap is another sentence part
        kind = _case_kind(kind_raw) if kind_raw else kind_from_number(number)
        if kind is None:
            continue
        s = m.start("kind") if kind_raw else m.start("number")
        e = m.end()
        date = None
        dm = _DATE_AFTER.match(text, e)
        if dm:
            g = dm.groupdict()
            date = iso_date(g["y1"] or g["y2"], g["m1"] or g["m2"], g["d1"] or g["d2"])
            e = dm.end()
        issuer = None
        im = _ISSUER_AFTER.match(text, e)
        if im:
            issuer = re.sub(r"\s+", " ", im.group("issuer")).strip()
            issuer = re.sub(r"\s+(?:về|và)$", "", issuer)
            e = im.start("issuer") + len(im.group("issuer").rstrip())
        out.append({"text": text[s:e], "span": (s, e), "kind": kind, "number": number,
                    "date": date, "issuer": issuer})
    return out


@Language.component("reportextract_references", assigns=["doc.spans"])
def references_component(doc: Doc) -> Doc:
    """doc.spans["references"]: one span per mention of a cited document."""
    info = doc._.info or {}
    add_items(doc, "references", find_references(doc_text(doc), info.get("number")))
    return doc
