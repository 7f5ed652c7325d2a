//! Invariants that every parsed notice must satisfy, shared by the fuzz
//! targets (`fuzz/`) and the regression tests (`tests/regressions.rs`, which
//! includes this file with `#[path]`). Each check returns `Err(message)`
//! instead of panicking so that callers can decide how to fail.
//!
//! Depends only on `thongbao` and `serde_json`.

use serde_json::Value;
use thongbao::Notice;

/// Where the text the parser saw lives: `text` is the decoded input and
/// spans are expected in `base..base + text.len()` (base is 3 after a UTF-8
/// byte order mark, 0 otherwise).
#[derive(Clone, Copy)]
pub struct Source<'a> {
    /// The decoded text (after the BOM).
    pub text: &'a str,
    /// Offset of `text` in the bytes given to the parser.
    pub base: usize,
}

/// The decoded text of `bytes` as `parse_bytes` reads it: UTF-8 (BOM
/// skipped) or UTF-16 with a BOM. `None` when it cannot be decoded.
pub fn decode(bytes: &[u8]) -> Option<(String, usize)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).ok().map(|s| (s.to_string(), 3));
    }
    let utf16 = |rest: &[u8], be: bool| -> Option<(String, usize)> {
        if rest.len() % 2 == 1 {
            return None;
        }
        let units = rest
            .chunks(2)
            .map(|c| if be { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) });
        char::decode_utf16(units).collect::<Result<String, _>>().ok().map(|s| (s, 0))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true);
    }
    std::str::from_utf8(bytes).ok().map(|s| (s.to_string(), 0))
}

/// Every `span` object anywhere in the notice's JSON, with the JSON path
/// that leads to it.
pub fn all_spans(v: &Value) -> Vec<(String, u64, u64, u64)> {
    fn walk(v: &Value, path: &mut String, out: &mut Vec<(String, u64, u64, u64)>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let len = path.len();
                    path.push('.');
                    path.push_str(k);
                    if k == "span" {
                        if let Value::Object(s) = x {
                            let g = |n: &str| s.get(n).and_then(Value::as_u64).unwrap_or(u64::MAX);
                            out.push((path.clone(), g("start"), g("end"), g("line")));
                        }
                    } else {
                        walk(x, path, out);
                    }
                    path.truncate(len);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    walk(x, path, out);
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut String::new(), &mut out);
    out
}

/// The JSON of a notice round-trips to an equal notice, and serialising is
/// deterministic.
pub fn check_json(n: &Notice) -> Result<(), String> {
    let s = serde_json::to_string(n).map_err(|e| format!("serialise: {e}"))?;
    let back: Notice = serde_json::from_str(&s).map_err(|e| format!("deserialise: {e}"))?;
    if &back != n {
        return Err(format!("JSON round trip changed the notice:\n{n:#?}\nvs\n{back:#?}"));
    }
    let s2 = serde_json::to_string(&back).map_err(|e| format!("serialise: {e}"))?;
    if s != s2 {
        return Err("JSON not deterministic".into());
    }
    Ok(())
}

/// Every span lies within the input, on char boundaries, `start <= end`,
/// with the right line number.
pub fn check_spans(src: Source<'_>, n: &Notice) -> Result<(), String> {
    let v = serde_json::to_value(n).map_err(|e| e.to_string())?;
    let lo = src.base as u64;
    let hi = (src.base + src.text.len()) as u64;
    for (path, s, e, line) in all_spans(&v) {
        if !(lo <= s && s <= e && e <= hi) {
            return Err(format!("{path}: span {s}..{e} outside the input {lo}..{hi} or reversed"));
        }
        let (rs, re) = ((s - lo) as usize, (e - lo) as usize);
        if !src.text.is_char_boundary(rs) || !src.text.is_char_boundary(re) {
            return Err(format!("{path}: span {s}..{e} not on char boundaries"));
        }
        let want = src.text.as_bytes()[..rs].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        if line != want {
            return Err(format!("{path}: span {s}..{e} says line {line}, starts on line {want}"));
        }
    }
    Ok(())
}

/// Regions are in order and do not overlap.
pub fn check_regions_disjoint(n: &Notice) -> Result<(), String> {
    for w in n.regions.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.span.end > b.span.start {
            return Err(format!(
                "regions overlap or are out of order: {:?} {}..{} then {:?} {}..{}",
                a.kind, a.span.start, a.span.end, b.kind, b.span.start, b.span.end
            ));
        }
    }
    Ok(())
}

/// Whether a line is blank: nothing but Unicode white space (NBSP included).
pub fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// Whether a char is one the parser's normaliser drops or turns into a
/// space although it is not white space: C0 controls and DEL, soft hyphen,
/// zero-width characters, word joiner, BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}' | '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// How strictly to check line coverage.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Coverage {
    /// Not at all.
    Off,
    /// The contract: a line is blank when it holds only white space.
    Strict,
    /// Also count lines made only of white space and invisible characters
    /// ([`is_invisible`]) as blank: a known gap, so that fuzzing goes past it.
    Lenient,
}

/// Every non-blank line has its first non-blank byte inside a region.
pub fn check_coverage(src: Source<'_>, n: &Notice) -> Result<(), String> {
    check_coverage_with(src, n, Coverage::Strict)
}

/// [`check_coverage`] with a choice of strictness.
pub fn check_coverage_with(src: Source<'_>, n: &Notice, mode: Coverage) -> Result<(), String> {
    if mode == Coverage::Off {
        return Ok(());
    }
    let mut pos = 0usize;
    for (i, line) in src.text.split('\n').enumerate() {
        let start = pos;
        pos += line.len() + 1;
        if is_blank(line) || (mode == Coverage::Lenient && line.chars().all(|c| c.is_whitespace() || is_invisible(c))) {
            continue;
        }
        let lead = if mode == Coverage::Lenient {
            line.len() - line.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c)).len()
        } else {
            line.len() - line.trim_start().len()
        };
        let first = src.base + start + lead;
        if !n.regions.iter().any(|r| r.span.start <= first && first < r.span.end) {
            let shown: String = line.chars().take(60).collect();
            return Err(format!("line {} (byte {first}) not covered by any region: {shown:?}", i + 1));
        }
    }
    Ok(())
}

/// All the invariants of a parsed notice.
pub fn check_all(src: Source<'_>, n: &Notice, coverage: Coverage) -> Result<(), String> {
    check_json(n)?;
    check_spans(src, n)?;
    check_regions_disjoint(n)?;
    check_coverage_with(src, n, coverage)
}

/// The notice as JSON without spans, regions and diagnostics: what the
/// render round trip must keep.
pub fn content(n: &Notice) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("span");
                for x in m.values_mut() {
                    strip(x);
                }
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(n).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("regions");
        m.remove("diagnostics");
    }
    strip(&mut v);
    v
}

/// `parse(to_markdown(n))` equals `n` (spans, regions, diagnostics aside),
/// and the Markdown is a fixed point.
pub fn check_render(n: &Notice) -> Result<(), String> {
    let md = thongbao::to_markdown(n);
    let again = thongbao::parse(&md);
    let (a, b) = (content(n), content(&again));
    if a != b {
        return Err(format!("render round trip differs: {}\n--- markdown ---\n{md}", first_diff(&a, &b, "")));
    }
    let md2 = thongbao::to_markdown(&again);
    if md2 != md {
        return Err(format!("to_markdown is not a fixed point:\n--- first ---\n{md}\n--- second ---\n{md2}"));
    }
    Ok(())
}

/// The first place where two JSON values differ, as `path: a vs b`.
pub fn first_diff(a: &Value, b: &Value, path: &str) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if v != w {
                    return first_diff(v, w, &format!("{path}.{k}"));
                }
            }
            format!("{path}: keys differ")
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if v != w {
                    return first_diff(v, w, &format!("{path}[{i}]"));
                }
            }
            format!("{path}: ?")
        }
        _ => format!("{path}: {a} vs {b}"),
    }
}
