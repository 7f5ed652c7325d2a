//! Automatic numbering: `word/numbering.xml` read, and the label Word
//! draws before each numbered paragraph computed.
//!
//! A paragraph points (directly, or through its style) at a `w:num`, which
//! points at a `w:abstractNum` holding up to nine levels (`w:lvl`), each
//! with a start value, a format (`w:numFmt`), a label template
//! (`w:lvlText`, "%1.%2.") and a restart rule (`w:lvlRestart`). Counters
//! are kept per list: `w:num` instances of the same abstract numbering
//! share one list (numbering goes on from one to the other, as in Word),
//! unless the instance overrides a level (`w:lvlOverride`, usually with a
//! `w:startOverride`), which makes it a list of its own. When a level
//! advances, the deeper levels start again (unless their `w:lvlRestart`
//! says otherwise).

use super::styles::{NumPr, Styles};
use super::xml::{self, Ev, Ns, Reader};
use crate::Error;
use std::collections::BTreeMap;

/// Word's nine levels.
const LEVELS: usize = 9;
/// Links from an abstract numbering to a numbering style followed at most this often.
const MAX_LINKS: usize = 4;

/// A number format (`w:numFmt`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum Fmt {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
    VietnameseCounting,
}

impl Fmt {
    /// A `w:numFmt`: its `w:val`, and for a `custom` format (Word 2010, in
    /// `mc:AlternateContent`) its `w:format` sample ("01, 02, 03, ..."),
    /// read as zero-padded numbers when it starts with "0" and a digit,
    /// else `None` (not understood).
    fn from_numfmt(val: &str, format: Option<&str>) -> Option<Fmt> {
        if val != "custom" {
            return Some(Fmt::from_val(val));
        }
        let f = format?.trim();
        let mut c = f.chars();
        (c.next() == Some('0') && c.next().is_some_and(|d| d.is_ascii_digit())).then_some(Fmt::DecimalZero)
    }

    fn from_val(v: &str) -> Fmt {
        match v {
            "decimalZero" => Fmt::DecimalZero,
            "lowerLetter" => Fmt::LowerLetter,
            "upperLetter" => Fmt::UpperLetter,
            "lowerRoman" => Fmt::LowerRoman,
            "upperRoman" => Fmt::UpperRoman,
            "bullet" => Fmt::Bullet,
            "none" => Fmt::None,
            "vietnameseCounting" => Fmt::VietnameseCounting,
            // decimal, and the formats Word draws in scripts or glyphs the
            // parser does not read, as Arabic numbers.
            _ => Fmt::Decimal,
        }
    }
}

/// One level of a list (`w:lvl`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<u32>,
    fmt: Fmt,
    text: Option<String>,
    /// `w:lvlRestart`: 0 never restarts; n restarts after level n (1-based).
    restart: Option<u32>,
    /// `w:isLgl`: every number of the label in decimal.
    legal: bool,
    /// The paragraph style linked to this level.
    style: Option<String>,
    /// The format was set by the `mc:Choice` of an `mc:AlternateContent`
    /// (its `mc:Fallback` is then not read).
    fmt_chosen: bool,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: BTreeMap<u32, Level>,
    /// `w:numStyleLink`: the definition is that of a numbering style.
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Override {
    start: Option<u32>,
    level: Option<Level>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: Option<u32>,
    overrides: BTreeMap<u32, Override>,
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: BTreeMap<u32, Abstract>,
    nums: BTreeMap<u32, Num>,
}

/// A list's counters, one per level (`None`: not started).
type Counters = [Option<u32>; LEVELS];

/// Which counters a paragraph advances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ListKey {
    Abstract(u32),
    Num(u32),
}

/// A computed label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Label {
    /// A bullet, with the character to write ('-', '+' or '•').
    Bullet(char),
    /// A number label as Word draws it ("1.", "a)", "II.", "1.2.").
    Text(String),
}

/// The counters of every list, advanced in document order.
#[derive(Debug, Default)]
pub(crate) struct Counter {
    lists: BTreeMap<ListKey, Counters>,
}

impl Numbering {
    /// The abstract numbering of `num_id`, following numbering style links.
    fn abstract_of(&self, num_id: u32, styles: &Styles) -> Option<(u32, &Abstract)> {
        let mut id = self.nums.get(&num_id)?.abstract_id?;
        for _ in 0..MAX_LINKS {
            let a = self.abstracts.get(&id)?;
            let Some(link) = &a.style_link else { return Some((id, a)) };
            let (n, _) = styles.numbering(link)?;
            let next = self.nums.get(&n.num_id?)?.abstract_id?;
            if next == id {
                return Some((id, a));
            }
            id = next;
        }
        None
    }

    /// The level definition `ilvl` as seen through `num_id`.
    fn level(&self, num_id: u32, ilvl: u32, styles: &Styles) -> Option<Level> {
        let o = self.nums.get(&num_id).and_then(|n| n.overrides.get(&ilvl));
        let mut lvl = match o.and_then(|o| o.level.clone()) {
            Some(l) => l,
            None => self.abstract_of(num_id, styles)?.1.levels.get(&ilvl).cloned().unwrap_or_default(),
        };
        if let Some(s) = o.and_then(|o| o.start) {
            lvl.start = Some(s);
        }
        Some(lvl)
    }

    /// The level of `num_id` linked to paragraph style `style`.
    fn level_of_style(&self, num_id: u32, style: &str, styles: &Styles) -> Option<u32> {
        let (_, a) = self.abstract_of(num_id, styles)?;
        a.levels.iter().find(|(_, l)| l.style.as_deref() == Some(style)).map(|(k, _)| *k)
    }
}

impl Counter {
    /// The label of a paragraph with numbering `direct` (its own
    /// `w:numPr`) and paragraph style `style`, advancing the counters.
    pub fn label(
        &mut self,
        n: &Numbering,
        styles: &Styles,
        direct: Option<NumPr>,
        style: Option<&str>,
    ) -> Option<Label> {
        let from_style = style.and_then(|s| styles.numbering(s));
        let num_id = direct.and_then(|d| d.num_id).or_else(|| from_style.and_then(|(f, _)| f.num_id))?;
        if num_id == 0 {
            return None;
        }
        let ilvl = direct
            .and_then(|d| d.ilvl)
            .or_else(|| from_style.and_then(|(f, _)| f.ilvl))
            .or_else(|| style.and_then(|s| n.level_of_style(num_id, s, styles)))
            .unwrap_or(0)
            .min(LEVELS as u32 - 1);
        let (abstract_id, _) = n.abstract_of(num_id, styles)?;
        let own = n.nums.get(&num_id).is_some_and(|x| !x.overrides.is_empty());
        let key = if own { ListKey::Num(num_id) } else { ListKey::Abstract(abstract_id) };
        let levels: Vec<Level> = (0..LEVELS as u32).map(|l| n.level(num_id, l, styles).unwrap_or_default()).collect();
        let counters = self.lists.entry(key).or_insert([None; LEVELS]);
        let at = usize::try_from(ilvl).unwrap_or(0);
        let this = levels.get(at)?;
        // Word writes `w:start` on every level; without one, lists start at 1.
        let start = |l: &Level| l.start.unwrap_or(1);
        if let Some(c) = counters.get_mut(at) {
            *c = Some(match *c {
                Some(v) => v.saturating_add(1),
                None => start(this),
            });
        }
        for (c, l) in counters.iter_mut().zip(&levels).skip(at + 1) {
            let reset = match l.restart {
                None => true,
                Some(0) => false,
                Some(r) => ilvl < r,
            };
            if reset {
                *c = None;
            }
        }
        if this.fmt == Fmt::Bullet {
            return Some(Label::Bullet(bullet_char(this.text.as_deref().unwrap_or_default(), ilvl)));
        }
        let template = this.text.clone().unwrap_or_else(|| format!("%{}.", ilvl + 1));
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d))
            {
                chars.next();
                let k = usize::try_from(d - 1).unwrap_or(0);
                if let Some(l) = levels.get(k) {
                    let value = counters.get(k).copied().flatten().unwrap_or_else(|| start(l));
                    let fmt = if this.legal { Fmt::Decimal } else { l.fmt.clone() };
                    out.push_str(&format_number(value, &fmt));
                }
                continue;
            }
            out.push(c);
        }
        let out = out.trim().to_string();
        (!out.is_empty()).then_some(Label::Text(out))
    }
}

/// The bullet to write for a bullet level: its own character when the
/// parser knows it, else one by level (so that nested bullet levels stay
/// apart).
fn bullet_char(text: &str, ilvl: u32) -> char {
    match text.trim().chars().next() {
        Some(c @ ('-' | '+' | '•' | '–')) => c,
        _ => match ilvl {
            0 => '-',
            1 => '+',
            _ => '•',
        },
    }
}

/// `n` in format `fmt`, as Word draws it.
fn format_number(n: u32, fmt: &Fmt) -> String {
    match fmt {
        Fmt::Decimal | Fmt::Bullet => n.to_string(),
        Fmt::DecimalZero => format!("{n:02}"),
        Fmt::LowerLetter => letters(n),
        Fmt::UpperLetter => letters(n).to_uppercase(),
        Fmt::LowerRoman => roman(n).to_lowercase(),
        Fmt::UpperRoman => roman(n),
        Fmt::None => String::new(),
        Fmt::VietnameseCounting => counting(n),
    }
}

/// Word's letters: a … z, then aa … zz, then aaa … (the letter repeated).
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let k = n - 1;
    let c = char::from(b'a' + u8::try_from(k % 26).unwrap_or(0));
    let times = usize::try_from(k / 26 + 1).unwrap_or(1).min(64);
    std::iter::repeat_n(c, times).collect()
}

/// Roman numerals (1 to 3999; other values in Arabic).
fn roman(mut n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Vietnamese counting words for 1 to 10 (Arabic beyond).
fn counting(n: u32) -> String {
    const WORDS: [&str; 10] = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];
    usize::try_from(n)
        .ok()
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// Where the reader is in `numbering.xml`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    Other,
    Abstract,
    Level,
    Num,
    Override,
    OverrideLevel,
}

/// Reads `numbering.xml`.
pub(crate) fn parse(text: &str, max_depth: usize) -> Result<Numbering, Error> {
    let mut r = Reader::new(text, "word/numbering.xml", max_depth);
    let mut out = Numbering::default();
    let mut stack: Vec<At> = Vec::new();
    let mut abs: Option<(u32, Abstract)> = None;
    let mut lvl: Option<(u32, Level)> = None;
    let mut num: Option<(u32, Num)> = None;
    let mut ovr: Option<(u32, Override)> = None;
    // Inside a level, the `mc:Choice` or `mc:Fallback` being read: the
    // stack depth it was opened at, and whether it is the Choice.
    let mut branch: Option<(usize, bool)> = None;
    loop {
        let (start, ns, e) = match r.next()? {
            Ev::Start(ns, e) => (true, ns, e),
            Ev::Empty(ns, e) => (false, ns, e),
            Ev::End => {
                let top = stack.pop();
                if branch.is_some_and(|(d, _)| stack.len() <= d) {
                    branch = None;
                }
                match top {
                    Some(At::Abstract) => {
                        if let Some((id, a)) = abs.take() {
                            out.abstracts.entry(id).or_insert(a);
                        }
                    }
                    Some(At::Level) => {
                        if let (Some((k, l)), Some((_, a))) = (lvl.take(), abs.as_mut()) {
                            a.levels.entry(k).or_insert(l);
                        }
                    }
                    Some(At::OverrideLevel) => {
                        if let (Some((_, l)), Some((_, o))) = (lvl.take(), ovr.as_mut()) {
                            o.level = Some(l);
                        }
                    }
                    Some(At::Override) => {
                        if let (Some((k, o)), Some((_, n))) = (ovr.take(), num.as_mut()) {
                            n.overrides.insert(k, o);
                        }
                    }
                    Some(At::Num) => {
                        if let Some((id, n)) = num.take() {
                            out.nums.entry(id).or_insert(n);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Ev::Text(_) => continue,
            Ev::Eof => break,
        };
        let here = stack.last().copied().unwrap_or(At::Other);
        // Markup compatibility inside a level (Word 2010's custom number
        // formats): the branches are read as part of the level.
        if ns == Ns::Mc && matches!(here, At::Level | At::OverrideLevel) {
            if start {
                match xml::local(&e) {
                    "Choice" => branch = Some((stack.len(), true)),
                    "Fallback" => branch = Some((stack.len(), false)),
                    _ => {}
                }
                stack.push(here);
            }
            continue;
        }
        let name = if ns == Ns::W { xml::local(&e) } else { "" };
        let id = |a: &str| xml::attr(&e, a).and_then(|v| v.trim().parse::<u32>().ok());
        let mut at = At::Other;
        match (here, name) {
            (At::Other, "abstractNum") if start => {
                abs = Some((id("abstractNumId").unwrap_or(u32::MAX), Abstract::default()));
                at = At::Abstract;
            }
            (At::Other, "num") if start => {
                num = Some((id("numId").unwrap_or(u32::MAX), Num::default()));
                at = At::Num;
            }
            (At::Abstract, "lvl") | (At::Override, "lvl") if start => {
                lvl = Some((id("ilvl").unwrap_or(0), Level::default()));
                at = if here == At::Abstract { At::Level } else { At::OverrideLevel };
            }
            (At::Abstract, "numStyleLink") => {
                if let Some((_, a)) = abs.as_mut() {
                    a.style_link = xml::attr(&e, "val");
                }
            }
            (At::Level | At::OverrideLevel, field) => {
                if let Some((_, l)) = lvl.as_mut() {
                    match field {
                        "start" => l.start = xml::number(&e),
                        "numFmt" => {
                            let val = xml::attr(&e, "val").unwrap_or_default();
                            let fmt = Fmt::from_numfmt(&val, xml::attr(&e, "format").as_deref());
                            match (branch.map(|(_, choice)| choice), fmt) {
                                // The Fallback of a Choice understood is not read.
                                (Some(false), _) if l.fmt_chosen => {}
                                (Some(true), Some(f)) => {
                                    l.fmt = f;
                                    l.fmt_chosen = true;
                                }
                                (_, Some(f)) => l.fmt = f,
                                (_, None) => {}
                            }
                        }
                        "lvlText" => l.text = xml::attr(&e, "val"),
                        "lvlRestart" => l.restart = xml::number(&e),
                        "isLgl" => l.legal = xml::on_off(&e),
                        "pStyle" => l.style = xml::attr(&e, "val"),
                        _ => {}
                    }
                }
                // Properties of the label's paragraph and run, and the
                // alternate formats of newer Word, are not read.
                if start && matches!(field, "pPr" | "rPr" | "legacy") {
                    r.skip(&e)?;
                    continue;
                }
            }
            (At::Num, "abstractNumId") => {
                if let Some((_, n)) = num.as_mut() {
                    n.abstract_id = xml::number(&e);
                }
            }
            (At::Num, "lvlOverride") => {
                let o = (id("ilvl").unwrap_or(0), Override::default());
                if start {
                    ovr = Some(o);
                    at = At::Override;
                } else if let Some((_, n)) = num.as_mut() {
                    n.overrides.insert(o.0, o.1);
                }
            }
            (At::Override, "startOverride") => {
                if let Some((_, o)) = ovr.as_mut() {
                    o.start = xml::number(&e);
                }
            }
            _ => {}
        }
        if start {
            stack.push(at);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(27), "aa");
        assert_eq!(letters(28), "bb");
        assert_eq!(letters(53), "aaa");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(format_number(3, &Fmt::DecimalZero), "03");
        assert_eq!(format_number(3, &Fmt::LowerRoman), "iii");
        assert_eq!(format_number(2, &Fmt::VietnameseCounting), "hai");
    }
}
