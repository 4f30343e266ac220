//! What the three CSV import targets share: the import of one file into the example
//! session, as Excel or LibreOffice (or a user) may write it. Every bad row is said in
//! words, or the batch is one the model accepts.

use std::sync::OnceLock;

use synergies::model::{Action, Language, Session, Workshop};
use synergies::spreadsheet::{ImportBytes, plan_import_bytes};

/// Imports `files` into the example session (read once per process).
pub fn import_into_example(files: &ImportBytes) {
    static EXAMPLE: OnceLock<Option<Session>> = OnceLock::new();
    let Some(session) = EXAMPLE
        .get_or_init(|| synergies::example::example_session().ok())
        .clone()
    else {
        return;
    };
    match plan_import_bytes(&session, files) {
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
}
