//! The signing block (Decree 30/2020, boxes 7a–7c).
//!
//! ```text
//! block    := MARK-LINE? (MARK-LINE | TITLE-LINE)* NAME-LINE?
//! MARK     := "TM" | "T/M" | "KT" | "K/T" | "TL" | "T/L" | "TUQ" | "Q"   followed by "." (optional after a slash)
//! ```
//! The first mark is the authority and its line the body or head signed
//! for; the last title line is the signer's position (stacked marks such as
//! "TL. CHỦ TỊCH" / "KT. CHÁNH VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG" give TL,
//! CHỦ TỊCH, PHÓ CHÁNH VĂN PHÒNG); the name is the line in name case. An
//! acting head's "Q. GIÁM ĐỐC" alone is also the signer's position.

use crate::model::{Authority, Signature};
use crate::patterns::{
    Matcher, P, Regex, compile, compile_matcher,
    gates::{self, first_bytes, leads_with},
};
use crate::segment::is_caps_line;
use crate::vocab::{self, alternation};
use std::sync::LazyLock;

static MARK: LazyLock<Regex> = LazyLock::new(|| {
    let marks: Vec<&str> = vocab::AUTHORITY_MARKS.iter().map(|(m, _)| *m).collect();
    compile(&format!(r"^(?P<mark>{})(?:\s*[.:]\s*|\s+)(?P<rest>\p{{Lu}}.*)$", alternation(&marks)))
});

static SIGNED: LazyLock<Matcher> =
    LazyLock::new(|| compile_matcher(&format!(r"^\(?\s*(?:{})[^)]*\)?\.?$", alternation(vocab::SIGNED_MARKS))));

/// The bytes that can start a word of [`SIGNED`] (under either tone
/// placement).
static SIGNED_LEADS: LazyLock<[bool; 256]> = LazyLock::new(|| first_bytes(vocab::SIGNED_MARKS.iter().copied()));

/// False only when [`MARK`] cannot match: the line starts with the first
/// byte of a mark (the marks of `P.signature_mark`).
fn may_be_mark(l: &str) -> bool {
    gates::may_be_signature_mark(l)
}

/// False only when [`SIGNED`] cannot match: after an optional "(" and white
/// space comes the first byte of a signed mark.
fn may_be_signed(l: &str) -> bool {
    leads_with(&SIGNED_LEADS, l.strip_prefix('(').unwrap_or(l).trim_start())
}

/// Whether the trimmed line `l` only stands for the handwritten signature.
fn is_signed(l: &str) -> bool {
    may_be_signed(l) && SIGNED.is_match(l)
}

/// Whether a line only stands for the handwritten signature ("(Đã ký)").
pub(crate) fn is_signed_mark(l: &str) -> bool {
    is_signed(l.trim())
}

/// Reads the signature from its lines, in order.
pub(crate) fn read(lines: &[&str]) -> Option<Signature> {
    let mut sig = Signature { authority: None, on_behalf_of: None, position: None, name: None };
    let mut any = false;
    for raw in lines {
        let l = raw.trim().trim_matches('*').trim();
        if l.is_empty() || is_signed(l) || P.is_furniture(l) {
            continue;
        }
        if let Some(c) = may_be_mark(l).then(|| MARK.captures(l)).flatten() {
            let mark = c.name("mark").map_or("", |m| m.as_str());
            let canon = vocab::AUTHORITY_MARKS.iter().find(|(m, _)| *m == mark).map(|(_, c)| *c);
            let rest = c.name("rest").map_or("", |m| m.as_str().trim()).to_string();
            if sig.authority.is_none() {
                sig.authority = canon.and_then(Authority::from_mark);
                sig.on_behalf_of = Some(rest);
            } else {
                sig.position = Some(rest);
            }
            any = true;
        } else if is_caps_line(l) && sig.name.is_none() {
            sig.position = Some(l.to_string());
            any = true;
        } else if sig.name.is_none() && is_name(l) {
            sig.name = Some(l.to_string());
            any = true;
        }
    }
    // "Q. GIÁM ĐỐC" (acting head) alone over a name: the signer holds that
    // position. "TM. ỦY BAN NHÂN DÂN" alone says nothing of the signer's.
    if sig.authority == Some(Authority::Q) && sig.position.is_none() {
        sig.position.clone_from(&sig.on_behalf_of);
    }
    any.then_some(sig)
}

/// Whether the line is a person's name: two to six words in name case.
pub(crate) fn is_name(l: &str) -> bool {
    // Word by word, and no further than a seventh word: a long line of
    // text costs no more than a name.
    let mut count = 0;
    for w in l.split_whitespace() {
        count += 1;
        let mut cs = w.chars();
        let name_case =
            cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || c == '\'' || c == '.');
        if count > 6 || !name_case {
            return false;
        }
    }
    count >= 2
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&MARK);
    LazyLock::force(&SIGNED);
    LazyLock::force(&SIGNED_LEADS);
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (Option<&'static str>, Option<String>, Option<String>, Option<String>);

    fn sig(lines: &[&str]) -> Row {
        let s = read(lines).unwrap_or(Signature { authority: None, on_behalf_of: None, position: None, name: None });
        (s.authority.map(Authority::as_str), s.on_behalf_of, s.position, s.name)
    }

    #[test]
    fn mark_gates_never_hide_a_match() {
        let (mut marks, mut signed) = (0, 0);
        for t in crate::patterns::gates::tests::samples() {
            let (m, s) = (MARK.is_match(&t), SIGNED.is_match(&t));
            assert!(!m || may_be_mark(&t), "mark {t:?}");
            assert!(!s || may_be_signed(&t), "signed {t:?}");
            (marks, signed) = (marks + usize::from(m), signed + usize::from(s));
        }
        assert!(marks > 5 && signed > 5, "{marks} {signed}");
        assert!(!may_be_mark("Nguyễn Văn A") && !may_be_signed("Nguyễn Văn A"));
    }

    #[test]
    fn signature_table() {
        let o = |s: &str| Some(s.to_string());
        let cases: Vec<(Vec<&str>, Row)> = vec![
            (
                vec!["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Thanh Sơn"],
                (Some("TL"), o("CHỦ TỊCH"), o("CHÁNH VĂN PHÒNG"), o("Nguyễn Thanh Sơn")),
            ),
            (
                vec!["TL.CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "(Đã ký)", "Lê Văn Cường"],
                (Some("TL"), o("CHỦ TỊCH"), o("PHÓ CHÁNH VĂN PHÒNG"), o("Lê Văn Cường")),
            ),
            (
                vec!["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Đông"],
                (Some("TM"), o("ỦY BAN NHÂN DÂN"), o("CHỦ TỊCH"), o("Trần Văn Đông")),
            ),
            (
                vec!["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hà Thị Én"],
                (Some("TM"), o("BAN THƯỜNG VỤ"), o("PHÓ BÍ THƯ"), o("Hà Thị Én")),
            ),
            (
                vec!["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Đỗ Văn Phú"],
                (Some("KT"), o("BỘ TRƯỞNG, CHỦ NHIỆM"), o("PHÓ CHỦ NHIỆM"), o("Đỗ Văn Phú")),
            ),
            (vec!["CHÁNH VĂN PHÒNG", "Võ Minh Giang"], (None, None, o("CHÁNH VĂN PHÒNG"), o("Võ Minh Giang"))),
            (vec!["Q. GIÁM ĐỐC", "Bùi Văn Hậu"], (Some("Q"), o("GIÁM ĐỐC"), o("GIÁM ĐỐC"), o("Bùi Văn Hậu"))),
            (vec!["TM. ỦY BAN NHÂN DÂN", "Bùi Văn Hậu"], (Some("TM"), o("ỦY BAN NHÂN DÂN"), None, o("Bùi Văn Hậu"))),
            (
                vec!["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Phan Thị Ích"],
                (Some("TUQ"), o("CHỦ TỊCH"), o("GIÁM ĐỐC SỞ NỘI VỤ"), o("Phan Thị Ích")),
            ),
        ];
        for (lines, want) in cases {
            assert_eq!(sig(&lines), want, "for {lines:?}");
        }
    }
}
