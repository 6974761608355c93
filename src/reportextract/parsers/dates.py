"""Pure date parsers: Vietnamese day/month/year forms to ISO strings."""
from __future__ import annotations

import datetime as _dt


def iso_date(year: int | str, month: int | str, day: int | str | None = None) -> str | None:
    """"YYYY-MM-DD" (or "YYYY-MM" without a day) when the parts make a real date, else None.

    >>> iso_date(2016, 11, 8)
    '2016-11-08'
    >>> iso_date("2021", "3", None)
    '2021-03'
    >>> iso_date(2021, 2, 30) is None
    True
    >>> iso_date(205, 11, 7) is None
    True
    """
    try:
        y, m = int(year), int(month)
        if not 1900 <= y <= 2100 or not 1 <= m <= 12:
            return None
        if day is None:
            return f"{y:04d}-{m:02d}"
        return _dt.date(y, m, int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def is_year(text: str) -> bool:
    """A four-digit calendar year as Vietnamese documents use them (1900-2100).

    >>> is_year("2016"), is_year("9604"), is_year("1945")
    (True, False, True)
    """
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100
