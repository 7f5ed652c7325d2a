//! The `.docx` package: a zip archive read as untrusted input.
//!
//! Only the parts the reader needs are inflated (the main part — the one
//! `_rels/.rels` names, else `word/document.xml` —, `styles.xml` and
//! `numbering.xml` beside it where present, and the relationships and the
//! first page's header part when the body has no header block); every other
//! entry (images, fonts, other headers) stays compressed and unread. Entry
//! names are compared without regard to ASCII case, to a leading "/" and to
//! backslashes written for "/" (by old Windows zippers). The sizes
//! that the archive declares are not trusted: each part is read through a
//! reader that stops one byte past its allowance ([`Read::take`]), so a zip
//! bomb costs at most the caps of [`DocxLimits`] in memory and time.

use super::DocxLimits;
use crate::Error;
use std::io::{Cursor, Read};

/// The main part, where a package made by Word keeps it.
pub(crate) const DOCUMENT: &str = "word/document.xml";
/// The style definitions.
pub(crate) const STYLES: &str = "word/styles.xml";
/// The numbering definitions.
pub(crate) const NUMBERING: &str = "word/numbering.xml";

/// The signature of a zip local file header.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The signature of the end-of-central-directory record.
const EOCD_MAGIC: &[u8] = b"PK\x05\x06";
/// The signature of an OLE compound file (a legacy `.doc`, or an encrypted `.docx`).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The package's relationships part, which names the main part.
const PACKAGE_RELS: &str = "_rels/.rels";
/// The relationship type of the main part (transitional and strict).
const OFFICE_DOCUMENT: &str = "/officeDocument";

/// An open package, and the parts read from it.
pub(crate) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: &'a DocxLimits,
    /// Uncompressed bytes the parts still to read may take.
    budget: u64,
    /// The name of the main part.
    main: String,
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
}

/// Whether `bytes` start like a zip archive.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC)
}

/// Opens the archive and checks its entry count.
fn open<'a>(bytes: &'a [u8], limits: &DocxLimits) -> Result<zip::ZipArchive<Cursor<&'a [u8]>>, Error> {
    if bytes.len() > limits.max_file_len {
        return Err(limit("the .docx file's size", bytes.len(), limits.max_file_len));
    }
    if !is_zip(bytes) {
        let detail = if bytes.starts_with(OLE_MAGIC) {
            "it is an OLE compound file (a legacy .doc, or a password-protected .docx), not a zip archive"
        } else if bytes.is_empty() {
            "it is empty"
        } else {
            "it does not start with a zip signature (PK\\x03\\x04)"
        };
        return Err(Error::NotZip { detail: detail.to_string() });
    }
    // The entry count declared by the end record, checked before the zip
    // reader indexes the central directory.
    if let Some(n) = declared_entries(bytes)
        && n > limits.max_entries
    {
        return Err(limit("the number of zip entries", n, limits.max_entries));
    }
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if archive.len() > limits.max_entries {
        return Err(limit("the number of zip entries", archive.len(), limits.max_entries));
    }
    Ok(archive)
}

/// Whether `bytes` are a zip archive holding `word/document.xml` (or a
/// package relationships part and Word parts, when the main part has
/// another name). Nothing is inflated.
pub(crate) fn is_docx(bytes: &[u8]) -> bool {
    open(bytes, &DocxLimits::default()).is_ok_and(|a| {
        find(&a, DOCUMENT).is_some()
            || (find(&a, PACKAGE_RELS).is_some()
                && a.file_names_raw().any(|raw| {
                    let raw = raw.strip_prefix(b"/").unwrap_or(raw);
                    let word = raw.get(..5).is_some_and(|p| {
                        p.iter().map(|&b| if b == b'\\' { b'/' } else { b }).eq(b"word/".iter().copied())
                    });
                    word && raw.len() > 9 && raw.get(raw.len() - 4..).is_some_and(|e| e.eq_ignore_ascii_case(b".xml"))
                }))
    })
}

/// Reads the parts the reader needs: the main part, and the styles and
/// numbering beside it.
pub(crate) fn read<'a>(bytes: &'a [u8], limits: &'a DocxLimits) -> Result<Package<'a>, Error> {
    let archive = open(bytes, limits)?;
    let mut pkg = Package {
        archive,
        limits,
        budget: limits.max_total_len,
        main: DOCUMENT.to_string(),
        document: String::new(),
        styles: None,
        numbering: None,
    };
    // The main part named by the package relationships, when it is there;
    // a relationships part that cannot be read is passed over.
    if let Ok(Some(rels)) = pkg.part(PACKAGE_RELS)
        && let Ok(rels) = relationships(&rels, limits.max_xml_depth.max(1))
        && let Some(target) = rels.iter().find(|r| r.kind.ends_with(OFFICE_DOCUMENT)).map(|r| resolve("", &r.target))
        && find(&pkg.archive, &target).is_some()
    {
        pkg.main = target;
    }
    let main = pkg.main.clone();
    let Some(document) = pkg.part(&main)? else {
        return Err(Error::NotWordDocument);
    };
    pkg.document = document;
    let dir = pkg.dir().to_string();
    pkg.styles = pkg.part(&format!("{dir}styles.xml"))?;
    pkg.numbering = pkg.part(&format!("{dir}numbering.xml"))?;
    // The usual names, when the main part is elsewhere but they are not.
    if pkg.styles.is_none() && dir != "word/" {
        pkg.styles = pkg.part(STYLES)?;
    }
    if pkg.numbering.is_none() && dir != "word/" {
        pkg.numbering = pkg.part(NUMBERING)?;
    }
    Ok(pkg)
}

impl Package<'_> {
    /// The folder of the main part, with its "/" ("word/").
    fn dir(&self) -> &str {
        self.main.rfind('/').and_then(|i| self.main.get(..=i)).unwrap_or("")
    }

    /// Reads part `name` (within the caps), `None` when there is none.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, Error> {
        match find(&self.archive, name) {
            Some(i) => read_part(&mut self.archive, i, name, self.limits, &mut self.budget).map(Some),
            None => Ok(None),
        }
    }

    /// The name of the part that the main part's relationship `id` points
    /// to (`word/header1.xml`), read from the main part's relationships.
    pub fn related(&mut self, id: &str) -> Result<Option<String>, Error> {
        let file = self.main.rsplit('/').next().unwrap_or_default().to_string();
        let dir = self.dir().to_string();
        let Some(rels) = self.part(&format!("{dir}_rels/{file}.rels"))? else { return Ok(None) };
        let rels = relationships(&rels, self.limits.max_xml_depth.max(1))?;
        Ok(rels.iter().find(|r| r.id == id && !r.external).map(|r| resolve(&dir, &r.target)))
    }
}

/// One relationship of a `.rels` part.
struct Relationship {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

/// Reads a relationships part.
fn relationships(text: &str, max_depth: usize) -> Result<Vec<Relationship>, Error> {
    let mut r = super::xml::Reader::new(text, "a relationships part", max_depth);
    let mut out = Vec::new();
    loop {
        match r.next()? {
            super::xml::Ev::Start(_, e) | super::xml::Ev::Empty(_, e) if super::xml::local(&e) == "Relationship" => {
                let attr = |n: &str| super::xml::attr(&e, n).unwrap_or_default();
                out.push(Relationship {
                    id: attr("Id"),
                    kind: attr("Type"),
                    target: attr("Target"),
                    external: attr("TargetMode").eq_ignore_ascii_case("external"),
                });
            }
            super::xml::Ev::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A relationship target resolved against the folder `dir` of its source
/// ("word/"): absolute targets from the package root, "." and ".." segments
/// followed.
fn resolve(dir: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The index of the entry named `name`, compared without regard to ASCII
/// case (part names of a package are case-insensitive), to a leading "/"
/// and to backslashes written for "/".
fn find<R: Read + std::io::Seek>(archive: &zip::ZipArchive<R>, name: &str) -> Option<usize> {
    let slash = |b: &u8| if *b == b'\\' { b'/' } else { *b };
    archive.index_for_name(name).or_else(|| {
        archive.file_names_raw().position(|raw| {
            let raw = match raw.first().map(slash) {
                Some(b'/') => raw.get(1..).unwrap_or_default(),
                _ => raw,
            };
            raw.len() == name.len() && raw.iter().map(slash).zip(name.bytes()).all(|(a, b)| a.eq_ignore_ascii_case(&b))
        })
    })
}

/// Inflates one part within the caps and decodes it as text.
fn read_part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
    name: &str,
    limits: &DocxLimits,
    budget: &mut u64,
) -> Result<String, Error> {
    let entry = archive.by_index(index).map_err(|e| damaged_part(name, &e))?;
    let compressed = entry.compressed_size();
    // What this part may take: its own cap, what is left of the total, and
    // the ratio cap (which only applies past `ratio_floor`).
    let by_ratio = compressed.saturating_mul(limits.max_ratio).max(limits.ratio_floor);
    let allowance = limits.max_part_len.min(*budget).min(by_ratio);
    let declared = entry.size();
    let mut data = Vec::new();
    // Declared sizes are checked first (cheap refusals), then the real
    // output is bounded whatever the header says.
    if declared > allowance {
        return Err(over(name, declared, compressed, limits, *budget));
    }
    let read = entry.take(allowance.saturating_add(1)).read_to_end(&mut data);
    read.map_err(|e| Error::DamagedZip { detail: format!("{name}: {e}") })?;
    let len = u64::try_from(data.len()).unwrap_or(u64::MAX);
    if len > allowance {
        return Err(over(name, len, compressed, limits, *budget));
    }
    *budget = budget.saturating_sub(len);
    decode(name, data)
}

/// The error for a part that is over one of its caps.
fn over(name: &str, len: u64, compressed: u64, limits: &DocxLimits, budget: u64) -> Error {
    if len > limits.max_part_len {
        limit(&format!("the uncompressed size of {name}"), len, limits.max_part_len)
    } else if len > budget {
        let read = limits.max_total_len.saturating_sub(budget).saturating_add(len);
        limit("the total uncompressed size of the parts read", read, limits.max_total_len)
    } else {
        Error::DocxLimit {
            what: format!("the compression ratio of {name} ({len} bytes from {compressed})"),
            value: len / compressed.max(1),
            limit: limits.max_ratio,
        }
    }
}

/// Decodes a part: UTF-8 (a byte order mark skipped) or UTF-16 with a
/// byte order mark.
fn decode(name: &str, data: Vec<u8>) -> Result<String, Error> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units =
            rest.chunks_exact(2).map(|c| unit([c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| Error::BadXml { part: name.to_string(), detail: "invalid UTF-16".to_string() })
    };
    if let Some(rest) = data.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = data.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    match String::from_utf8(data) {
        Ok(s) => Ok(match s.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => s,
        }),
        Err(e) => Err(Error::BadXml {
            part: name.to_string(),
            detail: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        }),
    }
}

/// The entry count of the end-of-central-directory record, when the
/// archive has one without a zip64 marker.
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    // The record is 22 bytes plus a comment of at most 65,535 bytes.
    let from = bytes.len().saturating_sub(22 + 0xFFFF);
    let tail = bytes.get(from..)?;
    let at = tail.windows(4).rposition(|w| w == EOCD_MAGIC)?;
    let rec = tail.get(at..)?;
    let total = u16::from_le_bytes([*rec.get(10)?, *rec.get(11)?]);
    (total != 0xFFFF).then_some(usize::from(total))
}

fn limit(what: &str, value: impl TryInto<u64>, limit: impl TryInto<u64>) -> Error {
    Error::DocxLimit {
        what: what.to_string(),
        value: value.try_into().unwrap_or(u64::MAX),
        limit: limit.try_into().unwrap_or(u64::MAX),
    }
}

fn damaged(e: &zip::result::ZipError) -> Error {
    Error::DamagedZip { detail: e.to_string() }
}

fn damaged_part(name: &str, e: &zip::result::ZipError) -> Error {
    Error::DamagedZip { detail: format!("{name}: {e}") }
}
