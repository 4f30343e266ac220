//! The session loader on any bytes: an error in words, or a session that saves and
//! loads back the same.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use synergies::model::Language;
use synergies::store;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("atelier.ron");
    match store::parse(path, data) {
        Err(e) => {
            let _ = e.message(Language::Fr);
        }
        Ok(loaded) => {
            let Ok(text) = store::to_ron(&loaded.session) else {
                return;
            };
            let again = store::parse(path, text.as_bytes()).expect("a saved session loads");
            assert_eq!(
                again.session, loaded.session,
                "saved and loaded back the same"
            );
        }
    }
});
