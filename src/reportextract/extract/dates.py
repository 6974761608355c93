"""Dates, periods and years: finds them in the text and stores them in doc.spans."""
from __future__ import annotations

from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import add_items, doc_text
from ..parsers.dates import iso_date

_S = r"[ \t]*\n?[ \t]*"  # a space that may wrap a line
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?P<m>0?[1-9]|1[0-2])"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

DATE_PATTERNS = [
    # ngày 08 tháng 11 năm 2016
    re.compile(rf"(?<!\p{{L}})(?:ngày{_S})?{_DAY}{_S}tháng{_S}{_MONTH}{_S}(?:năm{_S})?{_YEAR}(?!\d)",
               re.IGNORECASE),
    # 08/11/2016, 8-11-2016, 08.11.2016
    re.compile(rf"(?<![\d/.\-]){_DAY}(?P<sep>[/.\-]){_MONTH}(?P=sep){_YEAR}(?![\d/])"),
    # tháng 3/2021, tháng 3 năm 2021, tháng 03-2021
    re.compile(rf"(?<!\p{{L}})tháng{_S}{_MONTH}{_S}(?:[/\-]|năm){_S}{_YEAR}(?!\d)", re.IGNORECASE),
    # ngày 17/3, sáng 17-3 (the year comes from the document's own date)
    re.compile(rf"(?<!\p{{L}})(?:ngày|sáng|chiều|tối|trưa|đêm|hôm){_S}(?:ngày{_S})?{_DAY}[/\-]{_MONTH}(?![\d/\-.]\d)",
               re.IGNORECASE),
    # từ ngày 15 đến 21-10-1963: the first day of the range
    re.compile(rf"(?<!\p{{L}})ngày{_S}{_DAY}{_S}(?=(?:đến|-|–){_S}\d{{1,2}}[/\-]\d{{1,2}}[/\-](?:19|20)\d\d)",
               re.IGNORECASE),
]
_RANGE_TAIL = re.compile(rf"\s*(?:đến|-|–)\s*\d{{1,2}}[/\-](?P<m>\d{{1,2}})[/\-](?P<y>\d{{4}})")

PERIOD = re.compile(r"(?<![\d/\-.])(?P<a>(?:19|20)\d\d)[ \t]*[-–—][ \t]*(?P<b>(?:19|20)\d\d)(?![\d/])")
YEAR = re.compile(r"(?<![\d/.,\-])(?:19|20)\d\d(?![\d/]|,\d|\.\d)")
# Years that close a period or a date ("2016-2020", "08/11/2016") as well.
YEAR_ANY = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d/]|,\d|\.\d)")
# A year inside a document number ("15/2020/NQ-HĐND", "Luật số 57/2014/QH13") is not a year named.
DOC_NUMBER = re.compile(r"\d+[\w.]*/(?:19|20)\d\d/[\p{Lu}Đ][\p{L}\d\-&/]*")


def find_dates(text: str, default_year: int | None) -> list[dict[str, Any]]:
    """Dates with their spans; dates without a year take `default_year` (or are dropped)."""
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for k, pattern in enumerate(DATE_PATTERNS):
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            gd = m.groupdict()
            year = gd.get("y")
            if k == 4:  # first day of a "từ ngày 15 đến 21-10-1963" range
                tail = _RANGE_TAIL.match(text, e)
                if not tail:
                    continue
                year, month = tail.group("y"), tail.group("m")
            else:
                month = gd["m"]
            if year is None:
                if default_year is None:
                    continue
                year = default_year
            value = iso_date(year, month, gd.get("d"))
            if value is None:
                continue
            # the span starts at the number (or "tháng"), not at "ngày"/"sáng"
            start = m.start("d") if gd.get("d") and k in (3, 4) else s
            found.append({"text": text[start:e], "value": value, "span": (start, e)})
            taken.append((s, e))
    found.sort(key=lambda d: d["span"])
    return found


def find_periods(text: str) -> list[dict[str, Any]]:
    out = []
    for m in PERIOD.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b <= a + 50:
            out.append({"text": m.group(0), "start": a, "end": b, "span": m.span()})
    return out


def find_years(text: str) -> list[dict[str, Any]]:
    """Every calendar year named: alone, in a date or a period, but not inside a document number."""
    masked = [m.span() for m in DOC_NUMBER.finditer(text)]
    out = []
    for m in YEAR_ANY.finditer(text):
        if any(s <= m.start() < e for s, e in masked):
            continue
        out.append({"text": m.group(0), "value": int(m.group(0)), "span": m.span()})
    return out


@Language.component("reportextract_dates", assigns=["doc.spans"])
def dates_component(doc: Doc) -> Doc:
    """doc.spans["dates"], ["periods"] and ["years"]."""
    info = doc._.info or {}
    published = info.get("published")
    default_year = int(published[:4]) if published else None
    text = doc_text(doc)
    add_items(doc, "dates", find_dates(text, default_year))
    add_items(doc, "periods", find_periods(text))
    add_items(doc, "years", find_years(text))
    return doc
