"""Every output validates against the packaged JSON Schema, and every span slices to its text."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

import reportextract
from reportextract.schema import output_schema

TEXTS = {
    "seed": None,  # filled from the sample file
    "empty": "",
    "spaces": " \n\t ",
    "numbers-only": "12 34,5 6.789 2020 15/3 1/2/2003",
    "legal-header": (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NAM\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 12/2024/QĐ-UBND\n|\nBắc Nam, ngày 05 tháng 3 năm 2024\nQUYẾT ĐỊNH\n"
        "Về việc giao chỉ tiêu năm 2024\nCăn cứ Nghị quyết số 07/NQ-HĐND ngày 10/12/2023 của "
        "Hội đồng nhân dân tỉnh;\nGiao chỉ tiêu giảm 1,5% tỷ lệ hộ nghèo."
    ),
    "press": (
        "Sáng 12/4, đồng chí Trần Văn Minh, Tỉnh ủy viên, Giám đốc Sở Tài chính chủ trì hội nghị. "
        "Năm 2023, toàn tỉnh có 1.250 hộ thoát nghèo, tỷ lệ hộ nghèo còn 4,2%; thu ngân sách đạt "
        "2.345,6 tỷ đồng, tăng 12% so với năm 2022."
    ),
}


def _docs():
    for name, text in TEXTS.items():
        if text is None:
            seed = Path(__file__).resolve().parents[1] / "samples" / "giam-ngheo-2016-2020.txt"
            yield name, reportextract.extract_file(seed)
        else:
            yield name, reportextract.extract_text(text, source=f"{name}.txt")


@pytest.mark.parametrize(("name", "doc"), list(_docs()), ids=list(TEXTS))
def test_output_validates_and_spans_slice(name: str, doc: reportextract.Document) -> None:
    data = doc.to_dict()
    jsonschema.validate(data, output_schema())
    text = doc.text
    for key in ("figures", "dates", "periods", "references"):
        for item in data[key]:
            s, e = item["span"]
            assert text[s:e] == item["text"], (key, item)
    for official in data["officials"]:
        for s, e in official["mentions"]:
            assert text[s:e] == official["name"]
    assert data["source"]["chars"] == len(text)
