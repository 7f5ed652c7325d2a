#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! Forms that testers found misread in notices written for the purpose
//! (commune, Party, PDF and web layouts), one test each, on a short notice
//! that holds the form. The people, bodies and dates are invented.

use thongbao::{Notice, Role, parse};

fn texts(v: &[thongbao::Participant]) -> Vec<&str> {
    v.iter().map(|p| p.text.as_str()).collect()
}

fn assignees(n: &Notice, id: &str) -> Vec<(String, Role)> {
    fn find<'a>(ts: &'a [thongbao::Task], id: &str) -> Option<&'a thongbao::Task> {
        ts.iter().find_map(|t| if t.id == id { Some(t) } else { find(&t.subtasks, id) })
    }
    let t = find(&n.tasks, id).unwrap_or_else(|| panic!("no task {id}"));
    t.assignees.iter().map(|a| (a.name.clone(), a.role)).collect()
}

/// "Tham dự Hội nghị có:" over a bulleted list, then "Vắng:" and the
/// lead-in: the bullets are attendees, not tasks, and the tasks start after
/// the lead-in.
#[test]
fn bulleted_attendees_before_the_lead_in() {
    let n = parse(
        "THÔNG BÁO\n\
         Kết luận của đồng chí Chủ tịch UBND huyện tại Hội nghị giao ban\n\
         \n\
         Ngày 04/3/2026, đồng chí Kha Minh Lộc, Chủ tịch UBND huyện chủ trì Hội nghị giao ban.\n\
         Tham dự Hội nghị có:\n\
         - Các đồng chí Phó Chủ tịch UBND huyện;\n\
         - Lãnh đạo các phòng: Văn hóa, Khoa học và Thông tin; Nội vụ;\n\
         - Chủ tịch UBND các xã, thị trấn.\n\
         Vắng: đồng chí Vi Thị Đào, Trưởng phòng Y tế (đi công tác tỉnh).\n\
         Sau khi nghe báo cáo, đồng chí Chủ tịch UBND huyện kết luận như sau:\n\
         1. Phòng Nội vụ rà soát biên chế, hoàn thành trước ngày 20/3/2026.\n",
    );
    let m = n.meeting.as_ref().expect("a meeting");
    assert_eq!(
        texts(&m.attendees),
        vec![
            "Các đồng chí Phó Chủ tịch UBND huyện",
            "Phòng Văn hóa, Khoa học và Thông tin",
            "Phòng Nội vụ",
            "Chủ tịch UBND các xã, thị trấn"
        ]
    );
    assert_eq!(m.chairs.len(), 1);
    assert_eq!(m.absentees.len(), 1);
    // Any parenthesis at the end of an absentee's entry is the reason.
    assert_eq!(m.absentees[0].reason.as_deref(), Some("đi công tác tỉnh"));
    assert_eq!(m.absentees[0].titles, vec!["Trưởng phòng Y tế".to_string()]);
    let ids: Vec<&str> = n.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, vec!["1"]);
    assert_eq!(assignees(&n, "1"), vec![("Phòng Nội vụ".to_string(), Role::Lead)]);
}

/// "2. Về thu ngân sách:" with the subject on the next line: the topic is
/// the heading, its subject the assignee; commune officials are assignees.
#[test]
fn topic_head_and_commune_officials() {
    let n = parse(
        "THÔNG BÁO\n\
         Kết luận của Chủ tịch UBND xã\n\
         \n\
         Chủ tịch UBND xã kết luận như sau:\n\
         \n\
         1. Về thu ngân sách:\n\
         Công chức Tài chính - Kế toán đôn đốc thu thuế, hoàn thành trong quý III/2026.\n\
         \n\
         2. Giao công chức Văn hóa - Xã hội phối hợp với Trưởng thôn Nà Pục tuyên truyền.\n",
    );
    let t = &n.tasks[0];
    assert_eq!(t.heading.as_deref(), Some("Về thu ngân sách"));
    // The paragraph under the head is its item.
    assert_eq!(assignees(&n, "1.1"), vec![("Công chức Tài chính - Kế toán".to_string(), Role::Lead)]);
    assert_eq!(
        assignees(&n, "2"),
        vec![
            ("công chức Văn hóa - Xã hội".to_string(), Role::Lead),
            ("Trưởng thôn Nà Pục".to_string(), Role::Coordinate)
        ]
    );
    // On one line, the topic is the heading and the rest the text.
    let n = parse(
        "THÔNG BÁO\nKết luận\nChủ tịch UBND xã kết luận như sau:\n1. Về thu ngân sách: Phòng Kinh tế đôn đốc thu thuế.\n2. Về đất đai: Giao Phòng Tài nguyên rà soát.\n",
    );
    assert_eq!(n.tasks[0].text, "Phòng Kinh tế đôn đốc thu thuế");
    assert_eq!(n.tasks[0].heading.as_deref(), Some("Về thu ngân sách"));
    assert_eq!(assignees(&n, "1"), vec![("Phòng Kinh tế".to_string(), Role::Lead)]);
    assert_eq!(assignees(&n, "2"), vec![("Phòng Tài nguyên".to_string(), Role::Lead)]);
}

/// Party labels "a-", "b-" and a Party "Nơi nhận" whose entries end with ",".
#[test]
fn party_letter_labels_and_recipients() {
    let n = parse(
        "THÔNG BÁO\n\
         Kết luận của Ban Thường vụ Huyện ủy\n\
         \n\
         Ban Thường vụ Huyện ủy kết luận như sau:\n\
         1- Về an ninh:\n\
         a- Công an huyện tăng cường tuần tra.\n\
         b- Ban Chỉ huy Quân sự huyện sẵn sàng lực lượng.\n\
         \n\
         Nơi nhận:\n\
         - Thường trực Tỉnh ủy (b/c),\n\
         - Đảng ủy các xã,\n\
         - Lưu Văn phòng Huyện ủy.\n",
    );
    assert_eq!(assignees(&n, "1.a"), vec![("Công an huyện".to_string(), Role::Lead)]);
    assert_eq!(assignees(&n, "1.b"), vec![("Ban Chỉ huy Quân sự huyện".to_string(), Role::Lead)]);
    let r: Vec<&str> = n.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(r, vec!["Thường trực Tỉnh ủy (b/c)", "Đảng ủy các xã"]);
    assert_eq!(n.archive, vec!["Văn phòng Huyện ủy".to_string()]);
}

/// A footer laid out by `pdftotext -layout`: the signature column sits
/// beside "Nơi nhận" across a wide gap, the name beside the "Lưu" line.
#[test]
fn layout_footer_columns() {
    let n = parse(
        "THÔNG BÁO\n\
         Kết luận của Chủ tịch UBND huyện\n\
         \n\
         1. Phòng Tư pháp rà soát văn bản.\n\
         \n\
         Nơi nhận:                                   TL. CHỦ TỊCH\n\
         - TT Huyện ủy (b/c);                        CHÁNH VĂN PHÒNG\n\
         - Phòng Tư pháp;                            (Đã ký)\n\
         - Lưu: VT.                                  Lò Văn Thạch\n",
    );
    let r: Vec<&str> = n.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(r, vec!["TT Huyện ủy (b/c)", "Phòng Tư pháp"]);
    assert_eq!(n.archive, vec!["VT".to_string()]);
    let s = n.signature.as_ref().expect("a signature");
    assert_eq!(s.position.as_deref(), Some("CHÁNH VĂN PHÒNG"));
    assert_eq!(s.name.as_deref(), Some("Lò Văn Thạch"));
}

/// "Đề nghị A, B …" where B is a company without a body word; "UBND các
/// xã A, B" stays one name; a body that "phối hợp với" another leads.
#[test]
fn lists_of_bodies() {
    let n = parse(
        "THÔNG BÁO\n\
         Kết luận\n\
         \n\
         1. Đề nghị Điện lực Mường Tè, Viettel Mường Tè hỗ trợ phủ sóng.\n\
         2. UBND các xã Ka Lăng, Thu Lũm phối hợp với Trung tâm Y tế huyện vận động tiêm chủng.\n",
    );
    assert_eq!(
        assignees(&n, "1"),
        vec![("Điện lực Mường Tè".to_string(), Role::Requested), ("Viettel Mường Tè".to_string(), Role::Requested)]
    );
    assert_eq!(
        assignees(&n, "2"),
        vec![
            ("UBND các xã Ka Lăng, Thu Lũm".to_string(), Role::Lead),
            ("Trung tâm Y tế huyện".to_string(), Role::Coordinate)
        ]
    );
}

/// "4. Đối với các nội dung khác" without a colon heads the sentence under
/// it; "kể từ ngày ký Thông báo này" counts from the notice's date.
#[test]
fn topic_head_without_colon_and_issue_date_anchor() {
    let n = parse(
        "UBND XÃ TÂN PHONG\n\
         Số: 31/TB-UBND\n\
         Tân Phong, ngày 10 tháng 3 năm 2026\n\
         \n\
         THÔNG BÁO\n\
         Kết luận của Chủ tịch UBND xã\n\
         \n\
         Chủ tịch UBND xã kết luận như sau:\n\
         1. Phòng Văn hóa rà soát, hoàn thành trong vòng 10 ngày kể từ ngày ký Thông báo này.\n\
         2. Đối với các nội dung khác\n\
         Giao Văn phòng xã theo dõi, đôn đốc.\n",
    );
    let d = &n.tasks[0].deadlines;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].due.map(|x| x.to_string()).as_deref(), Some("2026-03-20"));
    let t = &n.tasks[1];
    assert_eq!(t.heading.as_deref(), Some("Đối với các nội dung khác"));
    assert_eq!(assignees(&n, "2.1"), vec![("Văn phòng xã".to_string(), Role::Lead)]);
}

/// A field label's colon ("Thời gian hoàn thành:") is not a heading, and a
/// heading never runs over a sentence end; a body name stops at a verb or
/// a time adverb that follows it.
#[test]
fn field_labels_are_not_headings() {
    let n = parse(
        "THÔNG BÁO\nKết luận\nChủ tịch UBND xã kết luận như sau:\n\
         1. Phòng Nội vụ rà soát; thời gian hoàn thành: trước ngày 20/7/2025.\n\
         2. Giao Công an xã kiểm tra công tác trực. Thời gian hoàn thành: trước ngày 20/8/2025.\n\
         3. Phòng Tài chính - Kế hoạch định kỳ hằng tuần báo cáo tiến độ.\n\
         4. Phòng Tư pháp: rà soát văn bản.\n",
    );
    let heads: Vec<Option<&str>> = n.tasks.iter().map(|t| t.heading.as_deref()).collect();
    assert_eq!(heads, vec![None, None, None, Some("Phòng Tư pháp")]);
    assert_eq!(n.tasks[1].deadlines.len(), 1);
    assert_eq!(assignees(&n, "3"), vec![("Phòng Tài chính - Kế hoạch".to_string(), Role::Lead)]);
}

/// Those present are no event ("…; cùng dự có …"); "vắng:" ends the list
/// of those present; "cuộc họp do X chủ trì" names the event by its word.
#[test]
fn events_attendees_and_absentees_apart() {
    let n = parse(
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện\n\n\
         Sáng ngày 28/4/2025, cuộc họp do đồng chí Lê Văn Bình - Chủ tịch UBND huyện chủ trì, cùng dự có các đồng chí Phó Chủ tịch UBND huyện; lãnh đạo Phòng Nội vụ; vắng: đồng chí Kha Văn Sơn, Phó Chủ tịch UBND huyện (bận công tác). Chủ tịch UBND huyện kết luận như sau:\n\n\
         1. Phòng Nội vụ rà soát.\n",
    );
    let m = n.meeting.as_ref().expect("a meeting");
    assert_eq!(m.events, vec!["cuộc họp".to_string()]);
    assert_eq!(texts(&m.attendees), vec!["các đồng chí Phó Chủ tịch UBND huyện", "lãnh đạo Phòng Nội vụ"]);
    assert_eq!(texts(&m.absentees), vec!["đồng chí Kha Văn Sơn, Phó Chủ tịch UBND huyện"]);
    assert_eq!(m.absentees[0].reason.as_deref(), Some("bận công tác"));
}

/// "tại Phòng họp số 2, UBND huyện, đồng chí X … chủ trì": the body that
/// houses the room is part of the venue, not a chair; co-concluders in the
/// subject give the first.
#[test]
fn venue_with_its_body_and_two_concluders() {
    let n = parse(
        "THÔNG BÁO\nKết luận của đồng chí Chủ tịch UBND huyện và đồng chí Chủ tịch Ủy ban MTTQ huyện tại Hội nghị\n\n\
         Ngày 31/10/2025, tại Phòng họp số 2, UBND huyện, đồng chí Đàm Quốc Vượng, Chủ tịch UBND huyện chủ trì Hội nghị. Đồng chí Chủ tịch UBND huyện kết luận như sau:\n\n\
         1. Phòng Nội vụ rà soát.\n",
    );
    let m = n.meeting.as_ref().expect("a meeting");
    assert_eq!(m.location.as_deref(), Some("Phòng họp số 2, UBND huyện"));
    assert_eq!(texts(&m.chairs), vec!["đồng chí Đàm Quốc Vượng, Chủ tịch UBND huyện"]);
    let c = n.concluder.as_ref().expect("a concluder");
    assert_eq!(c.titles, vec!["Chủ tịch UBND huyện".to_string()]);
}

/// A bold topic heading, then a bold "Giao Phòng X chủ trì …:" paragraph,
/// then lettered items: the topic is the heading, the assignment the text,
/// and the items stay the heading's children.
#[test]
fn topic_heading_over_an_assignment_head() {
    let n = parse(
        "THÔNG BÁO\n\nKết luận của Giám đốc Sở\n\nGiám đốc Sở kết luận như sau:\n\n\
         **2.1. Về công tác tổ chức, cán bộ**\n\n\
         **Giao Phòng Tổ chức cán bộ chủ trì, phối hợp với Văn phòng Sở:**\n\n\
         a) Rà soát kế hoạch tuyển dụng.\n\n\
         b) Hướng dẫn chế độ, chính sách.\n",
    );
    let t = &n.tasks[0];
    assert_eq!(t.id, "2.1");
    assert_eq!(t.heading.as_deref(), Some("Về công tác tổ chức, cán bộ"));
    assert_eq!(t.text, "Giao Phòng Tổ chức cán bộ chủ trì, phối hợp với Văn phòng Sở");
    let kids: Vec<&str> = t.subtasks.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(kids, vec!["2.1.a", "2.1.b"]);
    assert_eq!(
        assignees(&n, "2.1"),
        vec![("Phòng Tổ chức cán bộ".to_string(), Role::Lead), ("Văn phòng Sở".to_string(), Role::Coordinate)]
    );
}

/// A task table: the "TT" cell is the row's label (never page furniture),
/// and a cell lists its bodies split at ";".
#[test]
fn task_table_labels_and_cells() {
    let n = parse(
        "THÔNG BÁO\n\nKết luận\n\n1. Giao các cơ quan thực hiện theo bảng sau:\n\n\
         | TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |\n\
         | --- | --- | --- | --- | --- |\n\
         | 1 | Tổng hợp danh sách | Phòng Nội vụ | Ủy ban MTTQ huyện; UBND các xã, thị trấn | Trước ngày 15/12/2025 |\n",
    );
    let t = &n.tasks[0].subtasks[0];
    assert_eq!(t.label.as_deref(), Some("1"));
    assert_eq!(
        assignees(&n, "1.1"),
        vec![
            ("Phòng Nội vụ".to_string(), Role::Lead),
            ("Ủy ban MTTQ huyện".to_string(), Role::Coordinate),
            ("UBND các xã, thị trấn".to_string(), Role::Coordinate)
        ]
    );
}

/// Classification: a notice that cites a conclusion but announces a
/// session is no conclusion; an inspection conclusion has its own kind;
/// "Ý kiến chỉ đạo của X tại buổi kiểm tra" after a chaired meeting is one.
#[test]
fn conclusions_and_near_misses() {
    let convening = parse(
        "HĐND HUYỆN TÂN AN\nSố: 12/TB-HĐND\nTân An, ngày 02 tháng 6 năm 2025\n\nTHÔNG BÁO\n\
         Triệu tập Kỳ họp thứ mười hai HĐND huyện\n\n\
         Căn cứ Luật Tổ chức chính quyền địa phương; theo Kết luận của Thường trực HĐND huyện tại phiên họp ngày 28/5/2025, Thường trực HĐND huyện thông báo triệu tập Kỳ họp thứ mười hai như sau:\n\n\
         1. Thời gian: 02 ngày, từ ngày 10/6/2025.\n\
         2. Địa điểm: Hội trường UBND huyện.\n",
    );
    assert!(!convening.is_conclusion);
    let inspection = parse(
        "THANH TRA TỈNH TÂY AN\nSố: 05/KL-TTr\nTây An, ngày 02 tháng 9 năm 2025\n\nKẾT LUẬN THANH TRA\n\
         Việc quản lý, sử dụng đất đai tại UBND huyện Đắk Hà\n\n\
         Thực hiện Quyết định thanh tra số 120/QĐ-TTr, Đoàn thanh tra đã tiến hành thanh tra. Chánh Thanh tra tỉnh kết luận như sau:\n\n\
         1. UBND huyện Đắk Hà chấn chỉnh công tác quản lý đất đai.\n",
    );
    assert_eq!(inspection.kind.as_str(), "ket_luan_thanh_tra");
    assert_eq!(inspection.title.as_deref(), Some("KẾT LUẬN THANH TRA"));
    assert!(!inspection.is_conclusion);
    let directions = parse(
        "UBND HUYỆN TÂN AN\nSố: 88/TB-UBND\nTân An, ngày 20 tháng 8 năm 2025\n\nTHÔNG BÁO\n\
         Ý kiến chỉ đạo của đồng chí Lương Văn Khoa, Chủ tịch UBND huyện tại buổi kiểm tra công trình trường học\n\n\
         Ngày 18/8/2025, đồng chí Lương Văn Khoa, Chủ tịch UBND huyện chủ trì buổi kiểm tra công trình trường học. Sau khi nghe báo cáo, đồng chí Chủ tịch UBND huyện có ý kiến chỉ đạo như sau:\n\n\
         1. Phòng Giáo dục và Đào tạo hoàn thành trước ngày 05/9/2025.\n",
    );
    assert!(directions.is_conclusion);
    assert_eq!(directions.tasks.len(), 1);
    assert_eq!(directions.concluder.as_ref().and_then(|c| c.name.as_deref()), Some("Lương Văn Khoa"));
}
