//! The import of a organisations CSV, as Excel or LibreOffice (or a user) may write it, into
//! the example session: every bad row said in words, or a batch the model accepts.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use synergies::model::{Action, Language, Session, Workshop};
use synergies::spreadsheet::{ImportBytes, plan_import_bytes};

fuzz_target!(|data: &[u8]| {
    static EXAMPLE: OnceLock<Option<Session>> = OnceLock::new();
    let Some(session) = EXAMPLE
        .get_or_init(|| synergies::example::example_session().ok())
        .clone()
    else {
        return;
    };
    let files = ImportBytes {
        organisations: Some(("organisations.csv", data)),
        ..ImportBytes::default()
    };
    match plan_import_bytes(&session, &files) {
        Err(e) => {
            let _ = e.message(Language::Fr);
        }
        Ok(report) => {
            let mut workshop = Workshop::new(session);
            if !report.batch.is_empty() {
                workshop
                    .apply(Action::Import(report.batch))
                    .expect("an import the reader accepted applies");
            }
        }
    }
});
