//! The words of errors, for a facilitator: session files, spreadsheet imports, exports
//! and the opener, with the libraries' errors (I/O, RON) put in plain words.

use std::io;
use std::path::Path;

use super::{Language, catalogue, fill, words};

catalogue! {
    /// The errors' words in one language.
    pub struct ErrorWords {
        texts {
            read: "Impossible de lire « {file} » : {problem}.", "Cannot read \"{file}\": {problem}.";
            write: "Impossible d'écrire « {file} » : {problem}.", "Cannot write \"{file}\": {problem}.";
            create_folder: "Impossible de créer le dossier « {folder} » : {problem}.", "Cannot create the folder \"{folder}\": {problem}.";
            empty_session: "Le fichier « {file} » est vide : il ne contient aucun atelier.", "The file \"{file}\" is empty: it holds no session.";
            not_a_session: "« {file} » n'est pas un fichier d'atelier Synergies : {reason}.", "\"{file}\" is not a Synergies session file: {reason}.";
            damaged: "Le fichier « {file} » est abîmé ou incomplet (ligne {line}, colonne {column}) : {problem}.", "The file \"{file}\" is damaged or incomplete (line {line}, column {column}): {problem}.";
            newer_version: "« {file} » a été écrit par une version plus récente de Synergies (format {found} ; cette version lit jusqu'au format {supported}) : mettez Synergies à jour pour l'ouvrir.", "\"{file}\" was written by a newer version of Synergies (file format {found}; this version reads formats up to {supported}): update Synergies to open it.";
            already_exists: "« {file} » existe déjà : choisissez un autre nom de fichier.", "\"{file}\" already exists: choose another file name.";
            encode: "L'atelier n'a pas pu être mis en forme pour l'enregistrement ({detail}).", "The session could not be encoded for saving ({detail}).";
            reason_not_text: "ce n'est pas du texte (octet {byte} illisible)", "it is not text (unreadable byte {byte})";
            reason_other_format: "son format est « {format} »", "its format is \"{format}\"";
            reason_no_version: "il n'indique pas sa version de format", "it has no format version";
            reason_unknown_version: "la version de format {version} n'existe pas", "format version {version} does not exist";
            reason_id_mismatch: "l'identifiant de l'atelier diffère entre l'enveloppe et l'atelier", "the session id of the envelope and of the session differ";
            ron_end: "fin de fichier inattendue", "unexpected end of file";
            ron_cut_short: "{problem} (le fichier s'arrête trop tôt : il a peut-être été tronqué)", "{problem} (the file ends too early: it may have been cut short)";
            ron_missing_field: "le champ « {field} » manque", "the field \"{field}\" is missing";
            ron_unknown_field: "champ inconnu « {field} »", "unknown field \"{field}\"";
            ron_duplicate_field: "le champ « {field} » apparaît deux fois", "the field \"{field}\" appears twice";
            ron_unknown_value: "valeur inconnue « {value} »", "unknown value \"{value}\"";
            ron_unexpected_character: "caractère inattendu « {character} »", "unexpected character \"{character}\"";
            ron_unexpected_text: "texte inattendu à cet endroit", "unexpected text at this place";
            ron_too_deep: "trop de crochets ou de parenthèses imbriqués (plus de {limit} niveaux)", "too many nested brackets or parentheses (more than {limit} levels)";
            io_not_found: "le fichier ou le dossier n'existe pas", "the file or folder does not exist";
            io_permission_denied: "accès refusé (droits insuffisants)", "permission denied";
            io_storage_full: "le disque est plein", "the disk is full";
            io_read_only: "le disque est en lecture seule", "the disk is read-only";
            io_is_a_folder: "c'est un dossier, pas un fichier", "it is a folder, not a file";
            io_not_a_folder: "un élément du chemin n'est pas un dossier", "part of the path is not a folder";
            io_already_exists: "un fichier de ce nom existe déjà", "a file of that name already exists";
            io_busy: "le fichier est utilisé par un autre programme", "the file is in use by another program";
            io_too_large: "le fichier est trop gros", "the file is too large";
            io_invalid_name: "le nom du fichier n'est pas valide", "the file name is not valid";
            io_not_text: "le contenu n'est pas du texte lisible", "the content is not readable text";
            io_other: "erreur du système de fichiers ({detail})", "file system error ({detail})";
            opener_failed: "Le fichier « {file} » est écrit, mais aucune application n'a pu l'ouvrir ici : ouvrez-le depuis le gestionnaire de fichiers.", "The file \"{file}\" is written, but no application could open it here: open it from the file manager.";
            report_font: "La police de la synthèse n'a pas pu être lue.", "The synthesis' font could not be read.";
            workbook_failed: "Le classeur « {file} » n'a pas pu être écrit : {problem}.", "The workbook \"{file}\" could not be written: {problem}.";
            output_failed: "Impossible d'écrire la sortie de la commande : {problem}.", "Cannot write the command's output: {problem}.";

            import_line: ", ligne {line}", ", line {line}";
            import_column: ", colonne {column}", ", column {column}";
            import_value: ", valeur « {value} »", ", value \"{value}\"";
            import_problem: " : {problem}", ": {problem}";
            import_or: " ou ", " or ";
            import_unreadable: "impossible de lire le fichier : {problem}", "cannot read the file: {problem}";
            import_empty: "le fichier est vide", "the file is empty";
            import_unterminated_quote: "un guillemet ouvert sur cette ligne n'est jamais refermé : la suite du fichier serait lue comme une seule cellule ; refermez-le ou retirez-le", "a quote opened on this line is never closed: the rest of the file would be read as one cell; close it or remove it";
            import_and: " ; et ", "; and ";
            import_not_csv: "le fichier ne peut pas être lu comme un tableau CSV", "the file cannot be read as CSV";
            import_too_many_fields: "cette ligne a plus de champs que l'en-tête ({width}) : une valeur contenant « {delimiter} » a-t-elle perdu ses guillemets ?", "this row has more fields than the header ({width}); is a value with a '{delimiter}' missing its quotes?";
            import_no_header: "aucune ligne d'en-tête avec une colonne {headers} dans les {rows} premières lignes", "no header row with a column named {headers} in the first {rows} rows";
            import_duplicate_column: "les colonnes {first} et {second} donnent toutes deux « {key} » : n'en gardez qu'une", "columns {first} and {second} both give \"{key}\"; keep only one";
            import_missing_column: "la colonne obligatoire « {key} » manque (en-têtes acceptés : {accepted})", "the required column \"{key}\" is missing (accepted headers: {accepted})";
            import_required_empty: "« {key} » est vide", "\"{key}\" is empty";
            import_duplicate_in_file: "cette organisation est déjà à la ligne {line}", "this organisation is already on line {line}";
            import_already_in_session: "cette organisation est déjà dans l'atelier", "this organisation is already in the session";
            import_bad_attendance: "attendu : présente, représentée ou absente (present, represented, absent)", "expected present, represented or absent (présente, représentée, absente)";
            import_bad_direction: "attendu : offre ou besoin (offer, need)", "expected offer or need (offre, besoin)";
            import_unknown_category: "catégorie inconnue ; attendu l'une de : {categories}", "unknown category; expected one of: {categories}";
            import_bad_kind: "attendu : substitution ou mutualisation", "expected substitution or mutualisation";
            import_unknown_organisation: "aucune organisation nommée « {name} » dans l'atelier ni dans cet import", "no organisation named \"{name}\" in the session or in this import";
            import_bad_votes: "attendu : un nombre entier, 0 ou plus", "expected a whole number, 0 or more";
            import_bad_status: "attendu : proposée, retenue, abandonnée, imminente ou à approfondir (proposed, selected, abandoned, imminent, to_deepen)", "expected proposed, selected, abandoned, imminent or to_deepen (proposée, retenue, abandonnée, imminente, à approfondir)";
            import_bad_date: "attendu : une date comme 31/01/2027 ou 2027-01-31", "expected a date as 2027-01-31 or 31/01/2027";
            import_tab: "tabulation", "tab";
            import_cell_too_long: "cette cellule a plus de {limit} caractères, le plus qu'une cellule Excel puisse contenir : un guillemet mal placé a-t-il avalé les lignes qui suivent ?", "this cell is longer than {limit} characters, the most an Excel cell can hold: has a misplaced quote swallowed the lines after it?";
            import_facilitator_without_table: "un·e animateur·rice de table demande la table sur la même ligne", "a table facilitator needs the table in the same row";
            import_other_table_facilitator: "la ligne {line} donne un·e autre animateur·rice à la table « {table} »", "line {line} gives the table \"{table}\" another facilitator";
            import_table_kept: "{file}, ligne {line} : la table « {table} » est déjà dans l'atelier ; son animateur·rice reste tel·le quel·le", "{file}, line {line}: the table \"{table}\" is already in the session; its facilitator is left as it is";
        }
    }
}

/// An I/O error in plain words ("le disque est plein"), without the path (the message
/// around it names the file).
pub fn io_problem(language: Language, error: &io::Error) -> String {
    let w = &words(language).errors;
    let text = match error.kind() {
        io::ErrorKind::NotFound => w.io_not_found,
        io::ErrorKind::PermissionDenied => w.io_permission_denied,
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => w.io_storage_full,
        io::ErrorKind::ReadOnlyFilesystem => w.io_read_only,
        io::ErrorKind::IsADirectory => w.io_is_a_folder,
        io::ErrorKind::NotADirectory => w.io_not_a_folder,
        io::ErrorKind::AlreadyExists => w.io_already_exists,
        io::ErrorKind::ResourceBusy | io::ErrorKind::ExecutableFileBusy => w.io_busy,
        io::ErrorKind::FileTooLarge => w.io_too_large,
        io::ErrorKind::InvalidFilename => w.io_invalid_name,
        io::ErrorKind::InvalidData => w.io_not_text,
        _ => return fill(w.io_other, &[("detail", error)]),
    };
    text.to_owned()
}

/// A RON parse error in plain words ("fin de fichier inattendue"); the position is the
/// caller's to give.
pub fn ron_problem(language: Language, error: &ron::Error) -> String {
    let w = &words(language).errors;
    match error {
        ron::Error::Eof => w.ron_end.to_owned(),
        ron::Error::MissingStructField { field, .. } => {
            fill(w.ron_missing_field, &[("field", field)])
        }
        ron::Error::NoSuchStructField { found, .. } => {
            fill(w.ron_unknown_field, &[("field", found)])
        }
        ron::Error::DuplicateStructField { field, .. } => {
            fill(w.ron_duplicate_field, &[("field", field)])
        }
        ron::Error::NoSuchEnumVariant { found, .. } => {
            fill(w.ron_unknown_value, &[("value", found)])
        }
        ron::Error::ExceededRecursionLimit => {
            fill(w.ron_too_deep, &[("limit", &crate::store::NESTING_LIMIT)])
        }
        ron::Error::UnexpectedChar(character) => {
            fill(w.ron_unexpected_character, &[("character", character)])
        }
        _ => w.ron_unexpected_text.to_owned(),
    }
}

/// Why a file written by Synergies could not be opened in another application (the
/// opener's error, "Launcher \"gio\" … failed", is not for a facilitator's eyes).
pub fn opener_message(language: Language, file: &Path, _error: &io::Error) -> String {
    fill(
        words(language).errors.opener_failed,
        &[("file", &file_name(file))],
    )
}

/// How a message names a file: its name, or the whole path when it has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
