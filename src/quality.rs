//! Text quality: whether the input is a broken text layer.
//!
//! Two failures are recognised, from character statistics of the whole
//! normalised text:
//!
//! - **legacy encoding** (`legacy_encoding`): TCVN3 (ABC) or VNI bytes, or
//!   UTF-8 bytes, decoded as Latin-1 / Windows-1252. Such text has almost no
//!   Vietnamese letters (the U+1EA0 block, ă â đ ê ô ơ ư) but many Latin-1
//!   symbols and letters foreign to Vietnamese ("Céng hßa x· héi",
//!   "Coäng hoøa", "Cáº¥p Tá»‰nh").
//! - **garbled text** (`garbled_text`): an OCR or PDF layer that lost its
//!   diacritics ("Chrl tich UBND tinh", "THONGBAo") or left tone marks on
//!   letters that cannot carry them.

/// What is wrong with the text, if anything: (code, sentence).
pub(crate) fn assess(text: &str) -> Option<(crate::model::Code, &'static str)> {
    use crate::model::Code;
    let mut letters = 0usize;
    let mut viet = 0usize;
    let mut foreign = 0usize;
    let mut stray_marks = 0usize;
    // HTML comments (the canonical rendering's marker) are not the text.
    let mut visible = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        visible.push(rest.get(..open).unwrap_or_default());
        rest = rest.get(open..).and_then(|r| r.find("-->").and_then(|e| r.get(e + 3..))).unwrap_or_default();
    }
    visible.push(rest);
    for part in visible {
        let bytes = part.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            // ASCII is decided on the byte; other characters are decoded.
            if b.is_ascii() {
                letters += usize::from(b.is_ascii_alphabetic());
                at += 1;
                continue;
            }
            let Some(c) = part.get(at..).and_then(|r| r.chars().next()) else { break };
            at += c.len_utf8();
            classify(c, &mut letters, &mut viet, &mut foreign, &mut stray_marks);
        }
    }
    if letters < 40 {
        return None;
    }
    // Vietnamese written with its letters has roughly one in four letters
    // marked; mojibake has Latin-1 noise instead.
    if foreign * 50 > letters && foreign > viet {
        return Some((
            Code::LegacyEncoding,
            "the text looks like TCVN3, VNI or UTF-8 bytes decoded with the wrong encoding; fields were not read from it",
        ));
    }
    if viet * 100 < letters || stray_marks * 50 > letters {
        return Some((
            Code::GarbledText,
            "the text has lost or misplaced its Vietnamese diacritics (an OCR or PDF text layer?); fields may be missing",
        ));
    }
    None
}

/// Counts non-ASCII character `c`: as a letter (most are), a Vietnamese
/// letter, a letter or symbol foreign to Vietnamese, or a stray combining
/// mark.
#[inline]
fn classify(c: char, letters: &mut usize, viet: &mut usize, foreign: &mut usize, stray_marks: &mut usize) {
    // The Unicode letter test is slow: the letters named below skip it.
    *letters += usize::from(!matches!(c, '\u{A1}'..='\u{BF}' | '\u{D7}' | '\u{F7}' | '\u{300}'..='\u{36F}'));
    match c {
        '\u{1EA0}'..='\u{1EF9}' => *viet += 1,
        'ă' | 'â' | 'đ' | 'ê' | 'ô' | 'ơ' | 'ư' | 'Ă' | 'Â' | 'Đ' | 'Ê' | 'Ô' | 'Ơ' | 'Ư' | 'à' | 'á' | 'ã' | 'è'
        | 'é' | 'ì' | 'í' | 'ò' | 'ó' | 'õ' | 'ù' | 'ú' | 'ý' | 'À' | 'Á' | 'Ã' | 'È' | 'É' | 'Ì' | 'Í' | 'Ò' | 'Ó'
        | 'Õ' | 'Ù' | 'Ú' | 'Ý' | 'ĩ' | 'ũ' | 'Ĩ' | 'Ũ' => *viet += 1,
        '\u{A1}'..='\u{BF}' | '\u{D7}' | '\u{F7}' => *foreign += 1,
        'Ä' | 'Å' | 'Æ' | 'Ç' | 'Ë' | 'Î' | 'Ï' | 'Ñ' | 'Ö' | 'Ø' | 'Û' | 'Ü' | 'ß' | 'ä' | 'å' | 'æ' | 'ç' | 'ë'
        | 'î' | 'ï' | 'ñ' | 'ö' | 'ø' | 'û' | 'ü' | 'þ' | 'Þ' | 'Ð' => *foreign += 1,
        '\u{300}'..='\u{36F}' => *stray_marks += 1,
        '\u{152}' | '\u{153}' | '\u{160}' | '\u{161}' | '\u{178}' | '\u{17D}' | '\u{17E}' | '\u{192}' | '\u{2C6}'
        | '\u{2DC}' => *foreign += 1,
        // General punctuation (quotes, dashes, ellipsis) holds no letter.
        '\u{2000}'..='\u{206F}' => *letters -= 1,
        _ => *letters -= usize::from(!c.is_alphabetic()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Code;

    #[test]
    fn quality_table() {
        let good = "Ngày 30/01/2024, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện chủ trì cuộc họp giao ban tháng 01/2024 về công tác chuyển đổi số.";
        let tcvn3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Th«ng b¸o kÕt luËn cña ®ång chÝ Chñ tÞch UBND huyÖn.";
        let vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Thoâng baùo keát luaän cuûa ñoàng chí Chuû tòch.";
        let utf8_latin1 = "Cáº¥p Tá»‰nh á»¦y ban nhÃ¢n dÃ¢n huyá»‡n ThÃ´ng bÃ¡o káº¿t luáº\u{ad}n cá»§a Ä‘á»“ng chÃ\u{ad} Chá»§ tá»‹ch";
        let ocr =
            "THONGBAo Ket luan cua dong chi Chrl tich UBND tinh tai cuoc hop ngay 30/01/2024 ve cong tac chuyen doi so";
        let cases: &[(&str, Option<Code>)] = &[
            (good, None),
            (tcvn3, Some(Code::LegacyEncoding)),
            (vni, Some(Code::LegacyEncoding)),
            (utf8_latin1, Some(Code::LegacyEncoding)),
            (ocr, Some(Code::GarbledText)),
            ("short", None),
            ("<!-- thongbao: canonical Markdown -->\n\nVP MAI THANH THANH", None),
        ];
        for (text, want) in cases {
            assert_eq!(assess(text).map(|(c, _)| c), *want, "for {text:?}");
        }
    }
}
