"""Table figures: numeric cells of the reader's tables, with the row label as metric and headers giving unit, year, plan."""
from __future__ import annotations

from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import add_items, doc_text, items
from ..parsers.numbers import parse_number, scale_of

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# A value cell: an optional bound, a number or range, an optional "/total", an optional unit.
_VALUE = re.compile(
    rf"^(?P<cmp>dưới|trên|hơn|khoảng|gần|ít nhất|tối thiểu|tối đa|không quá|<=|>=|≤|≥|<|>|~)?\s*"
    rf"(?P<n1>{_NUM})(?:\s*[-–]\s*(?P<n2>{_NUM}))?(?:\s*/\s*(?P<den>{_NUM}))?\s*(?P<unit>%|[\p{{L}}²³ ]{{1,20}})?$",
    re.IGNORECASE)
_CMP = {"dưới": "<", "<": "<", "trên": ">", "hơn": ">", ">": ">", "khoảng": "~", "gần": "~", "~": "~",
        "ít nhất": ">=", "tối thiểu": ">=", ">=": ">=", "≥": ">=", "tối đa": "<=", "không quá": "<=",
        "<=": "<=", "≤": "<="}
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_RANK = re.compile(r"thứ hạng|xếp hạng|\bhạng\b|^stt$|^tt$|số tt|ghi chú|mã số", re.IGNORECASE)
_UNIT_HEADER = re.compile(r"^(?:đơn vị tính|đơn vị|đvt)$", re.IGNORECASE)
_TARGET = re.compile(r"kế hoạch|mục tiêu|chỉ tiêu|phấn đấu|\bKH\b|dự toán|được giao", re.IGNORECASE)
_NOT_TARGET = re.compile(r"thực hiện|\bTH\b|ước|đạt|so với|so sánh|tỷ lệ|%", re.IGNORECASE)
_ESTIMATE = re.compile(r"(?<!\p{L})(?:ước|dự ước)(?!\p{L})", re.IGNORECASE)
_PAREN_UNIT = re.compile(r"\(([^()]{1,25})\)\s*$")
_MONEY = re.compile(r"^(?:(?P<scale>nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)\s*)?(?P<cur>đồng|vnđ|vnd|đ|usd)$",
                    re.IGNORECASE)
_STT = re.compile(r"^(?:\d{1,3}|[IVXLC]+|[a-zđ])\.?$")


def _unit(word: str | None) -> tuple[str, str, float] | None:
    """(unit, kind, multiplier) of a unit as written in a header or cell, or None.

    >>> _unit("triệu đồng"), _unit("%"), _unit("Điểm số")
    (('VND', 'money', 1000000.0), ('%', 'rate', 1.0), ('điểm', 'count', 1.0))
    """
    if not word:
        return None
    w = " ".join(word.lower().split()).strip(" .:")
    if not w:
        return None
    if w in ("%", "tỷ lệ", "tỷ lệ %", "phần trăm") or w.endswith("(%)"):
        return "%", "rate", 1.0
    if w.startswith("điểm"):
        return "điểm", "count", 1.0
    m = _MONEY.match(w)
    if m:
        cur = "USD" if m.group("cur") == "usd" else "VND"
        return cur, "money", scale_of(m.group("scale"))
    from .figures import unit_table

    table = unit_table()
    if w in table:
        unit, kind = table[w]
        return unit, kind, 1.0
    for scale in ("nghìn", "ngàn", "triệu", "tỷ"):
        if w.startswith(scale + " ") and w[len(scale) + 1:] in table:
            unit, kind = table[w[len(scale) + 1:]]
            return unit, kind, scale_of(scale)
    return None


def _header_unit(header: str) -> tuple[str, str, float] | None:
    m = _PAREN_UNIT.search(header)
    if m and (u := _unit(m.group(1))):
        return u
    for part in reversed(header.split(" / ")):
        if u := _unit(part):
            return u
    return None


def lead_in_time(text: str, start: int) -> tuple[int | None, tuple[int, int] | None]:
    r"""The year or period the line just before a table sets for it ("… chỉ số năm 2024 như sau:").

    >>> lead_in_time("Kết quả năm 2024 như sau:\nA | B", 26)
    (2024, None)
    """
    start = text.rfind("\n", 0, start) + 1  # the start of the table's first row
    before = text[max(0, start - 400):start].rstrip().rsplit("\n", 1)[-1]
    if " | " in before:
        return None, None  # a table continued from the page before: the caller carries its scope on
    if pm := _PERIOD.search(before):
        return None, (int(pm.group(1)), int(pm.group(2)))
    years = set(_YEAR.findall(before))
    return (int(years.pop()), None) if len(years) == 1 else (None, None)


def table_figures(text: str, cells: list[tuple[int, int, tuple[int, int]]],
                  scope: tuple[int | None, tuple[int, int] | None] = (None, None)) -> list[dict[str, Any]]:
    """Figures from one table's cells (row, column, span) over `text`.

    >>> rows = ["Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Thực hiện 2025",
    ...         "Tỷ lệ hộ nghèo | % | dưới 1 | 0,8", "Thu ngân sách | tỷ đồng | 1.200 | 1.250,5"]
    >>> text, cells, pos = "\\n".join(rows), [], 0
    >>> for r, line in enumerate(rows):
    ...     for c, cell in enumerate(line.split(" | ")):
    ...         start = text.index(cell, pos); cells.append((r, c, (start, start + len(cell))))
    ...     pos += len(line) + 1
    >>> [(f["text"], f["value"], f["unit"], f["comparator"], f["year"], f["target"], f["metric"])
    ...  for f in table_figures(text, cells)]  # doctest: +NORMALIZE_WHITESPACE
    [('dưới 1', 1.0, '%', '<', 2025, True, 'tỷ lệ hộ nghèo'), ('0,8', 0.8, '%', None, 2025, False, 'tỷ lệ hộ nghèo'),
     ('1.200', 1200000000000.0, 'VND', None, 2025, True, 'thu ngân sách'),
     ('1.250,5', 1250500000000.0, 'VND', None, 2025, False, 'thu ngân sách')]
    """
    grid: dict[int, dict[int, tuple[str, tuple[int, int]]]] = {}
    for r, c, span in cells:
        grid.setdefault(r, {})[c] = (text[span[0]:span[1]], span)
    rows = sorted(grid)

    def numeric(t: str) -> bool:
        m = _VALUE.match(t.strip())
        return bool(m) and not _YEAR.fullmatch(t.strip()) and (not m.group("unit") or _unit(m.group("unit"))
                                                               is not None or m.group("unit") == "%")

    # header rows: those before the first row with a number outside its first column
    header_rows: list[int] = []
    for r in rows:
        if any(numeric(t) for c, (t, _) in grid[r].items() if c != min(grid[r])):
            break
        header_rows.append(r)
    if not header_rows or len(header_rows) == len(rows):
        header_rows = header_rows[:1] if len(header_rows) < len(rows) else []

    def header(col: int) -> str:
        parts = []
        for r in header_rows:
            owner = max((c for c in grid[r] if c <= col), default=None)
            if owner is not None:
                parts.append(grid[r][owner][0])
        return " / ".join(parts)

    all_cols = sorted({c for r in rows for c in grid[r]})
    heads = {c: header(c) for c in all_cols}
    unit_col = next((c for c in all_cols if _UNIT_HEADER.match(heads[c].split(" / ")[-1].strip())), None)
    skip_cols = {c for c in all_cols if _RANK.search(heads[c])}
    lead_year, lead_period = lead_in_time(text, min(span[0] for _, _, span in cells))
    if lead_year is None and lead_period is None:
        lead_year, lead_period = scope
    out: list[dict[str, Any]] = []
    for r in rows:
        if r in header_rows:
            continue
        row = grid[r]
        label_col = next((c for c in sorted(row) if c not in skip_cols and c != unit_col
                          and not numeric(row[c][0]) and not _STT.match(row[c][0].strip())), None)
        label = row[label_col][0] if label_col is not None else ""
        row_unit = _unit(row[unit_col][0]) if unit_col is not None and unit_col in row else None
        label_unit = _header_unit(label) if label else None
        spans = [s for _, s in row.values()]
        line = (min(s[0] for s in spans), max(s[1] for s in spans))
        for c in sorted(row):
            if c in (label_col, unit_col) or c in skip_cols:
                continue
            t, span = row[c]
            m = _VALUE.match(t.strip())
            if not m or _YEAR.fullmatch(t.strip()):
                continue
            if label_col is None and c == min(row) and _STT.match(t.strip()):
                continue
            head = heads.get(c, "")
            unit = _unit(m.group("unit")) if m.group("unit") else None
            head_unit = _header_unit(head)
            if head_unit and head_unit[0] == "%":  # "So với KH (%)": the column's own unit beats the row's
                unit = unit or head_unit
            unit = unit or row_unit or label_unit or head_unit
            if unit is None:
                continue  # a bare number in a column we cannot name
            v1 = parse_number(m.group("n1"))
            if v1 is None:
                continue
            value: Any = v1 * unit[2]
            if m.group("n2"):
                v2 = parse_number(m.group("n2"))
                if v2 is None:
                    continue
                value = (value, v2 * unit[2])
            year = period = None
            if pm := _PERIOD.search(head):
                period = (int(pm.group(1)), int(pm.group(2)))
            elif ym := _YEAR.findall(head):
                year = int(ym[-1])
            else:
                year, period = lead_year, lead_period
            group = head.split(" / ")[0] if " / " in head else ""
            metric = re.sub(r"\s*\([^()]*\)\s*$", "", label).strip().lower() or None
            if metric and group and not _unit(group) and not _TARGET.search(group) and not _YEAR.search(group):
                metric = f"{metric} ({group.lower()})"
            s0 = span[0] + (len(t) - len(t.lstrip()))
            out.append({
                "text": text[s0:span[1]].rstrip(), "span": (s0, s0 + len(text[s0:span[1]].rstrip())),
                "value": value, "unit": unit[0], "kind": unit[1],
                # an estimate column ("Ước thực hiện", "Ước TH năm 2024") hedges its values as "ước" does in text
                "comparator": _CMP.get((m.group("cmp") or "").lower()) or ("~" if _ESTIMATE.search(head) else None),
                "metric": metric, "year": year, "period": period,
                "target": bool(_TARGET.search(head)) and not _NOT_TARGET.search(head),
                "change": None, "sentence": text[line[0]:line[1]], "sentence_span": line,
                "source": "table",
            })
    return out


@Language.component("reportextract_tables", assigns=["doc.spans"])
def tables_component(doc: Doc) -> Doc:
    """Adds the figures of the reader's table cells to doc.spans["figures"]; a table figure replaces
    a text figure found inside the same cell (the table knows its metric, unit and year)."""
    src = doc._.source
    tables = getattr(src, "tables", None)
    if not tables:
        return doc
    text = doc_text(doc)
    found: list[dict[str, Any]] = []
    scope: tuple[int | None, tuple[int, int] | None] = (None, None)
    for table in tables:
        cells = [(c.row, c.col, tuple(c.span)) for c in table]
        if not cells:
            continue
        try:
            here = lead_in_time(text, min(span[0] for _, _, span in cells))
            scope = here if here != (None, None) else scope
            found += table_figures(text, cells, scope)
        except (IndexError, ValueError):  # a malformed table must not stop the document
            continue
    if not found:
        return doc
    taken = [f["span"] for f in found]
    kept = [f for f in items(doc, "figures")
            if not any(a <= f["span"][0] and f["span"][1] <= b for a, b in taken)]
    add_items(doc, "figures", sorted(kept + found, key=lambda f: tuple(f["span"])))
    return doc
