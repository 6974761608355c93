"""Invented report text and builders that render it as TXT, PDF (one and two columns), HTML and DOCX."""
from __future__ import annotations

import io
import html
from pathlib import Path

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)

TITLE = "BÁO CÁO"
SUBTITLE = "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024"
_DISTRICTS = ("Sông Mây", "Đồi Cát", "Bến Đá", "Suối Ngọc", "Làng Chài", "Núi Thông", "Hồ Sen", "Cửa Gió",
              "Thác Bạc", "Đồng Xanh", "Mỏ Vàng", "Gành Hào")


def paragraphs() -> list[str]:
    """Body paragraphs of an invented provincial report (numbers vary per paragraph)."""
    paras = [
        "Ngày 12/12/2024, đồng chí Trần Minh Khôi, Phó Chủ tịch Ủy ban nhân dân tỉnh chủ trì hội nghị "
        "đánh giá kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh.",
        "Tổng sản phẩm trên địa bàn tỉnh năm 2024 tăng 7,8% so với năm trước, thu nhập bình quân đầu người "
        "đạt 68,5 triệu đồng, thu ngân sách nhà nước đạt 9.250 tỷ đồng, vượt dự toán được giao.",
    ]
    for i, name in enumerate(_DISTRICTS):
        paras.append(
            f"Huyện {name} đã giải quyết việc làm cho {1200 + 37 * i} lao động, trồng mới {45 + i} ha rừng, "
            f"hỗ trợ xây dựng {12 + i} căn nhà cho hộ nghèo và nâng tỷ lệ trường đạt chuẩn quốc gia lên "
            f"{61 + i},{i + 2}%. Bà Lê Thị Hạnh, Chủ tịch Hội Liên hiệp Phụ nữ huyện cho biết hội đã vận động "
            f"được {3 + i} tỷ đồng để hỗ trợ các hộ khó khăn trong năm."
        )
    paras.append(
        "Năm 2025, tỉnh phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 2%, tạo việc làm mới cho 25.000 lao động "
        "và hoàn thành 18 công trình giao thông trọng điểm. Đồng chí Phạm Quốc Việt, Bí thư Tỉnh ủy yêu cầu "
        "các ngành tập trung thực hiện các nhiệm vụ trọng tâm."
    )
    return paras


def as_txt() -> str:
    return "\n".join([TITLE, SUBTITLE, *paragraphs()]) + "\n"


def font_path() -> str | None:
    for p in FONT_CANDIDATES:
        if Path(p).exists():
            return p
    return None


def as_pdf(columns: int = 1, running_header: bool = True) -> bytes:
    """The report as a PDF made with fpdf2; two columns put the body in newspaper columns."""
    from fpdf import FPDF

    font = font_path()
    assert font, "no Unicode TTF font"

    class Doc(FPDF):
        def header(self) -> None:
            if running_header:
                self.set_font("U", size=8)
                self.cell(0, 6, "Sở Kế hoạch tỉnh - Báo cáo năm 2024", align="C", new_x="LMARGIN", new_y="NEXT")
                self.ln(4)

        def footer(self) -> None:
            if running_header:
                self.set_y(-15)
                self.set_font("U", size=8)
                self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Doc(format="A4")
    pdf.add_font("U", "", font)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("U", size=14)
    pdf.cell(0, 8, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("U", size=12)
    pdf.cell(0, 7, SUBTITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("U", size=11)
    body = paragraphs() * 1
    if columns == 1:
        for para in body:
            pdf.multi_cell(0, 6, para, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    else:
        with pdf.text_columns(ncols=columns, gutter=8, text_align="J", line_height=1.3) as cols:
            for para in body:
                with cols.paragraph(bottom_margin=2) as p:
                    p.write(para)
    return bytes(pdf.output())


def as_html() -> bytes:
    """The report as a news page with menus, share buttons, related news and a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs())
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(SUBTITLE)} - Cổng thông tin</title>
<meta property="og:title" content="{html.escape(SUBTITLE)}">
<meta property="article:published_time" content="2024-12-13T08:00:00+07:00">
<meta name="author" content="Ngô Thanh Tùng"></head><body>
<header class="top-header"><nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/gt">Giới thiệu</a></li><li><a href="/tt">Tin tức - Sự kiện</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tt">Tin tức</a></div>
<div class="wrapper"><div class="main-col"><div class="news-detail">
<h2 class="detail-title">{html.escape(TITLE)}</h2><div class="share-box"><a href="#">Chia sẻ Facebook</a>
<a href="#">In bài</a></div>
<div class="detail-content"><p><strong>{html.escape(SUBTITLE)}</strong></p>
{body}
</div>
<div class="related-news"><h3>Các tin khác</h3><ul>
<li><a href="/1">Huyện Đồi Cát tổ chức hội nghị với 300 đại biểu tham dự năm 2023</a></li>
<li><a href="/2">Tỉnh trao 50 suất học bổng cho học sinh nghèo vượt khó</a></li></ul></div>
</div></div><aside class="right-sidebar"><h3>Tin đọc nhiều</h3><ul>
<li><a href="/3">Khánh thành cầu dài 120 m nối hai xã</a></li></ul></aside></div>
<div class="calendar">Xem tin theo ngày <input type="date"></div>
<footer class="site-footer">Cổng thông tin điện tử tỉnh. Điện thoại: 0212 3855 123.</footer>
</body></html>"""
    return page.encode("utf-8")


def as_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph(SUBTITLE)
    for p in paragraphs():
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
