"""Equivalence tests for the fourth round of find_officials speed-ups: each gate against the plain computation."""
import pytest

from reportextract.extract import officials as O

# Invented sentences in the style of provincial press releases (names run straight into titles, places, cues).
SENTENCES = [
    "Đồng chí Trần Quốc Khánh Phó Chủ tịch UBND tỉnh Lào Cai dự và phát biểu tại hội nghị.",
    "Tham dự có ông Lý Minh Tuấn Giám đốc Sở Tài chính và bà Hà Thị Lan Trưởng phòng Tổ chức.",
    "Bí thư Huyện ủy Mai Văn Hùng Nguyên Chủ tịch Hội Nông dân huyện đã trao quà cho các hộ.",
    "Ông Vũ Đình Nam Ct.UBND xã Tân Lập cho biết kế hoạch năm nay vượt chỉ tiêu.",
    "Ông Đỗ Văn Tài CT.UBND xã và ông Ngô Văn Bảo PCT.UBND huyện kiểm tra thực địa.",
    "Đồng chí Hoàng Minh Chiến UVT.Ư Đảng, Bí thư Tỉnh ủy chủ trì buổi làm việc.",
    "huyện Lâm Hà Trần Văn Xuân Kiểm soát viên Ngân hàng Nhà nước chi nhánh tỉnh phát biểu.",
    "Bà Phạm Thị Thu Hương Thứ trưởng Bộ Y tế và đoàn công tác đã thăm bệnh viện.",
    "Ông Nguyễn İnh Sơn Phó Giám đốc Công an tỉnh nêu rõ yêu cầu.",
    "Ông Lê Văn Phó Trưởng ban Dân vận nhấn mạnh vai trò của cơ sở.",
    "Ông Y Moan Ksor Chủ tịch Hội đồng nhân dân huyện và ông H'Hen Niê Kế toán trưởng dự họp.",
    "Ông Trịnh Văn Toàn Tỉnh ủy viên, Trưởng Ban Tổ chức Tỉnh ủy trình bày báo cáo.",
    "Ông Lương Văn Đức Kiểm sát viên\tViện kiểm sát nhân dân tỉnh và ông Tạ Quang Hưng Uvdk dự hội nghị.",
    "Ông Bùi Quang Vinh NGUYÊN Bộ trưởng Bộ Kế hoạch và Đầu tư về thăm quê.",
    "Đồng chí Đinh Tiến Dũng Phó'Ban Kinh tế và ông Cao Văn Hòa Giám đốc Ngân hàng Chính sách xã hội.",
    "Tỉnh ủy Hà Giang Nguyễn Văn Sơn Trưởng Ban Dân tộc tỉnh cùng dự lễ khánh thành.",
]
TEXT = "\n".join(SENTENCES)


def _candidates(text):
    d = O._data()
    return [m.span() for m in O._gated(d["surname_gate"], O._CAP_WORD, d["name"], text, d["surname_set"])]


@pytest.mark.parametrize("sentence", SENTENCES + [TEXT])
def test_clean_name_gate_changes_nothing(sentence, monkeypatch):
    spans = _candidates(sentence)
    assert spans
    fast = [O._clean_name(sentence, s, e) for s, e in spans]
    monkeypatch.setattr(O, "_no_title_at", lambda word, head_words: False)  # always try title_start
    slow = [O._clean_name(sentence, s, e) for s, e in spans]
    assert fast == slow


def test_clean_name_cuts_titles():
    # the gate must still let title_start cut where a title follows the name
    got = {O._clean_name(s, a, b) and s[O._clean_name(s, a, b)[0]:O._clean_name(s, a, b)[1]]
           for s in SENTENCES for a, b in _candidates(s)}
    assert {"Trần Quốc Khánh", "Lý Minh Tuấn", "Mai Văn Hùng", "Vũ Đình Nam", "Đỗ Văn Tài"} <= got


WORDS = sorted({w for s in SENTENCES for w in s.replace("\t", " ").split()}
               | {"CT", "Ct", "PCT", "UVT", "Nguyên", "NGUYÊN", "Phó'Ban", "Kiểm", "KIỂM", "İnh", "Uvdk", "Tổng"})


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("after", [" Chủ tịch UBND", ".UBND tỉnh", ".Ư Đảng", ".W", "", ",", " ", "\tBan"])
def test_no_title_at_is_safe(word, after):
    # where the gate says no title can start, title_start indeed matches nothing (the word followed by
    # no letter, as in a name)
    d = O._data()
    if O._no_title_at(word, d["head_words"]):
        assert d["title_start"].match(word + after) is None


@pytest.mark.parametrize("head", sorted(O._data()["head_first"]))
def test_no_title_at_keeps_head_words(head):
    hw = O._data()["head_words"]
    for w in (head, head.capitalize(), head.upper()):
        letters = O._NOT_LM.split(w)[0]
        assert not O._no_title_at(letters, hw)


TONED = "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ"


@pytest.mark.parametrize("pair", [a + b for a in "oOuU" for b in TONED])
def test_modern_tones_inline_matches_modern_tones(pair):
    # _modern_tones reads modern_tones' rule at each gate hit directly: compare with modern_tones itself,
    # with each kind of neighbour ("q" before, a letter, a non-ASCII letter, a digit or a sign after)
    from reportextract.normalize import modern_tones
    for before in ("", "q", "Q", "h", "th", " ", "(", "Th"):
        for after in ("", " ", "n", "N", "ß", "ạ", "é", ",", "\n", "1", "'", "ả giải"):
            text = f"Ủy ban {before}{pair}{after} và {before}{pair}"
            assert O._modern_tones(text) == modern_tones(text), text


@pytest.mark.parametrize("text", [
    "Hoà Bình, Khánh Hoà, thuỷ lợi, Uỷ ban, quý, QUÝ, hoạ sĩ, loà xoà",
    "HOÀ GIẢI Ở CƠ SỞ; khoẻ mạnh; tuỳ theo; luỹ kế; Thuỵ Anh",
    "Xoà, khoé, oẹ.\nUỶ BAN NHÂN DÂN HUYỆN quỷ, thuỷ",
])
def test_modern_tones_sentences(text):
    from reportextract.normalize import modern_tones
    assert O._modern_tones(text) == modern_tones(text)
