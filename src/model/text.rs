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

/// `text` in the order its characters are drawn left to right: runs of Arabic or
/// Hebrew are reversed as the Unicode bidirectional algorithm says, so that a title
/// mixing French and Arabic reads right in a painter that only draws left to right
/// (egui's). Text without right-to-left letters comes back as it is. For drawing only:
/// the text kept and edited stays in logical order.
pub fn display_order(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_bidi::{BidiClass, BidiInfo, bidi_class};
    if !text
        .chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let info = BidiInfo::new(text, None);
    let mut out = String::with_capacity(text.len());
    for paragraph in &info.paragraphs {
        out.push_str(&info.reorder_line(paragraph, paragraph.range.clone()));
    }
    std::borrow::Cow::Owned(out)
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

/// Parses a date as French users and spreadsheets write it: `31/01/2027`, `31/1/27`,
/// `31-01-2027`, `31.01.2027` or `2027-01-31`, possibly followed by a time (Excel's
/// `31/01/2027 00:00:00`). Two-digit years are 20xx; years outside 1900–2200 are refused
/// as typos.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let date = text.split_whitespace().next()?;
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else {
        let year = match c.len() {
            2 => 2000 + number(c)?,
            4 => number(c)?,
            _ => return None,
        };
        (year, number(b)?, number(a)?)
    };
    let date = chrono::NaiveDate::from_ymd_opt(
        year,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?;
    (1900..=2200).contains(&date.year()).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_runs_are_drawn_in_reading_order() {
        // Logical order: the Arabic word as typed, first letter first.
        let title = "Compost \u{0645}\u{0631}\u{062D}\u{0628}\u{0627} pour le quartier";
        let shown = display_order(title);
        // The French stays as it is, in the same place; the Arabic run is reversed.
        assert!(shown.starts_with("Compost "), "{shown}");
        assert!(shown.ends_with(" pour le quartier"), "{shown}");
        assert!(
            shown.contains("\u{0627}\u{0628}\u{062D}\u{0631}\u{0645}"),
            "{shown}"
        );
        // An Arabic title: the French word keeps its letters in order.
        let shown = display_order("\u{0645}\u{0631}\u{062D}\u{0628}\u{0627} Palettes");
        assert!(shown.contains("Palettes"), "{shown}");
        assert!(shown.starts_with("Palettes"), "{shown}");
        // Without right-to-left letters, nothing changes.
        assert!(matches!(
            display_order("Palettes 🙂 bois"),
            std::borrow::Cow::Borrowed("Palettes 🙂 bois")
        ));
    }

    #[test]
    fn fold_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Société   Générale "), "societe generale");
        assert_eq!(fold("SOCIETE GENERALE"), "societe generale");
        assert_eq!(fold("Cœur de Bastide"), "coeur de bastide");
        assert_ne!(fold("Ferme A"), fold("Ferme B"));
    }

    #[test]
    fn dates_as_people_write_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 31);
        for text in [
            "31/01/2027",
            "31/1/27",
            "2027-01-31",
            "31-01-2027",
            "31.01.2027",
            "31/01/2027 00:00:00",
            " 31/01/2027 ",
        ] {
            assert_eq!(parse_date(text), d, "{text}");
        }
        for text in [
            "",
            "demain",
            "31/02/2027",
            "31/01/0027",
            "2o27-01-31",
            "31/01",
            "1/2/3/4",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
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
