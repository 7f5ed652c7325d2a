//! `word/styles.xml`: what the reader takes from styles — the numbering
//! a paragraph style carries (`w:pPr/w:numPr`), bold (`w:rPr/w:b`), capitals
//! (`w:rPr/w:caps`), fonts (`w:rPr/w:rFonts`, whose names tell a legacy
//! Vietnamese encoding), the `w:basedOn` chain, the document defaults and
//! the default paragraph style.

use super::xml::{self, Ev, Ns, Reader};
use crate::Error;
use std::collections::BTreeMap;

/// `w:basedOn` chains longer than this are cut (they may also loop).
const MAX_CHAIN: usize = 16;

/// A paragraph's numbering reference (`w:numPr`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct NumPr {
    pub num_id: Option<u32>,
    pub ilvl: Option<u32>,
}

#[derive(Debug, Default)]
struct Style {
    based_on: Option<String>,
    num: Option<NumPr>,
    bold: Option<bool>,
    caps: Option<bool>,
    fonts: Fonts,
}

/// The fonts of `w:rFonts`: `w:ascii` (for ASCII text) and `w:hAnsi` (for
/// the other Latin characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fonts {
    pub ascii: Option<String>,
    pub h_ansi: Option<String>,
}

impl Fonts {
    /// Reads the attributes of a `w:rFonts`.
    pub fn read(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        if let Some(v) = xml::attr(e, "ascii") {
            self.ascii = Some(v);
        }
        if let Some(v) = xml::attr(e, "hAnsi") {
            self.h_ansi = Some(v);
        }
    }
}

/// The style definitions the reader uses.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: BTreeMap<String, Style>,
    /// The paragraph style applied when a paragraph names none.
    pub default_paragraph: Option<String>,
    /// Bold in the document defaults.
    pub default_bold: bool,
    /// Fonts in the document defaults.
    pub default_fonts: Fonts,
}

impl Styles {
    /// The styles of `style` and its ancestors, nearest first.
    fn chain<'a>(&'a self, id: &str) -> impl Iterator<Item = (&'a str, &'a Style)> + 'a {
        let mut next = self.styles.get_key_value(id);
        let mut n = 0;
        std::iter::from_fn(move || {
            let (k, s) = next.take()?;
            n += 1;
            if n < MAX_CHAIN {
                next = s.based_on.as_deref().and_then(|b| self.styles.get_key_value(b));
            }
            Some((k.as_str(), s))
        })
    }

    /// The numbering a paragraph style gives (the list and the level each
    /// from the nearest style of the chain that sets it), with the style
    /// that names the list.
    pub fn numbering(&self, id: &str) -> Option<(NumPr, &str)> {
        let (num_id, at) = self.chain(id).find_map(|(k, s)| s.num.and_then(|n| n.num_id).map(|n| (n, k)))?;
        let ilvl = self.chain(id).find_map(|(_, s)| s.num.and_then(|n| n.ilvl));
        Some((NumPr { num_id: Some(num_id), ilvl }, at))
    }

    /// Whether the style makes text bold (`None`: it does not say).
    pub fn bold(&self, id: &str) -> Option<bool> {
        self.chain(id).find_map(|(_, s)| s.bold)
    }

    /// The font `which` picks ([`Fonts::ascii`] or [`Fonts::h_ansi`]) that
    /// the style sets (`None`: it does not say).
    pub fn font(&self, id: &str, which: fn(&Fonts) -> Option<&str>) -> Option<&str> {
        self.chain(id).find_map(|(_, s)| which(&s.fonts))
    }

    /// Whether the style shows text in capitals (`w:caps`).
    pub fn caps(&self, id: &str) -> Option<bool> {
        self.chain(id).find_map(|(_, s)| s.caps)
    }
}

/// Where the reader is inside a `w:style` or `w:docDefaults`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    Other,
    Style,
    PPr,
    NumPr,
    RPr,
    DefaultRPr,
}

/// Reads `styles.xml`.
pub(crate) fn parse(text: &str, max_depth: usize) -> Result<Styles, Error> {
    let mut r = Reader::new(text, "word/styles.xml", max_depth);
    let mut out = Styles::default();
    let mut stack: Vec<At> = Vec::new();
    let mut cur: Option<(String, Style)> = None;
    loop {
        let (start, ns, e) = match r.next()? {
            Ev::Start(ns, e) => (true, ns, e),
            Ev::Empty(ns, e) => (false, ns, e),
            Ev::End => {
                if stack.pop() == Some(At::Style)
                    && let Some((id, s)) = cur.take()
                {
                    out.styles.entry(id).or_insert(s);
                }
                continue;
            }
            Ev::Text(_) => continue,
            Ev::Eof => break,
        };
        let here = stack.last().copied().unwrap_or(At::Other);
        let name = if ns == Ns::W { xml::local(&e) } else { "" };
        let mut at = At::Other;
        match (here, name) {
            (_, "style") => {
                let id = xml::attr(&e, "styleId").unwrap_or_default();
                let paragraph = xml::attr(&e, "type").is_none_or(|t| t == "paragraph");
                if paragraph && xml::attr(&e, "default").is_some_and(|d| d == "1" || d == "true") {
                    out.default_paragraph.get_or_insert_with(|| id.clone());
                }
                if start {
                    cur = Some((id, Style::default()));
                    at = At::Style;
                } else {
                    out.styles.entry(id).or_default();
                }
            }
            (At::Other, "rPrDefault") => at = At::DefaultRPr,
            (At::DefaultRPr, "rPr") => at = At::DefaultRPr,
            (At::DefaultRPr, "b") => out.default_bold = xml::on_off(&e),
            (At::DefaultRPr, "rFonts") => out.default_fonts.read(&e),
            (At::Style, "basedOn") => {
                if let Some((_, s)) = cur.as_mut() {
                    s.based_on = xml::attr(&e, "val");
                }
            }
            (At::Style, "pPr") => at = At::PPr,
            (At::Style, "rPr") => at = At::RPr,
            (At::PPr, "numPr") => {
                if let Some((_, s)) = cur.as_mut() {
                    s.num.get_or_insert_default();
                }
                at = At::NumPr;
            }
            (At::NumPr, "numId" | "ilvl") => {
                if let Some((_, s)) = cur.as_mut() {
                    let n = s.num.get_or_insert_default();
                    if name == "numId" {
                        n.num_id = xml::number(&e);
                    } else {
                        n.ilvl = xml::number(&e);
                    }
                }
            }
            (At::RPr, "b") => {
                if let Some((_, s)) = cur.as_mut() {
                    s.bold = Some(xml::on_off(&e));
                }
            }
            (At::RPr, "rFonts") => {
                if let Some((_, s)) = cur.as_mut() {
                    s.fonts.read(&e);
                }
            }
            (At::RPr, "caps") => {
                if let Some((_, s)) = cur.as_mut() {
                    s.caps = Some(xml::on_off(&e));
                }
            }
            // Conditional table formatting and revisions hold properties
            // that do not apply to the style itself.
            (_, "tblStylePr" | "pPrChange" | "rPrChange") if start => {
                r.skip(&e)?;
                continue;
            }
            _ => {}
        }
        if start {
            stack.push(at);
        }
    }
    Ok(out)
}
