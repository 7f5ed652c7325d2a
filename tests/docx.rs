#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! `.docx` input: packages built here from hand-written WordprocessingML
//! and zipped with the zip crate. Goldens in `fixtures/docx/` (`BLESS=1
//! cargo test --test docx` rewrites them), the same notice as `.docx` and as
//! Markdown, Word's numbering, Word's quirks, hostile packages, and
//! `notice2json` on `.docx` inputs.
#![cfg(feature = "docx")]

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
        Some(
            "Kết luận của đồng chí Hoàng Minh Đạt, Chủ tịch UBND huyện tại cuộc họp về công tác giải phóng mặt bằng các dự án trọng điểm"
        )
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
        abstract_num(
            10,
            &[lvl(0, "decimal", "%1.", 1), lvl(1, "decimal", "%1.%2.", 1), lvl(2, "decimal", "%1.%2.%3.", 1)],
        ),
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
            &[
                lvl(0, "upperRoman", "%1.", 1),
                lvl(1, "decimal", "%1.%2.", 1).replace("<w:numFmt", "<w:isLgl/><w:numFmt"),
            ],
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
        abstract_num(
            4,
            &[
                lvl(0, "decimal", "%1.", 1),
                lvl(1, "lowerLetter", "%2)", 1).replace("<w:numFmt", r#"<w:pStyle w:val="Heading3"/><w:numFmt"#),
            ],
        ),
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
        abstract_num(
            1,
            &[lvl(0, "decimal", "%1.", 1), lvl(1, "decimal", "%1.%2.", 1), lvl(2, "lowerLetter", "%3)", 1)],
        ),
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
    assert_eq!(
        n.subject.as_deref(),
        Some("Kết luận của đồng chí Chủ tịch UBND xã tại phiên họp thường kỳ tháng 02 năm 2025")
    );
    assert_eq!(ids(&n), ["1", "2"]);
    assert_eq!(
        n.task("2").map(|t| t.text.as_str()),
        Some("Giao Công an xã tăng cường tuần tra trong dịp lễ hội đầu xuân")
    );
    let leads: Vec<_> =
        n.assignments.iter().map(|a| (a.task_id.as_str(), a.assignee.as_deref(), date(a.due))).collect();
    assert_eq!(
        leads,
        [("1", Some("Văn phòng UBND xã"), Some("2025-02-28".to_string())), ("2", Some("Công an xã"), None)]
    );
    assert_eq!(n.recipients.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(), ["Các bộ phận liên quan"]);
    assert_eq!(n.archive, ["VP"]);
    assert_eq!(n.signature.as_ref().and_then(|s| s.name.as_deref()), Some("Lò Thị Hạnh"));
    golden("tieu-de-doan-van-hoa-my-2025-02", &n);
}

#[test]
fn word_quirks_runs_fields_revisions_content_controls_and_text_boxes() {
    let box_para = |s: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(s));
    let body = [
        // A text box, in both branches of an AlternateContent: read once, before its anchor.
        format!(
            r#"<w:p><w:r><w:t>Neo</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            box_para("ỦY BAN NHÂN DÂN XÃ KHE TRE"),
            box_para("ỦY BAN NHÂN DÂN XÃ KHE TRE")
        ),
        // Runs split mid-word, proofing marks, smart tags, hyperlinks.
        r#"<w:p><w:r><w:t>Gia</w:t></w:r><w:r><w:t xml:space="preserve">o Ph</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>òng</w:t></w:r><w:proofErr w:type="spellEnd"/><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t xml:space="preserve"> Kinh tế</w:t></w:r></w:smartTag><w:hyperlink w:anchor="m"><w:r><w:t xml:space="preserve"> xem mục 2</w:t></w:r></w:hyperlink></w:p>"#.to_string(),
        // Revisions: insertions kept, deletions and moved-away text dropped, old properties ignored.
        r#"<w:p><w:pPr><w:pPrChange w:id="3"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t xml:space="preserve">Bản</w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText xml:space="preserve"> cũ</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve"> mới</w:t></w:r></w:ins><w:moveFrom w:id="4"><w:r><w:t xml:space="preserve"> chuyển đi</w:t></w:r></w:moveFrom><w:r><w:rPr><w:rPrChange w:id="5"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve"> thường</w:t></w:r></w:p>"#.to_string(),
        // Fields: instructions dropped, results kept; content controls read.
        r#"<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>/9</w:t></w:r></w:fldSimple><w:sdt><w:sdtPr><w:alias w:val="Ô nhập"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> hết</w:t></w:r></w:sdtContent></w:sdt></w:p>"#.to_string(),
        // Non-breaking and soft hyphens, symbols, hidden text.
        r#"<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> Bà Rịa</w:t><w:noBreakHyphen/><w:t>Vũng</w:t><w:softHyphen/><w:t>Tàu</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>"#.to_string(),
        // Markdown characters typed as text.
        p("# không phải tiêu đề"),
        p("> không phải trích dẫn"),
        p("* a_b [1] <x> c | d ~~e~~ `f` &amp; \\"),
        p("-----"),
        // A 3-column table with a cell spanning two columns, and a table in a cell.
        format!(
            "<w:tbl>{}{}</w:tbl>",
            tr(&[tcl(&["A"]), tcl(&["B"]), tcl(&["C"])]),
            tr(&[
                r#"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>AB</w:t></w:r></w:p></w:tc>"#.to_string(),
                tc(&[tbl(&[tr(&[tcl(&["x1"]), tcl(&["x2"])])])]),
            ])
        ),
        // A one-column table is read as paragraphs.
        tbl(&[tr(&[tcl(&["Khung một"])]), tr(&[tcl(&["Khung hai"])])]),
    ]
    .concat();
    let text = text_of(&body, None, None);
    let want = [
        "ỦY BAN NHÂN DÂN XÃ KHE TRE",
        "Neo",
        "Giao Phòng Kinh tế xem mục 2",
        "Bản mới thường",
        "Trang 7/9 hết",
        "• Bà Rịa-VũngTàu",
        "\\# không phải tiêu đề",
        "\\> không phải trích dẫn",
        "\\* a\\_b \\[1\\] \\<x> c \\| d \\~\\~e\\~\\~ \\`f\\` \\&amp; \\\\",
        "\\-----",
        "| A | B | C |\n| --- | --- | --- |\n| AB |  | x1<br>x2 |",
        "Khung một",
        "Khung hai",
    ]
    .join("\n\n")
        + "\n";
    assert_eq!(text, want);
    // Not a notice, but it parses: every line kept in a region.
    let n = thongbao::parse_docx(&docx(&body)).unwrap();
    assert!(n.title.is_none() && !n.regions.is_empty());
}

#[test]
fn nfd_text_is_normalised_by_the_parser() {
    use unicode_normalization::UnicodeNormalization;
    let nfd = |s: &str| s.nfd().collect::<String>();
    let body = [
        tbl(&[
            tr(&[
                tcl(&[&nfd("ỦY BAN NHÂN DÂN"), &nfd("XÃ PHÚ HÒA")]),
                tcl(&[&nfd("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]),
            ]),
            tr(&[tcl(&[&nfd("Số: 09/TB-UBND")]), tcl(&[&nfd("Phú Hòa, ngày 02 tháng 4 năm 2025")])]),
        ]),
        pb(&nfd("THÔNG BÁO")),
        pb(&nfd("Kết luận của Chủ tịch UBND xã tại buổi làm việc với các thôn")),
    ]
    .concat();
    let n = thongbao::parse_docx(&docx(&body)).unwrap();
    assert_eq!(n.header.place.as_deref(), Some("Phú Hòa"));
    assert_eq!(n.header.number.as_deref(), Some("09/TB-UBND"));
    assert_eq!(n.title.as_deref(), Some("THÔNG BÁO"));
    assert_eq!(n.subject.as_deref(), Some("Kết luận của Chủ tịch UBND xã tại buổi làm việc với các thôn"));
}

// ---- Hostile packages: each a typed error, no panic, bounded time and memory.

fn err(bytes: &[u8]) -> thongbao::Error {
    match thongbao::parse_docx(bytes) {
        Err(e) => e,
        Ok(n) => panic!("parsed: {:?}", n.title),
    }
}

fn minimal_parts(document: &[u8]) -> Vec<u8> {
    zip(&[("[Content_Types].xml", b"<Types/>".as_slice()), ("word/document.xml", document)])
}

#[test]
fn not_a_zip() {
    for bytes in [&b"THONG BAO\n\nKet luan"[..], b"", b"PK", b"%PDF-1.7\n"] {
        let e = err(bytes);
        assert!(matches!(e, thongbao::Error::NotZip { .. }), "{e}");
    }
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
    let e = err(ole);
    assert!(matches!(e, thongbao::Error::NotZip { .. }) && e.to_string().contains("legacy .doc"), "{e}");
    assert!(!thongbao::docx::is_docx(ole));
}

#[test]
fn zip_without_document_xml() {
    let bytes = zip(&[("xl/workbook.xml", b"<workbook/>".as_slice()), ("[Content_Types].xml", b"<Types/>")]);
    let e = err(&bytes);
    assert_eq!(e, thongbao::Error::NotWordDocument);
    assert!(e.to_string().contains("word/document.xml"));
    assert!(!thongbao::docx::is_docx(&bytes));
    assert!(thongbao::docx::is_docx(&conclusion_docx()));
    // Part names are case-insensitive.
    let upper = zip(&[("WORD/Document.xml", document_xml(&p("Chào")).as_bytes())]);
    assert_eq!(thongbao::docx::to_text(&upper).unwrap(), "Chào\n");
}

/// A deflated entry of `len` zeros, written in pieces.
fn zeros_entry(name: &str, len: usize) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(len > u32::MAX as usize);
    w.start_file(name, opts).unwrap();
    let chunk = vec![b' '; 1 << 16];
    let mut left = len;
    while left > 0 {
        let n = left.min(chunk.len());
        w.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_bomb_is_refused_by_the_ratio_cap() {
    // 16 MiB of spaces deflate to a few KiB: over 100:1.
    let bytes = zeros_entry("word/document.xml", 16 << 20);
    assert!(bytes.len() < 200_000, "{}", bytes.len());
    let e = err(&bytes);
    assert!(matches!(&e, thongbao::Error::DocxLimit { what, .. } if what.contains("compression ratio")), "{e}");
}

#[test]
fn part_and_total_caps() {
    // A well-formed document.xml of about 2 MiB, compressible.
    let body: String = (0..20_000).map(|i| p(&format!("Đoạn văn số {i} của văn bản thử nghiệm."))).collect();
    let bytes = docx(&body);
    let small = thongbao::docx::DocxLimits { max_part_len: 1 << 20, max_ratio: u64::MAX / 2, ..Default::default() };
    let e = thongbao::docx::to_text_with(&bytes, &small).unwrap_err();
    assert!(
        matches!(&e, thongbao::Error::DocxLimit { what, limit, .. } if what.contains("word/document.xml") && *limit == 1 << 20),
        "{e}"
    );
    let total = thongbao::docx::DocxLimits { max_total_len: 1 << 20, max_ratio: u64::MAX / 2, ..Default::default() };
    let e = thongbao::docx::to_text_with(&bytes, &total).unwrap_err();
    assert!(matches!(e, thongbao::Error::DocxLimit { .. }), "{e}");
    // Within the caps it reads.
    assert!(thongbao::docx::to_text(&bytes).unwrap().contains("Đoạn văn số 19999"));
    let file = thongbao::docx::DocxLimits { max_file_len: 1000, ..Default::default() };
    assert!(matches!(thongbao::docx::to_text_with(&bytes, &file), Err(thongbao::Error::DocxLimit { .. })));
}

/// Sets the uncompressed size that the local and central headers of every
/// entry declare.
fn lie_about_sizes(bytes: &mut [u8], size: u32) {
    let le = size.to_le_bytes();
    let mut i = 0;
    while i + 46 <= bytes.len() {
        if bytes[i..i + 4] == *b"PK\x03\x04" {
            bytes[i + 22..i + 26].copy_from_slice(&le);
        } else if bytes[i..i + 4] == *b"PK\x01\x02" {
            bytes[i + 24..i + 28].copy_from_slice(&le);
        }
        i += 1;
    }
}

#[test]
fn declared_sizes_are_not_trusted() {
    // 8 MiB of spaces declared as 100 bytes: reading stops at the cap or at
    // the declared size, never inflating the lot into memory.
    let mut bytes = zeros_entry("word/document.xml", 8 << 20);
    lie_about_sizes(&mut bytes, 100);
    let e = err(&bytes);
    assert!(matches!(e, thongbao::Error::DocxLimit { .. } | thongbao::Error::DamagedZip { .. }), "{e}");
}

#[test]
fn thousands_of_entries() {
    let names: Vec<String> = (0..12_000).map(|i| format!("word/media/e{i}.xml")).collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"".as_slice())).collect();
    let doc = document_xml(&p("Chào"));
    entries.push(("word/document.xml", doc.as_bytes()));
    let bytes = zip(&entries);
    let e = err(&bytes);
    assert!(
        matches!(&e, thongbao::Error::DocxLimit { what, value: 12_001, limit: 10_000 } if what.contains("entries")),
        "{e}"
    );
    let few = thongbao::docx::DocxLimits { max_entries: 50, ..Default::default() };
    let bytes = zip(&entries[11_900..]);
    assert!(matches!(thongbao::docx::to_text_with(&bytes, &few), Err(thongbao::Error::DocxLimit { .. })));
    assert!(thongbao::docx::to_text(&bytes).is_ok());
}

#[test]
fn entity_expansion_is_refused() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let e = err(&minimal_parts(laughs.as_bytes()));
    assert_eq!(e, thongbao::Error::XmlDtd { part: "word/document.xml".into() });
    assert!(e.to_string().contains("DTD"));
    // In the styles too.
    let styles = format!("<!DOCTYPE s [<!ENTITY a \"b\">]>{}", styles_xml(""));
    let bytes = zip(&[("word/document.xml", document_xml(&p("x")).as_bytes()), ("word/styles.xml", styles.as_bytes())]);
    assert_eq!(err(&bytes), thongbao::Error::XmlDtd { part: "word/styles.xml".into() });
    // An entity used without a declaration.
    let e = err(&minimal_parts(document_xml("<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>").as_bytes()));
    assert!(matches!(&e, thongbao::Error::BadXml { detail, .. } if detail.contains("lol")), "{e}");
}

#[test]
fn malformed_and_deeply_nested_xml() {
    for doc in [
        "<w:document><w:body><w:p>",
        "<w:document><w:body></w:p></w:body></w:document>",
        "<w:document attr=\"x\" attr=\"y\"",
        "not xml at all < >",
    ] {
        let e = err(&minimal_parts(doc.as_bytes()));
        assert!(matches!(e, thongbao::Error::BadXml { .. }), "{doc}: {e}");
    }
    let e = err(&minimal_parts(b"\xFF\xFE\x00\xD8"));
    assert!(matches!(e, thongbao::Error::BadXml { .. }), "{e}");
    let deep = format!("<w:document>{}{}</w:document>", "<w:sdt>".repeat(200_000), "</w:sdt>".repeat(200_000));
    let no_ratio = thongbao::docx::DocxLimits { max_ratio: u64::MAX / 2, ..Default::default() };
    let e = thongbao::docx::to_text_with(&minimal_parts(deep.as_bytes()), &no_ratio).unwrap_err();
    assert!(matches!(&e, thongbao::Error::DocxLimit { what, .. } if what.contains("nesting")), "{e}");
    // Nested tables beyond the table cap are read as paragraphs, not refused.
    let nested = (0..40).fold(p("lõi"), |inner, _| tbl(&[tr(&[tc(&[inner]), tcl(&["bên"])])]));
    let text = thongbao::docx::to_text(&docx(&nested)).unwrap();
    assert!(text.contains("lõi"));
}

#[test]
fn truncated_archives() {
    let bytes = conclusion_docx();
    let n = bytes.len();
    let mut cuts: Vec<usize> = (0..32).map(|k| n * k / 32).collect();
    cuts.extend([1, 3, 4, 30, n - 22, n - 21, n - 1]);
    for cut in cuts {
        let e = err(&bytes[..cut]);
        assert!(
            matches!(e, thongbao::Error::NotZip { .. } | thongbao::Error::DamagedZip { .. }),
            "cut at {cut} of {n}: {e}"
        );
    }
}

/// A small deterministic generator (xorshift).
fn rng(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed | 1;
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}

#[test]
fn random_bytes_and_corrupted_packages_never_panic() {
    let mut next = rng(0x5eed);
    for len in [0usize, 1, 4, 22, 100, 1000, 5000] {
        for _ in 0..20 {
            let mut b: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let _ = thongbao::parse_docx(&b);
            if b.len() >= 4 {
                b[..4].copy_from_slice(b"PK\x03\x04");
                let _ = thongbao::parse_docx(&b);
            }
        }
    }
    // Bytes flipped in a valid package: an error or a notice, never a panic.
    let good = conclusion_docx();
    for _ in 0..400 {
        let mut b = good.clone();
        for _ in 0..(next() % 8 + 1) {
            let i = (next() as usize) % b.len();
            b[i] = next() as u8;
        }
        let _ = thongbao::parse_docx(&b);
    }
    // Stored (uncompressed) entries with arbitrary XML-ish text.
    let pieces = [
        "<w:p>",
        "</w:p>",
        "<w:r>",
        "</w:r>",
        "<w:t>",
        "</w:t>",
        "<w:tbl>",
        "</w:tbl>",
        "<w:tr>",
        "<w:tc>",
        "</w:tc>",
        "<w:txbxContent>",
        "x",
        "&amp;",
        "<w:br/>",
        "<w:numPr><w:numId w:val=\"1\"/></w:numPr>",
        "<mc:Choice>",
        "<w:fldChar w:fldCharType=\"begin\"/>",
    ];
    for _ in 0..300 {
        let xml: String = (0..(next() % 60)).map(|_| pieces[(next() as usize) % pieces.len()]).collect();
        let doc = format!(
            "<w:document xmlns:w=\"{W_NS}\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{xml}</w:body></w:document>"
        );
        let _ = thongbao::parse_docx(&docx_with_document(&doc));
    }
}

fn docx_with_document(doc: &str) -> Vec<u8> {
    zip(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/numbering.xml", numbering_xml(&conclusion_numbering()).as_bytes()),
    ])
}

// ---- notice2json with .docx inputs (the example binary, built as tests/cli.rs does).

mod cli {
    use super::*;
    use std::path::PathBuf;
    use std::process::{Command, Output, Stdio};
    use std::sync::OnceLock;

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    /// The example binary, built on first use in this test's target directory and profile.
    fn bin() -> &'static Path {
        static BIN: OnceLock<PathBuf> = OnceLock::new();
        BIN.get_or_init(|| {
            let exe = std::env::current_exe().unwrap();
            let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
            let target_dir = profile_dir.parent().unwrap();
            let mut cmd = Command::new(env!("CARGO"));
            cmd.args(["build", "--quiet", "--example", "notice2json", "--manifest-path"])
                .arg(root().join("Cargo.toml"))
                .arg("--target-dir")
                .arg(target_dir);
            match profile_dir.file_name().and_then(|n| n.to_str()) {
                Some("debug") | None => {}
                Some("release") => {
                    cmd.arg("--release");
                }
                Some(other) => {
                    cmd.args(["--profile", other]);
                }
            }
            if !cfg!(feature = "schema") {
                cmd.args(["--no-default-features", "--features", "docx"]);
            }
            let out = cmd.output().unwrap();
            assert!(
                out.status.success(),
                "cargo build --example notice2json failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            profile_dir.join("examples").join(format!("notice2json{}", std::env::consts::EXE_SUFFIX))
        })
    }

    fn run(args: &[&str], dir: &Path) -> Output {
        Command::new(bin()).args(args).current_dir(dir).stdin(Stdio::null()).output().unwrap()
    }

    fn out(o: &Output) -> &str {
        std::str::from_utf8(&o.stdout).unwrap()
    }

    fn err(o: &Output) -> &str {
        std::str::from_utf8(&o.stderr).unwrap()
    }

    fn scratch(name: &str) -> PathBuf {
        let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("docx-cli-{name}"));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn json_text_markdown_csv_check_for_a_docx() {
        let d = scratch("formats");
        let bytes = conclusion_docx();
        std::fs::write(d.join("tb.docx"), &bytes).unwrap();
        let notice = thongbao::parse_docx(&bytes).unwrap();
        let text = thongbao::docx::to_text(&bytes).unwrap();

        let o = run(&["tb.docx"], &d);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        assert_eq!(out(&o), serde_json::to_string(&notice).unwrap() + "\n");

        let o = run(&["--format", "text", "tb.docx"], &d);
        assert_eq!(out(&o), text);

        let o = run(&["--format", "markdown", "tb.docx"], &d);
        assert_eq!(out(&o), thongbao::to_markdown(&notice));

        let o = run(&["--format", "csv", "tb.docx"], &d);
        let csv = out(&o);
        assert!(csv.starts_with("source,number,date,task_id,assignee,role,due,task_text\r\n"), "{csv}");
        assert!(csv.contains("tb.docx,45/TB-UBND,2025-03-12,2.a,Phòng Tài chính - Kế hoạch,lead,2025-04-15,"), "{csv}");
        assert_eq!(csv.lines().count(), 1 + notice.assignments.len());

        let o = run(&["--format", "ndjson", "tb.docx"], &d);
        let v: Value = serde_json::from_str(out(&o).trim_end()).unwrap();
        assert_eq!(v["source"], "tb.docx");
        assert_eq!(v["header"]["number"], "45/TB-UBND");

        let o = run(&["--format", "check", "tb.docx"], &d);
        assert_eq!(o.status.code(), Some(0), "{}", out(&o));
        assert_eq!(out(&o), "1 file checked: 0 warnings, 0 infos\n");
        // Check positions are lines and columns of the rendering.
        let gap = docx(
            &[
                pb("THÔNG BÁO"),
                pb("Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban"),
                p("Ngày 3/3/2025, Chủ tịch UBND xã chủ trì cuộc họp giao ban và kết luận như sau:"),
                p("1. Giao Công an xã bảo đảm an ninh trật tự."),
                p("3. Giao Văn phòng UBND xã tổng hợp báo cáo."),
            ]
            .concat(),
        );
        std::fs::write(d.join("gap.docx"), &gap).unwrap();
        let text = thongbao::docx::to_text(&gap).unwrap();
        let n = thongbao::parse_docx(&gap).unwrap();
        let g = n.diagnostics.iter().find(|g| g.code == thongbao::Code::NumberingGap).unwrap();
        let span = g.span.unwrap();
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..span.start].chars().count() + 1;
        let o = run(&["--format", "check", "gap.docx"], &d);
        assert_eq!(o.status.code(), Some(1));
        let want = format!("gap.docx:{}:{column}: warning[numbering_gap]: ", span.line);
        assert!(out(&o).lines().any(|l| l.starts_with(&want)), "{want}\n{}", out(&o));
        assert_eq!(text.lines().nth(span.line - 1).unwrap(), "3. Giao Văn phòng UBND xã tổng hợp báo cáo.");
    }

    #[test]
    fn directories_find_word_documents_by_content() {
        let d = scratch("dir");
        std::fs::create_dir_all(d.join("in/sub")).unwrap();
        std::fs::write(d.join("in/a.docx"), conclusion_docx()).unwrap();
        // A Word document without its extension, found by its content.
        std::fs::write(d.join("in/sub/b-khong-duoi"), task_table_docx()).unwrap();
        std::fs::write(d.join("in/c.md"), CONCLUSION_MD).unwrap();
        // A zip that is not a Word document, and other files: skipped.
        std::fs::write(d.join("in/sheet.xlsx"), zip(&[("xl/workbook.xml", b"<w/>".as_slice())])).unwrap();
        std::fs::write(d.join("in/image.png"), b"\x89PNG\r\n").unwrap();
        let o = run(&["--format", "ndjson", "in"], &d);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        let lines: Vec<Value> = out(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let sources: Vec<&str> = lines.iter().map(|v| v["source"].as_str().unwrap()).collect();
        assert_eq!(sources, ["in/a.docx", "in/c.md", "in/sub/b-khong-duoi"]);
        assert_eq!(lines[2]["header"]["number"], "318/TB-UBND");
        // The .docx and the Markdown give the same notice, positions aside.
        let (mut a, mut c) = (lines[0].clone(), lines[1].clone());
        for v in [&mut a, &mut c] {
            without_positions(v);
            v.as_object_mut().unwrap().remove("source");
        }
        assert_eq!(a, c);
        // Named as an argument, a document is read by its content whatever its name.
        let o = run(&["in/sub/b-khong-duoi"], &d);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    }

    #[test]
    fn broken_word_files_are_reported_and_the_batch_goes_on() {
        let d = scratch("broken");
        std::fs::write(d.join("ok.docx"), conclusion_docx()).unwrap();
        std::fs::write(d.join("sheet.docx"), zip(&[("xl/workbook.xml", b"<w/>".as_slice())])).unwrap();
        let good = conclusion_docx();
        std::fs::write(d.join("cut.docx"), &good[..good.len() / 2]).unwrap();
        std::fs::write(d.join("text.docx"), "THÔNG BÁO\n").unwrap();
        let o = run(&["ok.docx", "sheet.docx", "cut.docx", "text.docx"], &d);
        assert_eq!(o.status.code(), Some(1));
        let e = err(&o);
        assert!(e.contains("sheet.docx: the zip archive has no word/document.xml"), "{e}");
        assert!(e.contains("cut.docx: the .docx package is damaged"), "{e}");
        // A file named .docx that holds text is read as text.
        assert_eq!(out(&o).lines().count(), 2, "{}", out(&o));
        // --format text of a text input is the input.
        let o = run(&["--format", "text", "text.docx"], &d);
        assert_eq!(out(&o), "THÔNG BÁO\n");
        let o = run(&["--format", "text", "ok.docx", "text.docx"], &d);
        assert_eq!(o.status.code(), Some(2));
    }
}

/// A header table with an empty spacer column and the type line and subject
/// in a row across the width, the type line typed in lower case and shown
/// in capitals (`w:caps`).
#[test]
fn header_table_with_spacer_column_full_width_row_and_caps() {
    let caps = |s: &str| format!(r#"<w:p><w:r><w:rPr><w:b/><w:caps/></w:rPr><w:t>{}</w:t></w:r></w:p>"#, esc(s));
    let full = |paras: &[String]| format!(r#"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{}</w:tc>"#, paras.concat());
    let header = format!(
        "<w:tbl>{}{}</w:tbl>",
        tr(&[
            tcl(&["BỘ NÔNG NGHIỆP", "VĂN PHÒNG"]),
            tcl(&[""]),
            tcl(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
        ]),
        tr(&[tcl(&["Số: 77/TB-VP"]), tcl(&[""]), tcl(&["Hà Lam, ngày 08 tháng 7 năm 2025"])]),
    );
    let title = tbl(&[tr(&[full(&[
        caps("Thông báo"),
        pb("Kết luận của Thứ trưởng Phan Quốc Lâm tại buổi làm việc với Cục Trồng trọt"),
    ])])]);
    let body = [
        header,
        title,
        p("Ngày 04/7/2025, Thứ trưởng Phan Quốc Lâm chủ trì buổi làm việc với Cục Trồng trọt. Thứ trưởng kết luận như sau:"),
        p("1. Giao Cục Trồng trọt hoàn thiện dự thảo báo cáo, trình Bộ trước ngày 20/7/2025."),
    ]
    .concat();
    let text = text_of(&body, None, None);
    assert!(
        text.starts_with("| BỘ NÔNG NGHIỆP<br>VĂN PHÒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |\n| --- | --- |\n| Số: 77/TB-VP | Hà Lam, ngày 08 tháng 7 năm 2025 |\n\n**THÔNG BÁO**\n\n**Kết luận"),
        "{text}"
    );
    let n = thongbao::parse_docx(&docx(&body)).unwrap();
    assert_eq!(n.header.number.as_deref(), Some("77/TB-VP"));
    assert_eq!(date(n.header.date).as_deref(), Some("2025-07-08"));
    assert_eq!(n.title.as_deref(), Some("THÔNG BÁO"));
    assert_eq!(
        n.subject.as_deref(),
        Some("Kết luận của Thứ trưởng Phan Quốc Lâm tại buổi làm việc với Cục Trồng trọt")
    );
    assert_eq!(ids(&n), ["1"]);
}

// ---- Office-file quirks (legacy fonts, grids, merged cells, header parts, text boxes, revisions).

/// A run in font `font` (or in the fonts of its styles when `None`).
fn rf(font: Option<&str>, s: &str) -> String {
    let fonts = font.map(|f| format!(r#"<w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/></w:rPr>"#));
    format!(r#"<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>"#, fonts.unwrap_or_default(), esc(s))
}

/// A two-row national header table (issuer | motto, number | date).
fn national_header() -> String {
    tbl(&[
        tr(&[
            tc(&[p("ỦY BAN NHÂN DÂN"), pb("HUYỆN THANH KHÊ")]),
            tc(&[pb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), pb("Độc lập - Tự do - Hạnh phúc")]),
        ]),
        tr(&[tcl(&["Số: 131/TB-UBND"]), tcl(&["Thanh Khê, ngày 24 tháng 9 năm 2025"])]),
    ])
}

/// Runs in TCVN3 (`.Vn…`) and VNI (`VNI-…`) fonts are converted to
/// Unicode, the font found on the run, its character style, or the
/// paragraph style's `basedOn` chain; a `.Vn…H` capitals font gives
/// capitals; runs in other fonts are left alone.
#[test]
fn legacy_font_runs_are_converted_to_unicode() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="VnBase"><w:name w:val="Vn Base"/><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TieuDe"><w:name w:val="Tieu de"/><w:basedOn w:val="VnBase"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="character" w:styleId="Vni"><w:name w:val="Vni"/><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>"#;
    let body = [
        // .VnTime on the run: "th«ng b¸o" is "thông báo" in TCVN3.
        p_with("", &rf(Some(".VnTime"), "th«ng b¸o")),
        // .VnTimeH from the paragraph style's parent, lowercase codes drawn as capitals.
        p_with(r#"<w:pStyle w:val="TieuDe"/>"#, &rf(None, "TH¤NG B¸O")),
        // VNI-Times on the run, and through a character style.
        p_with("", &rf(Some("VNI-Times"), "Phoøng Vaên hoùa")),
        p_with("", r#"<w:r><w:rPr><w:rStyle w:val="Vni"/></w:rPr><w:t>Ñoàng chí Traàn Quoác Vinh</w:t></w:r>"#),
        // Other fonts: as written.
        p_with("", &[rf(Some("Times New Roman"), "b¸o "), rf(Some("Arial"), "Phoøng")].concat()),
    ]
    .concat();
    let text = text_of(&body, Some(styles), None);
    assert_eq!(text, "thông báo\n\n**THÔNG BÁO**\n\nPhòng Văn hóa\n\nĐồng chí Trần Quốc Vinh\n\nb¸o Phoøng\n");
}

/// A 3-column header grid (issuer | spacer | motto): the issuer cell merged
/// down two rows is written once, and a row across the grid (`gridSpan`)
/// holding the type line and the subject is read as paragraphs.
#[test]
fn three_column_header_grid_with_merged_issuer_and_full_width_title_row() {
    let cell = |span: u32, vmerge: &str, paras: &[String]| {
        let span = if span > 1 { format!(r#"<w:gridSpan w:val="{span}"/>"#) } else { String::new() };
        format!("<w:tc><w:tcPr>{span}{vmerge}</w:tcPr>{}<w:p/></w:tc>", paras.concat())
    };
    let header = format!(
        r#"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="3800"/><w:gridCol w:w="300"/><w:gridCol w:w="5400"/></w:tblGrid>{}{}{}</w:tbl>"#,
        tr(&[
            cell(
                1,
                r#"<w:vMerge w:val="restart"/>"#,
                &[p("BAN CHỈ ĐẠO 389 TỈNH HÀ NAM BẮC"), pb("VĂN PHÒNG THƯỜNG TRỰC"), p("Số: 38/TB-VPTT")]
            ),
            cell(1, "", &[]),
            cell(1, "", &[pb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), pb("Độc lập - Tự do - Hạnh phúc")]),
        ]),
        tr(&[cell(1, "<w:vMerge/>", &[]), cell(1, "", &[]), cell(1, "", &[p("Hà Nam Bắc, ngày 25 tháng 8 năm 2025")])]),
        tr(&[cell(
            3,
            "",
            &[pb("THÔNG BÁO"), pb("Kết luận của đồng chí Phó Trưởng ban Thường trực tại cuộc họp giao ban")]
        )]),
    );
    let body = [
        header,
        p("Ngày 20/8/2025, đồng chí Nguyễn Văn Toản, Phó Trưởng ban Thường trực chủ trì cuộc họp giao ban. Đồng chí Phó Trưởng ban Thường trực kết luận như sau:"),
        p("1. Giao Cục Quản lý thị trường tỉnh tăng cường kiểm tra, báo cáo trước ngày 30/9/2025."),
    ]
    .concat();
    let text = text_of(&body, None, None);
    assert!(
        text.starts_with("| BAN CHỈ ĐẠO 389 TỈNH HÀ NAM BẮC<br>**VĂN PHÒNG THƯỜNG TRỰC**<br>Số: 38/TB-VPTT | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n| --- | --- |\n|  | Hà Nam Bắc, ngày 25 tháng 8 năm 2025 |\n\n**THÔNG BÁO**\n\n**Kết luận của"),
        "{text}"
    );
    let n = thongbao::parse_docx(&docx(&body)).unwrap();
    let issuer = n.header.issuer.as_ref().unwrap();
    assert_eq!(issuer.name, "VĂN PHÒNG THƯỜNG TRỰC");
    assert_eq!(issuer.parent.as_deref(), Some("BAN CHỈ ĐẠO 389 TỈNH HÀ NAM BẮC"));
    assert_eq!(n.header.number.as_deref(), Some("38/TB-VPTT"));
    assert_eq!(n.title.as_deref(), Some("THÔNG BÁO"));
    assert_eq!(n.subject.as_deref(), Some("Kết luận của đồng chí Phó Trưởng ban Thường trực tại cuộc họp giao ban"));
    assert_eq!(ids(&n), ["1"]);
}

/// Rows that leave grid columns out (`w:gridBefore`, `w:gridAfter`) get
/// empty cells there, so the signer's name stays under the signature.
#[test]
fn grid_before_and_after_keep_columns_in_line() {
    let first = tr(&[
        tc(&[p_with("", &rb("Nơi nhận:")), p("- Thành viên Ban Chỉ đạo;"), p("- Lưu: VT.")]),
        format!(
            r#"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{}{}</w:tc>"#,
            pb("TL. TRƯỞNG BAN"),
            pb("CHÁNH VĂN PHÒNG")
        ),
    ]);
    // Only the first column, then two grid columns left out.
    let second = format!(r#"<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>{}</w:tr>"#, tcl(&[""]));
    let name = pb("Hồ Minh Khôi");
    let third = format!(
        r#"<w:tr><w:trPr><w:gridBefore w:val="1"/><w:wBefore w:w="4500" w:type="dxa"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{name}</w:tc></w:tr>"#
    );
    let footer = format!(
        r#"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="400"/><w:gridCol w:w="4500"/></w:tblGrid>{first}{second}{third}</w:tbl>"#
    );
    let text = text_of(&footer, None, None);
    assert_eq!(
        text,
        "| **Nơi nhận:**<br>- Thành viên Ban Chỉ đạo;<br>- Lưu: VT. | **TL. TRƯỞNG BAN**<br>**CHÁNH VĂN PHÒNG** |\n| --- | --- |\n|  |  |\n|  | **Hồ Minh Khôi** |\n"
    );
    let body = [
        national_header(),
        pb("THÔNG BÁO"),
        pb("Kết luận của Chánh Văn phòng tại cuộc họp giao ban"),
        p("1. Giao Văn phòng tổng hợp báo cáo."),
        footer,
    ]
    .concat();
    let n = thongbao::parse_docx(&docx(&body)).unwrap();
    assert_eq!(n.signature.as_ref().and_then(|s| s.name.as_deref()), Some("Hồ Minh Khôi"));
    let recipients: Vec<&str> = n.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(recipients, ["Thành viên Ban Chỉ đạo"]);
}

/// The national header in the first page's header part (`titlePg`, a
/// header of type "first"), when the body has none, is written first.
#[test]
fn national_header_in_the_first_page_header_part() {
    let body = [
        pb("THÔNG BÁO"),
        pb("Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp về công tác chuyển đổi số"),
        p("Ngày 22/9/2025, đồng chí Trần Quốc Vinh, Chủ tịch UBND huyện chủ trì cuộc họp. Đồng chí Chủ tịch UBND huyện kết luận như sau:"),
        pn(1, 0, "Giao Phòng Nội vụ rà soát tổ công nghệ số cộng đồng, hoàn thành trước ngày 15/10/2025."),
    ]
    .concat();
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId9"/><w:headerReference w:type="first" r:id="rId8"/><w:titlePg/></w:sectPr></w:body></w:document>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="/word/header2.xml"/></Relationships>"#;
    let first = format!(r#"<w:hdr xmlns:w="{W_NS}">{}</w:hdr>"#, national_header());
    let default = format!(r#"<w:hdr xmlns:w="{W_NS}">{}</w:hdr>"#, p("Trang 2"));
    let numbering = numbering_xml(&[abstract_num(1, &[lvl(0, "decimal", "%1.", 1)]), num(1, 1)].concat());
    let bytes = zip(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/header1.xml", first.as_bytes()),
        ("word/header2.xml", default.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let text = thongbao::docx::to_text(&bytes).unwrap();
    assert!(text.starts_with("| ỦY BAN NHÂN DÂN<br>**HUYỆN THANH KHÊ** |"), "{text}");
    assert!(!text.contains("Trang 2"), "{text}");
    let n = thongbao::parse_docx(&bytes).unwrap();
    assert_eq!(n.header.number.as_deref(), Some("131/TB-UBND"));
    assert_eq!(date(n.header.date).as_deref(), Some("2025-09-24"));
    assert_eq!(n.title.as_deref(), Some("THÔNG BÁO"));
    // A body with its own header block: the header part is not read.
    let own = format!("{}{body}", national_header()).replace("131/TB-UBND", "132/TB-UBND");
    let doc = doc.replace(&body, &own);
    let bytes = zip(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/header1.xml", first.as_bytes()),
    ]);
    let text = thongbao::docx::to_text(&bytes).unwrap();
    assert_eq!(text.matches("CỘNG HÒA").count(), 1, "{text}");
    assert!(text.contains("132/TB-UBND"));
}

/// A text box anchored in a numbered paragraph (a signature box anchored
/// where the cursor was) does not split the list: it is written at the end.
#[test]
fn text_box_anchored_in_a_list_item_goes_after_the_list() {
    let textbox = |paras: &[String]| {
        format!(
            r#"<w:r><w:pict><v:shape style="position:absolute"><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"#,
            paras.concat()
        )
    };
    let signature = textbox(&[pb("TL. CHỦ TỊCH"), pb("CHÁNH VĂN PHÒNG"), p(""), pb("Phạm Đức Minh")]);
    let item = |s: &str, extra: &str| {
        p_with(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#, &[r(s), extra.to_string()].concat())
    };
    let body = [
        national_header(),
        // A box anchored in a paragraph that is not numbered goes before it.
        p_with("", &[rb("THÔNG BÁO"), textbox(&[pb("KHẨN")])].concat()),
        pb("Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp về công tác chuyển đổi số"),
        p("Ngày 22/9/2025, đồng chí Trần Quốc Vinh, Chủ tịch UBND huyện chủ trì cuộc họp. Đồng chí Chủ tịch UBND huyện kết luận như sau:"),
        item("Giao Phòng Văn hóa và Thông tin triển khai nền tảng số, hoàn thành trước ngày 30/10/2025.", ""),
        item("Giao Phòng Nội vụ rà soát tổ công nghệ số cộng đồng, hoàn thành trước ngày 15/10/2025.", &signature),
        item("Giao Phòng Tài chính - Kế hoạch bố trí kinh phí.", ""),
        p("Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./."),
        p_with("", &rb("Nơi nhận:")),
        p("- TT Huyện ủy;"),
        p("- Lưu: VT."),
    ]
    .concat();
    let numbering = [abstract_num(1, &[lvl(0, "decimal", "%1.", 1)]), num(1, 1)].concat();
    let bytes = docx_with(&body, None, Some(&numbering));
    let text = thongbao::docx::to_text(&bytes).unwrap();
    assert!(text.contains("**KHẨN**\n\n**THÔNG BÁO**"), "{text}");
    assert!(text.contains("15/10/2025.\n\n3. Giao"), "{text}");
    assert!(text.ends_with("- Lưu: VT.\n\n**TL. CHỦ TỊCH**\n\n**CHÁNH VĂN PHÒNG**\n\n**Phạm Đức Minh**\n"), "{text}");
    let n = thongbao::parse_docx(&bytes).unwrap();
    assert_eq!(ids(&n), ["1", "2", "3"]);
    assert!(n.closing.is_some());
    assert_eq!(n.signature.as_ref().and_then(|s| s.name.as_deref()), Some("Phạm Đức Minh"));
}

/// A paragraph mark deleted with tracking joins the paragraph to the next
/// one (which keeps the first one's number); a paragraph all deleted whose
/// mark is deleted takes no number.
#[test]
fn deleted_paragraph_marks_join_paragraphs() {
    let del_mark = r#"<w:rPr><w:del w:id="31" w:author="A" w:date="2025-09-24T08:00:00Z"/></w:rPr>"#;
    let numbered = |extra: &str| format!(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>{extra}"#);
    let body = [
        p_with(&numbered(del_mark), &r("Giao Phòng Văn hóa và Thông tin triển khai nền tảng số,")),
        p("hoàn thành trước ngày 30/10/2025."),
        p_with(&numbered(""), &r("Giao Phòng Nội vụ rà soát tổ công nghệ số.")),
        p_with(
            &numbered(r#"<w:rPr><w:del w:id="33" w:author="A"></w:del></w:rPr>"#),
            r#"<w:del w:id="32" w:author="A"><w:r><w:delText>Giao Công an huyện bảo đảm an ninh mạng.</w:delText></w:r></w:del>"#,
        ),
        p_with(&numbered(""), &r("Giao Phòng Tài chính - Kế hoạch bố trí kinh phí.")),
    ]
    .concat();
    let numbering = [abstract_num(1, &[lvl(0, "decimal", "%1.", 1)]), num(1, 1)].concat();
    let text = text_of(&body, None, Some(&numbering));
    assert_eq!(
        text,
        "1. Giao Phòng Văn hóa và Thông tin triển khai nền tảng số, hoàn thành trước ngày 30/10/2025.\n\n2. Giao Phòng Nội vụ rà soát tổ công nghệ số.\n\n3. Giao Phòng Tài chính - Kế hoạch bố trí kinh phí.\n"
    );
}

/// A level whose `w:numFmt` is in `mc:AlternateContent` (Word 2010's
/// custom "01, 02, 03, ..." with a `decimalZero` fallback) is numbered with
/// two digits.
#[test]
fn number_format_inside_alternate_content() {
    let level = |fallback: &str| {
        format!(
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>"#
        )
    };
    let numbering = [
        format!(
            r#"<w:abstractNum w:abstractNumId="1">{}</w:abstractNum>"#,
            level(r#"<w:numFmt w:val="decimalZero"/>"#)
        ),
        // A fallback that disagrees: the Choice, understood, wins.
        format!(r#"<w:abstractNum w:abstractNumId="2">{}</w:abstractNum>"#, level(r#"<w:numFmt w:val="decimal"/>"#)),
        num(1, 1),
        num(2, 2),
    ]
    .concat();
    let body = [pn(1, 0, "Một"), pn(1, 0, "Hai"), pn(2, 0, "Ba")].concat();
    assert_eq!(text_of(&body, None, Some(&numbering)), "01. Một\n\n02. Hai\n\n01. Ba\n");
}

/// Entry names written with "\" (old Windows zippers), and a main part
/// named by `_rels/.rels` rather than `word/document.xml`.
#[test]
fn backslash_entry_names_and_a_renamed_main_part() {
    let doc = document_xml(&[pb("THÔNG BÁO"), p("Nội dung.")].concat());
    let styles = styles_xml("");
    let bytes = zip(&[("word\\document.xml", doc.as_bytes()), ("word\\styles.xml", styles.as_bytes())]);
    assert!(thongbao::docx::is_docx(&bytes));
    assert_eq!(thongbao::docx::to_text(&bytes).unwrap(), "**THÔNG BÁO**\n\nNội dung.\n");
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let bytes = zip(&[("_rels/.rels", rels.as_bytes()), ("word/document2.xml", doc.as_bytes())]);
    assert!(thongbao::docx::is_docx(&bytes));
    assert_eq!(thongbao::docx::to_text(&bytes).unwrap(), "**THÔNG BÁO**\n\nNội dung.\n");
    // A relationship to a part that is not there: word/document.xml is used.
    let bytes = zip(&[("_rels/.rels", rels.as_bytes()), ("word/document.xml", doc.as_bytes())]);
    assert_eq!(thongbao::docx::to_text(&bytes).unwrap(), "**THÔNG BÁO**\n\nNội dung.\n");
}
