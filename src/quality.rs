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
    let mut counts = Counts::default();
    // HTML comments (the canonical rendering's marker) are not the text.
    let mut rest = text;
    while let Some(open) = comment_start(rest) {
        counts.add(rest.get(..open).unwrap_or_default());
        rest = rest.get(open..).and_then(|r| r.find("-->").and_then(|e| r.get(e + 3..))).unwrap_or_default();
    }
    counts.add(rest);
    let Counts { letters, viet, foreign, stray_marks } = counts;
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

/// Where the first HTML comment of `s` opens: found by its `<` (one fast
/// byte search; `<` is rare in notices), then checked.
fn comment_start(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|r| r.find('<')).map(|k| from + k) {
        if s.get(at..).is_some_and(|r| r.starts_with("<!--")) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The character statistics of [`assess`].
#[derive(Default)]
struct Counts {
    letters: usize,
    viet: usize,
    foreign: usize,
    stray_marks: usize,
}

/// Class bits of a character in [`CLASS`]: a letter, a Vietnamese letter, a
/// letter or symbol foreign to Vietnamese, a stray combining mark.
const LETTER: u8 = 1;
const VIET: u8 = 2;
const FOREIGN: u8 = 4;
const STRAY: u8 = 8;

/// The characters of one block of [`CLASS`].
const BLOCK: usize = 64;

/// The class bits of every character below U+0800 (the two-byte UTF-8
/// sequences; ASCII is counted apart), as [`classify`] counts them, in
/// blocks of [`BLOCK`] characters, each filled the first time a text holds
/// one of its characters: a notice uses a few of the 32 blocks, and filling
/// all of them (through the slow Unicode letter test) cost a one-notice run
/// about 2.5 % of its instructions.
static CLASS: [std::sync::OnceLock<[u8; BLOCK]>; 0x800 / BLOCK] = [const { std::sync::OnceLock::new() }; 0x800 / BLOCK];

/// The block of [`CLASS`] that holds character `cp` (below U+0800).
fn class_block(cp: usize) -> Option<&'static [u8; BLOCK]> {
    let block = cp / BLOCK;
    let first = u32::try_from(block * BLOCK).ok()?;
    Some(CLASS.get(block)?.get_or_init(|| {
        let mut table = [0u8; BLOCK];
        for (cp, slot) in (first..).zip(table.iter_mut()) {
            let Some(c) = char::from_u32(cp) else { continue };
            *slot = if c.is_ascii() { 0 } else { class_bits(c) };
        }
        table
    }))
}

/// The class bits of non-ASCII character `c`, from [`classify`].
fn class_bits(c: char) -> u8 {
    let (mut letters, mut viet, mut foreign, mut stray_marks) = (0, 0, 0, 0);
    classify(c, &mut letters, &mut viet, &mut foreign, &mut stray_marks);
    let bit = |n: usize, b: u8| if n > 0 { b } else { 0 };
    bit(letters, LETTER) | bit(viet, VIET) | bit(foreign, FOREIGN) | bit(stray_marks, STRAY)
}

impl Counts {
    /// Counts the characters of `part`: the ASCII letters in one pass over
    /// the bytes (no other byte passes the test), then the other
    /// characters, found by their first byte: two-byte ones through
    /// [`CLASS`], the precomposed Vietnamese block on its bytes, the rest
    /// through [`classify`].
    fn add(&mut self, part: &str) {
        let bytes = part.as_bytes();
        // A byte of 0x80 or more folds to 0xA0 or more: never a letter here.
        // Counted in byte lanes, 255 bytes at a time, so that the loop runs
        // on vectors.
        for chunk in bytes.chunks(255) {
            let n = chunk.iter().fold(0u8, |n, &b| n + u8::from((b | 0x20).wrapping_sub(b'a') < 26));
            self.letters += usize::from(n);
        }
        // The block of the last two-byte character, and its number.
        let mut block: (usize, &[u8; BLOCK]) = (usize::MAX, &[0; BLOCK]);
        // How many characters had each combination of class bits.
        let mut by_class = [0usize; 16];
        let mut at = 0;
        while let Some(lead) = bytes.get(at..).and_then(|r| r.iter().position(|&b| b >= 0xC0)) {
            at += lead;
            let bits = match bytes.get(at..).unwrap_or_default() {
                [b @ 0xC0..=0xDF, next, ..] => {
                    at += 2;
                    let cp = (usize::from(b & 0x1F) << 6) | usize::from(next & 0x3F);
                    if cp / BLOCK != block.0 {
                        block = (cp / BLOCK, class_block(cp).unwrap_or(&[0; BLOCK]));
                    }
                    block.1.get(cp % BLOCK).copied().unwrap_or(0)
                }
                // U+1EA0–U+1EF9: a Vietnamese letter.
                [0xE1, 0xBA, 0xA0..=0xBF, ..] | [0xE1, 0xBB, 0x80..=0xB9, ..] => {
                    at += 3;
                    LETTER | VIET
                }
                _ => {
                    let Some(c) = part.get(at..).and_then(|r| r.chars().next()) else { break };
                    at += c.len_utf8();
                    classify(c, &mut self.letters, &mut self.viet, &mut self.foreign, &mut self.stray_marks);
                    continue;
                }
            };
            if let Some(n) = by_class.get_mut(usize::from(bits & 15)) {
                *n += 1;
            }
        }
        for (bits, n) in (0u8..).zip(by_class) {
            let has = |bit: u8| if bits & bit != 0 { n } else { 0 };
            self.letters += has(LETTER);
            self.viet += has(VIET);
            self.foreign += has(FOREIGN);
            self.stray_marks += has(STRAY);
        }
    }
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
    fn class_table_agrees_with_classify() {
        for c in (0x80..0x800u32).filter_map(char::from_u32) {
            let (mut l, mut v, mut f, mut s) = (0, 0, 0, 0);
            classify(c, &mut l, &mut v, &mut f, &mut s);
            assert!(l <= 1 && v + f + s <= 1, "{c:?}");
            let mut counts = Counts::default();
            counts.add(c.encode_utf8(&mut [0; 4]));
            assert_eq!((counts.letters, counts.viet, counts.foreign, counts.stray_marks), (l, v, f, s), "{c:?}");
        }
        // Whole texts count as character by character.
        let texts = [
            "Ngày 30/01/2024, đồng chí Nguyễn Văn An chủ trì cuộc họp; Ạ ỹ Ỹ ẞ “x” — y\u{300}",
            "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp Cáº¥p Tá»‰nh 0123456789abcdefghij 😀 ĀāǍ ×÷",
        ];
        for text in texts {
            let (mut l, mut v, mut f, mut s) = (0, 0, 0, 0);
            for c in text.chars() {
                if c.is_ascii() {
                    l += usize::from(c.is_ascii_alphabetic());
                } else {
                    classify(c, &mut l, &mut v, &mut f, &mut s);
                }
            }
            let mut counts = Counts::default();
            counts.add(text);
            assert_eq!((counts.letters, counts.viet, counts.foreign, counts.stray_marks), (l, v, f, s), "{text:?}");
        }
        for s in ["", "<", "a<b<!-", "x <!-- y", "<<!--", "<!-<!--"] {
            assert_eq!(comment_start(s), s.find("<!--"), "{s:?}");
        }
        let mut counts = Counts::default();
        counts.add("aZ 9\u{1EA0}\u{300}é\u{2014}");
        assert_eq!((counts.letters, counts.viet, counts.foreign, counts.stray_marks), (4, 2, 0, 1));
    }

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
