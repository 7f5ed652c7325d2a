//! Arbitrary bytes through `parse_bytes` and `parse_bytes_lossy`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    thongbao_fuzz::check_bytes(data);
});
