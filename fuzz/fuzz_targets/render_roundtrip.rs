//! For notices that parse: parse(to_markdown(n)) equals n (spans, regions
//! and diagnostics aside), and to_markdown is a fixed point.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use thongbao_fuzz::shaped::{Doc, render};

#[derive(Arbitrary, Debug)]
enum Input {
    Doc(Doc),
    Raw(String),
}

fuzz_target!(|input: Input| {
    let text = match &input {
        Input::Doc(d) => render(d),
        Input::Raw(s) => s.clone(),
    };
    let n = thongbao::parse(&text);
    if let Err(e) = thongbao_fuzz::checks::check_render(&n) {
        panic!("{e}\n--- input ---\n{text}");
    }
});
