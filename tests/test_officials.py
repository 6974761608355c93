"""Officials and by-line authors: names, titles around them, lists, signature blocks, places that are not people.

Every sentence here is invented for the test; the names are made up.
"""
from __future__ import annotations

import pytest

from reportextract.extract.officials import expand_title, find_authors, find_officials


def people(text: str) -> dict[str, list[str]]:
    """name -> titles, one entry per official."""
    records, _ = find_officials(text)
    out: dict[str, list[str]] = {}
    for r in records:
        assert text[r["span"][0]:r["span"][1]].casefold() == r["name"].casefold()
        out[r["name"]] = r["titles"]
    return out


# (id, text, {name: titles the official must have (a prefix of one of theirs, case-folded)})
CASES = [
    ("title-before",
     "Sáng 3/4, Bí thư Tỉnh ủy Lê Hồng Quân chủ trì hội nghị.",
     {"Lê Hồng Quân": ["Bí thư Tỉnh ủy"]}),
    ("deputy-pm-before",
     "Phó Thủ tướng Trần Minh Khoa đã ký quyết định công nhận.",
     {"Trần Minh Khoa": ["Phó Thủ tướng"]}),
    ("comma-chain-after",
     "Đồng chí Vũ Thanh Tùng, UVTW Đảng, Bí thư Tỉnh ủy phát biểu chỉ đạo.",
     {"Vũ Thanh Tùng": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]}),
    ("dash-after",
     "Ông Đào Văn Lộc - Chủ tịch UBND tỉnh cho biết kết quả rất khả quan.",
     {"Đào Văn Lộc": ["Chủ tịch Ủy ban nhân dân tỉnh"]}),
    ("paren-after",
     "Ý kiến của ông Phạm Quốc Bảo (Giám đốc Sở Tài chính) được thống nhất.",
     {"Phạm Quốc Bảo": ["Giám đốc Sở Tài chính"]}),
    ("abbr-no-comma",
     "Đồng chí Hồ Thị Lan UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự hội nghị.",
     {"Hồ Thị Lan": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Ủy ban nhân dân tỉnh"]}),
    ("tuv-and-department",
     "Đồng chí Ngô Đức Hải, TUV, Giám đốc Sở Lao động - Thương binh và Xã hội đồng chủ trì.",
     {"Ngô Đức Hải": ["Tỉnh ủy viên", "Giám đốc Sở Lao động - Thương binh và Xã hội"]}),
    ("two-titles-one-comma",
     "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Giàng Seo Phử dự đại hội.",
     {"Giàng Seo Phử": ["Bộ trưởng", "Chủ nhiệm Ủy ban Dân tộc"]}),
    ("chain-before",
     "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng Mai Đức Toàn tặng hoa chúc mừng.",
     {"Mai Đức Toàn": ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng"]}),
    ("list-with-titles",
     "Tham dự có các đồng chí: Lý Văn Sáng, Phó Bí thư Tỉnh ủy; Đoàn Thị Mai, Phó Chủ tịch HĐND tỉnh.",
     {"Lý Văn Sáng": ["Phó Bí thư Tỉnh ủy"], "Đoàn Thị Mai": ["Phó Chủ tịch Hội đồng nhân dân tỉnh"]}),
    ("list-dash-semicolon",
     "Trao bằng khen cho các đồng chí: Cao Văn Phú - Trưởng Ban Tổ chức Tỉnh ủy; Tạ Thu Hằng - nguyên Chánh Văn phòng UBND tỉnh.",
     {"Cao Văn Phú": ["Trưởng Ban Tổ chức Tỉnh ủy"], "Tạ Thu Hằng": ["nguyên Chánh Văn phòng Ủy ban nhân dân tỉnh"]}),
    ("lead-in-shared-title",
     "Bộ Chính trị chuẩn y 2 Phó Bí thư Tỉnh ủy, gồm các ông: Lường Văn Pấng; Thào A Dình.",
     {"Lường Văn Pấng": ["Phó Bí thư Tỉnh ủy"], "Thào A Dình": ["Phó Bí thư Tỉnh ủy"]}),
    ("elected-as",
     "Đồng chí Kiều Văn Hưng được bầu làm Bí thư Tỉnh ủy; các đồng chí Tô Văn Đạt, Quang Minh làm Phó Bí thư Tỉnh ủy.",
     {"Kiều Văn Hưng": ["Bí thư Tỉnh ủy"], "Tô Văn Đạt": ["Phó Bí thư Tỉnh ủy"], "Quang Minh": ["Phó Bí thư Tỉnh ủy"]}),
    ("approval-for",
     "Thủ tướng phê chuẩn chức danh Ủy viên UBND tỉnh đối với ông Lưu Văn Khải, Giám đốc Sở Nội vụ; ông Triệu Đức Long, Giám đốc Sở Y tế.",
     {"Lưu Văn Khải": ["Ủy viên Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ"],
      "Triệu Đức Long": ["Ủy viên Ủy ban nhân dân tỉnh", "Giám đốc Sở Y tế"]}),
    ("holds-post",
     "Ông Bế Văn Thành giữ chức Phó Chủ tịch UBND huyện từ tháng 5.",
     {"Bế Văn Thành": ["Phó Chủ tịch Ủy ban nhân dân huyện"]}),
    ("career",
     "Ông Tống Văn Hòa từng giữ các chức vụ: Phó Giám đốc Sở Xây dựng; Bí thư Huyện ủy.",
     {"Tống Văn Hòa": ["Phó Giám đốc Sở Xây dựng", "Bí thư Huyện ủy"]}),
    ("scope-kept",
     "Phó Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận Đặng Văn Khoa phát biểu.",
     {"Đặng Văn Khoa": ["Phó Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận"]}),
    ("old-tone-modern",
     "Đồng chí Quách Văn Tài, Uỷ viên Ban Thường vụ Tỉnh uỷ phát biểu.",
     {"Quách Văn Tài": ["Ủy viên Ban Thường vụ Tỉnh ủy"]}),
    ("ethnic-mong",
     "Phó Chủ tịch UBND tỉnh Sùng A Hồ kiểm tra tiến độ.",
     {"Sùng A Hồ": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"]}),
    ("ethnic-ede",
     "Chủ tịch Hội đồng Dân tộc Y Bhin Niê Kđăm dự lễ.",
     {"Y Bhin Niê Kđăm": ["Chủ tịch Hội đồng Dân tộc"]}),
    ("ethnic-khmer",
     "Ông Thạch Sô Phal, Phó Trưởng ban Dân tộc tỉnh, trao quà.",
     {"Thạch Sô Phal": ["Phó Trưởng ban Dân tộc tỉnh"]}),
    ("rank-and-post",
     "Đại tá Nguyễn Văn Cường, Giám đốc Công an tỉnh báo cáo.",
     {"Nguyễn Văn Cường": ["Đại tá", "Giám đốc Công an tỉnh"]}),
    ("cue-only",
     "Bà Lê Thị Thu Trang cho biết gia đình đã thoát nghèo.",
     {"Lê Thị Thu Trang": []}),
    ("title-after-province",
     "Bí thư Tỉnh ủy Hà Giang Lương Văn Tứ thăm hỏi.",
     {"Lương Văn Tứ": ["Bí thư Tỉnh ủy Hà Giang"]}),
    ("table-row",
     "|Phó Chủ tịch UBND tỉnh Phùng Văn Tĩnh\n|Tổ công tác số 2\n",
     {"Phùng Văn Tĩnh": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"]}),
    ("signature-block",
     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nĐinh Công Thuận\n",
     {"Đinh Công Thuận": ["Phó Chủ tịch"]}),
    ("signature-block-upper",
     "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nPHAN VĂN LỢI\n",
     {"PHAN VĂN LỢI": ["Phó Giám đốc"]}),
    ("byline-with-positions",
     "Bài viết của lãnh đạo sở về cải cách hành chính.\n\nNGUYỄN VĂN AN\nTỉnh ủy viên, Giám đốc Sở Tài chính\n",
     {"NGUYỄN VĂN AN": ["Tỉnh ủy viên", "Giám đốc Sở Tài chính"]}),
    ("mentions-merged",
     "Chủ tịch UBND tỉnh Đồng Văn Khôi phát biểu. Theo ông Đồng Văn Khôi, Bí thư Tỉnh ủy cũng dự.",
     {"Đồng Văn Khôi": ["Chủ tịch Ủy ban nhân dân tỉnh"]}),
    ("foreign-leader",
     "Tổng thống Joe Biden đã gặp Thủ tướng Campuchia Hun Manet.",
     {"Joe Biden": ["Tổng thống"], "Hun Manet": ["Thủ tướng"]}),
    ("company",
     "Chủ tịch HĐQT Tập đoàn Sông Lam Trần Đình Khang phát biểu.",
     {"Trần Đình Khang": ["Chủ tịch Hội đồng quản trị Tập đoàn Sông Lam"]}),
    ("youth-union-leader",
     "Bí thư Tỉnh đoàn Lâm Thị Hoa dự lễ.",
     {"Lâm Thị Hoa": ["Bí thư Tỉnh đoàn"]}),
    ("two-people-and",
     "Chủ tịch UBND tỉnh Lê Văn Giáp và Phó Chủ tịch UBND tỉnh Trần Thị Hạnh cùng dự.",
     {"Lê Văn Giáp": ["Chủ tịch Ủy ban nhân dân tỉnh"], "Trần Thị Hạnh": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"]}),
    ("district-then-person",
     "Chủ tịch UBND huyện Lâm Hà Trần Văn Xuân kiểm tra.",
     {"Trần Văn Xuân": ["Chủ tịch Ủy ban nhân dân huyện Lâm Hà"]}),
    ("ministry-capitalised",
     "Bộ trưởng Bộ Y Tế Đào Hồng Lan phát biểu.",
     {"Đào Hồng Lan": ["Bộ trưởng Bộ Y tế"]}),
    ("group-role-after-dash",
     "1. Ông Phạm Văn Hùng, Phó Chủ tịch UBND tỉnh - Tổ trưởng;\n2. Bà Vi Thị Ngọc, Giám đốc Sở Nội vụ - Tổ phó;",
     {"Phạm Văn Hùng": ["Phó Chủ tịch Ủy ban nhân dân tỉnh", "Tổ trưởng"], "Vi Thị Ngọc": ["Giám đốc Sở Nội vụ", "Tổ phó"]}),
    ("signing-line-two-posts",
     "Nơi nhận:\n- Lưu: VT.\nTM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\n\nMa Văn Khoa\n",
     {"Ma Văn Khoa": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"]}),
    ("religious",
     "Hòa thượng Thích Minh Tâm, Phó Chủ tịch Hội đồng Trị sự dự lễ.",
     {"Thích Minh Tâm": ["Phó Chủ tịch Hội đồng Trị sự"]}),
    ("second-post-no-comma",
     "Ông Hồ Văn Lâm - Phó Bí thư Thường trực Tỉnh ủy Phó Trưởng Ban Chỉ đạo; các thành viên khác.",
     {"Hồ Văn Lâm": ["Phó Bí thư Thường trực Tỉnh ủy", "Phó Trưởng Ban Chỉ đạo"]}),
    ("concurrently",
     "Ông Đàm Văn Cảnh, Chủ tịch HĐQT kiêm Tổng Giám đốc Công ty cổ phần Sông Mây phát biểu.",
     {"Đàm Văn Cảnh": ["Chủ tịch Hội đồng quản trị", "Tổng Giám đốc Công ty cổ phần Sông Mây"]}),
    ("hyphen-no-space",
     "Phát biểu chỉ đạo của đồng chí Kha Văn Tâm-Uỷ viên Trung ương Đảng, Bí thư Tỉnh uỷ tại hội nghị.",
     {"Kha Văn Tâm": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]}),
    ("abbr-dotted",
     "Đồng chí Mạc Thị Thanh, UVT.Ư Đảng, Bí thư Tỉnh ủy dự.",
     {"Mạc Thị Thanh": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]}),
    ("posts-after-semicolon",
     "Dự có đồng chí Lưu Văn Thắng, Ủy viên Bộ Chính trị; Giám đốc Học viện Chính trị khu vực I; Đồng chí Mai Văn Hòa, Bí thư Tỉnh ủy.",
     {"Lưu Văn Thắng": ["Ủy viên Bộ Chính trị", "Giám đốc Học viện Chính trị khu vực I"], "Mai Văn Hòa": ["Bí thư Tỉnh ủy"]}),
    ("foreign-after-title",
     "Đoàn có Bộ trưởng Nông nghiệp Damien Walker; Phó chánh văn phòng Thủ tướng Holly Brown.",
     {"Damien Walker": ["Bộ trưởng Nông nghiệp"], "Holly Brown": ["Phó chánh văn phòng Thủ tướng"]}),
    ("place-opening-without-surname",
     "Chủ tịch nước Cộng hòa nhân dân Trung Hoa Tập Cận Bình tiếp đoàn.",
     {"Tập Cận Bình": ["Chủ tịch nước"]}),
    ("post-before-cue",
     "Phát biểu tại buổi lễ, Giám đốc Sở Y tế, ông Tăng Văn Ánh cho biết ngành đã hoàn thành kế hoạch.",
     {"Tăng Văn Ánh": ["Giám đốc Sở Y tế"]}),
    ("signed-on-behalf-flat",
     "Nơi nhận: - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lương Văn Tâm",
     {"Lương Văn Tâm": ["Phó Chủ tịch"]}),
    ("posts-in-bracket",
     "Bổ nhiệm Phó Giám đốc Sở đối với ông Đồng Văn Tuấn (45 tuổi, Trưởng phòng Kinh tế) và bà La Thị Phượng (40 tuổi, Trưởng phòng Đối ngoại).",
     {"Đồng Văn Tuấn": ["Trưởng phòng Kinh tế", "Phó Giám đốc Sở"], "La Thị Phượng": ["Trưởng phòng Đối ngoại", "Phó Giám đốc Sở"]}),
    ("verb-later-in-clause",
     "Bổ nhiệm ông Khổng Văn Tú, Trưởng phòng Di sản, Sở Văn hóa giữ chức vụ Phó Giám đốc Sở Văn hóa.",
     {"Khổng Văn Tú": ["Trưởng phòng Di sản", "Phó Giám đốc Sở Văn hóa"]}),
    ("speaker-without-cue",
     "“Chúng tôi rất phấn khởi”, Hoàng Văn Tùng cho biết.",
     {"Hoàng Văn Tùng": []}),
    ("foreign-after-country",
     "Bộ trưởng Ngoại giao Hoa Kỳ Antony Blinken đã gặp Thị trưởng New York Eric Adams.",
     {"Antony Blinken": ["Bộ trưởng Ngoại giao"], "Eric Adams": ["Thị trưởng"]}),
    ("president-ho",
     "Đoàn viếng Lăng Chủ tịch Hồ Chí Minh.",
     {"Hồ Chí Minh": ["Chủ tịch"]}),
    ("foreign-name-with-surname",
     "Thủ tướng Lý Quang Hiển đã hội đàm trực tuyến.",
     {"Lý Quang Hiển": ["Thủ tướng"]}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_officials(text: str, expected: dict[str, list[str]]) -> None:
    got = people(text)
    for name, titles in expected.items():
        assert name in got, (name, got)
        folded = [t.casefold() for t in got[name]]
        for t in titles:
            assert any(g.startswith(t.casefold()) or t.casefold().startswith(g) for g in folded), (t, got[name])


# (id, text, names that must NOT become officials)
NOT_PEOPLE = [
    ("school", "Học sinh Trường THPT Lê Quý Đôn đạt giải nhất, Chủ tịch UBND huyện trao thưởng.", ["Lê Quý Đôn"]),
    ("street", "Dự án mở rộng đường Nguyễn Huệ do Giám đốc Sở Xây dựng báo cáo.", ["Nguyễn Huệ"]),
    ("commune", "Chủ tịch UBND xã Hồ Sơn kiểm tra đê.", ["Hồ Sơn"]),
    ("province", "Phó Chủ tịch UBND tỉnh Hà Tĩnh và tỉnh Đồng Nai ký kết.", ["Hà Tĩnh", "Đồng Nai"]),
    ("city", "Bí thư Thành ủy Thành phố Hồ Chí Minh chủ trì.", ["Hồ Chí Minh"]),
    ("youth-union", "Bí thư Đoàn Thanh niên xã dự lễ.", ["Đoàn Thanh"]),
    ("title-as-name", "Đồng chí Phó Bí thư Tỉnh ủy phát biểu.", ["Phó Bí"]),
    ("new-director", "Tặng hoa chúc mừng đồng chí Tân Giám đốc Sở.", ["Tân Giám"]),
    ("delegation", "Đại biểu Quốc hội khóa XV Đoàn Quảng Ninh dự kỳ họp.", ["Đoàn Quảng Ninh"]),
    ("company-name", "Giám đốc Công ty Samsung Display Việt Nam phát biểu.", ["Samsung Display Việt Nam"]),
    ("place-after-cue-word", "Đoàn công tác tỉnh Bà Rịa Vũng Tàu thăm núi Bà Đen do Phó Chủ tịch UBND tỉnh dẫn đầu.",
     ["Rịa Vũng Tàu", "Đen"]),
    ("city-and-union", "Thành phố Hồ Chí Minh và Đoàn TNCS Hồ Chí Minh học tập tư tưởng Hồ Chí Minh.", ["Hồ Chí Minh"]),
    ("school-speaks", "Trường Lê Quý Đôn cho biết sẽ tuyển thêm học sinh.", ["Lê Quý Đôn"]),
    ("table-province", "|Bộ trưởng Bộ Y tế Đào Thu Vân\n|Lạng Sơn\n|Cao Bằng\n", ["Lạng Sơn", "Cao Bằng"]),
]


@pytest.mark.parametrize("text, names", [c[1:] for c in NOT_PEOPLE], ids=[c[0] for c in NOT_PEOPLE])
def test_not_people(text: str, names: list[str]) -> None:
    got = people(text)
    for n in names:
        assert n not in got, got


AUTHORS = [
    ("end-with-agency", "Tin mới\nHội nghị diễn ra sáng nay, có nhiều ý kiến.\n\nLê Thu Hà, VPUB\nCác tin khác\n", ["Lê Thu Hà"]),
    ("end-upper", "Tin mới\nKết quả đạt được rất đáng khích lệ.\n\nTHANH MAI\n", ["THANH MAI"]),
    ("end-initial", "Tin mới\nKết quả đạt được rất đáng khích lệ.\n\nQ.HƯNG\n", ["Q.HƯNG"]),
    ("start-two-with-time", "Tiêu đề bài báo\n\nMinh Anh - Quốc Huy - 09:15, 12/03/2024\n\nNội dung bài.", ["Minh Anh", "Quốc Huy"]),
    ("end-bare", "Tin mới\nKết quả đạt được rất đáng khích lệ.\n\nHồng Nhung\n", ["Hồng Nhung"]),
    ("reporter-abbr", "Tin mới\nKết quả đạt được rất đáng khích lệ.\n\nPV\n", []),
    ("signature-not-author", "Nơi nhận:\n- Như trên.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrương Văn Bình\n", []),
    ("tin-anh", "Tin mới\nKết quả đạt được rất đáng khích lệ.\n\nTin: Minh Tuấn - Ảnh: Thu Hằng\n", ["Minh Tuấn"]),
    ("byline-with-post", "Tin mới\nKết quả đạt được rất đáng khích lệ.\n\nTrần Thị Mai - Phó Giám đốc Sở Y tế\n",
     ["Trần Thị Mai"]),
    ("weekday-not-author", "Thứ Năm, 25/03/2021\nTiêu đề\nNội dung bài viết.", []),
]


@pytest.mark.parametrize("text, names", [c[1:] for c in AUTHORS], ids=[c[0] for c in AUTHORS])
def test_authors(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in find_authors(text)] == names


def test_byline_with_positions_is_author_and_official() -> None:
    text = "NGUYỄN VĂN AN\nTỉnh ủy viên, Giám đốc Sở Tài chính\n\nCải cách hành chính là nhiệm vụ trọng tâm.\n"
    records, authors = find_officials(text)
    assert authors == ["NGUYỄN VĂN AN"]
    assert records[0]["name"] == "NGUYỄN VĂN AN"
    assert records[0]["titles"] == ["Tỉnh ủy viên", "Giám đốc Sở Tài chính"]


def test_byline_author_is_not_an_official() -> None:
    text = "Tin mới\nÔng Lê Văn Hùng, Giám đốc Sở Y tế cho biết như vậy.\n\nPhạm Thu Hà, VPGN\n"
    records, authors = find_officials(text)
    assert authors == ["Phạm Thu Hà"]
    assert {r["name"] for r in records} == {"Lê Văn Hùng"}


@pytest.mark.parametrize("raw, full", [
    ("UVTW Đảng", "Ủy viên Trung ương Đảng"),
    ("UVTV Tỉnh uỷ", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    ("TUV", "Tỉnh ủy viên"),
    ("Chủ tịch UBMTTQ tỉnh", "Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("Uỷ viên BCH TƯ Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"),
], ids=["uvtw", "uvtv-old-tone", "tuv", "ubmttq", "bch-tu", "upper"])
def test_expand_title(raw: str, full: str) -> None:
    assert expand_title(raw) == full


def test_titles_raw_as_written() -> None:
    records, _ = find_officials("Đồng chí Võ Minh Châu, UVTV Tỉnh uỷ phát biểu.")
    assert records[0]["titles_raw"] == ["UVTV Tỉnh uỷ"]
    assert records[0]["titles"] == ["Ủy viên Ban Thường vụ Tỉnh ủy"]
