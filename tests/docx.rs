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
