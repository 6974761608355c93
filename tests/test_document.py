"""Document fields from invented headers: title, kind, published, number, issuer."""
from __future__ import annotations

import pytest

from reportextract import extract_text
from reportextract.extract.document import find_document

RESOLUTION = """HỘI ĐỒNG
NHÂN DÂN
TỈNH HÀ NAM
--------
|
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số:
21/2022/NQ - HĐND
|
Hà Nam, ngày
09 tháng 12 năm 2022
|
NGHỊ QUYẾT
VỀ KẾ HOẠCH ĐẦU TƯ CÔNG
NĂM 2023
HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM
KHÓA XIX, KỲ HỌP THỨ 9
Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;
Căn cứ Nghị quyết số 20/2021/NQ-HĐND ngày 8/12/2021 của Hội đồng nhân dân tỉnh;
"""

DECISION_TABLE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÔNG SƠN | Độc lập - Tự do - Hạnh phúc
Số: 77/QĐ-UBND | Đông Sơn, ngày 3 tháng 4 năm 2024

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác
rà soát thủ tục hành chính

CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN
Căn cứ Luật Tổ chức chính quyền địa phương;
"""

CONCLUSION_DRAFT = """ỦY BAN NHÂN DÂN | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH AN | Độc lập - Tự do - Hạnh phúc
Số:      /TB-UBND | Bình An, ngày      tháng 5 năm 2026

THÔNG BÁO
Kết luận của đồng chí Trần Văn Bình - Phó Chủ tịch UBND tỉnh
tại buổi làm việc về tiến độ giải ngân vốn đầu tư công
_______________

Ngày 20/5/2026, đồng chí Trần Văn Bình chủ trì buổi làm việc.
"""

REPORT_WITH_PARENT = """UBND TỈNH BÌNH AN
SỞ TÀI CHÍNH
Số: 120/BC-STC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình An, ngày 30 tháng 6 năm 2025
BÁO CÁO
Tình hình thu, chi ngân sách 6 tháng đầu năm 2025
Thực hiện chỉ đạo của UBND tỉnh, Sở Tài chính báo cáo như sau:
"""

LETTER = """UBND TỈNH BÌNH AN
SỞ NỘI VỤ
Số: 88/SNV-TCBM
V/v góp ý dự thảo quy chế
làm việc của Sở
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình An, ngày 2 tháng 3 năm 2024
Kính gửi: Các phòng chuyên môn.
"""

MIXED_CASE_LAW = """**NGHỊ QUYẾT**

**Về một số cơ chế đặc thù ****phát triển vùng biên giới**

**QUỐC HỘI**

*Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;*
"""

NEWS_WITH_CHROME = """Trang chủ Tin tức Kinh tế Huyện Yên Lạc thu ngân sách đạt 40% dự toán
Tăng cỡ chữ Giảm cỡ chữ

Huyện Yên Lạc thu ngân sách đạt 40% dự toán

Ngày cập nhật 25/03/2021

Sáng 24/3, huyện Yên Lạc tổ chức hội nghị sơ kết quý I. Ngày 2/3/2021, huyện đã ban hành kế hoạch.
"""

NEWS_DATE_LINE = """14/07/2023
Tăng cỡ chữ Giảm cỡ chữ
Nông dân Phú Mỹ thu hoạch lúa hè thu sớm

Những ngày này, nông dân xã Phú Mỹ tất bật thu hoạch lúa.
"""

NEWS_BYLINE = """Tỉnh Bình An đón nhận Huân chương Lao động hạng Nhất

Minh Châu - Thu Hà - 09:15, 02/09/2024

Sáng 1/9, tỉnh Bình An long trọng tổ chức lễ đón nhận.
"""

NEWS_TIME_LINE = """Khánh thành cầu Bến Đá nối hai xã ven sông

03/05/2022 - 10:42

BAĐT - Sáng 2-5-2022, UBND huyện tổ chức lễ khánh thành.
"""

NEWS_POSTED = """Ra mắt mô hình dân vận khéo ở xã Tân Hòa

Đăng ngày 11 - 11 - 2023

Ngày 10/11/2023, Ban Dân vận Huyện ủy tổ chức ra mắt mô hình.
"""

BODY_ONLY = """Ngày 2/6/2022, Phó Thủ tướng đã ký quyết định công nhận huyện Tân Phú đạt chuẩn nông thôn mới năm 2021.

Quyết định số 99/QĐ-TTg nêu rõ các tiêu chí.
"""

SITE_PREFIX = """(ABC) - UBND tỉnh vừa tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.

Tại hội nghị, các đại biểu đã thảo luận.
"""

# (id, text, title, kind, published, number, issuer)
DOCUMENT_EXAMPLES = [
    ("resolution split header", RESOLUTION, "VỀ KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2023", "resolution", "2022-12-09",
     "21/2022/NQ-HĐND", "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM"),
    ("decision table header", DECISION_TABLE, "Về việc thành lập Tổ công tác rà soát thủ tục hành chính",
     "decision", "2024-04-03", "77/QĐ-UBND", "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN"),
    ("conclusion draft without day", CONCLUSION_DRAFT,
     "Kết luận của đồng chí Trần Văn Bình - Phó Chủ tịch UBND tỉnh tại buổi làm việc về tiến độ giải ngân vốn đầu "
     "tư công", "conclusion", "2026-05", None, "ỦY BAN NHÂN DÂN TỈNH BÌNH AN"),
    ("report under a parent body", REPORT_WITH_PARENT, "Tình hình thu, chi ngân sách 6 tháng đầu năm 2025", "report",
     "2025-06-30", "120/BC-STC", "SỞ TÀI CHÍNH"),
    ("letter subject line", LETTER, "V/v góp ý dự thảo quy chế làm việc của Sở", "other", "2024-03-02",
     "88/SNV-TCBM", "SỞ NỘI VỤ"),
    ("markdown resolution", MIXED_CASE_LAW, "Về một số cơ chế đặc thù phát triển vùng biên giới", "resolution",
     None, None, "QUỐC HỘI"),
    ("news past site chrome", NEWS_WITH_CHROME, "Huyện Yên Lạc thu ngân sách đạt 40% dự toán", "press_release",
     "2021-03-25", None, None),
    ("news with a date line on top", NEWS_DATE_LINE, "Nông dân Phú Mỹ thu hoạch lúa hè thu sớm", "press_release",
     "2023-07-14", None, None),
    ("news by-line with time", NEWS_BYLINE, "Tỉnh Bình An đón nhận Huân chương Lao động hạng Nhất", "press_release",
     "2024-09-02", None, None),
    ("news date and time line", NEWS_TIME_LINE, "Khánh thành cầu Bến Đá nối hai xã ven sông", "press_release",
     "2022-05-03", None, None),
    ("news posted label", NEWS_POSTED, "Ra mắt mô hình dân vận khéo ở xã Tân Hòa", "press_release", "2023-11-11",
     None, None),
    ("body only: no title, no published", BODY_ONLY, None, "press_release", None, None, None),
    ("lede with site prefix is not a title", SITE_PREFIX, None, "press_release", None, None, None),
]


@pytest.mark.parametrize(("text", "title", "kind", "published", "number", "issuer"),
                         [e[1:] for e in DOCUMENT_EXAMPLES], ids=[e[0] for e in DOCUMENT_EXAMPLES])
def test_find_document(text: str, title: str | None, kind: str, published: str | None, number: str | None,
                       issuer: str | None) -> None:
    info = find_document(text)
    assert info["title"] == title
    assert info["kind"] == kind
    assert info["published"] == published
    assert info["number"] == number
    assert info["issuer"] == issuer


MENU_EXAMPLES = [
    ("section label", "Kinh tế\nGiới thiệu sản phẩm OCOP của huyện Tân Phú\nNội dung.",
     "Giới thiệu sản phẩm OCOP của huyện Tân Phú"),
    ("breadcrumb", "Tin tức > Kinh tế\nXuất khẩu tăng 12%\nNội dung.", "Xuất khẩu tăng 12%"),
    ("menu chain", "Thời sự\n\nKinh tế - Xã hội\nTỉnh đón 2 triệu lượt khách\nBody.", "Tỉnh đón 2 triệu lượt khách"),
    ("lone word", "Home\nHội nghị tổng kết năm\nBody.", "Hội nghị tổng kết năm"),
]


@pytest.mark.parametrize(("text", "title"), [e[1:] for e in MENU_EXAMPLES], ids=[e[0] for e in MENU_EXAMPLES])
def test_title_skips_menus(text: str, title: str) -> None:
    assert find_document(text)["title"] == title


def test_party_resolution_subject_across_case() -> None:
    text = ("ĐẢNG BỘ TỈNH BÌNH AN\nTỈNH ỦY\n*\nSố 12-NQ/TU | ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Bình An, ngày 8 tháng 11 năm 2021\nNGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ 5 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n"
            "về phát triển du lịch đến năm 2030\n-----\nI. TÌNH HÌNH")
    info = find_document(text)
    assert info["title"] == "HỘI NGHỊ LẦN THỨ 5 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH về phát triển du lịch đến năm 2030"
    assert (info["kind"], info["number"], info["published"]) == ("resolution", "12-NQ/TU", "2021-11-08")


def test_headline_holding_a_date_is_a_headline() -> None:
    text = "Hội nghị ngày 15/3/2024 bàn về chuyển đổi số\n\nNội dung bài viết."
    info = find_document(text)
    assert (info["title"], info["published"]) == ("Hội nghị ngày 15/3/2024 bàn về chuyển đổi số", None)


def test_motto_quoted_in_a_story_is_no_header() -> None:
    text = ("Lễ chào cờ mừng Quốc khánh tại xã Tân Phú\n\n" + "Người dân treo cờ đỏ sao vàng khắp các ngả đường. " * 20
            + "\nDòng chữ Độc lập - Tự do - Hạnh phúc được treo trang trọng.")
    info = find_document(text)
    assert (info["title"], info["kind"]) == ("Lễ chào cờ mừng Quốc khánh tại xã Tân Phú", "press_release")


def test_closing_byline_date() -> None:
    text = "Hội thao dân quân tự vệ huyện năm 2024\n\nSáng 14/3, huyện tổ chức hội thao.\n\nMinh Châu - 15/03/2024\n"
    assert find_document(text)["published"] == "2024-03-15"


def test_author_label_date_line() -> None:
    text = "Hội thao dân quân tự vệ huyện năm 2024\nTác giả: Minh Châu - 15/03/2024\nNội dung bài viết."
    assert find_document(text)["published"] == "2024-03-15"


def test_letter_that_reports_is_a_report() -> None:
    text = LETTER.replace("V/v góp ý dự thảo quy chế", "V/v báo cáo kết quả thực hiện quy chế")
    assert find_document(text)["kind"] == "report"


def test_news_headline_starting_with_a_number() -> None:
    text = "12 xã đạt chuẩn nông thôn mới nâng cao\n\nTheo Sở Nông nghiệp, năm 2023 có thêm 12 xã đạt chuẩn."
    assert find_document(text)["title"] == "12 xã đạt chuẩn nông thôn mới nâng cao"


def test_kind_and_subject_on_one_line() -> None:
    text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "QUYẾT ĐỊNH Về việc giao chỉ tiêu tuyển sinh năm 2024\nCăn cứ Luật Giáo dục;")
    info = find_document(text)
    assert (info["kind"], info["title"]) == ("decision", "Về việc giao chỉ tiêu tuyển sinh năm 2024")


def test_weekday_date_line_in_words() -> None:
    text = "Hội thi cán bộ dân số giỏi cấp huyện\nThứ Hai, ngày 4 tháng 4 năm 2022\nNội dung bài viết."
    info = find_document(text)
    assert (info["title"], info["published"]) == ("Hội thi cán bộ dân số giỏi cấp huyện", "2022-04-04")


def test_lede_opening_with_its_day_is_not_a_title() -> None:
    assert find_document("Sáng 4/2, UBND tỉnh họp bàn kế hoạch năm 2025\nNội dung.")["title"] is None


def test_body_date_is_not_published() -> None:
    assert find_document(BODY_ONLY)["published"] is None


def test_own_number_masked_in_pipeline() -> None:
    out = extract_text(RESOLUTION).to_dict()
    numbers = [r["number"] for r in out["references"]]
    assert "21/2022/NQ-HĐND" not in numbers
    assert "20/2021/NQ-HĐND" in numbers
    assert out["years"] == [2019, 2021, 2022, 2023]  # 2022 from the header date, not from the number


def test_two_column_header_read_row_by_row_keeps_motto_and_ocr_dateline_out_of_the_title():
    # a scanned header whose two columns OCR read row by row: the motto and a garbled dateline
    # ("ngày J5 tháng I0") fall between the kind line and the subject
    text = ("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ NAM\nSố: 215/TB-UBND\n"
            "THÔNG BÁO\nĐộc lập - Tự do - Hạnh phúc\nPhủ Lý, ngày J5 tháng I0 năm 2024\n"
            "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải phóng mặt bằng\n\n"
            "Ngày 10/10/2024, Chủ tịch UBND tỉnh chủ trì cuộc họp.\n")
    d = find_document(text)
    assert d["title"] == "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải phóng mặt bằng"
    assert (d["kind"], d["number"]) == ("conclusion", "215/TB-UBND")
