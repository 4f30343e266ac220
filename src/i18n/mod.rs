//! The one catalogue of words of Synergies: the app, the command line, the PDF, the
//! workbook, the merge summary and every error a facilitator may read, in French and
//! English.
//!
//! A typed table: each area is a struct of `&'static str` texts and [`Plural`]s, with one
//! constant per language built by [`catalogue!`], which takes both languages of every
//! key, so a missing translation does not compile. [`words`] gives the words of a
//! language; its fields `model`, `report`, `workbook`, `merge`, `errors` and `cli` hold
//! the other areas.
//!
//! - Add a key: one line `key: "français", "English";` in the area's `texts` (or
//!   `key: ("{n} chose", "{n} choses"), ("{n} thing", "{n} things");` in its `plurals`).
//! - Placeholders are `{name}`, filled by [`fill`]; a plural's count is `{n}`, filled by
//!   [`Plural::count`].

mod app;
mod b2b;
mod check;
mod cli;
mod commands;
mod counts;
mod errors;
mod matching;
mod merge;
mod model;
mod report;

use std::fmt::Display;

pub use app::Words;
pub use b2b::B2bWords;
pub use check::CheckWords;
pub use cli::CliWords;
pub use commands::CommandWords;
pub use counts::CountWords;
pub use errors::{ErrorWords, io_problem, opener_message, ron_problem};
pub use matching::MatchingWords;
pub use merge::MergeWords;
pub use model::ModelWords;
pub use report::{ReportWords, WorkbookWords};

pub use crate::model::Language;

/// A text that depends on a count, with `{n}` where the count goes: `one` for the
/// singular ("{n} idée"), `other` for the plural ("{n} idées").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `n` in `language`, with `{n}` replaced by `n`: "0 idée", "1 idée",
    /// "2 idées"; "0 ideas", "1 idea", "2 ideas".
    pub fn count(&self, language: Language, n: usize) -> String {
        self.form(language, n).replace("{n}", &n.to_string())
    }

    /// The form for `n` in `language`, placeholders left as they are (for [`fill`]).
    pub fn form(&self, language: Language, n: usize) -> &'static str {
        if is_singular(language, n) {
            self.one
        } else {
            self.other
        }
    }
}

/// The plural rule of each language: French uses the singular for 0 and 1, English for
/// 1 only.
pub fn is_singular(language: Language, n: usize) -> bool {
    match language {
        Language::Fr => n <= 1,
        Language::En => n == 1,
    }
}

/// Fills the `{name}` placeholders of `template` with `values` in one pass (a value is
/// never read as a template); a placeholder without a value is left as it is.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (value, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(&value.to_string());
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The counted nouns of `language` ("1 idée", "2 idées").
pub fn counts(language: Language) -> &'static CountWords {
    &words(language).counts
}

/// The words of `language`.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Fr => &Words::FR,
        Language::En => &Words::EN,
    }
}

/// Declares an area of the catalogue: a struct with one field per key, and its `FR` and
/// `EN` constants. Every key takes both languages; `areas` nests other areas by their
/// `FR` and `EN`.
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(texts { $($key:ident: $fr:expr, $en:expr;)* })?
            $(plurals { $($pkey:ident: ($fr_one:expr, $fr_other:expr), ($en_one:expr, $en_other:expr);)* })?
            $(areas { $($area:ident: $area_type:ident;)* })?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[doc = $en] pub $key: &'static str,)*)?
            $($(#[doc = $en_other] pub $pkey: $crate::i18n::Plural,)*)?
            $($(#[doc = concat!("The words of the `", stringify!($area), "` area.")] pub $area: $area_type,)*)?
        }

        impl $name {
            /// French, the default.
            pub const FR: $name = $name {
                $($($key: $fr,)*)?
                $($($pkey: $crate::i18n::Plural { one: $fr_one, other: $fr_other },)*)?
                $($($area: $area_type::FR,)*)?
            };
            /// English.
            pub const EN: $name = $name {
                $($($key: $en,)*)?
                $($($pkey: $crate::i18n::Plural { one: $en_one, other: $en_other },)*)?
                $($($area: $area_type::EN,)*)?
            };

            /// Every text of this area and the areas it holds, by key, for the tests
            /// (a plural gives `key.one` and `key.other`).
            #[cfg(test)]
            #[allow(clippy::vec_init_then_push)]
            pub(crate) fn entries(&self) -> Vec<(String, &'static str)> {
                #[allow(unused_mut)]
                let mut entries: Vec<(String, &'static str)> = vec![
                    $($((stringify!($key).to_owned(), self.$key),)*)?
                ];
                $($(
                    entries.push((concat!(stringify!($pkey), ".one").to_owned(), self.$pkey.one));
                    entries.push((concat!(stringify!($pkey), ".other").to_owned(), self.$pkey.other));
                )*)?
                $($(
                    for (key, text) in self.$area.entries() {
                        entries.push((format!("{}.{key}", stringify!($area)), text));
                    }
                )*)?
                entries
            }
        }
    };
}
pub(crate) use catalogue;

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        let mut found = BTreeSet::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    found.insert(&after[..end]);
                    rest = &after[end + 1..];
                }
                None => break,
            }
        }
        found
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        let french = Words::FR.entries();
        let english = Words::EN.entries();
        assert_eq!(french.len(), english.len());
        assert!(french.len() > 300, "only {} keys", french.len());
        for ((key, fr), (key_en, en)) in french.iter().zip(&english) {
            assert_eq!(key, key_en);
            assert!(!fr.trim().is_empty(), "{key} is empty in French");
            assert!(!en.trim().is_empty(), "{key} is empty in English");
            assert_eq!(
                placeholders(fr),
                placeholders(en),
                "{key}: « {fr} » and \"{en}\" have different placeholders"
            );
        }
    }

    #[test]
    fn the_two_forms_of_a_plural_have_the_same_placeholders() {
        for entries in [Words::FR.entries(), Words::EN.entries()] {
            for (key, one) in &entries {
                let Some(plural) = key.strip_suffix(".one") else {
                    continue;
                };
                let other = entries
                    .iter()
                    .find(|(k, _)| *k == format!("{plural}.other"))
                    .map(|(_, text)| *text)
                    .unwrap_or_default();
                assert_eq!(
                    placeholders(one),
                    placeholders(other),
                    "{plural}: « {one} » and « {other} »"
                );
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let ideas = &counts(Language::Fr).synergy_ideas;
        assert_eq!(ideas.count(Language::Fr, 0), "0 idée de synergie");
        assert_eq!(ideas.count(Language::Fr, 1), "1 idée de synergie");
        assert_eq!(ideas.count(Language::Fr, 2), "2 idées de synergie");
        let ideas = &counts(Language::En).synergy_ideas;
        assert_eq!(ideas.count(Language::En, 0), "0 synergy ideas");
        assert_eq!(ideas.count(Language::En, 1), "1 synergy idea");
        assert_eq!(ideas.count(Language::En, 2), "2 synergy ideas");
        let votes = &counts(Language::Fr).votes;
        assert_eq!(votes.count(Language::Fr, 1), "1 vote");
        assert_eq!(votes.count(Language::Fr, 3), "3 votes");
        let selected = &counts(Language::Fr).selected_count;
        assert_eq!(selected.count(Language::Fr, 1), "1 sélectionnée");
        assert_eq!(selected.count(Language::Fr, 2), "2 sélectionnées");
    }

    #[test]
    fn fill_replaces_named_placeholders_once() {
        assert_eq!(
            fill(
                "« {file} », ligne {line}",
                &[("file", &"{line}.csv"), ("line", &14)]
            ),
            "« {line}.csv », ligne 14"
        );
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    }

    #[test]
    fn library_errors_are_put_in_plain_words() {
        let not_found = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            io_problem(Language::Fr, &not_found),
            "le fichier ou le dossier n'existe pas"
        );
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(io_problem(Language::En, &full), "the disk is full");
        assert_eq!(
            ron_problem(Language::Fr, &ron::Error::Eof),
            "fin de fichier inattendue"
        );
        let opener = std::io::Error::other("Launcher \"gio\" \"open\" failed");
        let message = opener_message(
            Language::Fr,
            std::path::Path::new("/tmp/synthese.pdf"),
            &opener,
        );
        assert!(message.contains("« synthese.pdf »"), "{message}");
        assert!(!message.contains("gio"), "{message}");
    }
}
