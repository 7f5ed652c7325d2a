#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
#![cfg(feature = "docx")]
//! `.docx` input: packages built here from hand-written WordprocessingML.

#[path = "docx/builder.rs"]
mod builder;

use builder::*;
use serde_json::Value;
use std::path::Path;
use thongbao::Notice;

/// Numbering of the conclusion notice: I. / 1. / a) and a bullet list.
fn conclusion_numbering() -> String {
    [
        abstract_num(
            1,
            &[lvl(0, "upperRoman", "%1.", 1), lvl(1, "decimal", "%2.", 1), lvl(2, "lowerLetter", "%3)", 1)],
        ),
        abstract_num(2, &[lvl(0, "bullet", "-", 1)]),
        num(1, 1),
        num(2, 2),
    ]
    .concat()
}

/// A conclusion notice with header and footer tables, a bold subject,
/// Word-numbered sections, tasks and points, and a bulleted recipients list.
fn conclusion_body() -> String {
    [
        tbl(&[
            tr(&[
                tc(&[p("ỦY BAN NHÂN DÂN"), pb("HUYỆN ĐÔNG KHÊ")]),
                tc(&[pb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), pb("Độc lập - Tự do - Hạnh phúc")]),
            ]),
            tr(&[tcl(&["Số: 45/TB-UBND"]), tcl(&["Đông Khê, ngày 12 tháng 3 năm 2025"])]),
        ]),
        pb("THÔNG BÁO"),
        pb("Kết luận của đồng chí Hoàng Minh Đạt, Chủ tịch UBND huyện tại cuộc họp về công tác giải phóng mặt bằng các dự án trọng điểm"),
        p("Ngày 10/3/2025, đồng chí Hoàng Minh Đạt, Chủ tịch UBND huyện chủ trì cuộc họp về công tác giải phóng mặt bằng các dự án trọng điểm. Tham dự có đồng chí Lý Thu Hà, Phó Chủ tịch UBND huyện; lãnh đạo các phòng, ban chuyên môn thuộc UBND huyện."),
        p("Sau khi nghe Phòng Tài nguyên và Môi trường báo cáo và ý kiến của các đại biểu dự họp, đồng chí Chủ tịch UBND huyện kết luận như sau:"),
        pn(1, 0, "Đánh giá chung"),
        p("Thời gian qua, các cơ quan, đơn vị đã tích cực triển khai công tác giải phóng mặt bằng; tuy nhiên tiến độ một số dự án còn chậm."),
        pn(1, 0, "Nhiệm vụ trong thời gian tới"),
        pn(1, 1, "Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với UBND các xã rà soát hồ sơ đất đai, hoàn thành trước ngày 31/3/2025."),
        pn(1, 1, "Phòng Tài chính - Kế hoạch:"),
        pn(1, 2, "Tham mưu bố trí kinh phí bồi thường, hoàn thành trước ngày 15/4/2025."),
        pn(1, 2, "Hướng dẫn các chủ đầu tư thanh toán kịp thời."),
        pn(1, 1, "Giao UBND xã Tân Phú phối hợp vận động người dân bàn giao mặt bằng trong tháng 4/2025."),
        p("Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./."),
        tbl(&[tr(&[
            tc(&[
                p_with("", &rb("Nơi nhận:")),
                pn(2, 0, "TT Huyện ủy;"),
                pn(2, 0, "CT, các PCT UBND huyện;"),
                pn(2, 0, "Các phòng: TNMT, TCKH;"),
                pn(2, 0, "UBND xã Tân Phú;"),
                pn(2, 0, "Lưu: VT, TH."),
            ]),
            tc(&[pb("TL. CHỦ TỊCH"), pb("CHÁNH VĂN PHÒNG"), p(""), p(""), pb("Vũ Thị Lan")]),
        ])]),
    ]
    .concat()
}

fn conclusion_docx() -> Vec<u8> {
    docx_with(&conclusion_body(), Some(""), Some(&conclusion_numbering()))
}


/// The notice's JSON without positions: `span` and `regions` keys removed
/// everywhere.
fn without_positions(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("span");
            m.remove("regions");
            m.values_mut().for_each(without_positions);
        }
        Value::Array(a) => a.iter_mut().for_each(without_positions),
        _ => {}
    }
}

fn json(n: &Notice) -> Value {
    serde_json::to_value(n).unwrap()
}

/// Compares a notice with `fixtures/docx/NAME.json`; `BLESS=1` rewrites it.
fn golden(name: &str, n: &Notice) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docx").join(format!("{name}.json"));
    let got = serde_json::to_string_pretty(n).unwrap() + "\n";
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (BLESS=1 writes it)", path.display()));
    assert_eq!(got, want, "{} differs (BLESS=1 rewrites it; read the diff)", path.display());
}

fn task_ids(ts: &[thongbao::Task], out: &mut Vec<String>) {
    for t in ts {
        out.push(t.id.clone());
        task_ids(&t.subtasks, out);
    }
}

fn ids(n: &Notice) -> Vec<String> {
    let mut v = Vec::new();
    task_ids(&n.tasks, &mut v);
    v
}

fn date(d: Option<thongbao::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

#[test]
fn header_and_footer_tables_bold_subject_and_word_numbering() {
    let bytes = conclusion_docx();
    let n = thongbao::parse_docx(&bytes).unwrap();
    let h = &n.header;
    assert_eq!(h.issuer.as_ref().map(|i| i.name.as_str()), Some("ỦY BAN NHÂN DÂN HUYỆN ĐÔNG KHÊ"));
    assert_eq!(h.number.as_deref(), Some("45/TB-UBND"));
    assert_eq!(h.place.as_deref(), Some("Đông Khê"));
    assert_eq!(date(h.date).as_deref(), Some("2025-03-12"));
    assert_eq!(n.title.as_deref(), Some("THÔNG BÁO"));
    assert_eq!(
        n.subject.as_deref(),
        Some("Kết luận của đồng chí Hoàng Minh Đạt, Chủ tịch UBND huyện tại cuộc họp về công tác giải phóng mặt bằng các dự án trọng điểm")
    );
    assert_eq!(n.concluder.as_ref().and_then(|c| c.name.as_deref()), Some("Hoàng Minh Đạt"));
    let m = n.meeting.as_ref().unwrap();
    assert_eq!(date(m.date).as_deref(), Some("2025-03-10"));
    assert!(m.attendees.iter().any(|a| a.name.as_deref() == Some("Lý Thu Hà")));
    // Word's numbering: I. and II. are the sections, 1. 2. 3. the tasks, a) b) the points.
    let a = n.assessment.as_ref().unwrap();
    assert_eq!((a.label.as_deref(), a.heading.as_deref()), (Some("I"), Some("Đánh giá chung")));
    let ts = n.tasks_section.as_ref().unwrap();
    assert_eq!((ts.label.as_deref(), ts.heading.as_deref()), (Some("II"), Some("Nhiệm vụ trong thời gian tới")));
    assert_eq!(ids(&n), ["1", "2", "2.a", "2.b", "3"]);
    let t2a = n.task("2.a").unwrap();
    assert_eq!(date(t2a.deadlines[0].due).as_deref(), Some("2025-04-15"));
    let lead = |id: &str| n.assignments.iter().find(|a| a.task_id == id).and_then(|a| a.assignee.clone());
    assert_eq!(lead("1").as_deref(), Some("Phòng Tài nguyên và Môi trường"));
    assert_eq!(lead("2.a").as_deref(), Some("Phòng Tài chính - Kế hoạch"));
    assert_eq!(lead("3").as_deref(), Some("UBND xã Tân Phú"));
    // The footer table: recipients (Word bullets) left, signature right.
    let rec: Vec<&str> = n.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(rec, ["TT Huyện ủy", "CT, các PCT UBND huyện", "Các phòng: TNMT, TCKH", "UBND xã Tân Phú"]);
    assert_eq!(n.archive, ["VT", "TH"]);
    let s = n.signature.as_ref().unwrap();
    assert_eq!(s.authority.map(|a| a.as_str()), Some("TL"));
    assert_eq!(s.on_behalf_of.as_deref(), Some("CHỦ TỊCH"));
    assert_eq!(s.position.as_deref(), Some("CHÁNH VĂN PHÒNG"));
    assert_eq!(s.name.as_deref(), Some("Vũ Thị Lan"));
    assert!(n.diagnostics.is_empty(), "{:?}", n.diagnostics);
    golden("ket-luan-dong-khe-2025-03", &n);
}

#[test]
fn spans_point_into_the_rendering() {
    let bytes = conclusion_docx();
    let text = thongbao::docx::to_text(&bytes).unwrap();
    let n = thongbao::parse_docx(&bytes).unwrap();
    let t1 = n.task("1").unwrap();
    assert_eq!(&text[t1.deadlines[0].span.start..t1.deadlines[0].span.end], "trước ngày 31/3/2025");
    let c = n.concluder.as_ref().unwrap();
    assert_eq!(&text[c.span.start..c.span.end], "đồng chí Hoàng Minh Đạt, Chủ tịch UBND huyện");
    let line = text[..c.span.start].matches('\n').count() + 1;
    assert_eq!(c.span.line, line);
    // The header and footer tables are Markdown tables, cells joined with <br>.
    assert!(text.starts_with(
        "| ỦY BAN NHÂN DÂN<br>**HUYỆN ĐÔNG KHÊ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n| --- | --- |\n| Số: 45/TB-UBND | Đông Khê, ngày 12 tháng 3 năm 2025 |\n\n**THÔNG BÁO**\n\n"
    ));
    assert!(text.contains("\n\nII. Nhiệm vụ trong thời gian tới\n\n1. Giao Phòng"));
    assert!(text.contains("\n\na) Tham mưu"));
    assert!(text.contains("| **Nơi nhận:**<br>- TT Huyện ủy;<br>"));
    // Parsing the rendering as Markdown gives the same notice.
    let again = thongbao::parse_with(
        &text,
        &thongbao::ParseOptions { input_format: thongbao::InputFormat::Markdown, ..Default::default() },
    )
    .unwrap();
    assert_eq!(again, n);
}

/// The conclusion notice written by hand as a converter would write it.
const CONCLUSION_MD: &str = "\
| ỦY BAN NHÂN DÂN<br>HUYỆN ĐÔNG KHÊ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 45/TB-UBND | Đông Khê, ngày 12 tháng 3 năm 2025 |

**THÔNG BÁO**

**Kết luận của đồng chí Hoàng Minh Đạt, Chủ tịch UBND huyện tại cuộc họp về công tác giải phóng mặt bằng các dự án trọng điểm**

Ngày 10/3/2025, đồng chí Hoàng Minh Đạt, Chủ tịch UBND huyện chủ trì cuộc họp về công tác giải phóng mặt bằng các dự án trọng điểm. Tham dự có đồng chí Lý Thu Hà, Phó Chủ tịch UBND huyện; lãnh đạo các phòng, ban chuyên môn thuộc UBND huyện.

Sau khi nghe Phòng Tài nguyên và Môi trường báo cáo và ý kiến của các đại biểu dự họp, đồng chí Chủ tịch UBND huyện kết luận như sau:

I. Đánh giá chung

Thời gian qua, các cơ quan, đơn vị đã tích cực triển khai công tác giải phóng mặt bằng; tuy nhiên tiến độ một số dự án còn chậm.

II. Nhiệm vụ trong thời gian tới

1. Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với UBND các xã rà soát hồ sơ đất đai, hoàn thành trước ngày 31/3/2025.
2. Phòng Tài chính - Kế hoạch:
   a) Tham mưu bố trí kinh phí bồi thường, hoàn thành trước ngày 15/4/2025.
   b) Hướng dẫn các chủ đầu tư thanh toán kịp thời.
3. Giao UBND xã Tân Phú phối hợp vận động người dân bàn giao mặt bằng trong tháng 4/2025.

Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.

| **Nơi nhận:**<br>- TT Huyện ủy;<br>- CT, các PCT UBND huyện;<br>- Các phòng: TNMT, TCKH;<br>- UBND xã Tân Phú;<br>- Lưu: VT, TH. | **TL. CHỦ TỊCH**<br>**CHÁNH VĂN PHÒNG**<br><br><br>**Vũ Thị Lan** |
|---|---|
";

#[test]
fn same_notice_as_docx_and_as_markdown() {
    let from_docx = thongbao::parse_docx(&conclusion_docx()).unwrap();
    let from_md = thongbao::parse(CONCLUSION_MD);
    let (mut a, mut b) = (json(&from_docx), json(&from_md));
    without_positions(&mut a);
    without_positions(&mut b);
    assert_eq!(a, b);
}

fn text_of(body: &str, styles: Option<&str>, numbering: Option<&str>) -> String {
    thongbao::docx::to_text(&docx_with(body, styles, numbering)).unwrap()
}

#[test]
fn word_numbering_levels_formats_restarts_and_overrides() {
    let numbering = [
        // 1. / 1.1. / 1.1.1.
        abstract_num(10, &[lvl(0, "decimal", "%1.", 1), lvl(1, "decimal", "%1.%2.", 1), lvl(2, "decimal", "%1.%2.%3.", 1)]),
        num(10, 10),
        // Another instance of the same list: numbering goes on.
        num(11, 10),
        // An instance restarting at 5.
        num_start(12, 10, 0, 5),
        // a) b) …, Roman, decimalZero, bullets.
        abstract_num(20, &[lvl(0, "lowerLetter", "%1)", 1)]),
        num(20, 20),
        abstract_num(30, &[lvl(0, "upperRoman", "%1.", 1), lvl(1, "lowerRoman", "(%2)", 1)]),
        num(30, 30),
        abstract_num(40, &[lvl(0, "decimalZero", "%1.", 1)]),
        num(40, 40),
        abstract_num(50, &[lvl(0, "bullet", "-", 1), lvl(1, "bullet", "o", 1)]),
        num(50, 50),
        // Level 2 never restarts (lvlRestart 0); a start of 3.
        abstract_num(
            60,
            &[
                lvl(0, "decimal", "%1.", 3),
                lvl(1, "decimal", "(%2)", 1).replace("<w:numFmt", r#"<w:lvlRestart w:val="0"/><w:numFmt"#),
            ],
        ),
        num(60, 60),
        // isLgl: the Roman level shows as decimal in the second level's label.
        abstract_num(
            70,
            &[lvl(0, "upperRoman", "%1.", 1), lvl(1, "decimal", "%1.%2.", 1).replace("<w:numFmt", "<w:isLgl/><w:numFmt")],
        ),
        num(70, 70),
    ]
    .concat();
    let body = [
        pn(10, 0, "Một"),
        pn(10, 1, "Một một"),
        pn(10, 1, "Một hai"),
        pn(10, 0, "Hai"),
        pn(10, 1, "Hai một"),
        pn(10, 2, "Hai một một"),
        pn(11, 0, "Ba"),
        pn(12, 0, "Năm"),
        pn(12, 0, "Sáu"),
        pn(20, 0, "chữ a"),
        pn(20, 0, "chữ b"),
        pn(20, 0, "chữ c"),
        pn(30, 0, "La Mã một"),
        pn(30, 1, "thường một"),
        pn(30, 1, "thường hai"),
        pn(30, 0, "La Mã hai"),
        pn(40, 0, "không một"),
        pn(50, 0, "gạch"),
        pn(50, 1, "con"),
        pn(60, 1, "ngoặc một"),
        pn(60, 0, "ba"),
        pn(60, 1, "ngoặc hai"),
        pn(70, 0, "Mục"),
        pn(70, 1, "khoản"),
        // numId 0: no numbering.
        pn(0, 0, "Không số"),
    ]
    .concat();
    let text = text_of(&body, None, Some(&numbering));
    let want = [
        "1. Một",
        "1.1. Một một",
        "1.2. Một hai",
        "2. Hai",
        "2.1. Hai một",
        "2.1.1. Hai một một",
        "3. Ba",
        "5. Năm",
        "6. Sáu",
        "a) chữ a",
        "b) chữ b",
        "c) chữ c",
        "I. La Mã một",
        "(i) thường một",
        "(ii) thường hai",
        "II. La Mã hai",
        "01. không một",
        "- gạch",
        "+ con",
        "(1) ngoặc một",
        "3. ba",
        "(2) ngoặc hai",
        "I. Mục",
        "1.1. khoản",
        "Không số",
    ]
    .join("\n\n")
        + "\n";
    assert_eq!(text, want);
}

#[test]
fn numbering_through_paragraph_styles() {
    let styles = r#"
<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Khoan"><w:name w:val="Khoan"/><w:basedOn w:val="Muc"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Dam"><w:name w:val="Dam"/><w:rPr><w:b/></w:rPr></w:style>"#;
    let numbering = [
        abstract_num(3, &[lvl(0, "upperRoman", "%1.", 1), lvl(1, "decimal", "%2.", 1)]),
        num(3, 3),
        // Level 1 of list 4 is linked to style Heading3.
        abstract_num(4, &[lvl(0, "decimal", "%1.", 1), lvl(1, "lowerLetter", "%2)", 1).replace("<w:numFmt", r#"<w:pStyle w:val="Heading3"/><w:numFmt"#)]),
        num(4, 4),
    ]
    .concat();
    let body = [
        ps("Muc", "Đánh giá"),
        ps("Khoan", "Giao Sở A"),
        ps("Khoan", "Giao Sở B"),
        ps("Muc", "Nhiệm vụ"),
        ps("Khoan", "Giao Sở C"),
        ps("Heading3", "điểm một"),
        ps("Heading3", "điểm hai"),
        // A character style makes a run bold.
        p_with("", &format!(r#"{}<w:r><w:rPr><w:rStyle w:val="Dam"/></w:rPr><w:t>đậm</w:t></w:r>"#, r("Chữ "))),
    ]
    .concat();
    let text = text_of(&body, Some(styles), Some(&numbering));
    assert_eq!(
        text,
        "I. **Đánh giá**\n\n1. Giao Sở A\n\n2. Giao Sở B\n\nII. **Nhiệm vụ**\n\n1. Giao Sở C\n\na) điểm một\n\nb) điểm hai\n\nChữ **đậm**\n"
    );
}

/// Auto-numbered and typed labels render the same, so tasks get the same ids.
#[test]
fn tasks_numbered_by_word_get_the_ids_of_typed_numbers() {
    let head = [
        tbl(&[
            tr(&[tcl(&["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"]), tcl(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])]),
            tr(&[tcl(&["Số: 12/TB-UBND"]), tcl(&["An Phú, ngày 5 tháng 3 năm 2025"])]),
        ]),
        pb("THÔNG BÁO"),
        pb("Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 3 năm 2025"),
        p("Ngày 3/3/2025, đồng chí Đinh Quang Vũ, Chủ tịch UBND xã chủ trì cuộc họp giao ban. Đồng chí Chủ tịch UBND xã kết luận như sau:"),
    ]
    .concat();
    // (typed label, numId, level, text)
    let items = [
        ("1.", 1, 0, "Nhiệm vụ chung:"),
        ("1.1.", 1, 1, "Giao Công an xã bảo đảm an ninh trật tự trên địa bàn."),
        ("1.2.", 1, 1, "Giao Văn phòng UBND xã tổng hợp báo cáo trước ngày 20/3/2025."),
        ("2.", 1, 0, "Nhiệm vụ cụ thể:"),
        ("a)", 1, 2, "Giao Ban Chỉ huy Quân sự xã rà soát lực lượng dân quân."),
        ("b)", 1, 2, "Giao công chức Địa chính rà soát đất công, hoàn thành trong tháng 3/2025."),
        ("-", 2, 0, "Báo cáo kết quả về Văn phòng UBND xã."),
        ("3.", 1, 0, "Giao Trạm Y tế xã tuyên truyền phòng bệnh mùa xuân."),
    ];
    let typed: String = items.iter().map(|(l, _, _, t)| p(&format!("{l} {t}"))).collect();
    let auto: String = items.iter().map(|(_, n, i, t)| pn(*n, *i, t)).collect();
    let numbering = [
        abstract_num(1, &[lvl(0, "decimal", "%1.", 1), lvl(1, "decimal", "%1.%2.", 1), lvl(2, "lowerLetter", "%3)", 1)]),
        num(1, 1),
        abstract_num(2, &[lvl(0, "bullet", "\u{f0b7}", 1)]),
        num(2, 2),
    ]
    .concat();
    let typed = docx_with(&(head.clone() + &typed), None, None);
    let auto = docx_with(&(head + &auto), None, Some(&numbering));
    assert_eq!(thongbao::docx::to_text(&auto).unwrap(), thongbao::docx::to_text(&typed).unwrap());
    let (a, t) = (thongbao::parse_docx(&auto).unwrap(), thongbao::parse_docx(&typed).unwrap());
    assert_eq!(a, t);
    assert_eq!(ids(&a), ["1", "1.1", "1.2", "2", "2.a", "2.b", "2.b.1", "3"]);
}

/// A notice whose tasks are a table (STT numbered by Word, a merged lead
/// cell) and whose header is two tables' worth of paragraphs.
fn task_table_docx() -> Vec<u8> {
    let numbering = [abstract_num(5, &[lvl(0, "decimal", "%1", 1)]), num(5, 5)].concat();
    let merged_start = r#"<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>"#;
    let merged_next = r#"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"#;
    let body = [
        tbl(&[
            tr(&[tc(&[pb("ỦY BAN NHÂN DÂN"), pb("TỈNH LAM SƠN")]), tc(&[pb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), pb("Độc lập - Tự do - Hạnh phúc")])]),
            tr(&[tcl(&["Số: 318/TB-UBND"]), tcl(&["Lam Sơn, ngày 22 tháng 5 năm 2025"])]),
        ]),
        pb("THÔNG BÁO"),
        pb("Kết luận của Phó Chủ tịch UBND tỉnh Mai Đức Thịnh tại cuộc họp về phòng, chống hạn hán năm 2025"),
        p("Ngày 20/5/2025, đồng chí Mai Đức Thịnh, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về phòng, chống hạn hán năm 2025. Tham dự có lãnh đạo Sở Nông nghiệp và Môi trường, Sở Tài chính, Công ty Thủy lợi Lam Sơn."),
        p("Sau khi nghe báo cáo và ý kiến của các đại biểu, Phó Chủ tịch UBND tỉnh kết luận như sau:"),
        p("Các nhiệm vụ cụ thể như sau:"),
        format!(
            "<w:tbl><w:tblPr/>{}{}{}{}</w:tbl>",
            tr(&[tc(&[pb("STT")]), tc(&[pb("Nội dung")]), tc(&[pb("Đơn vị chủ trì")]), tc(&[pb("Thời gian hoàn thành")])]),
            tr(&[
                tc(&[pn(5, 0, "")]),
                tcl(&["Rà soát các hồ chứa có nguy cơ thiếu nước"]),
                format!("{merged_start}{}</w:tc>", p("Sở Nông nghiệp và Môi trường")),
                tcl(&["Trước ngày 10/6/2025"]),
            ]),
            tr(&[tc(&[pn(5, 0, "")]), tcl(&["Xây dựng phương án cấp nước cho sản xuất vụ Hè Thu"]), merged_next.to_string(), tcl(&["Tháng 6/2025"])]),
            tr(&[tc(&[pn(5, 0, "")]), tcl(&["Bố trí kinh phí chống hạn"]), tcl(&["Sở Tài chính"]), tcl(&["Trước ngày 30/6/2025"])]),
        ),
        p("UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./."),
        tbl(&[tr(&[
            tc(&[p_with("", &rb("Nơi nhận:")), p("- Sở NN&MT, Sở TC;"), p("- Công ty Thủy lợi Lam Sơn;"), p("- Lưu: VT, KT.")]),
            tc(&[pb("KT. CHỦ TỊCH"), pb("PHÓ CHỦ TỊCH"), p(""), pb("Mai Đức Thịnh")]),
        ])]),
    ]
    .concat();
    docx_with(&body, None, Some(&numbering))
}

#[test]
fn task_table() {
    let bytes = task_table_docx();
    let text = thongbao::docx::to_text(&bytes).unwrap();
    assert!(text.contains(
        "| **STT** | **Nội dung** | **Đơn vị chủ trì** | **Thời gian hoàn thành** |\n| --- | --- | --- | --- |\n| 1 | Rà soát các hồ chứa có nguy cơ thiếu nước | Sở Nông nghiệp và Môi trường | Trước ngày 10/6/2025 |\n| 2 | Xây dựng phương án cấp nước cho sản xuất vụ Hè Thu | Sở Nông nghiệp và Môi trường | Tháng 6/2025 |\n"
    ), "{text}");
    // "&" is written as itself.
    assert!(text.contains("- Sở NN&MT, Sở TC;"));
    let n = thongbao::parse_docx(&bytes).unwrap();
    assert_eq!(n.header.number.as_deref(), Some("318/TB-UBND"));
    assert_eq!(ids(&n), ["1", "2", "3"]);
    let row = |id: &str| {
        let a = n.assignments.iter().find(|a| a.task_id == id).unwrap();
        (a.assignee.clone().unwrap_or_default(), date(a.due).unwrap_or_default())
    };
    assert_eq!(row("1"), ("Sở Nông nghiệp và Môi trường".to_string(), "2025-06-10".to_string()));
    assert_eq!(row("2"), ("Sở Nông nghiệp và Môi trường".to_string(), "2025-06-30".to_string()));
    assert_eq!(row("3"), ("Sở Tài chính".to_string(), "2025-06-30".to_string()));
    assert_eq!(n.task("2").map(|t| t.text.as_str()), Some("Xây dựng phương án cấp nước cho sản xuất vụ Hè Thu"));
    let s = n.signature.as_ref().unwrap();
    assert_eq!((s.authority.map(|a| a.as_str()), s.name.as_deref()), (Some("KT"), Some("Mai Đức Thịnh")));
    assert_eq!(n.archive, ["VT", "KT"]);
    golden("bang-nhiem-vu-lam-son-2025-05", &n);
}

/// A header of plain paragraphs, with line breaks and tabs, in place of a table.
fn paragraph_header_docx() -> Vec<u8> {
    let br = &"<w:r><w:br/></w:r>".to_string();
    let tab = &"<w:r><w:tab/></w:r>".to_string();
    let body = [
        p_with(r#"<w:jc w:val="center"/>"#, &[r("HĐND - UBND"), br.clone(), rb("XÃ HÒA MỸ")].concat()),
        p_with(r#"<w:jc w:val="center"/>"#, &[rb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), br.clone(), rb("Độc lập - Tự do - Hạnh phúc")].concat()),
        p_with("", &[r("Số:"), tab.clone(), r("07/TB-VP")].concat()),
        p_with(r#"<w:jc w:val="right"/>"#, &r("Hòa Mỹ, ngày 14 tháng 02 năm 2025")),
        pb("THÔNG BÁO"),
        p_with(r#"<w:jc w:val="center"/>"#, &[rb("Kết luận của đồng chí Chủ tịch UBND xã"), br.clone(), rb("tại phiên họp thường kỳ tháng 02 năm 2025")].concat()),
        p("Chiều ngày 12/02/2025, đồng chí Quách Văn Tùng, Chủ tịch UBND xã chủ trì phiên họp thường kỳ tháng 02 năm 2025. Sau khi nghe các ý kiến, đồng chí Chủ tịch UBND xã kết luận như sau:"),
        p_with("", &[r("1."), tab.clone(), r("Giao Văn phòng UBND xã rà soát nguồn thu ngân sách, báo cáo trước ngày 28/02/2025.")].concat()),
        p_with("", &[r("2."), tab.clone(), r("Giao Công an xã tăng cường tuần tra"), br.clone(), r("trong dịp lễ hội đầu xuân.")].concat()),
        p("Văn phòng UBND xã thông báo để các bộ phận liên quan thực hiện./."),
        p_with("", &[rb("Nơi nhận:"), br.clone(), r("- Các bộ phận liên quan;"), br.clone(), r("- Lưu: VP.")].concat()),
        p_with(r#"<w:jc w:val="center"/>"#, &[rb("TL. CHỦ TỊCH"), br.clone(), rb("CHÁNH VĂN PHÒNG"), br.clone(), br.clone(), br.clone(), rb("Lò Thị Hạnh")].concat()),
    ]
    .concat();
    docx(&body)
}

#[test]
fn header_as_paragraphs_with_tabs_and_breaks() {
    let bytes = paragraph_header_docx();
    let text = thongbao::docx::to_text(&bytes).unwrap();
    assert!(text.starts_with("HĐND - UBND\n**XÃ HÒA MỸ**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n**Độc lập - Tự do - Hạnh phúc**\n\nSố: 07/TB-VP\n\n"), "{text}");
    assert!(text.contains("\n\n2. Giao Công an xã tăng cường tuần tra\ntrong dịp lễ hội đầu xuân.\n\n"));
    assert!(text.contains("\n\n**Nơi nhận:**\n- Các bộ phận liên quan;\n- Lưu: VP.\n\n**TL. CHỦ TỊCH**\n**CHÁNH VĂN PHÒNG**\n**Lò Thị Hạnh**\n"));
    let n = thongbao::parse_docx(&bytes).unwrap();
    assert_eq!(n.header.number.as_deref(), Some("07/TB-VP"));
    assert_eq!(date(n.header.date).as_deref(), Some("2025-02-14"));
    assert_eq!(n.header.place.as_deref(), Some("Hòa Mỹ"));
    assert_eq!(n.subject.as_deref(), Some("Kết luận của đồng chí Chủ tịch UBND xã tại phiên họp thường kỳ tháng 02 năm 2025"));
    assert_eq!(ids(&n), ["1", "2"]);
    assert_eq!(n.task("2").map(|t| t.text.as_str()), Some("Giao Công an xã tăng cường tuần tra trong dịp lễ hội đầu xuân"));
    let leads: Vec<_> = n.assignments.iter().map(|a| (a.task_id.as_str(), a.assignee.as_deref(), date(a.due))).collect();
    assert_eq!(
        leads,
        [("1", Some("Văn phòng UBND xã"), Some("2025-02-28".to_string())), ("2", Some("Công an xã"), None)]
    );
    assert_eq!(n.recipients.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(), ["Các bộ phận liên quan"]);
    assert_eq!(n.archive, ["VP"]);
    assert_eq!(n.signature.as_ref().and_then(|s| s.name.as_deref()), Some("Lò Thị Hạnh"));
    golden("tieu-de-doan-van-hoa-my-2025-02", &n);
}
