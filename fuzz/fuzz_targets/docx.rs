//! The `.docx` reader on hostile input. The first byte chooses the mode:
//!
//! - even: the bytes as a file (`thongbao::parse_docx`), which exercises the
//!   zip reader and its caps;
//! - odd: the rest as the text of `word/document.xml` (its first line) and
//!   `word/numbering.xml` (after the first newline), packed into a stored zip
//!   built here, which exercises the XML readers, the numbering and the
//!   rendering.
//!
//! Every parsed notice must satisfy the invariants of the text parser
//! against the rendering (`docx::to_text`), which its spans index, and
//! `parse_docx` must equal parsing that rendering as Markdown.
#![no_main]
use libfuzzer_sys::fuzz_target;
use thongbao::docx::{self, DocxLimits};
use thongbao::{InputFormat, ParseOptions};
use thongbao_fuzz::checks::{self, Source};

/// Small caps, so that inputs near them are found.
fn limits() -> DocxLimits {
    DocxLimits {
        max_part_len: 1 << 20,
        max_total_len: 2 << 20,
        max_entries: 64,
        max_xml_depth: 64,
        ..Default::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = if mode % 2 == 0 {
        rest.to_vec()
    } else {
        let (doc, numbering) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &[][..]),
        };
        let doc = [
            &b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"[..],
            doc,
            b"</w:body></w:document>",
        ]
        .concat();
        let numbering = [
            &b"<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"[..],
            numbering,
            b"</w:numbering>",
        ]
        .concat();
        stored_zip(&[("word/document.xml", &doc), ("word/numbering.xml", &numbering)])
    };
    let opts = ParseOptions::default();
    let parsed = docx::parse_with(&bytes, &opts, &limits());
    let text = docx::to_text_with(&bytes, &limits());
    match (parsed, text) {
        (Ok(n), Ok(text)) => {
            if let Err(e) = checks::check_all(Source { text: &text, base: 0 }, &n, thongbao_fuzz::coverage()) {
                panic!("parse_docx: {e}\n--- rendering ---\n{text:?}");
            }
            let md = ParseOptions { input_format: InputFormat::Markdown, ..opts };
            assert_eq!(thongbao::parse_with(&text, &md).ok(), Some(n), "parse_docx differs from parsing the rendering");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "parse_docx and to_text fail differently"),
        (Err(thongbao::Error::TooLarge { .. }), Ok(_)) => {}
        (a, b) => panic!("parse_docx {:?} but to_text {:?}", a.map(|_| ()), b.map(|_| ())),
    }
});

/// A zip archive of stored (uncompressed) entries.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let len = data.len() as u32;
        let mut header = Vec::new();
        header.extend_from_slice(&[0x0A, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method 0, time, date
        header.extend_from_slice(&crc.to_le_bytes());
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&(name.len() as u16).to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&header);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[0x14, 0]); // made by
        central.extend_from_slice(&header);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&[0; 4]); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    let n = entries.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0; 2]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
