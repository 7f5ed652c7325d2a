//! A thin layer over quick-xml's streaming namespace-aware reader, shared
//! by the readers of `document.xml`, `styles.xml` and `numbering.xml`.
//!
//! Why quick-xml rather than roxmltree: it streams (no tree of the whole
//! part is built, so a large `document.xml` costs its events, not a DOM
//! several times its size), it never processes a DTD or expands an entity
//! (a `<!DOCTYPE` arrives as one event, which is refused here with
//! [`Error::XmlDtd`]), it does not recurse on nesting (the depth is counted
//! here and capped by `DocxLimits::max_xml_depth`), and it is fast. Element
//! names are matched by namespace (WordprocessingML, transitional or strict,
//! and markup compatibility), not by prefix; a document that leaves the
//! prefixes unbound is read with the conventional ones (`w:`, `mc:`).

use crate::Error;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::borrow::Cow;

/// The namespace of an element, as far as the readers care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML (`w:`).
    W,
    /// Markup compatibility (`mc:`).
    Mc,
    /// Anything else (DrawingML, VML, Office extensions …).
    Other,
}

const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// One event of a part.
pub(crate) enum Ev<'i> {
    /// An element with content; an [`Ev::End`] follows.
    Start(Ns, BytesStart<'i>),
    /// An element without content.
    Empty(Ns, BytesStart<'i>),
    /// The end of an element opened by [`Ev::Start`].
    End,
    /// Character data (references resolved).
    Text(Cow<'i, str>),
    /// The end of the part.
    Eof,
}

/// A reader of one part.
pub(crate) struct Reader<'i> {
    inner: NsReader<&'i [u8]>,
    part: &'static str,
    depth: usize,
    max_depth: usize,
}

impl<'i> Reader<'i> {
    pub fn new(text: &'i str, part: &'static str, max_depth: usize) -> Reader<'i> {
        let mut inner = NsReader::from_str(text);
        let config = inner.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.check_end_names = true;
        Reader { inner, part, depth: 0, max_depth }
    }

    /// The next event.
    pub fn next(&mut self) -> Result<Ev<'i>, Error> {
        loop {
            let (ns, ev) = match self.inner.read_resolved_event() {
                Ok((res, ev)) => (classify(&res), ev),
                Err(e) => return Err(self.bad(&e.to_string())),
            };
            return Ok(match ev {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(Error::DocxLimit {
                            what: format!("the XML nesting depth of {}", self.part),
                            value: u64::try_from(self.depth).unwrap_or(u64::MAX),
                            limit: u64::try_from(self.max_depth).unwrap_or(u64::MAX),
                        });
                    }
                    let ns = element_ns(ns, &e);
                    Ev::Start(ns, e)
                }
                Event::Empty(e) => {
                    let ns = element_ns(ns, &e);
                    Ev::Empty(ns, e)
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Ev::End
                }
                Event::Text(t) => Ev::Text(t.xml10_content()),
                Event::CData(t) => Ev::Text(t.into_inner()),
                Event::GeneralRef(r) => Ev::Text(Cow::Owned(self.reference(&r)?)),
                Event::DocType(_) => return Err(Error::XmlDtd { part: self.part.to_string() }),
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.bad("the part ends inside an element"));
                    }
                    Ev::Eof
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => continue,
            });
        }
    }

    /// Skips the content of the element whose [`Ev::Start`] was just read,
    /// its end included.
    pub fn skip(&mut self, start: &BytesStart<'_>) -> Result<(), Error> {
        match self.inner.read_to_end(start.name()) {
            Ok(_) => {
                self.depth = self.depth.saturating_sub(1);
                Ok(())
            }
            Err(e) => Err(self.bad(&e.to_string())),
        }
    }

    fn reference(&self, r: &BytesRef<'_>) -> Result<String, Error> {
        match r.resolve_char_ref() {
            Ok(Some(c)) => return Ok(c.to_string()),
            Ok(None) => {}
            Err(e) => return Err(self.bad(&e.to_string())),
        }
        let name = r.xml10_content();
        let s = match &*name {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            other => return Err(self.bad(&format!("undefined entity &{other};"))),
        };
        Ok(s.to_string())
    }

    fn bad(&self, detail: &str) -> Error {
        Error::BadXml {
            part: self.part.to_string(),
            detail: format!("{detail} (near byte {})", self.inner.buffer_position()),
        }
    }
}

fn classify(res: &ResolveResult<'_>) -> Option<Ns> {
    match res {
        ResolveResult::Bound(ns) if W_NS.contains(&ns.as_ref()) => Some(Ns::W),
        ResolveResult::Bound(ns) if ns.as_ref() == MC_NS => Some(Ns::Mc),
        ResolveResult::Bound(_) => Some(Ns::Other),
        // Unbound or unknown prefix: decided by the prefix.
        ResolveResult::Unbound | ResolveResult::Unknown(_) => None,
    }
}

/// The namespace of an element, by its prefix when it is not bound.
fn element_ns(resolved: Option<Ns>, e: &BytesStart<'_>) -> Ns {
    resolved.unwrap_or_else(|| {
        let name = e.name();
        match name.prefix().map(|p| p.into_inner()) {
            None | Some("w") => Ns::W,
            Some("mc") => Ns::Mc,
            Some(_) => Ns::Other,
        }
    })
}

/// The local name of an element.
pub(crate) fn local<'a>(e: &'a BytesStart<'_>) -> &'a str {
    let name = e.local_name();
    let s: &str = name.into_inner();
    s
}

/// The value of the attribute with local name `name` (any prefix).
pub(crate) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        let key = a.key;
        let is = key.local_name().into_inner() == name && key.prefix().is_none_or(|p| p.into_inner() != "xmlns");
        if is { a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(Cow::into_owned) } else { None }
    })
}

/// A `w:val` read as an OOXML boolean ("0", "false", "off" are false;
/// absent is true).
pub(crate) fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off" | "none"))
}

/// A `w:val` read as a whole number.
pub(crate) fn number(e: &BytesStart<'_>) -> Option<u32> {
    attr(e, "val")?.trim().parse().ok()
}
