//! A deterministic generator of well-formed *Thông báo kết luận* notices
//! that knows the fields it put in.
//!
//! Everything comes from a seeded RNG (a SplitMix64 written here, so the
//! output of a seed never changes with a dependency) and from vocabulary
//! tables of this module's own: invented names from syllables, bodies from
//! a type and a domain, meeting names, directive phrasings, deadlines,
//! recipients and signature blocks. A notice is rendered in one of three
//! layouts — Markdown, plain text, or plain text hard-wrapped at 70–90
//! columns — and optionally decomposed to NFD.
//!
//! [`generate`] returns the text and the [`Truth`]; [`corpus`] makes a named
//! set of notices (the benchmark corpus).
//!
//! [`Forms`] lists switches for phrasings that the parser is known to get
//! wrong; the property test turns off the ones listed in its
//! `KNOWN_BAD_FORMS` so that CI passes while they are fixed.

#![allow(dead_code)]

use thongbao::{DeadlineKind, Role};
use unicode_normalization::UnicodeNormalization;

/// SplitMix64: small, fast, and stable across versions.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1A4_F87B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next_u64() % u64::from(hi - lo + 1)) as u32
    }

    /// True with probability `p` percent.
    pub fn chance(&mut self, p: u32) -> bool {
        self.range(0, 99) < p
    }

    /// One element of a table.
    pub fn pick<'a, T: ?Sized>(&mut self, t: &[&'a T]) -> &'a T {
        t[(self.next_u64() % t.len() as u64) as usize]
    }
}

/// Layouts a notice can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Markdown as converters from DOCX write it: bold header and subject,
    /// list markers, blank lines between blocks.
    Markdown,
    /// Plain text, one paragraph per line.
    Plain,
    /// Plain text hard-wrapped at the given width (70–90).
    Wrapped(usize),
}

/// Switches for generated forms. All on by default; the property test turns
/// off the ones the parser is known to get wrong (and says so).
#[derive(Debug, Clone, Copy)]
pub struct Forms {
    /// Assignees "X tham mưu …" (role advise).
    pub advise: bool,
    /// "Giao X: …" headings with text after the colon.
    pub giao_heading: bool,
    /// Recurring deadlines ("định kỳ hằng tháng").
    pub recurring: bool,
    /// Points "a)" under a numbered task.
    pub letter_points: bool,
    /// Bullets "-" under a heading task.
    pub bullets: bool,
    /// Meeting sentence "X tổ chức … dưới sự chủ trì của đồng chí …".
    pub chaired_by_form: bool,
    /// Absentees "(vắng đồng chí … có lý do)".
    pub absentee: bool,
    /// Group attendees ("các đồng chí Phó Chủ tịch UBND huyện").
    pub group_attendees: bool,
    /// The number and the date on one line, separated by spaces.
    pub number_date_one_line: bool,
    /// Phrases that name a body without assigning it ("báo cáo kết quả về UBND huyện").
    pub body_mentions: bool,
    /// A "(Đã ký)" line in the signature.
    pub signed_mark: bool,
    /// Dates written "ngày D tháng M năm Y" in deadlines.
    pub long_dates: bool,
    /// Plain text without blank lines between blocks (as PDF text layers give it).
    pub tight_plain: bool,
    /// Attendee titles and groups with "và" inside ("Chánh Văn phòng HĐND và
    /// UBND huyện", "đại diện lãnh đạo Văn phòng HĐND và UBND huyện").
    pub titles_with_and: bool,
}

impl Default for Forms {
    fn default() -> Forms {
        Forms {
            advise: true,
            giao_heading: true,
            recurring: true,
            letter_points: true,
            bullets: true,
            chaired_by_form: true,
            absentee: true,
            group_attendees: true,
            number_date_one_line: true,
            body_mentions: true,
            signed_mark: true,
            long_dates: true,
            tight_plain: true,
            titles_with_and: true,
        }
    }
}

/// What a generated notice holds, as the parser should report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    /// Issuer name (one line) and parent.
    pub issuer: String,
    /// The parent body, if written.
    pub parent: Option<String>,
    /// "45/TB-UBND".
    pub number: String,
    /// "45".
    pub serial: String,
    /// "TB-UBND".
    pub symbol: String,
    /// Place of the date line.
    pub place: String,
    /// Issue date, ISO.
    pub date: String,
    /// The subject, joined to one line.
    pub subject: String,
    /// Meeting date, ISO.
    pub meeting_date: String,
    /// The chair's name.
    pub chair: String,
    /// The chair's titles.
    pub chair_titles: Vec<String>,
    /// Attendees in order: a person's name, or `None` for a group.
    pub attendees: Vec<Option<String>>,
    /// Absentees' names.
    pub absentees: Vec<String>,
    /// Every task, depth first.
    pub tasks: Vec<TaskTruth>,
    /// The closing sentence without "./.".
    pub closing: String,
    /// Number of recipients (without the archive line).
    pub recipients: usize,
    /// Parts of the "Lưu:" line.
    pub archive: Vec<String>,
    /// Authority mark ("TL").
    pub authority: String,
    /// Line after the authority mark.
    pub on_behalf_of: String,
    /// The signer's position.
    pub position: String,
    /// The signer's name.
    pub signer: String,
}

/// One task as the parser should report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskTruth {
    /// Its id ("2.1").
    pub id: String,
    /// Assignees named on the item itself: (name, role).
    pub assignees: Vec<(String, Role)>,
    /// Deadlines on the item itself: (kind, due as ISO).
    pub deadlines: Vec<(DeadlineKind, Option<String>)>,
}

/// A generated notice.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The text.
    pub text: String,
    /// What it holds.
    pub truth: Truth,
    /// How it was laid out.
    pub layout: Layout,
    /// Whether the text is NFD.
    pub nfd: bool,
}

// ---------------------------------------------------------------- tables

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Đinh", "Trương", "Lương", "Mai",
];
const MIDDLE: &[&str] =
    &["Văn", "Thị", "Hữu", "Đình", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Công", "Đức", "Thu", "Anh", "Hồng", "Kim"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn",
    "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến", "Hòa", "Thủy", "Khoa", "Lộc", "Hiền", "Trung", "Nghĩa", "Thắng",
    "Vinh",
];
const DISTRICTS: &[&str] = &[
    "Bình Sơn",
    "Đông Lãnh",
    "Vĩnh Khê",
    "Tân Phú",
    "An Lạc",
    "Sơn Tịnh",
    "Mộ Đức",
    "Hòa Vang",
    "Phú Ninh",
    "Tiên Phước",
];
const PROVINCES: &[&str] = &["Hòa Phong", "Quảng Ngãi", "Bình Định", "Phú Yên", "Quảng Nam", "Kon Tum"];
const COMMUNES: &[&str] = &["Bắc Hà", "Tịnh Sơn", "Đồng Tâm", "Phước Lộc", "An Hải", "Nghĩa Kỳ"];

/// Bodies: (type, domain, suffix with the locality word).
const PHONG: &[&str] = &[
    "Nội vụ",
    "Tài chính - Kế hoạch",
    "Kinh tế",
    "Kinh tế, Hạ tầng và Đô thị",
    "Văn hóa, Khoa học và Thông tin",
    "Tư pháp",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Nông nghiệp và Môi trường",
    "Lao động, Thương binh và Xã hội",
    "Tài nguyên và Môi trường",
    "Quản lý đô thị",
];
const SO: &[&str] = &[
    "Xây dựng",
    "Tài chính",
    "Văn hóa, Thể thao và Du lịch",
    "Giáo dục và Đào tạo",
    "Nội vụ",
    "Y tế",
    "Công Thương",
    "Khoa học và Công nghệ",
];
const CHI_CUC: &[&str] = &["Thống kê", "Thuế", "Kiểm lâm"];
const TRUNG_TAM: &[&str] = &["Văn hóa - Thể thao", "Dịch vụ nông nghiệp", "Phát triển quỹ đất", "Y tế"];
const SINGLE_BODIES: &[&str] = &[
    "Công an huyện",
    "Ban Chỉ huy Quân sự huyện",
    "Văn phòng HĐND và UBND huyện",
    "Thanh tra huyện",
    "Bảo hiểm xã hội huyện",
    "Ban Quản lý dự án đầu tư xây dựng huyện",
    "Kho bạc Nhà nước huyện",
    "Hạt Kiểm lâm huyện",
];
const REQUESTED_BODIES: &[&str] = &[
    "Ủy ban MTTQ Việt Nam huyện",
    "Huyện đoàn",
    "Hội Liên hiệp Phụ nữ huyện",
    "Hội Nông dân huyện",
    "Liên đoàn Lao động huyện",
    "Điện lực huyện",
];

const TITLES_CHAIR: &[&str] = &[
    "Chủ tịch UBND huyện",
    "Phó Chủ tịch UBND huyện",
    "Chủ tịch UBND thị xã",
    "Giám đốc Sở Xây dựng",
    "Phó Chủ tịch Thường trực UBND huyện",
];
const TITLES_OTHER: &[&str] = &[
    "Phó Chủ tịch UBND huyện",
    "Ủy viên UBND huyện",
    "Trưởng Phòng Nội vụ huyện",
    "Trưởng Công an huyện",
    "Chánh Văn phòng HĐND và UBND huyện",
    "Trưởng Phòng Tài chính - Kế hoạch huyện",
    "Phó Giám đốc Sở Tài chính",
    "Chủ tịch UBND xã Bắc Hà",
];
const GROUPS: &[&str] = &[
    "các đồng chí Phó Chủ tịch UBND huyện",
    "các đồng chí Ủy viên UBND huyện",
    "lãnh đạo các phòng, ban liên quan",
    "Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện",
    "đại diện lãnh đạo Văn phòng HĐND và UBND huyện",
];
const TOPICS: &[&str] = &[
    "công tác cải cách hành chính",
    "tiến độ giải ngân vốn đầu tư công",
    "công tác quản lý trật tự xây dựng",
    "công tác phòng, chống thiên tai",
    "chuyển đổi số",
    "công tác bồi thường, giải phóng mặt bằng",
    "tình hình thu ngân sách",
    "công tác phòng cháy, chữa cháy rừng",
];
const VERBS: &[&str] = &[
    "rà soát, tổng hợp danh mục dự án đầu tư công",
    "xây dựng kế hoạch triển khai thực hiện",
    "kiểm tra, xử lý dứt điểm các trường hợp vi phạm",
    "hoàn thiện hồ sơ thủ tục đầu tư",
    "đôn đốc các chủ đầu tư đẩy nhanh tiến độ giải ngân",
    "tổ chức tuyên truyền sâu rộng đến Nhân dân",
    "rà soát, đề xuất phương án xử lý các vướng mắc",
    "chuẩn bị đầy đủ nội dung, tài liệu phục vụ hội nghị",
    "cập nhật số liệu trên hệ thống thông tin",
    "đánh giá hiện trạng và lập phương án sửa chữa",
];
const IMPERATIVES: &[&str] = &[
    "Tiếp tục triển khai thực hiện có hiệu quả các nhiệm vụ được giao",
    "Tăng cường công tác kiểm tra, kiểm soát thị trường",
    "Đẩy mạnh việc giải quyết thủ tục hành chính cho tổ chức, cá nhân",
    "Chủ động rà soát, khắc phục những tồn tại, hạn chế",
    "Thực hiện tốt công tác tuyên truyền, vận động Nhân dân",
];
const ASSESSMENTS: &[&str] = &[
    "Trong thời gian qua, các cơ quan, đơn vị, địa phương đã nỗ lực triển khai thực hiện các nhiệm vụ được giao, đạt được nhiều kết quả tích cực.",
    "Tình hình kinh tế - xã hội tiếp tục ổn định; thu ngân sách đạt khá so với dự toán; an sinh xã hội được bảo đảm.",
    "Tuy nhiên, vẫn còn một số tồn tại, hạn chế: tiến độ một số công trình còn chậm, công tác phối hợp giữa các đơn vị có lúc chưa chặt chẽ.",
    "Công tác chỉ đạo, điều hành được quan tâm; người dân, doanh nghiệp đồng tình, đánh giá cao kết quả thực hiện.",
];
const RECIPIENTS: &[&str] = &[
    "TT Huyện ủy (b/c)",
    "TT HĐND huyện (b/c)",
    "CT, các PCT UBND huyện",
    "Các cơ quan chuyên môn thuộc UBND huyện",
    "UBND các xã, thị trấn",
    "Các phòng, ban liên quan",
    "Như thành phần mời",
    "Sở Nội vụ",
    "BHXH huyện",
];
const ARCHIVE_CODES: &[&str] = &["TH", "VP", "KT", "NC", "KTTH", "TCKH", "QLĐT"];

// ---------------------------------------------------------------- pieces

fn person(r: &mut Rng) -> String {
    let f = r.pick(FAMILY);
    let g = r.pick(GIVEN);
    if r.chance(15) {
        format!("{f} {} {} {g}", r.pick(MIDDLE), r.pick(MIDDLE))
    } else {
        format!("{f} {} {g}", r.pick(MIDDLE))
    }
}

/// A body for a lead or coordinate role, as written.
fn body(r: &mut Rng) -> String {
    match r.range(0, 5) {
        0 | 1 => {
            let suffix = if r.chance(60) { " huyện" } else { "" };
            format!("Phòng {}{suffix}", r.pick(PHONG))
        }
        2 => format!("Sở {}", r.pick(SO)),
        3 => format!("Chi cục {} huyện", r.pick(CHI_CUC)),
        4 => format!("Trung tâm {} huyện", r.pick(TRUNG_TAM)),
        _ => r.pick(SINGLE_BODIES).to_string(),
    }
}

#[derive(Clone, Copy)]
struct Ymd(u32, u32, u32);

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Ymd {
    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }

    fn plus_days(self, n: u32) -> Ymd {
        let Ymd(mut y, mut m, mut d) = self;
        for _ in 0..n {
            d += 1;
            if d > days_in(y, m) {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
        Ymd(y, m, d)
    }

    /// "15/3/2025" or "15/03/2025".
    fn slash(self, r: &mut Rng) -> String {
        if r.chance(50) {
            format!("{:02}/{:02}/{}", self.2, self.1, self.0)
        } else {
            format!("{}/{}/{}", self.2, self.1, self.0)
        }
    }

    /// "ngày 05 tháng 3 năm 2025" with the Decree's padding (days < 10, months 1–2).
    fn long(self) -> String {
        let m = if self.1 <= 2 { format!("{:02}", self.1) } else { self.1.to_string() };
        format!("ngày {:02} tháng {m} năm {}", self.2, self.0)
    }
}

/// One block of the document before layout.
#[derive(Debug, Clone)]
enum Block {
    /// Header lines, kept as they are.
    Header(Vec<String>),
    /// Type line.
    Title(String),
    /// Subject lines (bold in Markdown).
    Subject(Vec<String>),
    /// A body paragraph (wrapped in the wrapped layout).
    Para(String),
    /// A section heading "I. Đánh giá chung".
    Section(String),
    /// A task item: label ("1.", "1.1.", "a)", "-"), text.
    Item(String, String),
    /// "Nơi nhận:" and its entries.
    Recipients(Vec<String>),
    /// Signature lines.
    Signature(Vec<String>),
}

struct Ctx<'a> {
    r: &'a mut Rng,
    forms: Forms,
    meeting: Ymd,
    year: u32,
}

/// A deadline phrase and its truth.
fn deadline(cx: &mut Ctx<'_>) -> (String, (DeadlineKind, Option<String>)) {
    let due = cx.meeting.plus_days(cx.r.range(5, 120));
    let date = if cx.forms.long_dates && cx.r.chance(20) { due.long() } else { due.slash(cx.r) };
    let date_no_ngay = date.strip_prefix("ngày ").unwrap_or(&date).to_string();
    let k = cx.r.range(0, if cx.forms.recurring { 5 } else { 4 });
    match k {
        0 => (format!("hoàn thành trước ngày {date_no_ngay}"), (DeadlineKind::Before, Some(due.iso()))),
        1 => (format!("trước ngày {date_no_ngay}"), (DeadlineKind::Before, Some(due.iso()))),
        2 => (format!("chậm nhất ngày {date_no_ngay}"), (DeadlineKind::By, Some(due.iso()))),
        3 | 4 => {
            let month =
                if cx.r.chance(50) { format!("{:02}/{}", due.1, due.0) } else { format!("{}/{}", due.1, due.0) };
            (
                format!("hoàn thành trong tháng {month}"),
                (DeadlineKind::By, Some(Ymd(due.0, due.1, days_in(due.0, due.1)).iso())),
            )
        }
        _ => ("định kỳ hằng tháng báo cáo kết quả thực hiện".to_string(), (DeadlineKind::Recurring, None)),
    }
}

/// The text of a leaf directive and its assignees / deadlines.
/// A directive's text, its assignees and its deadlines.
type Directive = (String, Vec<(String, Role)>, Vec<(DeadlineKind, Option<String>)>);

fn directive(cx: &mut Ctx<'_>, imperative_ok: bool) -> Directive {
    let verb = cx.r.pick(VERBS).to_string();
    let mut verb = if cx.forms.body_mentions && cx.r.chance(15) {
        format!("{verb}, báo cáo kết quả về UBND huyện")
    } else {
        verb
    };
    if cx.r.chance(15) {
        verb.push_str(&format!(" năm {}", cx.year + 1));
    }
    let max = if imperative_ok { 6 } else { 5 };
    let (mut text, assignees) = match cx.r.range(0, max) {
        0 => {
            let (a, b) = (body(cx.r), body(cx.r));
            if a == b {
                (format!("Giao {a} chủ trì {verb}"), vec![(a, Role::Lead)])
            } else {
                (format!("Giao {a} chủ trì, phối hợp với {b} {verb}"), vec![(a, Role::Lead), (b, Role::Coordinate)])
            }
        }
        1 => {
            let a = cx.r.pick(REQUESTED_BODIES).to_string();
            (format!("Đề nghị {a} {verb}"), vec![(a, Role::Requested)])
        }
        2 => {
            let a = body(cx.r);
            (format!("Giao {a} {verb}"), vec![(a, Role::Lead)])
        }
        3 => {
            let a = body(cx.r);
            (format!("Yêu cầu {a} khẩn trương {verb}"), vec![(a, Role::Lead)])
        }
        4 if cx.forms.advise => {
            let a = body(cx.r);
            (format!("{a} tham mưu UBND huyện {verb}"), vec![(a, Role::Advise)])
        }
        4 | 5 => {
            let (a, b) = (body(cx.r), body(cx.r));
            if a == b {
                (format!("{a} chủ trì {verb}"), vec![(a, Role::Lead)])
            } else {
                (format!("{a} chủ trì, phối hợp với {b} {verb}"), vec![(a, Role::Lead), (b, Role::Coordinate)])
            }
        }
        _ => (cx.r.pick(IMPERATIVES).to_string(), vec![]),
    };
    let mut deadlines = Vec::new();
    if cx.r.chance(55) {
        let (phrase, t) = deadline(cx);
        let sep = if cx.r.chance(50) { "; " } else { ", " };
        text.push_str(sep);
        text.push_str(&phrase);
        deadlines.push(t);
    }
    text.push(if cx.r.chance(85) { '.' } else { ';' });
    (text, assignees, deadlines)
}

/// Sub-items under a heading or a parent item: (label, id, text, truth).
fn children(
    cx: &mut Ctx<'_>,
    parent: &str,
    blocks: &mut Vec<Block>,
    tasks: &mut Vec<TaskTruth>,
    imperative_only: bool,
) {
    let n = cx.r.range(1, 4) as usize;
    let mut styles = vec![0u32];
    if cx.forms.letter_points {
        styles.push(1);
    }
    if cx.forms.bullets {
        styles.push(2);
    }
    let style = styles[(cx.r.next_u64() % styles.len() as u64) as usize];
    for i in 0..n {
        let (label, id) = match style {
            0 => (format!("{parent}.{}.", i + 1), format!("{parent}.{}", i + 1)),
            1 => {
                let l = ["a", "b", "c", "d", "đ", "e"][i];
                (format!("{l})"), format!("{parent}.{l}"))
            }
            _ => ("-".to_string(), format!("{parent}.{}", i + 1)),
        };
        let (text, assignees, deadlines) = if imperative_only {
            let mut t = cx.r.pick(IMPERATIVES).to_string();
            let mut dl = Vec::new();
            if cx.r.chance(40) {
                let (p, d) = deadline(cx);
                t.push_str("; ");
                t.push_str(&p);
                dl.push(d);
            }
            t.push('.');
            (t, vec![], dl)
        } else {
            directive(cx, true)
        };
        blocks.push(Block::Item(label, text));
        tasks.push(TaskTruth { id, assignees, deadlines });
    }
}

/// Generates one notice from a seed, with all forms on.
pub fn generate(seed: u64) -> Generated {
    generate_with(seed, Forms::default())
}

/// Generates one notice from a seed with the given forms.
pub fn generate_with(seed: u64, forms: Forms) -> Generated {
    let mut rng = Rng::new(seed);
    let r = &mut rng;
    let layout = match r.range(0, 2) {
        0 => Layout::Markdown,
        1 => Layout::Plain,
        _ => Layout::Wrapped(r.range(70, 90) as usize),
    };
    let nfd = r.chance(20);
    let (blocks, truth) = build(r, forms);
    let text = render(&blocks, layout, forms, r);
    let text = if nfd { text.nfd().collect() } else { text };
    Generated { text, truth, layout, nfd }
}

fn build(r: &mut Rng, forms: Forms) -> (Vec<Block>, Truth) {
    let year = r.range(2019, 2026);
    let meeting = Ymd(year, r.range(1, 11), r.range(1, 28));
    let issued = meeting.plus_days(r.range(1, 14));
    let district = r.pick(DISTRICTS).to_string();
    let province = r.pick(PROVINCES).to_string();
    let mut blocks = Vec::new();

    // Header.
    let (parent, issuer, symbol, place) = match r.range(0, 2) {
        0 => (None, format!("ỦY BAN NHÂN DÂN HUYỆN {}", district.to_uppercase()), "TB-UBND", district.clone()),
        1 => (
            Some(format!("ỦY BAN NHÂN DÂN TỈNH {}", province.to_uppercase())),
            format!("SỞ {}", r.pick(SO).to_uppercase()),
            "TB-S",
            province.clone(),
        ),
        _ => (
            Some(format!("UBND HUYỆN {}", district.to_uppercase())),
            "VĂN PHÒNG HĐND VÀ UBND".to_string(),
            "TB-VP",
            district.clone(),
        ),
    };
    let symbol = if symbol == "TB-S" { "TB-SXD".to_string() } else { symbol.to_string() };
    let serial = if r.chance(30) { format!("{:02}", r.range(1, 9)) } else { r.range(10, 350).to_string() };
    let mut head = Vec::new();
    match &parent {
        None => {
            head.push("ỦY BAN NHÂN DÂN".to_string());
            head.push(issuer.strip_prefix("ỦY BAN NHÂN DÂN ").unwrap_or(&issuer).to_string());
        }
        Some(p) => {
            head.push(p.clone());
            head.push(issuer.clone());
        }
    }
    if r.chance(70) {
        head.push("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into());
        head.push("Độc lập - Tự do - Hạnh phúc".into());
    }
    let number_line = format!("Số: {serial}/{symbol}");
    let date_line = format!("{place}, {}", issued.long());
    if forms.number_date_one_line && r.chance(30) {
        let pad = " ".repeat(r.range(4, 20) as usize);
        head.push(format!("{number_line}{pad}{date_line}"));
    } else {
        head.push(number_line);
        head.push(date_line);
    }
    blocks.push(Block::Header(head));
    blocks.push(Block::Title("THÔNG BÁO".into()));

    // Subject and meeting.
    let chair = person(r);
    let chair_title = r.pick(TITLES_CHAIR).to_string();
    let topic = r.pick(TOPICS);
    let event = match r.range(0, 3) {
        0 => format!("cuộc họp giao ban tháng {:02}/{}", meeting.1, meeting.0),
        1 => format!("Phiên họp UBND huyện thường kỳ tháng {:02}/{}", meeting.1, meeting.0),
        2 => format!("buổi làm việc với UBND xã {} về {topic}", r.pick(COMMUNES)),
        _ => format!("cuộc họp nghe báo cáo {topic}"),
    };
    let subject = format!("Kết luận của đồng chí {chair}, {chair_title} tại {event}");
    let subject_lines = if r.chance(40) {
        let cut = subject.find(" tại ").unwrap_or(subject.len());
        vec![subject[..cut].to_string(), subject[cut..].trim_start().to_string()]
    } else {
        vec![subject.clone()]
    };
    blocks.push(Block::Subject(subject_lines));

    let mut attendees: Vec<Option<String>> = Vec::new();
    let mut parts = Vec::new();
    for _ in 0..r.range(1, 3) {
        if forms.group_attendees && r.chance(35) {
            let g = r.pick(GROUPS).to_string();
            if !parts.contains(&g) && (forms.titles_with_and || !g.contains(" và ")) {
                parts.push(g);
                attendees.push(None);
            }
        } else {
            let p = person(r);
            let mut title = r.pick(TITLES_OTHER);
            while !forms.titles_with_and && title.contains(" và ") {
                title = r.pick(TITLES_OTHER);
            }
            parts.push(format!("đồng chí {p}, {title}"));
            attendees.push(Some(p));
        }
    }
    let mut absentees = Vec::new();
    let absent = if forms.absentee && r.chance(40) {
        let p = person(r);
        absentees.push(p.clone());
        format!(" (vắng đồng chí {p} có lý do)")
    } else {
        String::new()
    };
    let when = match r.range(0, 3) {
        0 => format!("Ngày {}", meeting.slash(r)),
        1 => format!("Sáng ngày {}", meeting.slash(r)),
        2 => format!("Chiều ngày {}", meeting.slash(r)),
        _ => {
            let l = meeting.long();
            format!("N{}", l.strip_prefix('n').unwrap_or(&l))
        }
    };
    let cue = if r.chance(50) { "Tham dự có" } else { "Dự họp có" };
    let meeting_para = if forms.chaired_by_form && r.chance(30) {
        format!(
            "{when}, UBND huyện tổ chức {event} dưới sự chủ trì của đồng chí {chair}, {chair_title}{absent}. {cue} {}.",
            parts.join("; ")
        )
    } else {
        format!("{when}, đồng chí {chair}, {chair_title} chủ trì {event}{absent}. {cue} {}.", parts.join("; "))
    };
    blocks.push(Block::Para(meeting_para));
    let reporter = body(r);
    let lead_in = match r.range(0, 2) {
        0 => format!(
            "Sau khi nghe {reporter} báo cáo {topic} và ý kiến của các đại biểu dự họp, đồng chí {chair_title} kết luận như sau:"
        ),
        1 => format!(
            "Sau khi nghe báo cáo và ý kiến thảo luận của các thành viên dự họp, đồng chí {chair} đã kết luận và chỉ đạo như sau:"
        ),
        _ => format!("Đồng chí {chair_title} kết luận như sau:"),
    };
    blocks.push(Block::Para(lead_in));

    // Assessment and tasks.
    let sections = r.chance(70);
    if sections {
        blocks.push(Block::Section(if r.chance(30) {
            "I. ĐÁNH GIÁ CHUNG".into()
        } else {
            "I. Đánh giá chung".into()
        }));
        for _ in 0..r.range(1, 2) {
            blocks.push(Block::Para(r.pick(ASSESSMENTS).to_string()));
        }
        blocks.push(Block::Section(if r.chance(30) {
            "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI".into()
        } else {
            "II. Nhiệm vụ trong thời gian tới".into()
        }));
    }
    let mut cx = Ctx { r, forms, meeting, year };
    let mut tasks = Vec::new();
    let n = cx.r.range(2, 6);
    for i in 1..=n {
        let id = i.to_string();
        let label = format!("{i}.");
        match cx.r.range(0, 9) {
            // A body heading over sub-items in the imperative.
            0 | 1 => {
                let b = body(cx.r);
                blocks.push(Block::Item(label, format!("{b}:")));
                tasks.push(TaskTruth { id: id.clone(), assignees: vec![(b, Role::Lead)], deadlines: vec![] });
                children(&mut cx, &id, &mut blocks, &mut tasks, true);
            }
            // A topic heading over directives.
            2 => {
                blocks.push(Block::Item(label, "Nhiệm vụ cụ thể:".into()));
                tasks.push(TaskTruth { id: id.clone(), assignees: vec![], deadlines: vec![] });
                children(&mut cx, &id, &mut blocks, &mut tasks, false);
            }
            // "Giao X: text".
            3 if cx.forms.giao_heading => {
                let b = body(cx.r);
                let (t, _, dl) = {
                    let mut t = cx.r.pick(VERBS).to_string();
                    let mut dl = Vec::new();
                    if cx.r.chance(50) {
                        let (p, d) = deadline(&mut cx);
                        t.push_str("; ");
                        t.push_str(&p);
                        dl.push(d);
                    }
                    t.push('.');
                    let mut c = t.chars();
                    let first = c.next().map(|f| f.to_uppercase().collect::<String>()).unwrap_or_default();
                    (format!("{first}{}", c.as_str()), (), dl)
                };
                blocks.push(Block::Item(label, format!("Giao {b}: {t}")));
                tasks.push(TaskTruth { id, assignees: vec![(b, Role::Lead)], deadlines: dl });
            }
            _ => {
                let (t, a, d) = directive(&mut cx, true);
                blocks.push(Block::Item(label, t));
                tasks.push(TaskTruth { id, assignees: a, deadlines: d });
            }
        }
    }
    let r = cx.r;

    // Closing, recipients, signature.
    let closing = if r.chance(50) {
        format!("Nay thông báo kết luận của đồng chí {chair_title} để các cơ quan, đơn vị có liên quan biết, thực hiện")
    } else {
        format!(
            "Văn phòng HĐND và UBND huyện thông báo kết luận của đồng chí {chair} để các cơ quan, đơn vị, địa phương biết, thực hiện"
        )
    };
    blocks.push(Block::Para(format!("{closing}./.")));
    let mut rec = Vec::new();
    let nrec = r.range(2, 7) as usize;
    while rec.len() < nrec {
        let x = if r.chance(25) { body(r) } else { r.pick(RECIPIENTS).to_string() };
        if !rec.contains(&x) {
            rec.push(x);
        }
    }
    let mut archive = vec!["VT".to_string()];
    for _ in 0..r.range(1, 2) {
        let c = r.pick(ARCHIVE_CODES).to_string();
        if !archive.contains(&c) {
            archive.push(c);
        }
    }
    let mut entries: Vec<String> = rec.iter().map(|x| format!("- {x};")).collect();
    entries.push(format!("- Lưu: {}.", archive.join(", ")));
    blocks.push(Block::Recipients(entries));
    let signer = person(r);
    let (authority, on_behalf, mut lines, position) = match r.range(0, 3) {
        0 => ("TL", "CHỦ TỊCH", vec!["TL. CHỦ TỊCH".to_string(), "CHÁNH VĂN PHÒNG".to_string()], "CHÁNH VĂN PHÒNG"),
        1 => ("KT", "CHỦ TỊCH", vec!["KT. CHỦ TỊCH".to_string(), "PHÓ CHỦ TỊCH".to_string()], "PHÓ CHỦ TỊCH"),
        2 => ("TM", "ỦY BAN NHÂN DÂN", vec!["TM. ỦY BAN NHÂN DÂN".to_string(), "CHỦ TỊCH".to_string()], "CHỦ TỊCH"),
        _ => (
            "TL",
            "CHỦ TỊCH",
            vec!["TL. CHỦ TỊCH".to_string(), "KT. CHÁNH VĂN PHÒNG".to_string(), "PHÓ CHÁNH VĂN PHÒNG".to_string()],
            "PHÓ CHÁNH VĂN PHÒNG",
        ),
    };
    if forms.signed_mark && r.chance(30) {
        lines.push("(Đã ký)".into());
    }
    lines.push(signer.clone());
    blocks.push(Block::Signature(lines));

    let truth = Truth {
        issuer,
        parent,
        number: format!("{serial}/{symbol}"),
        serial,
        symbol,
        place,
        date: issued.iso(),
        subject,
        meeting_date: meeting.iso(),
        chair,
        chair_titles: vec![chair_title],
        attendees,
        absentees,
        tasks,
        closing,
        recipients: rec.len(),
        archive,
        authority: authority.into(),
        on_behalf_of: on_behalf.into(),
        position: position.into(),
        signer,
    };
    (blocks, truth)
}

// ---------------------------------------------------------------- layout

/// Whether a word would read as a list label or a bullet at the start of a
/// line ("1.", "1.1.", "a)", "-", "+", "II.").
fn label_like(w: &str) -> bool {
    let digits_dots = !w.is_empty() && w.ends_with('.') && w.chars().all(|c| c.is_ascii_digit() || c == '.');
    let point = w.chars().count() == 2 && w.ends_with(')');
    let roman = w.ends_with('.') && w.len() > 1 && w.trim_end_matches('.').chars().all(|c| "IVX".contains(c));
    digits_dots || point || roman || matches!(w, "-" | "+" | "–" | "*" | "•") || w.starts_with('(')
}

/// Hard-wraps `text` at `width` columns; the first line is prefixed by
/// `first`. No line after the first starts with a label-like word.
fn wrap(first: &str, text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut line_has_word = false;
    for w in text.split(' ') {
        let len = line.chars().count() + 1 + w.chars().count();
        if line_has_word && len > width && !label_like(w) {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::new();
        } else if line_has_word {
            line.push(' ');
        }
        line.push_str(w);
        line_has_word = true;
    }
    out.push_str(line.trim_end());
    out
}

fn render(blocks: &[Block], layout: Layout, forms: Forms, r: &mut Rng) -> String {
    let md = layout == Layout::Markdown;
    let tight = !md && forms.tight_plain && r.chance(50);
    let sep = if tight { "\n" } else { "\n\n" };
    let para = |s: &str, first: &str| -> String {
        match layout {
            Layout::Wrapped(w) => wrap(first, s, w),
            _ => format!("{first}{s}"),
        }
    };
    let mut out: Vec<String> = Vec::new();
    for b in blocks {
        match b {
            Block::Header(lines) => {
                if md {
                    let mut l = lines.clone();
                    if l.len() > 1 {
                        l[1] = format!("**{}**", l[1]);
                    }
                    out.push(l.join("\n"));
                } else {
                    out.push(lines.join("\n"));
                }
            }
            Block::Title(t) => out.push(if md && r.chance(50) { format!("**{t}**") } else { t.clone() }),
            Block::Subject(lines) => {
                let s = lines.join("\n");
                out.push(if md { format!("**{s}**") } else { s });
            }
            Block::Para(s) => out.push(para(s, "")),
            Block::Section(s) => out.push(if md && r.chance(50) { format!("**{s}**") } else { s.clone() }),
            Block::Item(label, text) => out.push(para(text, &format!("{label} "))),
            Block::Recipients(entries) => {
                let cue = if md { "**Nơi nhận:**" } else { "Nơi nhận:" };
                out.push(format!("{cue}\n{}", entries.join("\n")));
            }
            Block::Signature(lines) => {
                if md {
                    let (name, marks) = lines.split_last().map(|(n, m)| (n.clone(), m.to_vec())).unwrap_or_default();
                    out.push(format!("**{}**\n\n{name}", marks.join("\n")));
                } else {
                    out.push(lines.join("\n"));
                }
            }
        }
    }
    let mut s = out.join(sep);
    s.push('\n');
    s
}

/// `n` notices from `seed`, named `gen-<seed>-<i>.{md,txt}` by layout: the
/// benchmark corpus.
pub fn corpus(seed: u64, n: usize) -> Vec<(String, String)> {
    let mut r = Rng::new(seed);
    (0..n)
        .map(|i| {
            let g = generate(r.next_u64());
            let ext = if g.layout == Layout::Markdown { "md" } else { "txt" };
            (format!("gen-{seed}-{i:05}.{ext}"), g.text)
        })
        .collect()
}

/// Writes [`corpus`] into `dir` (created if missing); returns the paths.
pub fn write_corpus(dir: &std::path::Path, seed: u64, n: usize) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut out = Vec::new();
    for (name, text) in corpus(seed, n) {
        let p = dir.join(name);
        std::fs::write(&p, text)?;
        out.push(p);
    }
    Ok(out)
}

// ---------------------------------------------------------------- checking

/// Where the parsed notice differs from the truth: one line per field,
/// `field: expected … got …`. Empty when everything was recovered.
pub fn diff(t: &Truth, n: &thongbao::Notice) -> Vec<String> {
    let mut out = Vec::new();
    let mut eq = |field: &str, want: String, got: String| {
        if want != got {
            out.push(format!("{field}: expected {want} got {got}"));
        }
    };
    let h = &n.header;
    eq("kind", "thong_bao".into(), n.kind.as_str().to_string());
    eq("title", "Some(\"THÔNG BÁO\")".into(), format!("{:?}", n.title));
    eq("is_conclusion", "true".into(), n.is_conclusion.to_string());
    eq(
        "header.issuer",
        format!("{:?}", Some((&t.issuer, &t.parent))),
        format!("{:?}", h.issuer.as_ref().map(|i| (&i.name, &i.parent))),
    );
    eq("header.number", format!("{:?}", Some(&t.number)), format!("{:?}", h.number));
    eq("header.serial", format!("{:?}", Some(&t.serial)), format!("{:?}", h.serial));
    eq("header.symbol", format!("{:?}", Some(&t.symbol)), format!("{:?}", h.symbol));
    eq("header.place", format!("{:?}", Some(&t.place)), format!("{:?}", h.place));
    eq("header.date", format!("{:?}", Some(&t.date)), format!("{:?}", h.date.map(|d| d.to_string())));
    eq("subject", format!("{:?}", Some(&t.subject)), format!("{:?}", n.subject));
    let m = n.meeting.as_ref();
    eq(
        "meeting.date",
        format!("{:?}", Some(&t.meeting_date)),
        format!("{:?}", m.and_then(|m| m.date).map(|d| d.to_string())),
    );
    eq(
        "meeting.chairs",
        format!("{:?}", vec![(Some(t.chair.clone()), t.chair_titles.clone())]),
        format!(
            "{:?}",
            m.map(|m| m.chairs.iter().map(|p| (p.name.clone(), p.titles.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        ),
    );
    eq(
        "meeting.attendees",
        format!("{:?}", t.attendees),
        format!("{:?}", m.map(|m| m.attendees.iter().map(|p| p.name.clone()).collect::<Vec<_>>()).unwrap_or_default()),
    );
    eq(
        "meeting.absentees",
        format!("{:?}", t.absentees.iter().map(|a| Some(a.clone())).collect::<Vec<_>>()),
        format!("{:?}", m.map(|m| m.absentees.iter().map(|p| p.name.clone()).collect::<Vec<_>>()).unwrap_or_default()),
    );
    let flat = n.tasks_flat();
    eq(
        "task ids",
        format!("{:?}", t.tasks.iter().map(|x| &x.id).collect::<Vec<_>>()),
        format!("{:?}", flat.iter().map(|x| &x.id).collect::<Vec<_>>()),
    );
    for tt in &t.tasks {
        let Some(task) = flat.iter().find(|x| x.id == tt.id) else { continue };
        eq(
            &format!("task {} assignees", tt.id),
            format!("{:?}", tt.assignees),
            format!("{:?}", task.assignees.iter().map(|a| (a.name.clone(), a.role)).collect::<Vec<_>>()),
        );
        eq(
            &format!("task {} deadlines", tt.id),
            format!("{:?}", tt.deadlines),
            format!("{:?}", task.deadlines.iter().map(|d| (d.kind, d.due.map(|x| x.to_string()))).collect::<Vec<_>>()),
        );
    }
    eq("closing", format!("{:?}", Some(&t.closing)), format!("{:?}", n.closing));
    eq("recipients", t.recipients.to_string(), n.recipients.len().to_string());
    eq("archive", format!("{:?}", t.archive), format!("{:?}", n.archive));
    let s = n.signature.as_ref();
    eq(
        "signature",
        format!("{:?}", (Some(&t.authority), Some(&t.on_behalf_of), Some(&t.position), Some(&t.signer))),
        format!(
            "{:?}",
            (
                s.and_then(|s| s.authority).map(|a| a.as_str().to_string()).as_ref(),
                s.and_then(|s| s.on_behalf_of.as_ref()),
                s.and_then(|s| s.position.as_ref()),
                s.and_then(|s| s.name.as_ref())
            )
        ),
    );
    out
}
