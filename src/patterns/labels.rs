//! Item labels at the start of a line ("II.", "1.2.", "3)", "b.", "(3)",
//! "-", "Thứ hai,"), read by walks over the bytes. Patterns did this
//! before; compiled, they were among the costlier ones, for questions
//! about a line's first bytes. Each walk has a test that compares it with
//! the pattern it replaced.
//!
//! ```text
//! roman    := [IVXLC]{1,6} SPACE* SIGN          SIGN := "." | "-" | ")"
//! dotted   := D{1,3} ("." D{1,3})+ "."?          D := [0-9]
//! number   := D{1,3} SIGN
//! letter   := [a-zđ] SIGN
//! bracket  := "(" (D{1,3} | [a-zđ]) ")"
//! bullet   := "-" | "+" | "•" | "*" | "–" | "—" | "−"
//! ordinal  := "Thứ" SPACE+ ORDINAL-WORD SPACE* ","
//! ```
//! SPACE is ASCII white space, as the patterns had it.

use super::is_space_byte;
use crate::vocab;
use std::ops::Range;

/// The kind of a label at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeadKind {
    /// "II." (a section).
    Roman,
    /// "1.2." (its label without the last dot).
    Dotted,
    /// "3)", "3." or "3-".
    Number,
    /// "b)", "b." or "b-".
    Letter,
    /// "(3)".
    BracketNumber,
    /// "(b)".
    BracketLetter,
    /// A bullet character.
    Bullet,
}

/// A label at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lead {
    pub kind: LeadKind,
    /// The label without its sign or brackets ("II", "1.2", "b"); the
    /// bullet itself for a bullet.
    pub label: Range<usize>,
    /// Where the label and its sign (or closing bracket) end.
    pub end: usize,
}

/// The number of bytes from `from` on that `f` holds for.
fn run(b: &[u8], from: usize, f: fn(&u8) -> bool) -> usize {
    b.get(from..).map_or(0, |r| r.iter().take_while(|x| f(x)).count())
}

/// The ASCII white space at `i` in `s`: its length.
pub(crate) fn spaces_at(s: &str, i: usize) -> usize {
    run(s.as_bytes(), i, |x| is_space_byte(*x))
}

/// Whether the byte at `i` is a label's sign.
fn sign_at(b: &[u8], i: usize) -> bool {
    matches!(b.get(i), Some(b'.' | b')' | b'-'))
}

/// The length of a small letter of the labels (`a`–`z`, `đ`) at `i`.
fn letter_at(b: &[u8], i: usize) -> usize {
    match (b.get(i), b.get(i + 1)) {
        (Some(b'a'..=b'z'), _) => 1,
        (Some(0xC4), Some(0x91)) => 2,
        _ => 0,
    }
}

/// A Roman label at the start of `s`: one to six of `IVXLC`, white space
/// or none, and a sign.
pub(crate) fn roman(s: &str) -> Option<Lead> {
    let b = s.as_bytes();
    let n = run(b, 0, |x| matches!(x, b'I' | b'V' | b'X' | b'L' | b'C'));
    let sign = n + spaces_at(s, n);
    ((1..=6).contains(&n) && sign_at(b, sign)).then_some(Lead { kind: LeadKind::Roman, label: 0..n, end: sign + 1 })
}

/// A number label at the start of `s`: one to three digits and a sign.
pub(crate) fn number(s: &str) -> Option<Lead> {
    let b = s.as_bytes();
    let n = run(b, 0, u8::is_ascii_digit);
    ((1..=3).contains(&n) && sign_at(b, n)).then_some(Lead { kind: LeadKind::Number, label: 0..n, end: n + 1 })
}

/// The labels that `s` starts with, in the order that a pattern of the
/// alternatives above (Roman, dotted, number, letter, bracketed number,
/// bracketed letter, then a bullet if `bullets`) would try them, a dotted
/// number with its last dot before without. `take` is asked of each in
/// turn; the first answer it gives.
pub(crate) fn first_lead<T>(s: &str, bullets: bool, mut take: impl FnMut(Lead) -> Option<T>) -> Option<T> {
    let b = s.as_bytes();
    if let Some(found) = roman(s).and_then(&mut take) {
        return Some(found);
    }
    let digits = run(b, 0, u8::is_ascii_digit);
    if (1..=3).contains(&digits) {
        // A dotted number with all its groups (with fewer, a dot and a
        // digit follow it: no label ends there), its last dot tried first.
        let mut end = digits;
        while b.get(end) == Some(&b'.') {
            let group = run(b, end + 1, u8::is_ascii_digit);
            if !(1..=3).contains(&group) {
                break;
            }
            end += 1 + group;
        }
        if end > digits {
            let dotted = |to| Lead { kind: LeadKind::Dotted, label: 0..end, end: to };
            if b.get(end) == Some(&b'.')
                && let Some(found) = take(dotted(end + 1))
            {
                return Some(found);
            }
            if let Some(found) = take(dotted(end)) {
                return Some(found);
            }
        }
        if let Some(found) = number(s).and_then(&mut take) {
            return Some(found);
        }
    }
    let small = letter_at(b, 0);
    if small > 0
        && sign_at(b, small)
        && let Some(found) = take(Lead { kind: LeadKind::Letter, label: 0..small, end: small + 1 })
    {
        return Some(found);
    }
    if b.first() == Some(&b'(') {
        let digits = run(b, 1, u8::is_ascii_digit);
        let (kind, n) =
            if digits > 0 { (LeadKind::BracketNumber, digits) } else { (LeadKind::BracketLetter, letter_at(b, 1)) };
        if (1..=3).contains(&n)
            && b.get(1 + n) == Some(&b')')
            && let Some(found) = take(Lead { kind, label: 1..1 + n, end: 2 + n })
        {
            return Some(found);
        }
    }
    let bullet = s.chars().next().filter(|c| bullets && vocab::BULLET_CHARS.contains(c))?;
    take(Lead { kind: LeadKind::Bullet, label: 0..bullet.len_utf8(), end: bullet.len_utf8() })
}

/// The end of an ordinal lead at the start of `s`: "Thứ", white space, a
/// word of [`vocab::ORDINAL_WORDS`], white space or none, and a comma
/// ("Thứ hai,").
pub(crate) fn ordinal_lead_end(s: &str) -> Option<usize> {
    let r = s.strip_prefix(vocab::ORDINAL_LEAD)?;
    let t = r.trim_start_matches(super::is_pattern_space);
    if t.len() == r.len() {
        return None;
    }
    let comma = vocab::ORDINAL_WORDS
        .iter()
        .filter_map(|w| t.strip_prefix(w))
        .find_map(|u| u.trim_start_matches(super::is_pattern_space).strip_prefix(','))?;
    Some(s.len() - comma.len())
}

/// Whether `s` starts with an item label other than a bullet, or an
/// ordinal lead, then white space and more text.
pub(crate) fn starts_with_item_label(s: &str) -> bool {
    let text_after = |i: usize| {
        let n = spaces_at(s, i);
        n > 0 && s.as_bytes().get(i + n).is_some_and(|x| !is_space_byte(*x))
    };
    first_lead(s, false, |l| text_after(l.end).then_some(())).is_some() || ordinal_lead_end(s).is_some_and(text_after)
}

/// A label and the rest of a line after its white space, when the rest
/// holds no line break (what `^LABEL\s+(.*)$` gives): the rest's start.
pub(crate) fn rest_of_line(s: &str, lead: &Lead) -> Option<usize> {
    let n = spaces_at(s, lead.end);
    let start = lead.end + n;
    (n > 0 && !s.get(start..)?.contains('\n')).then_some(start)
}

#[cfg(test)]
pub(crate) mod tests {
    /// Lines to compare a label walk with the pattern it replaced on:
    /// every fixture line, every gate sample, and labels made of the pieces
    /// of each alternative, near misses, signs and what follows them (each
    /// also after a space).
    pub(crate) fn label_texts() -> Vec<String> {
        let labels = [
            "I",
            "IV",
            "XIII",
            "IIIIII",
            "VIIIIII",
            "II1",
            "i",
            "1",
            "12",
            "123",
            "1234",
            "1.2",
            "1.2.",
            "1.2.3",
            "1.2.3.",
            "1..2",
            "1.2345",
            "12.345.6",
            "1.2.3.4.5",
            "1.2.3x",
            "a",
            "z",
            "đ",
            "Đ",
            "A",
            "ă",
            "(1)",
            "(123)",
            "(1234)",
            "(a)",
            "(đ)",
            "(ab)",
            "()",
            "(1",
            "-",
            "+",
            "•",
            "*",
            "–",
            "—",
            "−",
            "Thứ hai,",
            "Thứ  ba ,",
            "Thứ\tmười,",
            "Thứhai,",
            "Thứ hai",
            "Thứ mười hai,",
            "thứ hai,",
            "Thứ tư\t,",
            "2024",
            "",
        ];
        let signs = ["", ".", ")", "-", " .", "\t)", "\n-", "  -", ",", ":", "/", "..", ".)", ". -"];
        let tails = [
            "",
            " ",
            " x",
            "  Giao",
            "\tSở",
            "\u{a0}x",
            " \u{a0}x",
            "x",
            " .",
            "\n\nx",
            " a\nb",
            " \n x",
            "\n",
            " x\r",
            "\u{3000}x",
        ];
        let mut texts = super::super::fixture_lines();
        texts.extend(super::super::gates::tests::samples());
        for l in labels {
            for sign in signs {
                for tail in tails {
                    texts.push(format!("{l}{sign}{tail}"));
                    texts.push(format!(" {l}{sign}{tail}"));
                }
            }
        }
        texts
    }
}
