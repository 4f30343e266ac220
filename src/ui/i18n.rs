//! The app's words, from the crate's one catalogue ([`crate::i18n`]). (Command names
//! live with the commands, in `command.rs`.)

/// The words of one language, as the views name them.
pub type Tr = crate::i18n::Words;
pub use crate::i18n::words as tr;
/// French, the default.
pub const FR: Tr = Tr::FR;
/// English.
pub const EN: Tr = Tr::EN;
