//! Byte pre-checks for the shared patterns.
//!
//! Each `may_be_*` function is a necessary condition for its pattern of
//! [`super::Patterns`]: it returns false only when the pattern cannot
//! match, so that most lines skip the regex. The `is_*` methods of
//! [`super::Patterns`] ask the check first and the pattern after; code
//! elsewhere asks those methods, never the regexes themselves. When a
//! pattern or its vocabulary changes, widen its check here: the tests
//! below run every check against its pattern on varied lines and on every
//! line of the fixtures.

use crate::vocab;
use std::sync::LazyLock;

/// The first bytes of `words` under every tone placement (as
/// [`vocab::alternation`] writes them into a pattern).
pub(crate) fn first_bytes<'a>(words: impl Iterator<Item = &'a str>) -> [bool; 256] {
    let mut set = [false; 256];
    for v in words.flat_map(vocab::tone_variants) {
        if let Some(x) = v.as_bytes().first().and_then(|&b| set.get_mut(usize::from(b))) {
            *x = true;
        }
    }
    set
}

/// Whether `s` starts with a byte of `set`.
pub(crate) fn leads_with(set: &[bool; 256], s: &str) -> bool {
    s.as_bytes().first().is_some_and(|&b| set.get(usize::from(b)).copied().unwrap_or(true))
}

/// The first bytes of the words that open the patterns anchored on a word
/// of the vocabulary.
struct Leads {
    signature_mark: [bool; 256],
    recipients: [bool; 256],
    doc_type: [bool; 256],
    /// No document type holds an ASCII lower-case letter or digit.
    doc_type_cased: bool,
    meeting_opener: [bool; 256],
    lead_in_opener: [bool; 256],
}

static LEADS: LazyLock<Leads> = LazyLock::new(|| Leads {
    signature_mark: first_bytes(vocab::AUTHORITY_MARKS.iter().map(|(m, _)| *m)),
    recipients: first_bytes(vocab::RECIPIENTS_CUES.iter().copied()),
    doc_type: first_bytes(vocab::DOC_TYPES.iter().map(|(t, _)| *t)),
    doc_type_cased: vocab::DOC_TYPES
        .iter()
        .flat_map(|(t, _)| vocab::tone_variants(t))
        .all(|v| !v.bytes().any(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
    meeting_opener: first_bytes(vocab::MEETING_OPENERS.iter().copied()),
    lead_in_opener: first_bytes(vocab::LEAD_IN_OPENERS.iter().copied()),
});

/// Builds the tables of the checks now (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LEADS);
}

/// `bullet_start`: the first character is one of `-+*` or `•–—−` (all
/// three bytes long, starting with 0xE2).
pub(crate) fn may_be_bullet(s: &str) -> bool {
    matches!(s.as_bytes().first(), Some(b'-' | b'+' | b'*' | 0xE2))
}

/// `item_label`: the line starts with a Roman numeral letter, a digit, a
/// parenthesis, the "Th" of "Thứ", or a lower-case letter (`đ` is 0xC4
/// 0x91) right before `.`, `)` or `-`.
pub(crate) fn may_be_item_label(s: &str) -> bool {
    matches!(
        s.as_bytes(),
        [b'I' | b'V' | b'X' | b'L' | b'C' | b'0'..=b'9' | b'(', ..]
            | [b'T', b'h', ..]
            | [b'a'..=b'z', b'.' | b')' | b'-', ..]
            | [0xC4, 0x91, b'.' | b')' | b'-', ..]
    )
}

/// `recipients_head`: a colon, and after an optional "**" and white space
/// the first byte of a recipients cue.
pub(crate) fn may_be_recipients_head(s: &str) -> bool {
    s.as_bytes().contains(&b':') && leads_with(&LEADS.recipients, s.strip_prefix("**").unwrap_or(s).trim_start())
}

/// `signature_mark`: the line starts with the first byte of a mark.
pub(crate) fn may_be_signature_mark(s: &str) -> bool {
    leads_with(&LEADS.signature_mark, s)
}

/// `furniture`. After leading white space its alternatives need:
/// - `[-–] [0-9]{1,4} [-–]`: a dash, then a digit after white space;
/// - `[0-9]{1,4} [-–]?`: digits, then nothing or a dash after white space;
/// - the two date-time stamps: two digits, `-`, `/` or `.` and a digit, or
///   four digits and `-`;
/// - `=+ trang …`, `trang …`: a `=` or "trang" (any case);
/// - `ký bởi:`: `k`, `K` or the Kelvin sign (0xE2), then `ý`/`Ý` (0xC3
///   0xBD / 0x9D);
/// - a file name or an e-mail address: one word, holding ".d", ".p", ".o"
///   or ".r" (".doc", ".pdf", ".odt", ".rtf", any case) or an `@`;
/// - "đã ký lên văn bản này" anywhere: see [`holds_signed_mark`].
pub(crate) fn may_be_furniture(s: &str) -> bool {
    let t = s.trim_start();
    let b = t.as_bytes();
    let starts = match b {
        [b'-', ..] => t.get(1..).is_some_and(|r| r.trim_start().as_bytes().first().is_some_and(u8::is_ascii_digit)),
        [b'0'..=b'9', ..] => {
            let after = t.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
            matches!(b, [b'0'..=b'9', b'0'..=b'9', b'-' | b'/' | b'.', b'0'..=b'9', ..])
                || matches!(b, [b'0'..=b'9', b'0'..=b'9', b'0'..=b'9', b'0'..=b'9', b'-', ..])
                || after.is_empty()
                || after.starts_with(['-', '–'])
        }
        // "–" and a page number; "ký bởi" with the Kelvin sign for "k".
        [0xE2, 0x80, 0x93, ..] => {
            t.get(3..).is_some_and(|r| r.trim_start().as_bytes().first().is_some_and(u8::is_ascii_digit))
        }
        [b'=', ..] | [b'k' | b'K', 0xC3, 0xBD | 0x9D, ..] | [0xE2, 0x84, 0xAA, 0xC3, 0xBD | 0x9D, ..] => true,
        [b't' | b'T', ..] => b.get(..5).is_some_and(|w| w.eq_ignore_ascii_case(b"trang")),
        _ => false,
    };
    starts || first_word_names_a_file_or_address(b) || holds_signed_mark(b)
}

/// Whether the first word of `b` (up to and with the first ASCII white
/// space byte: `\S+` ends there or before) holds an `@` or a dot before
/// `d`, `p`, `o` or `r` in either case.
fn first_word_names_a_file_or_address(b: &[u8]) -> bool {
    let word_end = b.iter().position(|&x| matches!(x, b' ' | b'\t'..=b'\r')).map_or(b.len(), |k| k + 1);
    let word = b.get(..word_end).unwrap_or_default();
    word.windows(2).any(|w| matches!(w, [b'@', _] | [b'.', b'd' | b'D' | b'p' | b'P' | b'o' | b'O' | b'r' | b'R']))
}

/// Whether `b` holds `ã` or `Ã` (0xC3 0xA3, 0xC3 0x83), a space, `k`, `K`
/// or the Kelvin sign (0xE2 0x84 0xAA, which the regex's `(?i)` folds to
/// `k`), `ý` or `Ý`, a space and `l` or `L`: the start of "đã ký lên" in
/// any case ("đã kết luận" and the "(Đã ký)" of a signature are turned
/// away). A SIMD search finds each `k` and `K` (and, on the rare line with
/// a 0xE2 byte, each Kelvin sign), and only there are the bytes around it
/// looked at.
fn holds_signed_mark(b: &[u8]) -> bool {
    let mark = |at: usize, k_len: usize| {
        matches!(b.get(..at), Some([.., 0xC3, 0xA3 | 0x83, b' ']))
            && matches!(b.get(at + k_len..), Some([0xC3, 0xBD | 0x9D, b' ', b'l' | b'L', ..]))
    };
    memchr::memchr2_iter(b'k', b'K', b).any(|at| mark(at, 1))
        || (memchr::memchr(0xE2, b).is_some() && memchr::memmem::find_iter(b, "\u{212A}").any(|at| mark(at, 3)))
}

/// `rule` (asked by [`super::Patterns::is_rule_line`] on the trimmed
/// line): it starts with one of `-_=*.`, `–—` (0xE2) or `·` (0xC2).
pub(crate) fn may_be_rule_line(s: &str) -> bool {
    matches!(s.trim_start().as_bytes().first(), Some(b'-' | b'_' | b'=' | b'*' | b'.' | 0xE2 | 0xC2))
}

/// `doc_type_line`: after white space and asterisks comes the first letter
/// of a document type, and (when no type has one) the line holds no ASCII
/// lower-case letter or digit.
pub(crate) fn may_be_doc_type_line(s: &str) -> bool {
    leads_with(&LEADS.doc_type, s.trim_start().trim_start_matches('*').trim_start())
        && (!LEADS.doc_type_cased || !s.bytes().any(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// `meeting_opener`: the line starts with an opener and holds a digit.
pub(crate) fn may_be_meeting_opener(s: &str) -> bool {
    leads_with(&LEADS.meeting_opener, s) && s.bytes().any(|b| b.is_ascii_digit())
}

/// `lead_in_opener`: the line starts with an opener.
pub(crate) fn may_be_lead_in_opener(s: &str) -> bool {
    leads_with(&LEADS.lead_in_opener, s)
}

/// `number_line`: the line starts with the `S` of "Số".
pub(crate) fn may_be_number_line(s: &str) -> bool {
    s.as_bytes().first() == Some(&b'S')
}

/// `date_line`: the place before the comma holds no digit, so the first
/// digit or comma is a comma, not at the start.
pub(crate) fn may_be_date_line(s: &str) -> bool {
    s.bytes().position(|b| b == b',' || b.is_ascii_digit()).is_some_and(|p| p > 0 && s.as_bytes().get(p) == Some(&b','))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::P;
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Lines to test byte checks on: furniture, labels, marks, heads,
    /// openers, citations, in both cases, decomposed (NFD), with no-break
    /// spaces, padded, empty; and every line of the fixtures.
    pub(crate) fn samples() -> Vec<String> {
        let lines = [
            "",
            " ",
            "3",
            "  12  ",
            "- 3 -",
            "– 14 –",
            "-3-",
            "12 -",
            "===== Trang 3 =====",
            "Trang 2/5",
            "TRANG 7",
            "trang 3 / 10",
            "14-03-2025 16:20:05 +07:00",
            "14/03/2025 16:20",
            "12/03/2024 10:15:00 +07:00",
            "2025-03-14T16:20:05+07:00",
            "2025-03-14T16:20Z",
            "bao-cao-ket-luan.docx",
            "TB_45.PDF 3",
            "thong-bao.pdf 3",
            "bao-cao.Pdf\t12",
            "  ten.ODT 3",
            "a.b.rtf",
            "bien ban.odt",
            "tệp bao-cao.pdf",
            "x.doc\u{A0}2",
            "Ký bởi: Văn phòng UBND tỉnh",
            "KÝ BỞI: SỞ TƯ PHÁP",
            "\u{212a}ý bởi: x",
            "vanthu@hanoi.gov.vn",
            "x.y@z.vn",
            "Gửi: x@y.vn",
            "x @y.vn",
            "mail\u{A0}x@y.vn",
            "Liên hệ thư điện tử a@b.vn.",
            "Người ký: Nguyễn Văn A đã ký lên văn bản này",
            "NGƯỜI KÝ ĐÃ KÝ LÊN VĂN BẢN NÀY",
            "Đã Ký lên văn bản này lúc 10:00",
            "đã \u{212a}ý lên văn bản này",
            "A đÃ Ký lên văn bản này.",
            "1. Giao Sở Nội vụ chủ trì",
            "12. Sở Tài chính",
            "10/3/2024 Giao",
            "2024-01 kế hoạch",
            "- Sở Xây dựng;",
            "- Giao",
            "+ Sở",
            "• x",
            "– y",
            "---",
            "___",
            "-----",
            "* * *",
            "·········",
            "—————",
            "Nơi nhận:",
            "**Nơi nhận:**",
            "  NƠI NHẬN :",
            "Nơi\u{a0}nhận:",
            "TL. CHỦ TỊCH",
            "T/M BAN THƯỜNG VỤ",
            "KT.GIÁM ĐỐC",
            "Q. GIÁM ĐỐC",
            "Q. CHÁNH VĂN PHÒNG",
            "(Đã ký)",
            "( đã ký và đóng dấu)",
            "Ký",
            "Chữ ký",
            "THÔNG BÁO",
            "** THÔNG BÁO **",
            "  KẾT LUẬN:",
            "GIẤY ỦY QUYỀN",
            "GIẤY UỶ QUYỀN",
            "1. Về",
            "1.1. Tiếp tục",
            "1.2 Rà soát",
            "II. Nhiệm vụ",
            "IV- Tổ chức",
            "(3) Sở",
            "(b) Phòng",
            "b. Lập",
            "a- Công an",
            "2- Một số",
            "đ) Giao",
            "Thứ nhất, về",
            "Thứ hai, giao",
            "Ngày 7/3/2021, đồng chí",
            "Vào lúc 8 giờ",
            "Sáng ngày 12 tháng 3",
            "Chiều 5-4",
            "Sau khi nghe báo cáo",
            "Qua nghe Sở X",
            "Hà Nội, ngày 12 tháng 3 năm 2024",
            "Lào Cai, ngày … tháng … năm 2024",
            "Số: 45/TB-UBND",
            "Số 12/QĐ",
            "Quyết định số 01/2024/QĐ-UBND ngày 03/01/2024",
            "Công văn số 2221 /UBND-TH của",
            "Thông báo số 45-TB/HU",
            "Nghị định 30/2020/NĐ-CP",
            "Kế hoạch số 12a/KH-UBND",
            "Quyết định số 15 / 2024 / QĐ-UBND",
            "Quyết định số 15\u{a0}/\u{a0}Ủy ban",
            "Quyết định số 7-Đ",
            "trước ngày 30/6/2024",
            "các nội dung sau:",
            "tại cuộc họp",
            "Theo đó, ngày 5",
            "kết luận như sau",
            "THÀNH PHỐ HÀ NỘI",
            "Kinh tế - Xã hội năm 2024",
            "Độc lập - Tự do - Hạnh phúc",
        ];
        let mut out: Vec<String> = Vec::new();
        for l in lines {
            out.extend([l.to_string(), l.to_lowercase(), l.to_uppercase(), l.nfd().collect(), format!("  {l}  ")]);
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else { continue };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "md" || x == "txt")
                    && let Ok(text) = std::fs::read_to_string(&p)
                {
                    for l in text.lines() {
                        out.extend([
                            l.to_string(),
                            l.trim().to_string(),
                            l.trim().trim_matches('*').trim().to_string(),
                        ]);
                    }
                }
            }
        }
        out
    }

    /// A pattern's name, its regex and its byte check.
    type Check<'a> = (&'a str, &'a crate::patterns::Matcher, fn(&str) -> bool);

    #[test]
    fn checks_never_hide_a_match() {
        let p = &*P;
        let (date, opener) =
            (crate::patterns::date_line_as_one_pattern(), crate::patterns::meeting_opener_as_one_pattern());
        let doc_type = crate::patterns::doc_type_line_as_one_pattern();
        let signature_mark = crate::patterns::signature_mark_as_one_pattern();
        let item_label = crate::patterns::item_label_as_one_pattern();
        let checks: [Check; 10] = [
            ("bullet", &p.bullet_start, may_be_bullet),
            ("item label", &item_label, may_be_item_label),
            ("recipients head", &p.recipients_head, may_be_recipients_head),
            ("signature mark", &signature_mark, may_be_signature_mark),
            ("furniture", &p.furniture, may_be_furniture),
            ("doc type", &doc_type, may_be_doc_type_line),
            ("meeting opener", &opener, may_be_meeting_opener),
            ("lead-in opener", &p.lead_in_opener, may_be_lead_in_opener),
            ("number", &p.number_line, may_be_number_line),
            ("date", &date, may_be_date_line),
        ];
        let samples = samples();
        for (name, re, check) in checks {
            // The forward-only matcher answers as the full engine.
            let full = crate::patterns::Regex::new(&re.to_string()).expect("compiles");
            let mut matched = 0;
            for t in &samples {
                let m = re.is_match(t);
                assert_eq!(m, full.is_match(t.as_str()), "{name} {t:?}");
                assert!(!m || check(t), "{name} {t:?}");
                matched += usize::from(m);
            }
            // The samples do reach every pattern.
            assert!(matched > 3, "{name}: {matched}");
        }
        let mut rules = 0;
        for t in &samples {
            let m = p.rule.is_match(t.trim());
            assert!(!m || may_be_rule_line(t), "rule {t:?}");
            assert_eq!(p.is_rule_line(t), m, "{t:?}");
            rules += usize::from(m);
        }
        assert!(rules > 3, "{rules}");
    }

    #[test]
    fn gated_methods_answer_as_their_patterns() {
        let p = &*P;
        let (date, opener) =
            (crate::patterns::date_line_as_one_pattern(), crate::patterns::meeting_opener_as_one_pattern());
        let doc_type = crate::patterns::doc_type_line_as_one_pattern();
        let signature_mark = crate::patterns::signature_mark_as_one_pattern();
        let item_label = crate::patterns::item_label_as_one_pattern();
        for t in &samples() {
            assert_eq!(p.is_furniture(t), p.furniture.is_match(t), "{t:?}");
            assert_eq!(p.is_item_label(t), item_label.is_match(t), "{t:?}");
            assert_eq!(p.is_recipients_head(t), p.recipients_head.is_match(t), "{t:?}");
            assert_eq!(p.is_signature_mark(t), signature_mark.is_match(t), "{t:?}");
            assert_eq!(p.is_bullet_start(t), p.bullet_start.is_match(t), "{t:?}");
            assert_eq!(p.is_doc_type_line(t), doc_type.is_match(t), "{t:?}");
            assert_eq!(p.is_meeting_opener(t), opener.is_match(t), "{t:?}");
            assert_eq!(p.is_lead_in_opener(t), p.lead_in_opener.is_match(t), "{t:?}");
            assert_eq!(p.is_number_line(t), p.number_line.is_match(t), "{t:?}");
            assert_eq!(p.is_date_line(t), date.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn signed_stamp_is_found_in_every_case() {
        for t in [
            "đã ký lên",
            "ĐÃ KÝ LÊN",
            "Đã Ký Lên",
            "x đÃ ký l",
            "đã \u{212A}ý lên",
            "A đã ký lên văn bản này",
            "ã ký L",
        ] {
            assert!(holds_signed_mark(t.as_bytes()), "{t:?}");
        }
        for t in [
            "",
            "k",
            "đã",
            "đã ký",
            "(Đã ký)",
            "đã  ký lên",
            "đã ký  lên",
            "đã kết luận",
            "đã nhận",
            "đãk",
            "ký đã",
            "\u{212A}",
            "– đã –",
        ] {
            assert!(!holds_signed_mark(t.as_bytes()), "{t:?}");
        }
    }

    #[test]
    fn checks_turn_ordinary_lines_away() {
        for t in ["Giao Sở Nội vụ chủ trì", "1. Giao Sở", "- Sở Xây dựng;", "Nguyễn Văn A", "quản lý đô thị"]
        {
            assert!(!may_be_furniture(t), "{t:?}");
        }
        for t in ["Giao Sở Nội vụ", "- Sở Xây dựng;", "Sở Tài chính"] {
            assert!(!may_be_item_label(t) && !may_be_recipients_head(t) && !may_be_signature_mark(t), "{t:?}");
        }
    }
}
