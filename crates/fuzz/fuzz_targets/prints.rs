#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| woonkans_fuzz::check_prints(data));
