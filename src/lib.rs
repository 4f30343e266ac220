//! Synergies: an offline tool for synergy-detection workshops in industrial and
//! territorial ecology.
//!
//! - [`model`]: the session, its entities and the actions that change it (with undo);
//! - [`store`]: session files that never lose a workshop (atomic writes, backups,
//!   autosave, recovery, format migrations);
//! - [`spreadsheet`]: CSV import and export as Excel and LibreOffice write them;
//! - [`matching`]: have/need suggestions, explained, from a thesaurus of resources;
//! - [`b2b`]: the B2B meeting plan after the vote, and its agendas;
//! - [`cli`]: the command line;
//! - `ui` (the default `ui` feature): the desktop app.

pub mod b2b;
pub mod cli;
pub mod example;
pub mod i18n;
pub mod matching;
pub mod merge;
pub mod model;
pub mod report;
pub mod spreadsheet;
pub mod store;
pub mod synthetic;
pub mod theme;
#[cfg(feature = "ui")]
pub mod ui;
