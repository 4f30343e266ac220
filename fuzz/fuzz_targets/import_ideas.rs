//! The import of a ideas CSV into the example session (see `common`).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use synergies::spreadsheet::ImportBytes;

fuzz_target!(|data: &[u8]| {
    common::import_into_example(&ImportBytes {
        ideas: Some(("ideas.csv", data)),
        ..ImportBytes::default()
    });
});
