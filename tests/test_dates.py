"""Example tables for dates, periods, years and the context year (sentences written for this project)."""
from __future__ import annotations

import pytest

from reportextract import extract_text
from reportextract.extract.dates import document_year, find_dates, find_periods, find_years
from reportextract.parsers.dates import context_year, iso_date

# (id, text, year for dates written without one, expected values in text order)
DATE_EXAMPLES = [
    ("day-month-year words", "Ban hành ngày 08 tháng 11 năm 2016.", None, ["2016-11-08"]),
    ("words wrapped", "ký ngày 22 tháng 11\nnăm 2019 tại tỉnh", None, ["2019-11-22"]),
    ("slashes", "Kế hoạch ngày 5/7/2021 của tỉnh", None, ["2021-07-05"]),
    ("hyphens", "Sáng 4-4-2022, hội nghị khai mạc", None, ["2022-04-04"]),
    ("dots", "Cập nhật 08.11.2016", None, ["2016-11-08"]),
    ("month slash", "trong tháng 3/2021 toàn tỉnh", None, ["2021-03"]),
    ("month words", "đến tháng 10 năm 2024", None, ["2024-10"]),
    ("month hyphen", "số liệu tháng 12-2020", None, ["2020-12"]),
    ("morning no year", "Sáng ngày 17/3, UBND tỉnh họp", 2021, ["2021-03-17"]),
    ("afternoon no year", "Chiều 4/2, đoàn công tác đến thăm", 2025, ["2025-02-04"]),
    ("dot no year", "Sáng 30.12, hội nghị tổng kết", 2021, ["2021-12-30"]),
    ("hyphen no year", "Ngày 11-12, tại Hà Nội", 2020, ["2020-12-11"]),
    ("today in brackets", "Hôm nay (17/3), tỉnh tổ chức lễ", 2024, ["2024-03-17"]),
    ("tomorrow", "(Ngày mai 9-11, hội nghị làm việc tiếp)", 2017, ["2017-11-09"]),
    ("day month words no year", "ngày 17 tháng 3 tới", 2023, ["2023-03-17"]),
    ("bare month", "trong tháng 5 đã giải quyết việc làm", 2022, ["2022-05"]),
    ("no year known", "Chiều 5/12, kỳ họp bế mạc", None, []),
    ("range day to date", "họp từ ngày 14 đến 19-9-1968 tại thị xã", None, ["1968-09-14", "1968-09-19"]),
    ("range across months", "từ ngày 27-2 đến ngày 3-3-1975", None, ["1975-02-27", "1975-03-03"]),
    ("range dash", "từ ngày 13-17/12/2021, đoàn đi thăm", None, ["2021-12-13", "2021-12-17"]),
    ("range with ngày", "từ ngày 4 đến ngày 9-6-1981", None, ["1981-06-04", "1981-06-09"]),
    ("range no year", "từ ngày 30/4 đến 1/5 nghỉ lễ", 2024, ["2024-04-30", "2024-05-01"]),
    ("pair no year", "trong hai ngày 3 và 4/9, đoàn làm việc", 2024, ["2024-09-03", "2024-09-04"]),
    ("month range", "từ tháng 3 đến tháng 6/2021", None, ["2021-03", "2021-06"]),
    ("space after slash", "trước ngày 22/ 12/ 2011", None, ["2011-12-22"]),
    ("spaced hyphens", "Đăng ngày 11 - 11 - 2023", None, ["2023-11-11"]),
    ("blank day draft", "Lâm Hà, ngày      tháng 11 năm 2025", None, ["2025-11"]),
    ("impossible date", "ngày 30/2/2021", None, []),
]


@pytest.mark.parametrize(("text", "year", "values"), [e[1:] for e in DATE_EXAMPLES],
                         ids=[e[0] for e in DATE_EXAMPLES])
def test_find_dates(text: str, year: int | None, values: list[str]) -> None:
    found = find_dates(text, year)
    assert [d["value"] for d in found] == values
    for d in found:
        s, e = d["span"]
        assert text[s:e] == d["text"]


NOT_DATES = [
    ("duration", "trong 6 tháng đầu năm"),
    ("count months", "sau 9 tháng 5 ngày"),
    ("ratio", "đạt 52/52 đại biểu"),
    ("document number", "Quyết định số 12/2021/QĐ-UBND"),
    ("fraction of communes", "có 8/12 xã"),
    ("decimal", "tăng 1,5 lần"),
]


@pytest.mark.parametrize("text", [e[1] for e in NOT_DATES], ids=[e[0] for e in NOT_DATES])
def test_not_dates(text: str) -> None:
    assert find_dates(text, 2021) == []


PERIOD_EXAMPLES = [
    ("hyphen", "giai đoạn 2016-2020", [(2016, 2020)]),
    ("spaced en dash", "kế hoạch 5 năm 2021 – 2025", [(2021, 2025)]),
    ("term of office", "HĐND tỉnh nhiệm kỳ 2021-2026", [(2021, 2026)]),
    ("words", "từ năm 2011 đến năm 2015", [(2011, 2015)]),
    ("parenthesised", "Từ khi tái lập huyện (1991) đến nay (2020)", [(1991, 2020)]),
    ("stage without từ", "giai đoạn 2016 đến 2020", [(2016, 2020)]),
    ("until now is open", "từ năm 2016 đến nay", []),
    ("date is not a period", "ngày 15-10-2020", []),
    ("backwards", "2020-2016", []),
]


@pytest.mark.parametrize(("text", "periods"), [e[1:] for e in PERIOD_EXAMPLES],
                         ids=[e[0] for e in PERIOD_EXAMPLES])
def test_find_periods(text: str, periods: list[tuple[int, int]]) -> None:
    found = find_periods(text)
    assert [(p["start"], p["end"]) for p in found] == periods
    for p in found:
        s, e = p["span"]
        assert text[s:e] == p["text"]


YEAR_EXAMPLES = [
    ("alone", "trong năm 2022", [2022]),
    ("in a date", "ngày 08/11/2016", [2016]),
    ("in a period", "giai đoạn 2016-2020", [2016, 2020]),
    ("inside a number", "Nghị quyết số 15/2020/NQ-HĐND", []),
    ("law number", "Luật số 57/2014/QH13", []),
    ("money is not a year", "đạt 2.021 tỷ đồng", []),
    ("decimal is not a year", "tăng 2020,5 ha", []),
    ("four-digit count", "hỗ trợ 2000 người lao động", []),
    ("year before a count word", "năm 2020 người dân đóng góp", [2020]),
]


@pytest.mark.parametrize(("text", "years"), [e[1:] for e in YEAR_EXAMPLES], ids=[e[0] for e in YEAR_EXAMPLES])
def test_find_years(text: str, years: list[int]) -> None:
    assert sorted({y["value"] for y in find_years(text)}) == years


CONTEXT_EXAMPLES = [
    ("full date wins", "Nhiệm kỳ 2021-2026. Ngày 18/4/2022 kỳ họp bế mạc.", 2022),
    ("comparison base", "tăng 5% so với cùng kỳ năm 2021", 2022),
    ("most named", "năm 2019 và năm 2019, kế hoạch năm 2020", 2019),
    ("term start", "Ban Chấp hành nhiệm kỳ 2025-2030", 2025),
    ("birth year ignored", "Ông sinh năm 1970, kỳ họp năm 2021", 2021),
    ("nothing", "Chiều 5/12, kỳ họp bế mạc", None),
]


@pytest.mark.parametrize(("text", "year"), [e[1:] for e in CONTEXT_EXAMPLES], ids=[e[0] for e in CONTEXT_EXAMPLES])
def test_context_year(text: str, year: int | None) -> None:
    assert context_year(text) == year


def test_published_date_beats_context() -> None:
    assert document_year("2019-10-10", "năm 2025 năm 2025") == 2019
    assert document_year(None, "năm 2025 năm 2025") == 2025


def test_iso_date_month_only() -> None:
    assert iso_date(2021, 3) == "2021-03"


def test_pipeline_dates_listed_once_with_header_year() -> None:
    text = ("HỘI NGHỊ SƠ KẾT CÔNG TÁC QUÝ I\nNgày cập nhật 02/04/2023\n\n"
            "Sáng 31/3, UBND huyện họp. Sáng 31/3 cũng có đoàn kiểm tra, giai đoạn 2021-2025.")
    out = extract_text(text).to_dict()
    assert out["document"]["published"] == "2023-04-02"
    assert [d["value"] for d in out["dates"]] == ["2023-04-02", "2023-03-31"]
    assert [(p["start"], p["end"]) for p in out["periods"]] == [(2021, 2025)]
    assert out["years"] == [2021, 2023, 2025]
