//! Notice-shaped text built with `arbitrary` from the vocabulary tables of
//! `thongbao::vocab`, random names, dates and numbers, Markdown markup,
//! odd white space (NBSP, tabs, CR LF, zero-width), and NFD.

use arbitrary::Arbitrary;
use thongbao::vocab;
use unicode_normalization::UnicodeNormalization;

/// A whole document: lines and how to lay them out.
#[derive(Arbitrary, Debug)]
pub struct Doc {
    /// The lines, in order.
    pub lines: Vec<Line>,
    /// Layout switches.
    pub style: Style,
}

/// Layout switches applied to the whole text.
#[derive(Arbitrary, Debug)]
pub struct Style {
    /// Decompose to NFD.
    pub nfd: bool,
    /// CR LF line ends.
    pub crlf: bool,
    /// NBSP instead of some spaces.
    pub nbsp: bool,
    /// Blank lines between lines: 0, 1 or 2.
    pub gap: u8,
    /// Bold headings and the subject in Markdown.
    pub markdown: bool,
    /// Leading indentation of body lines.
    pub indent: u8,
}

/// A vocabulary word: table and index (both wrapped).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Word(pub u8, pub u16);

/// A date: day, month, year offsets (may be out of range on purpose).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct D {
    /// Day.
    pub d: u8,
    /// Month.
    pub m: u8,
    /// Year offset from 2000 (or a raw year when large).
    pub y: u16,
    /// Written form.
    pub form: u8,
}

/// A person's name from the surname table and syllables.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Name(pub u8, pub u8, pub u8, pub u8);

/// One piece of a free line.
#[derive(Arbitrary, Debug)]
pub enum Piece {
    /// A vocabulary word.
    Word(Word),
    /// A person's name.
    Name(Name),
    /// A date.
    Date(D),
    /// A number.
    Num(u32),
    /// Markup or punctuation.
    Mark(u8),
    /// White space.
    Space(u8),
    /// Any string.
    Raw(String),
}

/// One line of the document.
#[derive(Arbitrary, Debug)]
pub enum Line {
    /// "ỦY BAN NHÂN DÂN HUYỆN X" style header line.
    Issuer(Word, Name),
    /// Motto line.
    Motto(u8),
    /// "Số: 12/TB-UBND".
    Number(u16, Word, u8),
    /// "Place, ngày D tháng M năm Y".
    DateLine(Name, D),
    /// A document type line.
    Type(Word),
    /// Subject "Kết luận của đồng chí …".
    Subject(Name, Word, Word, Word),
    /// Meeting sentence.
    Meeting(D, Name, Word, Word, Vec<(Name, Word)>, Option<(Name, Word)>),
    /// Lead-in.
    LeadIn(Word, Word),
    /// Section heading "II. Nhiệm vụ …".
    Section(u8, Word, bool),
    /// A task item: label style, depth, phrasing, body head, domain, deadline.
    Task(u8, u8, u8, Word, Name, Option<(u8, D)>, Vec<Piece>),
    /// Closing sentence.
    Closing(Word),
    /// "Nơi nhận:".
    Recipients(Word),
    /// A recipient line.
    Recipient(Word, Word),
    /// "- Lưu: VT, XX."
    Archive(Word, Vec<u8>),
    /// Authority mark + position.
    Authority(Word, Word),
    /// A signer's name.
    Signer(Name),
    /// A free line.
    Free(Vec<Piece>),
}

const GIVEN: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đình", "Minh", "Thanh", "Quốc", "An", "Bình", "Hà", "Hoà", "Thuý", "Khoa", "Tường", "Duy",
    "Ngọc", "Lan", "Phúc", "Quý", "Uyên",
];
const MARKS: &[&str] = &[
    "**", "*", "_", "__", "#", "## ", "### ", "|", "| --- |", ">", "- ", "+ ", "* ", "`", "\\", "[", "]", "(", ")",
    ":", ";", ",", ".", "./.", "/", "-", "–", "…", "“", "”", "&", "<", "1.", "1.1.", "a)", "đ)", "I.", "(1)", "---",
    "___", "~~~", "```", "    ", "<!--", "-->", "[^1]",
];
const SPACES: &[&str] = &[
    " ", "  ", "\t", "\u{a0}", "\u{2003}", "\u{200b}", "\u{feff}", "\u{ad}", "\r", "\n", "\n\n", "\r\n", "\u{2028}",
    "\u{3000}", "\u{0}", "\u{1b}",
];

fn pick<'a>(t: &[&'a str], i: usize) -> &'a str {
    if t.is_empty() { "" } else { t[i % t.len()] }
}

fn table(w: Word) -> &'static str {
    let i = w.1 as usize;
    match w.0 % 24 {
        0 => pick(&vocab::DOC_TYPES.iter().map(|x| x.0).collect::<Vec<_>>(), i),
        1 => pick(&vocab::CITED_TYPES.iter().map(|x| x.0).collect::<Vec<_>>(), i),
        2 => pick(vocab::HONORIFICS, i),
        3 => pick(vocab::GROUP_OPENERS, i),
        4 => pick(vocab::TITLE_HEADS, i),
        5 => pick(vocab::BODY_HEADS, i),
        6 => pick(vocab::GROUP_NOUNS, i),
        7 => pick(vocab::GROUP_QUALIFIERS, i),
        8 => pick(vocab::LOCALITY_WORDS, i),
        9 => pick(vocab::PREDICATE_WORDS, i),
        10 => pick(&vocab::ROLE_PREFIXES.iter().map(|x| x.0).collect::<Vec<_>>(), i),
        11 => pick(vocab::ATTENDEE_CUES, i),
        12 => pick(vocab::MEETING_KINDS, i),
        13 => pick(vocab::ASSESSMENT_CUES, i),
        14 => pick(vocab::TASK_SECTION_CUES, i),
        15 => pick(&vocab::AUTHORITY_MARKS.iter().map(|x| x.0).collect::<Vec<_>>(), i),
        16 => pick(vocab::ROMAN, i),
        17 => pick(vocab::POINT_LETTERS, i),
        18 => pick(vocab::SURNAMES, i),
        19 => pick(vocab::CLOSING_CUES, i),
        20 => pick(vocab::LEAD_IN_CUES, i),
        21 => pick(vocab::ABSENCE_REASONS, i),
        22 => pick(vocab::SIGNED_MARKS, i),
        _ => pick(vocab::MOTTO_CUES, i),
    }
}

fn word_in(t: &'static [&'static str], w: Word) -> &'static str {
    pick(t, w.1 as usize)
}

fn name(n: Name) -> String {
    let s = pick(vocab::SURNAMES, n.0 as usize);
    let m = pick(GIVEN, n.1 as usize);
    let g = pick(GIVEN, n.2 as usize);
    if n.3 % 4 == 0 { format!("{s} {g}") } else { format!("{s} {m} {g}") }
}

fn date(d: D) -> String {
    let y = if d.y > 3000 { u32::from(d.y) } else { 2000 + u32::from(d.y % 40) };
    let (dd, mm) = if d.form & 0x80 == 0 { (d.d % 31 + 1, d.m % 12 + 1) } else { (d.d, d.m) };
    match d.form % 5 {
        0 => format!("{dd:02}/{mm:02}/{y}"),
        1 => format!("{dd}/{mm}/{y}"),
        2 => format!("ngày {dd} tháng {mm} năm {y}"),
        3 => format!("{dd}/{mm}"),
        _ => format!("{dd}-{mm}-{y}"),
    }
}

fn body(w: Word, n: Name) -> String {
    let head = word_in(vocab::BODY_HEADS, w);
    let dom = pick(
        &[
            "Nội vụ",
            "Tài chính - Kế hoạch",
            "Văn hóa, Thể thao và Du lịch",
            "Lao động, Thương binh và Xã hội",
            "Kinh tế",
            "Thống kê",
        ],
        n.1 as usize,
    );
    let loc = pick(&["", " huyện", " tỉnh", " xã", " thị xã Bình Sơn"], n.2 as usize);
    format!("{head} {dom}{loc}")
}

fn piece(p: &Piece, out: &mut String) {
    match p {
        Piece::Word(w) => out.push_str(table(*w)),
        Piece::Name(n) => out.push_str(&name(*n)),
        Piece::Date(d) => out.push_str(&date(*d)),
        Piece::Num(n) => out.push_str(&n.to_string()),
        Piece::Mark(m) => out.push_str(pick(MARKS, *m as usize)),
        Piece::Space(s) => out.push_str(pick(SPACES, *s as usize)),
        Piece::Raw(s) => out.push_str(&s.chars().take(64).collect::<String>()),
    }
}

fn label(style: u8, depth: u8, i: usize) -> String {
    match style % 6 {
        0 => format!("{}. ", i % 20 + 1),
        1 => format!("{}.{}. ", depth % 4 + 1, i % 12 + 1),
        2 => format!("{}) ", pick(vocab::POINT_LETTERS, i)),
        3 => "- ".into(),
        4 => "+ ".into(),
        _ => format!("{}. ", pick(vocab::ROMAN, i)),
    }
}

/// The text of a document.
pub fn render(doc: &Doc) -> String {
    let mut lines: Vec<String> = Vec::new();
    let st = &doc.style;
    let indent = " ".repeat((st.indent % 5) as usize);
    for (i, l) in doc.lines.iter().enumerate() {
        let mut s = String::new();
        match l {
            Line::Issuer(w, n) => {
                s = format!("{} {}", word_in(vocab::BODY_HEADS, *w).to_uppercase(), name(*n).to_uppercase())
            }
            Line::Motto(m) => s = pick(vocab::MOTTO_CUES, *m as usize).to_string(),
            Line::Number(n, w, f) => {
                let num = if f % 4 == 0 { String::new() } else { n.to_string() };
                let sym = word_in(&["UBND", "VP", "HU", "ĐU", "UBND-VX", "SXD"], *w);
                s = match f % 3 {
                    0 => format!("Số: {num}/TB-{sym}"),
                    1 => format!("Số {num}-TB/{sym}"),
                    _ => format!("Số:{num}/{sym}"),
                };
            }
            Line::DateLine(n, d) => {
                s = format!("{}, {}", pick(vocab::SURNAMES, n.0 as usize), date(D { form: 2 | (d.form & 0x80), ..*d }))
            }
            Line::Type(w) => {
                s = pick(&vocab::DOC_TYPES.iter().map(|x| x.0).collect::<Vec<_>>(), w.1 as usize).to_string()
            }
            Line::Subject(n, t, m, k) => {
                s = format!(
                    "Kết luận của đồng chí {}, {} UBND huyện tại {} {}",
                    name(*n),
                    word_in(vocab::TITLE_HEADS, *t),
                    word_in(vocab::MEETING_KINDS, *m),
                    word_in(vocab::ASSESSMENT_CUES, *k)
                );
                if st.markdown {
                    s = format!("**{s}**");
                }
            }
            Line::Meeting(d, n, t, m, att, abs) => {
                s = format!(
                    "Ngày {}, đồng chí {}, {} UBND huyện chủ trì {} thường kỳ.",
                    date(*d),
                    name(*n),
                    word_in(vocab::TITLE_HEADS, *t),
                    word_in(vocab::MEETING_KINDS, *m)
                );
                if !att.is_empty() {
                    s.push_str(" Tham dự có ");
                    let parts: Vec<String> = att
                        .iter()
                        .take(6)
                        .map(|(n, w)| format!("đồng chí {}, {} huyện", name(*n), word_in(vocab::TITLE_HEADS, *w)))
                        .collect();
                    s.push_str(&parts.join("; "));
                }
                if let Some((n, w)) = abs {
                    s.push_str(&format!(" (vắng đồng chí {} {})", name(*n), word_in(vocab::ABSENCE_REASONS, *w)));
                }
                s.push('.');
            }
            Line::LeadIn(a, b) => {
                s = format!(
                    "Đồng chí {} UBND huyện {}:",
                    word_in(vocab::TITLE_HEADS, *a),
                    word_in(vocab::LEAD_IN_CUES, *b)
                )
            }
            Line::Section(r, w, upper) => {
                let h = format!(
                    "{} {}",
                    word_in(vocab::TASK_SECTION_CUES, *w),
                    word_in(vocab::ASSESSMENT_CUES, Word(0, w.1 / 3))
                );
                let h = if *upper { h.to_uppercase() } else { h };
                s = format!("{}. {}", pick(vocab::ROMAN, *r as usize), h);
                if st.markdown && r % 2 == 0 {
                    s = format!("**{s}**");
                }
            }
            Line::Task(ls, depth, phr, w, n, dl, extra) => {
                s.push_str(&"  ".repeat((*depth % 4) as usize));
                s.push_str(&label(*ls, *depth, i));
                let b = body(*w, *n);
                let b2 = body(Word(w.0, w.1.wrapping_add(7)), Name(n.1, n.2, n.0, n.3));
                match phr % 6 {
                    0 => s.push_str(&format!("Giao {b} chủ trì, phối hợp với {b2} rà soát, báo cáo")),
                    1 => s.push_str(&format!("Đề nghị {b} quan tâm chỉ đạo")),
                    2 => s.push_str(&format!("{b}:")),
                    3 => s.push_str(&format!("{b} tham mưu UBND huyện ban hành kế hoạch")),
                    4 => s.push_str(&format!("Yêu cầu {b}, {b2} tập trung thực hiện")),
                    _ => s.push_str("Tiếp tục triển khai thực hiện nhiệm vụ"),
                }
                if let Some((k, d)) = dl {
                    let cue = pick(
                        &[
                            "; hoàn thành trước ngày ",
                            "; chậm nhất ngày ",
                            "; hoàn thành trong tháng ",
                            ", định kỳ hằng tháng",
                            ", thường xuyên",
                            " trước ",
                        ],
                        *k as usize,
                    );
                    s.push_str(cue);
                    if k % 6 < 3 || k % 6 == 5 {
                        s.push_str(&date(*d));
                    }
                }
                for p in extra.iter().take(16) {
                    piece(p, &mut s);
                }
                s.push(if phr % 6 == 2 { ' ' } else { '.' });
            }
            Line::Closing(w) => {
                s = format!(
                    "{} kết luận của đồng chí Chủ tịch UBND huyện để các cơ quan, đơn vị biết, thực hiện./.",
                    word_in(vocab::CLOSING_CUES, *w)
                )
            }
            Line::Recipients(w) => s = format!("{}:", word_in(vocab::RECIPIENTS_CUES, *w)),
            Line::Recipient(a, b) => {
                s = format!("- {} {};", word_in(vocab::BODY_HEADS, *a), word_in(vocab::GROUP_NOUNS, *b))
            }
            Line::Archive(w, parts) => {
                let p: Vec<&str> = parts
                    .iter()
                    .take(5)
                    .map(|i| pick(&["VT", "TH", "VP", "KT", "NV", "HC (2)"], *i as usize))
                    .collect();
                s = format!("- {}: {}.", word_in(vocab::ARCHIVE_CUES, *w), p.join(", "));
            }
            Line::Authority(a, p) => {
                s = format!(
                    "{}. {}",
                    pick(&vocab::AUTHORITY_MARKS.iter().map(|x| x.0).collect::<Vec<_>>(), a.1 as usize),
                    word_in(&["CHỦ TỊCH", "ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ", "GIÁM ĐỐC"], *p)
                );
                s.push('\n');
                s.push_str(word_in(
                    &["CHÁNH VĂN PHÒNG", "PHÓ CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "(Đã ký)"],
                    Word(0, p.1 / 4),
                ));
                if st.markdown {
                    s = format!("**{s}**");
                }
            }
            Line::Signer(n) => s = name(*n),
            Line::Free(ps) => {
                for p in ps.iter().take(32) {
                    piece(p, &mut s);
                }
            }
        }
        let is_body =
            matches!(l, Line::Meeting(..) | Line::LeadIn(..) | Line::Task(..) | Line::Closing(..) | Line::Free(..));
        if is_body && !indent.is_empty() {
            s.insert_str(0, &indent);
        }
        if st.nbsp {
            s = s.replacen(' ', "\u{a0}", 2);
        }
        lines.push(s);
    }
    let sep = match (st.gap % 3, st.crlf) {
        (0, false) => "\n",
        (1, false) => "\n\n",
        (_, false) => "\n\n\n",
        (0, true) => "\r\n",
        (1, true) => "\r\n\r\n",
        (_, true) => "\r\n\r\n\r\n",
    };
    let mut text = lines.join(sep);
    text.push_str(if st.crlf { "\r\n" } else { "\n" });
    if st.nfd { text.nfd().collect() } else { text }
}
