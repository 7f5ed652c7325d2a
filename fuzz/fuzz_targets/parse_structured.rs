//! Notice-shaped text assembled from the vocabulary tables.
#![no_main]
use libfuzzer_sys::fuzz_target;
use thongbao_fuzz::shaped::{Doc, render};

fuzz_target!(|doc: Doc| {
    let text = render(&doc);
    thongbao_fuzz::check_text(&text);
});
