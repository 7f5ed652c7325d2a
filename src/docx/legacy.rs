//! Text in the legacy Vietnamese font encodings: TCVN3 ("ABC", the `.Vn…`
//! fonts: `.VnTime`, `.VnArial`, and the capitals fonts `.VnTimeH`,
//! `.VnArialH` …) and VNI Windows (the `VNI-…` fonts: `VNI-Times` …).
//!
//! Before Unicode, Vietnamese text was typed in 8-bit codes and *drawn* as
//! Vietnamese letters by fonts made for them. A `.docx` converted from such
//! a document keeps the codes: each byte is stored as the character that
//! Windows-1252 gives it (byte 0xB8 as "¸"), and only the run's font tells
//! what it means ("á" in TCVN3). The reader converts such runs to Unicode
//! (NFC): see [`encoding_of_font`] and [`convert`].
//!
//! **Sources of the tables.** TCVN3 is the 8-bit subset (VN3) of TCVN
//! 5712:1993: the lowercase letters with their tones, the seven base
//! capitals (Ă Â Ê Ô Ơ Ư Đ) and five combining tone marks. [`TCVN3`] holds
//! those positions as given by GNU libiconv's TCVN-5712 table
//! (`lib/tcvn.h`, `tcvn_2uni_2`), checked entry by entry against the TCVN3
//! lists of the `vietnamese-conversion` package (duydev, `src/charsets.ts`)
//! and of a PHP `VNCode` class (`$ABC`); the three agree on every position
//! kept here. The positions where TCVN 5712's full set (VN1) puts toned
//! capitals, which TCVN3 fonts do not have, are left as they are. VNI
//! Windows writes a letter as its base letter followed by a mark character
//! ("aù" = "á", "oä" = "ộ"), with a few letters of their own ("ñ" = "đ",
//! "ô" = "ơ", "ö" = "ư", "ò" = "ị" …); [`VNI_LETTERS`] and [`VNI_MARKS`]
//! are taken from the VNI list of `vietnamese-conversion` (`VNI`) and
//! checked against the PHP class's `$NCR_VNI`, which agree.

use unicode_normalization::UnicodeNormalization;

/// A legacy encoding of a run's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Legacy {
    /// TCVN3 (ABC); `capitals`: a capitals font (`.VnTimeH`), whose
    /// lowercase codes are drawn as capitals.
    Tcvn3 { capitals: bool },
    /// VNI Windows.
    Vni,
}

/// The legacy encoding a font draws, by its name: `.Vn…` fonts are TCVN3
/// (those whose name ends in "H" are capitals fonts), `VNI-…` fonts are VNI
/// Windows.
pub(crate) fn encoding_of_font(font: &str) -> Option<Legacy> {
    let font = font.trim();
    let lower = font.to_ascii_lowercase();
    if lower.starts_with(".vn") {
        return Some(Legacy::Tcvn3 { capitals: font.ends_with('H') });
    }
    if lower.starts_with("vni-") || lower.starts_with("vni ") {
        return Some(Legacy::Vni);
    }
    None
}

/// TCVN3 code (as its Windows-1252 / Latin-1 character) → Unicode. The
/// combining marks at 0xB0–0xB4 follow the letter they tone.
pub(crate) const TCVN3: &[(char, char)] = &[
    ('\u{A1}', 'Ă'),
    ('\u{A2}', 'Â'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
    ('\u{A7}', 'Đ'),
    ('\u{A8}', 'ă'),
    ('\u{A9}', 'â'),
    ('\u{AA}', 'ê'),
    ('\u{AB}', 'ô'),
    ('\u{AC}', 'ơ'),
    ('\u{AD}', 'ư'),
    ('\u{AE}', 'đ'),
    ('\u{B0}', '\u{300}'),
    ('\u{B1}', '\u{309}'),
    ('\u{B2}', '\u{303}'),
    ('\u{B3}', '\u{301}'),
    ('\u{B4}', '\u{323}'),
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B8}', 'á'),
    ('\u{B9}', 'ạ'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('\u{BE}', 'ắ'),
    ('\u{C6}', 'ặ'),
    ('\u{C7}', 'ầ'),
    ('\u{C8}', 'ẩ'),
    ('\u{C9}', 'ẫ'),
    ('\u{CA}', 'ấ'),
    ('\u{CB}', 'ậ'),
    ('\u{CC}', 'è'),
    ('\u{CE}', 'ẻ'),
    ('\u{CF}', 'ẽ'),
    ('\u{D0}', 'é'),
    ('\u{D1}', 'ẹ'),
    ('\u{D2}', 'ề'),
    ('\u{D3}', 'ể'),
    ('\u{D4}', 'ễ'),
    ('\u{D5}', 'ế'),
    ('\u{D6}', 'ệ'),
    ('\u{D7}', 'ì'),
    ('\u{D8}', 'ỉ'),
    ('\u{DC}', 'ĩ'),
    ('\u{DD}', 'í'),
    ('\u{DE}', 'ị'),
    ('\u{DF}', 'ò'),
    ('\u{E1}', 'ỏ'),
    ('\u{E2}', 'õ'),
    ('\u{E3}', 'ó'),
    ('\u{E4}', 'ọ'),
    ('\u{E5}', 'ồ'),
    ('\u{E6}', 'ổ'),
    ('\u{E7}', 'ỗ'),
    ('\u{E8}', 'ố'),
    ('\u{E9}', 'ộ'),
    ('\u{EA}', 'ờ'),
    ('\u{EB}', 'ở'),
    ('\u{EC}', 'ỡ'),
    ('\u{ED}', 'ớ'),
    ('\u{EE}', 'ợ'),
    ('\u{EF}', 'ù'),
    ('\u{F1}', 'ủ'),
    ('\u{F2}', 'ũ'),
    ('\u{F3}', 'ú'),
    ('\u{F4}', 'ụ'),
    ('\u{F5}', 'ừ'),
    ('\u{F6}', 'ử'),
    ('\u{F7}', 'ữ'),
    ('\u{F8}', 'ứ'),
    ('\u{F9}', 'ự'),
    ('\u{FA}', 'ỳ'),
    ('\u{FB}', 'ỷ'),
    ('\u{FC}', 'ỹ'),
    ('\u{FD}', 'ý'),
    ('\u{FE}', 'ỵ'),
];

/// VNI Windows letters written as one code (lowercase, uppercase → Unicode).
pub(crate) const VNI_LETTERS: &[(char, char, &str)] = &[
    ('ñ', 'Ñ', "đĐ"),
    ('ì', 'Ì', "ìÌ"),
    ('í', 'Í', "íÍ"),
    ('æ', 'Æ', "ỉỈ"),
    ('ó', 'Ó', "ĩĨ"),
    ('ò', 'Ò', "ịỊ"),
    ('ô', 'Ô', "ơƠ"),
    ('ö', 'Ö', "ưƯ"),
    ('î', 'Î', "ỵỴ"),
];

/// VNI Windows mark codes (lowercase and uppercase code) → the combining
/// marks they add to the letter before them.
pub(crate) const VNI_MARKS: &[(char, char, &str)] = &[
    ('ø', 'Ø', "\u{300}"),
    ('ù', 'Ù', "\u{301}"),
    ('û', 'Û', "\u{309}"),
    ('õ', 'Õ', "\u{303}"),
    ('ï', 'Ï', "\u{323}"),
    ('â', 'Â', "\u{302}"),
    ('ê', 'Ê', "\u{306}"),
    ('á', 'Á', "\u{302}\u{301}"),
    ('à', 'À', "\u{302}\u{300}"),
    ('å', 'Å', "\u{302}\u{309}"),
    ('ã', 'Ã', "\u{302}\u{303}"),
    ('ä', 'Ä', "\u{302}\u{323}"),
    ('é', 'É', "\u{306}\u{301}"),
    ('è', 'È', "\u{306}\u{300}"),
    ('ú', 'Ú', "\u{306}\u{309}"),
    ('ü', 'Ü', "\u{306}\u{303}"),
    ('ë', 'Ë', "\u{306}\u{323}"),
];

/// The text of a run drawn in a font of encoding `enc`, in Unicode (NFC).
pub(crate) fn convert(text: &str, enc: Legacy) -> String {
    let decoded = match enc {
        Legacy::Tcvn3 { .. } => {
            text.chars().map(|c| TCVN3.iter().find(|(k, _)| *k == c).map_or(c, |(_, u)| *u)).collect::<String>()
        }
        Legacy::Vni => vni(text),
    };
    let out: String = decoded.nfc().collect();
    match enc {
        Legacy::Tcvn3 { capitals: true } => out.to_uppercase(),
        _ => out,
    }
}

/// VNI Windows to Unicode (decomposed where a mark follows its letter).
fn vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    // Whether the last character written is a vowel a mark may go on.
    let mut vowel = false;
    for c in text.chars() {
        if vowel && let Some((_, _, marks)) = VNI_MARKS.iter().find(|(l, u, _)| *l == c || *u == c) {
            out.push_str(marks);
            continue;
        }
        if let Some((l, _, pair)) = VNI_LETTERS.iter().find(|(l, u, _)| *l == c || *u == c) {
            let mut p = pair.chars();
            let (lower, upper) = (p.next(), p.next());
            if let Some(u) = if c == *l { lower } else { upper } {
                out.push(u);
                vowel = matches!(u, 'ơ' | 'Ơ' | 'ư' | 'Ư');
                continue;
            }
        }
        out.push(c);
        vowel = matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'o' | 'u' | 'y');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts() {
        assert_eq!(encoding_of_font(".VnTime"), Some(Legacy::Tcvn3 { capitals: false }));
        assert_eq!(encoding_of_font(".VnTimeH"), Some(Legacy::Tcvn3 { capitals: true }));
        assert_eq!(encoding_of_font(".VnArial"), Some(Legacy::Tcvn3 { capitals: false }));
        assert_eq!(encoding_of_font("VNI-Times"), Some(Legacy::Vni));
        assert_eq!(encoding_of_font("Times New Roman"), None);
    }

    #[test]
    fn tcvn3() {
        let t = Legacy::Tcvn3 { capitals: false };
        assert_eq!(convert("th«ng b¸o", t), "thông báo");
        assert_eq!(convert("ñy ban nh©n d©n", t), "ủy ban nhân dân");
        assert_eq!(convert("Tr¹m Y tÕ x·", t), "Trạm Y tế xã");
        assert_eq!(convert("§µ N½ng", t), "Đà Nẵng");
        // A combining tone mark after its letter.
        assert_eq!(convert("ba\u{B3}", t), "bá");
        assert_eq!(convert("TH¤NG B¸O", Legacy::Tcvn3 { capitals: true }), "THÔNG BÁO");
        assert_eq!(convert("céng hßa", Legacy::Tcvn3 { capitals: true }), "CỘNG HÒA");
    }

    #[test]
    fn vni() {
        assert_eq!(convert("Phoøng", Legacy::Vni), "Phòng");
        assert_eq!(convert("Vaên hoùa", Legacy::Vni), "Văn hóa");
        assert_eq!(convert("Ñoàng chí Traàn Quoác", Legacy::Vni), "Đồng chí Trần Quốc");
        assert_eq!(convert("Thöôøng tröïc", Legacy::Vni), "Thường trực");
        assert_eq!(convert("THOÂNG BAÙO", Legacy::Vni), "THÔNG BÁO");
        assert_eq!(convert("kyõ thuaät, ñòa", Legacy::Vni), "kỹ thuật, địa");
        assert_eq!(convert("Ngaøy 22/9", Legacy::Vni), "Ngày 22/9");
    }
}
