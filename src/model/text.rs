//! Matching names the way people type them: ignoring case, accents and spacing.

/// Folds a name for matching: accents removed (`é` → `e`, `œ` → `oe`), lower case,
/// runs of white space collapsed to one space, surrounding space removed.
///
/// `"  Société  Générale "` and `"societe generale"` fold to the same key.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    for word in ascii.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Folds a spreadsheet header: like [`fold`], with every run of non-alphanumeric
/// characters turned into one `_` (`"Prochaine étape"` → `"prochaine_etape"`).
pub fn fold_header(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    let mut pending_separator = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_separator && !out.is_empty() {
                out.push('_');
            }
            pending_separator = false;
            out.push(c);
        } else {
            pending_separator = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Société   Générale "), "societe generale");
        assert_eq!(fold("SOCIETE GENERALE"), "societe generale");
        assert_eq!(fold("Cœur de Bastide"), "coeur de bastide");
        assert_ne!(fold("Ferme A"), fold("Ferme B"));
    }

    #[test]
    fn fold_header_makes_identifiers() {
        assert_eq!(fold_header("Prochaine étape"), "prochaine_etape");
        assert_eq!(fold_header("Téléphone"), "telephone");
        assert_eq!(fold_header(" Catégorie "), "categorie");
        assert_eq!(fold_header("E-mail"), "e_mail");
        assert_eq!(fold_header("next_step"), "next_step");
    }
}
