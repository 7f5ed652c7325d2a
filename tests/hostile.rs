#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]
//! Bounded time and memory: hostile inputs must finish without a panic and
//! give a notice (or a typed error) whose invariants hold. Nothing here is
//! timed; `cargo test --release --test hostile -- --nocapture` prints the
//! time of each input at 1× and 10× size (set `THONGBAO_HOSTILE_SCALE=10`
//! for the 10× run).

#[allow(dead_code)]
#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::time::Instant;
use thongbao::{Error, ParseOptions};

/// 1 by default, 10 with `THONGBAO_HOSTILE_SCALE=10`.
fn scale() -> usize {
    std::env::var("THONGBAO_HOSTILE_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

/// Parses `text` (with a limit above its length), checks the invariants and
/// prints the time taken.
fn survive(name: &str, text: &str) -> thongbao::Notice {
    let opts = ParseOptions { max_input_len: text.len() + 1, ..ParseOptions::default() };
    let t = Instant::now();
    let n = thongbao::parse_with(text, &opts).unwrap();
    let dt = t.elapsed();
    println!("hostile {name} x{}: {} bytes in {:.3} s", scale(), text.len(), dt.as_secs_f64());
    let src = checks::Source { text, base: 0 };
    checks::check_spans(src, &n).unwrap();
    checks::check_regions_disjoint(&n).unwrap();
    checks::check_coverage_with(src, &n, checks::Coverage::Lenient).unwrap();
    n
}

#[test]
fn nested_list_markers_1mib() {
    let line = format!("{}x\n", "- ".repeat(50));
    let text = line.repeat(scale() * (1 << 20) / line.len());
    survive("1 MiB nested list markers", &text);
}

#[test]
fn single_line_10mib() {
    let word = "Giao Phòng Nội vụ ";
    let text = word.repeat(scale() * 10 * (1 << 20) / word.len());
    survive("10 MiB single line", &text);
}

#[test]
fn numbered_headings_100k() {
    let text: String = (0..scale() * 100_000).map(|i| format!("{i}. Nhiệm vụ {i}:\n")).collect();
    survive("100k numbered headings", &text);
}

#[test]
fn pipes_100k() {
    survive("100k pipes", &"|".repeat(scale() * 100_000));
}

#[test]
fn giao_words_50k() {
    survive("50k Giao", &"Giao ".repeat(scale() * 50_000));
}

/// One task naming 5,000 bodies in a row: reading a body name looked at the
/// whole rest of the line each time (quadratic before the fix).
#[test]
fn one_task_of_5k_bodies() {
    let text = format!(
        "THÔNG BÁO\n\nKết luận của đồng chí Lê Văn An\n\n1. {}\n",
        "Giao Phòng Tài chính ".repeat(scale() * 5_000)
    );
    let n = survive("one task of 5k bodies", &text);
    assert!(!n.tasks.is_empty());
}

/// 3,000 Roman sections all labelled "I." with an item "1." each: every
/// repeated id searched its "_k" suffix from 2 (quadratic before the fix).
#[test]
fn repeated_labels_3k() {
    let body = "I. Nhiệm vụ\n\n1. Giao Phòng Nội vụ rà soát.\n\n".repeat(scale() * 3_000);
    let text = format!("THÔNG BÁO\n\nKết luận của đồng chí Lê Văn An\n\n{body}");
    let n = survive("3k repeated labels", &text);
    let ids: std::collections::HashSet<&str> = n.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), n.tasks.len(), "task ids are unique");
}

/// 5,000 attendee cues in one meeting paragraph: each list ran to the end
/// of the sentence (quadratic before the fix).
#[test]
fn attendee_cues_5k() {
    let text = format!(
        "THÔNG BÁO\n\nKết luận của đồng chí Lê Văn An\n\nNgày 5/3/2025, đồng chí Lê Văn An chủ trì cuộc họp {} kết luận như sau:\n\n1. Giao Phòng Nội vụ rà soát.\n",
        "Tham dự có đồng chí Hà Văn Bình, ".repeat(scale() * 5_000)
    );
    survive("5k attendee cues", &text);
}

#[test]
fn nested_parentheses_200k() {
    let k = scale() * 200_000;
    survive("200k nested parentheses", &format!("{}{}", "(".repeat(k), ")".repeat(k)));
}

#[test]
fn dotted_numbering_20k_levels() {
    let label = vec!["1"; scale() * 20_000].join(".");
    survive("20k-level dotted numbering", &format!("{label}. Giao Phòng Nội vụ rà soát.\n"));
}

#[test]
fn nul_and_control_chars() {
    let text = "THÔNG BÁO\u{0}\u{1}\u{2}\u{7f}\u{1b}[0m\r\u{b}\u{c}\n".repeat(scale() * 1000);
    survive("NUL and control chars", &text);
    survive("only NUL", &"\u{0}".repeat(scale() * 10_000));
}

#[test]
fn random_bytes() {
    // xorshift: deterministic noise, parsed strictly (an error) and lossily.
    let mut x = 0x2545_F491_4F6C_DD1D_u64;
    let bytes: Vec<u8> = (0..scale() * 200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let strict = thongbao::parse_bytes(&bytes);
    assert!(matches!(strict, Err(Error::InvalidUtf8 { .. })), "{strict:?}");
    let t = Instant::now();
    let n = thongbao::parse_bytes_lossy(&bytes);
    println!("hostile random bytes (lossy) x{}: {} bytes in {:.3} s", scale(), bytes.len(), t.elapsed().as_secs_f64());
    let text = String::from_utf8_lossy(&bytes);
    let src = checks::Source { text: &text, base: 0 };
    checks::check_spans(src, &n).unwrap();
    checks::check_regions_disjoint(&n).unwrap();
    assert!(n.has_diagnostic(thongbao::Code::ReplacedInvalidUtf8));
}

#[test]
fn empty_input() {
    let n = survive("empty", "");
    assert!(n.regions.is_empty());
    assert_eq!(thongbao::parse_bytes(b"").unwrap(), n);
    let white = survive("white space only", " \n\u{a0}\n\t\r\n");
    assert!(white.regions.is_empty());
}

#[test]
fn invalid_utf8_is_a_typed_error_with_offset() {
    let cases: &[(&[u8], usize)] = &[
        (b"TH\xc3\x94NG B\xc3\x81O\n\xff\xfe broken \xc3\x28\n", 12),
        (b"\xff", 0),
        (b"abc\xc3", 3),
        (b"\xEF\xBB\xBFab\x80", 5),
        (b"ok\xed\xa0\x80", 2),
    ];
    for (bytes, offset) in cases {
        match thongbao::parse_bytes(bytes) {
            Err(Error::InvalidUtf8 { offset: o }) => assert_eq!(o, *offset, "{bytes:?}"),
            other => panic!("{bytes:?}: {other:?}"),
        }
        let e = thongbao::parse_bytes(bytes).unwrap_err().to_string();
        assert!(e.contains(&offset.to_string()), "{e}");
    }
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = "THÔNG BÁO\nKết luận của đồng chí Nguyễn Văn An\n";
    for be in [false, true] {
        let mut bytes = if be { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in text.encode_utf16() {
            bytes.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        let n = thongbao::parse_bytes(&bytes).unwrap();
        assert_eq!(n.title.as_deref(), Some("THÔNG BÁO"));
        assert_eq!(n.subject.as_deref(), Some("Kết luận của đồng chí Nguyễn Văn An"));
        let src = checks::Source { text, base: 0 };
        checks::check_all(src, &n, checks::Coverage::Strict).unwrap();
    }
    // A lone surrogate or an odd byte count is a typed error, not a panic.
    assert!(matches!(thongbao::parse_bytes(b"\xFF\xFE\x00\xD8"), Err(Error::InvalidUtf16 { .. })));
    assert!(matches!(thongbao::parse_bytes(b"\xFF\xFEA\x00B"), Err(Error::InvalidUtf16 { .. })));
}

#[test]
fn utf8_bom_is_skipped_and_spans_point_into_the_original() {
    let text = "THÔNG BÁO\n\nKết luận của đồng chí Nguyễn Văn An\n";
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let n = thongbao::parse_bytes(&bytes).unwrap();
    assert_eq!(n.title.as_deref(), Some("THÔNG BÁO"));
    let first = n.regions.first().unwrap();
    assert_eq!(first.span.start, 3, "{:?}", n.regions);
    let whole = std::str::from_utf8(&bytes).unwrap();
    let title = n.regions.iter().find(|r| r.kind == thongbao::RegionKind::Title).unwrap();
    assert_eq!(&whole[title.span.start..title.span.end], "THÔNG BÁO");
    checks::check_all(checks::Source { text, base: 3 }, &n, checks::Coverage::Strict).unwrap();
}

#[test]
fn over_the_size_limit_is_too_large() {
    let opts = ParseOptions { max_input_len: 1000, ..ParseOptions::default() };
    let text = "x".repeat(1001);
    assert!(matches!(thongbao::parse_with(&text, &opts), Err(Error::TooLarge { len: 1001, limit: 1000 })));
    assert!(matches!(
        thongbao::parse_bytes_with(text.as_bytes(), &opts),
        Err(Error::TooLarge { len: 1001, limit: 1000 })
    ));
    assert!(thongbao::parse_with(&text[..1000], &opts).is_ok());
    // The default limit is 16 MiB.
    let big = vec![b' '; 16 * 1024 * 1024 + 1];
    assert!(matches!(thongbao::parse_bytes(&big), Err(Error::TooLarge { .. })));
    assert!(matches!("x".repeat(16 * 1024 * 1024 + 1).parse::<thongbao::Notice>(), Err(Error::TooLarge { .. })));
}

#[test]
fn deep_nesting_is_capped() {
    // 200 levels of indented bullets and of "1.1.1…" labels.
    let bullets: String = (0..200).map(|i| format!("{}- Giao Phòng Nội vụ rà soát {i};\n", "  ".repeat(i))).collect();
    let labels: String = (1..200).map(|i| format!("{}. Nhiệm vụ {i};\n", vec!["1"; i].join("."))).collect();
    for (name, text) in [("200 nested bullets", bullets), ("200 nested labels", labels)] {
        let n = survive(name, &text);
        let depth = |t: &thongbao::Task| -> usize {
            fn d(t: &thongbao::Task) -> usize {
                1 + t.subtasks.iter().map(d).max().unwrap_or(0)
            }
            d(t)
        };
        let max = n.tasks.iter().map(depth).max().unwrap_or(0);
        assert!(max <= ParseOptions::default().max_depth + 1, "{name}: depth {max}");
    }
}
