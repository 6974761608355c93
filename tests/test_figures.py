"""Example tables for figure detection (sentences written for this project, not taken from any source)."""
from __future__ import annotations

from typing import Any

import pytest

from reportextract import extract_text
from reportextract.extract.figures import comparator, find_figures


def _find(text: str) -> list[dict[str, Any]]:
    return find_figures(text, [])


def _one(text: str) -> dict[str, Any]:
    found = _find(text)
    assert len(found) == 1, [f["text"] for f in found]
    return found[0]


# (id, sentence, text, value, unit, kind)
FIGURES = [
    # number formats
    ("decimal-comma", "Tỷ lệ hộ nghèo còn 3,45% cuối kỳ.", "3,45%", 3.45, "%", "rate"),
    ("thousands-dot", "Toàn huyện còn 9.604 hộ.", "9.604 hộ", 9604, "hộ", "count"),
    ("thousands-and-decimal", "Tổng vốn 1.234,5 tỷ đồng.", "1.234,5 tỷ đồng", 1234.5e9, "VND", "money"),
    ("english-decimal", "Thu ngân sách đạt 72.4% dự toán.", "72.4%", 72.4, "%", "rate"),
    ("english-decimal-over-100", "Giải ngân đạt 103.25% kế hoạch.", "103.25%", 103.25, "%", "rate"),
    ("space-before-percent", "Tăng trưởng đạt 6,5 % so với cùng kỳ.", "6,5 %", 6.5, "%", "rate"),
    ("phan-tram-spelled", "Tăng 12 phần trăm so với cùng kỳ.", "12 phần trăm", 12, "%", "rate"),
    ("leading-zero-count", "Ban hành 05 kế hoạch thực hiện.", "05 kế hoạch", 5, "kế hoạch", "count"),
    # multipliers
    ("ty-dong", "Tổng vốn đầu tư 15,5 tỷ đồng.", "15,5 tỷ đồng", 15.5e9, "VND", "money"),
    ("ti-dong", "Tổng vốn đầu tư 3.477 tỉ đồng.", "3.477 tỉ đồng", 3477e9, "VND", "money"),
    ("trieu-dong", "Mỗi hộ được hỗ trợ 40 triệu đồng.", "40 triệu đồng", 40e6, "VND", "money"),
    ("nghin-ty", "Quy mô nền kinh tế đạt 565 ngàn tỷ đồng.", "565 ngàn tỷ đồng", 565e12, "VND", "money"),
    ("nghin-ty-2", "Vốn đăng ký gần 240 nghìn tỷ đồng.", "240 nghìn tỷ đồng", 240e12, "VND", "money"),
    ("van-tan", "Sản lượng lúa đạt 52,3 vạn tấn.", "52,3 vạn tấn", 523000, "tấn", "measure"),
    ("trieu-usd", "Kim ngạch đạt 31,8 triệu USD.", "31,8 triệu USD", 31.8e6, "USD", "money"),
    ("ty-usd", "Xuất khẩu đạt 4,78 tỷ USD.", "4,78 tỷ USD", 4.78e9, "USD", "money"),
    ("do-la-my", "Quy mô GDP đạt 500 tỉ đô la Mỹ.", "500 tỉ đô la Mỹ", 500e9, "USD", "money"),
    ("nghin-nguoi", "Thu hút 15 nghìn lượt khách.", "15 nghìn lượt khách", 15000, "lượt khách", "count"),
    ("glued-usd", "GRDP bình quân đạt 10.370USD/người/năm.", "10.370USD/người/năm", 10370,
     "USD/người/năm", "money"),
    ("glued-ha", "Đã giải phóng được 17,2ha mặt bằng.", "17,2ha", 17.2, "ha", "measure"),
    # per-units
    ("per-year-rate", "Bình quân giảm 1,43%/năm.", "1,43%/năm", 1.43, "%/năm", "rate"),
    ("per-person-month", "Mức hỗ trợ 1,5 triệu đồng/người/tháng.", "1,5 triệu đồng/người/tháng", 1.5e6,
     "VND/người/tháng", "money"),
    ("per-one-ha", "Thu nhập đạt 120 triệu đồng trên 1 ha canh tác.", "120 triệu đồng trên 1 ha", 120e6,
     "VND/ha", "money"),
    ("per-slash-one-ha", "Năng suất 60 tạ/1 ha.", "60 tạ/1 ha", 60, "tạ/ha", "measure"),
    ("per-commune", "Bình quân đạt 17,5 tiêu chí/xã.", "17,5 tiêu chí/xã", 17.5, "tiêu chí/xã", "count"),
    ("per-any-word", "Giá dầu 80 USD/thùng.", "80 USD/thùng", 80, "USD/thùng", "money"),
    ("duration-hours", "Xử lý trong 8 giờ kể từ khi nhận.", "8 giờ", 8, "giờ", "duration"),
    ("temperature", "Nhiệt độ trung bình 25 độ C.", "25 độ C", 25, "°C", "measure"),
    ("hang-nam-rate", "Hằng năm giảm 4% hộ nghèo.", "4%", 4, "%/năm", "rate"),
    ("diem-phan-tram", "Tỷ lệ tăng 1,2 điểm phần trăm.", "1,2 điểm phần trăm", 1.2, "điểm %", "rate"),
    ("diem-percent", "Chỉ số giảm 0,8 điểm %.", "0,8 điểm %", 0.8, "điểm %", "rate"),
    # measures
    ("ha", "Chuyển đổi 3.200 ha đất lúa.", "3.200 ha", 3200, "ha", "measure"),
    ("km", "Nâng cấp 45,6 km đường giao thông.", "45,6 km", 45.6, "km", "measure"),
    ("m2", "Xây dựng 1.500 m2 nhà xưởng.", "1.500 m2", 1500, "m2", "measure"),
    ("m3", "Nạo vét 20.000 m3 bùn đất.", "20.000 m3", 20000, "m3", "measure"),
    ("kg", "Thu giữ 12 kg ma túy.", "12 kg", 12, "kg", "measure"),
    ("mw", "Nhà máy công suất 50 MW.", "50 MW", 50, "MW", "measure"),
    ("kwh", "Tiết kiệm 2 triệu kWh điện.", "2 triệu kWh", 2e6, "kWh", "measure"),
    ("bare-ty-money", "Thu ngân sách đạt 500 tỷ, tăng 5%.", "500 tỷ", 500e9, "VND", "money"),
    ("bare-trieu-money", "Hỗ trợ mỗi xã 500 triệu.", "500 triệu", 500e6, "VND", "money"),
    # counts from the gazetteer, multi-word first
    ("co-quan", "Kiểm tra 12 cơ quan nhà nước.", "12 cơ quan", 12, "cơ quan", "count"),
    ("doanh-nghiep", "Có 420 doanh nghiệp thành lập mới.", "420 doanh nghiệp", 420, "doanh nghiệp", "count"),
    ("dong-chi-not-dong", "Hội nghị bầu 3 đồng chí vào Ban Thường vụ.", "3 đồng chí", 3, "đồng chí", "count"),
    ("capitalised-noun", "Tỉnh đã ban hành 38 Quyết định công bố thủ tục.", "38 Quyết định", 38, "quyết định",
     "count"),
    ("abbreviation-dn", "Sáu tháng thành lập mới 420 DN.", "420 DN", 420, "doanh nghiệp", "count"),
    ("abbreviation-htx", "Toàn tỉnh có 35 HTX nông nghiệp.", "35 HTX", 35, "hợp tác xã", "count"),
    ("tong-so", "Có mặt 45 trong tổng số 51 đại biểu.", "51 đại biểu", 51, "đại biểu", "count"),
    ("dan-so", "Dân số 319.000 người.", "319.000 người", 319000, "người", "count"),
    ("nong-thon-not-label", "Lao động nông thôn 12.500 người.", "12.500 người", 12500, "người", "count"),
    ("danh-muc-not-label", "Rà soát danh mục 72 dự án kêu gọi đầu tư.", "72 dự án", 72, "dự án", "count"),
    ("cao-diem-not-label", "Đợt cao điểm 90 ngày đêm.", "90 ngày đêm", 90, "ngày đêm", "duration"),
    ("nhom-nuoc", "Phấn đấu thuộc nhóm 40 nước dẫn đầu.", "40 nước", 40, "nước", "count"),
    ("muc-money", "Nâng mức hỗ trợ lên mức 2 triệu đồng.", "2 triệu đồng", 2e6, "VND", "money"),
    ("muc-rate", "Lạm phát giữ ở mức 4%.", "4%", 4, "%", "rate"),
    ("project-money", "Dự án 500 tỷ đồng chậm tiến độ.", "500 tỷ đồng", 500e9, "VND", "money"),
    ("parcel-area", "Thửa 500 m2 đã bàn giao.", "500 m2", 500, "m2", "measure"),
    # counted nouns not in the gazetteer
    ("unknown-noun", "Xét xử 14 vụ án hình sự.", "14 vụ án", 14, "vụ án", "count"),
    ("unknown-noun-one-word", "Phát hiện 26 ổ dịch.", "26 ổ dịch", 26, "ổ dịch", "count"),
    ("unknown-noun-stops", "Đã in 3.000 tờ rơi và phát hành.", "3.000 tờ rơi", 3000, "tờ rơi", "count"),
    ("unknown-noun-before-function-word", "Lắp đặt 18 lò đốt của dự án.", "18 lò đốt", 18,
     "lò đốt", "count"),
    ("acronym-body", "Có 30 UBND cấp xã triển khai mô hình.", "30 UBND cấp xã", 30, "ubnd cấp xã", "count"),
    ("slash-after-noun", "Còn 36 hộ dân/4,92 ha chưa bàn giao.", "4,92 ha", 4.92, "ha", "measure"),
    # kinds
    ("ratio-gap", "Vốn tăng gấp 2 lần so với cùng kỳ.", "2 lần", 2, "lần", "ratio"),
    ("ratio-decimal", "Tăng 4,5 lần so với năm trước.", "4,5 lần", 4.5, "lần", "ratio"),
    ("duration-years", "Sau 5 năm thực hiện Nghị quyết.", "5 năm", 5, "năm", "duration"),
    ("duration-window", "Trong 9 tháng, toàn tỉnh thu ngân sách.", "9 tháng", 9, "tháng", "duration"),
    ("duration-half-year", "Kết quả 6 tháng đầu năm khả quan.", "6 tháng", 6, "tháng", "duration"),
    ("duration-age", "Người từ 60 tuổi trở lên.", "60 tuổi", 60, "tuổi", "duration"),
    ("duration-days", "Giải quyết hồ sơ trong 15 ngày làm việc.", "15 ngày làm việc", 15, "ngày làm việc",
     "duration"),
    # x/y
    ("x-of-y", "Có 8/64 huyện thoát nghèo.", "8/64 huyện", 8, "huyện", "count"),
    ("x-of-y-equal", "Có 52/52 đại biểu tán thành.", "52/52 đại biểu", 52, "đại biểu", "count"),
    ("x-of-y-measure", "Đã bàn giao 411,3/427 ha mặt bằng.", "411,3/427 ha", 411.3, "ha", "measure"),
    ("x-of-y-unknown", "Hoàn thành 39/45 nhiệm vụ trọng tâm.", "39/45 nhiệm vụ", 39, "nhiệm vụ", "count"),
    ("score-out-of", "Chỉ số đạt 83,1/100 trong bảng xếp hạng.", "83,1/100", 83.1, "điểm", "count"),
    ("score-out-of-diem", "Tỉnh đạt 90,09/100 điểm.", "90,09/100 điểm", 90.09, "điểm", "count"),
    # ranges
    ("range-percent", "Phấn đấu tăng trưởng 7-7,5%.", "7-7,5%", [7, 7.5], "%", "rate"),
    ("range-spaced", "Lạm phát bình quân 4,5 - 5%.", "4,5 - 5%", [4.5, 5], "%", "rate"),
    ("range-per-year", "Giảm từ 2-3%/năm.", "2-3%/năm", [2, 3], "%/năm", "rate"),
    ("range-both-percent", "Tăng 5%-7% mỗi năm.", "5%-7%", [5, 7], "%", "rate"),
    ("range-den", "Mỗi lớp từ 25 đến 30 học viên.", "25 đến 30 học viên", [25, 30], "học viên", "count"),
    ("range-money", "Hỗ trợ 20-25 triệu đồng mỗi hộ.", "20-25 triệu đồng", [20e6, 25e6], "VND", "money"),
    ("range-scaled-ends", "Hỗ trợ từ 3 triệu đến 5 triệu đồng.", "3 triệu đến 5 triệu đồng", [3e6, 5e6], "VND",
     "money"),
    ("range-unit-both-ends", "Phạt từ 5 triệu đồng đến 10 triệu đồng.", "5 triệu đồng đến 10 triệu đồng",
     [5e6, 10e6], "VND", "money"),
    ("range-km-both-ends", "Đoạn tuyến dài 5 km - 7 km.", "5 km - 7 km", [5, 7], "km", "measure"),
    ("falling-pair-not-range", "Diện tích giảm từ 5 ha xuống 3 ha.", "5 ha", 5, "ha", "measure"),
    ("plus-sign", "Chỉ số tăng +5% so với cùng kỳ.", "5%", 5, "%", "rate"),
    # spelled-out numbers
    ("spelled-hai", "Sáp nhập hai huyện miền núi.", "hai huyện", 2, "huyện", "count"),
    ("spelled-ba-ty", "Ngân sách hỗ trợ ba tỷ đồng.", "ba tỷ đồng", 3e9, "VND", "money"),
    ("spelled-sentence-start", "Sáu tháng đầu năm, kinh tế tăng trưởng.", "Sáu tháng", 6, "tháng", "duration"),
    ("spelled-compound", "Thành lập mười lăm tổ công tác.", "mười lăm tổ công tác", 15, "tổ công tác", "count"),
    ("spelled-tens", "Có hai mươi mốt xã đạt chuẩn.", "hai mươi mốt xã", 21, "xã", "count"),
    ("spelled-nam-five", "Có năm xã đạt chuẩn nông thôn mới.", "năm xã", 5, "xã", "count"),
    ("spelled-tram", "Tuyển một trăm lao động.", "một trăm lao động", 100, "lao động", "count"),
    ("spelled-unknown-noun", "Thực hiện ba đột phá chiến lược.", "ba đột phá", 3, "đột phá", "count"),
    ("spelled-unknown-noun-2", "Tổ chức hai kỳ thi trong năm.", "hai kỳ thi", 2, "kỳ thi", "count"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "kind"), [f[1:] for f in FIGURES],
                         ids=[f[0] for f in FIGURES])
def test_figure(sentence: str, text: str, value: Any, unit: str, kind: str) -> None:
    found = [f for f in _find(sentence) if f["text"] == text]
    assert found, [f["text"] for f in _find(sentence)]
    f = found[0]
    assert sentence[f["span"][0]:f["span"][1]] == f["text"]
    if isinstance(value, list):
        assert list(f["value"]) == pytest.approx(value)
    else:
        assert f["value"] == pytest.approx(value)
    assert (f["unit"], f["kind"]) == (unit, kind)


# (id, sentence): nothing in these is a figure
NOT_FIGURES = [
    ("ordinal-lan-thu", "Hội nghị lần thứ 8 Ban Chấp hành."),
    ("ordinal-thu", "Xếp thứ 6 cả nước."),
    ("ordinal-thu-hai", "Thứ hai, tăng cường kiểm tra."),
    ("kyhop-thu", "Kỳ họp thứ 7 HĐND tỉnh."),
    ("section-number", "1. Về hoàn thiện thể chế"),
    ("section-decimal", "2.1. Kết quả thực hiện"),
    ("chuong-trinh-label", "Thực hiện Chương trình 135 ở các xã."),
    ("de-an-label", "Triển khai Đề án 06 của Chính phủ."),
    ("muc-label", "Xã đạt mức 1 về chuyển đổi số."),
    ("hang-label", "Đơn vị hạng 2 trong khối thi đua."),
    ("top-label", "Lọt vào Top 30 doanh nghiệp."),
    ("km-marker", "Sạt lở tại Km186+819 quốc lộ."),
    ("ward-label", "Người dân Phường 2 tham gia."),
    ("hamlet-label", "Hộ gia đình ở thôn 5 xã Ea Sol."),
    ("proper-name-number", "Xã Cát Tiên 3 tổ chức hội nghị."),
    ("dieu-khoan", "Theo khoản 2 Điều 5 của Luật."),
    ("so-label", "Nhà số 12 đường Trần Phú."),
    ("doc-number", "Theo Nghị quyết 04-NQ/TU của Tỉnh ủy."),
    ("calendar-year-noun", "Năm 2023 xã đã hoàn thành."),
    ("time-of-day", "Lúc 15 giờ 30 phút, hội nghị bế mạc."),
    ("time-hour-minute", "Từ 14 giờ 20 phút: đại biểu thảo luận."),
    ("time-glued", "Phiên họp bắt đầu 8h30 sáng nay."),
    ("time-hour-morning", "Khai mạc 8 giờ sáng."),
    ("time-from-to", "Tiếp dân từ 7 giờ đến 11 giờ."),
    ("time-vao", "Vào 8 giờ, đoàn xuất phát."),
    ("day-month-words", "Sáng 3 tháng 5 đoàn lên đường."),
    ("phone-number", "Điện thoại 0263 3822 123."),
    ("hotline", "Gọi đường dây nóng 1900 1234 để phản ánh."),
    ("vague-hang-nghin", "Hàng nghìn người dân tham gia."),
    ("vague-hang-tram", "Hàng trăm hộ được hỗ trợ."),
    ("vague-nhieu", "Nhiều doanh nghiệp gặp khó khăn."),
    ("glued-code", "Phủ sóng 5G tới 3G và mạng COVID-19 nhóm F0."),
    ("tu-in-dau-tu", "Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh."),
    ("tu-before-project", "Nhà đầu tư Dự án cao tốc."),
    ("hai-con-so", "Tăng trưởng hai con số trong giai đoạn tới."),
    ("enumeration-hai-la", "Một là, tăng cường; hai là, đẩy mạnh."),
    ("slogan", "Phong trào “Ba sẵn sàng” được hưởng ứng."),
    ("hai-ben", "Hai bên thống nhất nội dung."),
    ("ca-hai", "Cả hai đều đạt yêu cầu."),
    ("hang-nam-tinh", "Hằng năm tỉnh tổ chức hội nghị."),
    ("nam-as-year", "Trong năm xã đã hoàn thành."),
    ("ba-as-name", "Ông Nguyễn Văn Ba xã Tân Lập."),
    ("line-break-table", "6,91 13\ntin tức"),
    ("table-dong", "Xếp hạng 54/63\nĐồng Nai"),
    ("rank-x-of-y", "Xếp hạng 11/34 tỉnh thành."),
    ("enumerated-labels", "Bổ sung các phụ lục số 17, 18, 19 kèm theo Quyết định."),
    ("two-tier", "Chính quyền địa phương 2 cấp vận hành ổn định."),
    ("bare-number", "Mã số thuế 0301234567."),
    ("bare-trieu-not-money", "Dân số 1,2 triệu, mật độ cao."),
]


@pytest.mark.parametrize("sentence", [n[1] for n in NOT_FIGURES], ids=[n[0] for n in NOT_FIGURES])
def test_not_a_figure(sentence: str) -> None:
    assert [f["text"] for f in _find(sentence)] == []


COMPARATORS = [
    ("tren", "Tỷ lệ bao phủ đạt trên 90%.", "90%", ">"),
    ("hon", "Hiện có hơn 900 dự án còn hiệu lực.", "900 dự án", ">"),
    ("vuot", "Thu ngân sách vượt 15% dự toán.", "15%", ">"),
    ("it-nhat", "Mỗi xã có ít nhất 2 bác sĩ.", "2 bác sĩ", ">="),
    ("toi-thieu", "Kinh tế tuần hoàn chiếm tối thiểu 12% GRDP.", "12%", ">="),
    ("tro-len", "Tăng trưởng đạt 8% trở lên.", "8%", ">="),
    ("tu-tro-len", "Người từ 15 tuổi trở lên.", "15 tuổi", ">="),
    ("duoi", "Tỷ lệ hộ nghèo dưới 1%.", "1%", "<"),
    ("chua-den", "Đào tạo nghề dưới 3 tháng.", "3 tháng", "<"),
    ("khong-qua", "Bội chi không quá 4% GDP.", "4%", "<="),
    ("toi-da", "Thời gian giải quyết tối đa 10 ngày.", "10 ngày", "<="),
    ("khong-vuot", "Nợ xấu không vượt 3%.", "3%", "<="),
    ("khong-duoi", "Tỷ lệ đạt không dưới 95%.", "95%", ">="),
    ("tro-lai", "Cán bộ từ 5 năm trở lại.", "5 năm", "<="),
    ("khoang", "Tỷ lệ hộ nghèo còn khoảng 2,75%.", "2,75%", "~"),
    ("gan", "Kim ngạch đạt gần 721 triệu USD.", "721 triệu USD", "~"),
    ("xap-xi", "Tăng xấp xỉ 12%.", "12%", "~"),
    ("uoc", "Thu ngân sách ước 360,5 tỷ đồng.", "360,5 tỷ đồng", "~"),
    ("uoc-dat", "Giá trị sản xuất ước đạt 2.709 tỷ đồng.", "2.709 tỷ đồng", "~"),
    ("uoc-dat-tren", "Doanh thu du lịch ước đạt trên 846 tỷ đồng.", "846 tỷ đồng", ">"),
    ("khoang-tren", "Quy mô GDP đạt khoảng trên 500 tỷ USD.", "500 tỷ USD", ">"),
    ("uoc-clause", "Năng suất lao động ước tăng bình quân 5,3%/năm.", "5,3%/năm", "~"),
    ("uoc-list", "Ước cả năm: công nghiệp chiếm 40,1%; dịch vụ chiếm 35,2%.", "35,2%", "~"),
    ("uoc-next-clause", "Thu ngân sách ước đạt 360 tỷ đồng, đạt 27% dự toán.", "27%", None),
    ("uoc-target", "Thu nhập ước đạt chỉ tiêu đề ra là 70 triệu đồng.", "70 triệu đồng", None),
    ("nuoc-not-uoc", "Bình quân cả nước có 14 tiêu chí/xã.", "14 tiêu chí/xã", None),
    ("toc-do-not-hedge", "Tốc độ tăng trưởng đạt 8,2%.", "8,2%", None),
    ("tu-alone", "Tăng từ 11% lên 15%.", "11%", None),
    ("plain", "Tỷ lệ hộ nghèo giảm còn 3,45%.", "3,45%", None),
]


@pytest.mark.parametrize(("sentence", "text", "sign"), [c[1:] for c in COMPARATORS], ids=[c[0] for c in COMPARATORS])
def test_comparator(sentence: str, text: str, sign: str | None) -> None:
    found = [f for f in _find(sentence) if f["text"] == text]
    assert found, [f["text"] for f in _find(sentence)]
    assert found[0]["comparator"] == sign
    assert not any(w in found[0]["text"] for w in ("trên", "hơn", "khoảng", "gần", "ước", "dưới"))


def test_achieved_planned_pair() -> None:
    sentence = "Giải ngân 12.450/11.800 tỷ đồng vốn được giao."
    first, second = _find(sentence)
    assert (first["text"], first["value"], first["unit"]) == ("12.450", 12450e9, "VND")
    assert (second["text"], second["value"], second["unit"]) == ("11.800 tỷ đồng", 11800e9, "VND")
    assert second.get("planned") and not first.get("planned")


def test_pair_target_survives_attributes() -> None:
    doc = extract_text("Năm 2023, tỉnh đã giải ngân 12.450/11.800 tỷ đồng vốn đầu tư công.")
    figures = [f for f in doc.figures if f.unit == "VND"]
    assert [f.value for f in figures] == [12450e9, 11800e9]
    assert figures[1].target


def test_range_not_through_a_year() -> None:
    assert [(f["text"], f["value"]) for f in _find("Giảm 3 đến 2025", )] == []
    found = find_figures("Giảm 3% đến 2025.", [(10, 14)])
    assert [(f["text"], f["value"]) for f in found] == [("3%", 3.0)]


def test_blocked_spans_are_skipped() -> None:
    text = "Ngày 08/11/2016 có 12 xã."
    assert [f["text"] for f in find_figures(text, [(5, 15)])] == ["12 xã"]


def test_pipeline_skips_dates_years_and_references() -> None:
    doc = extract_text("Theo Quyết định số 1722/QĐ-TTg ngày 02/9/2016, đến năm 2020 có 12 xã đạt chuẩn.")
    assert [(f.text, f.value) for f in doc.figures] == [("12 xã", 12.0)]


def test_comparator_function_is_whole_word() -> None:
    t = "cả nước đạt 90%"
    assert comparator(t, t.index("90"), len(t)) is None


KNOWN_GAPS = [
    # A number whose unit wraps onto the next line of a PDF keeps only what is on its own line.
    ("unit-across-line", "Đã ban hành 40 quyết\nđịnh công bố.", "40 quyết định"),
    # Scores in table cells without an "Điểm" column header above them carry no unit at all.
    ("table-score-no-header", "Chỉ số chung 65,08 54 67,45 36", "65,08"),
]


@pytest.mark.parametrize(("sentence", "text"), [g[1:] for g in KNOWN_GAPS], ids=[g[0] for g in KNOWN_GAPS])
@pytest.mark.xfail(strict=True)
def test_known_gaps(sentence: str, text: str) -> None:
    assert text in [f["text"] for f in _find(sentence)]


def test_speed() -> None:
    import time

    text = ("Năm 2023, toàn tỉnh có 9.604 hộ nghèo, chiếm 3,45%; thu ngân sách ước đạt 15,5 tỷ đồng, "
            "tăng 12% so với cùng kỳ, hai huyện đạt chuẩn; 8/64 huyện thoát nghèo. ") * 40  # ~5 KB, 240 figures
    find_figures(text, [])
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        find_figures(text, [])
        times.append(time.perf_counter() - t0)
    assert min(times) < 0.1  # about 10 ms on an idle machine; the bound leaves room for a busy one


MORE_NOT_FIGURES = [
    ("room-then-acronym", "Tại Hội trường 2 UBND tỉnh, hội nghị khai mạc."),
    ("programme-code", "Chương trình mục tiêu quốc gia 1719 giai đoạn I."),
    ("hour-then-date", "Thời gian: 8 giờ, ngày 10/5."),
    ("clause-numbers", "Khoản 1, 2 và 3 Điều 5 được sửa đổi."),
]


@pytest.mark.parametrize("sentence", [n[1] for n in MORE_NOT_FIGURES], ids=[n[0] for n in MORE_NOT_FIGURES])
def test_more_not_figures(sentence: str) -> None:
    assert [f["text"] for f in _find(sentence)] == []


def test_speed_unit() -> None:
    f = _one("Tốc độ thiết kế 80 km/h.")
    assert (f["text"], f["unit"], f["kind"]) == ("80 km/h", "km/h", "measure")


def test_score_table_cells() -> None:
    table = "\n".join(["STT Nội dung", "Điểm số", "Thứ hạng", "Điểm số", "Thứ hạng", "1",
                       "Chi phí gia nhập thị trường", "6,50 12 7,25 3", "Chỉ số chung 64,10 40 66,00 21"])
    found = _find(table)
    assert [(f["text"], f["unit"], f["kind"]) for f in found] == [
        ("6,50", "điểm", "count"), ("7,25", "điểm", "count"), ("64,10", "điểm", "count"), ("66,00", "điểm", "count")]
