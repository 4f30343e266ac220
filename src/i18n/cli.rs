//! The command line's words (its errors are worded by the areas they come from).

use super::catalogue;

catalogue! {
    /// The command line's words in one language.
    pub struct CliWords {
        texts {
            error_prefix: "error: ", "error: ";
            created: "créé : {file}", "created {file}";
            wrote: "écrit : {file}", "wrote {file}";
            no_such_file: "« {file} » n'existe pas : donnez un fichier d'atelier (.ron) ou une commande (synergies --help)", "\"{file}\" does not exist: give a session file (.ron) or a command (synergies --help)";
            empty_title: "le titre est vide : donnez un titre à l'atelier avec --title", "the title is empty: give the workshop a title with --title";
            bad_date: "--date « {text} » : attendu une date AAAA-MM-JJ, par exemple 2026-11-22", "--date \"{text}\": expected a date as YYYY-MM-DD, e.g. 2026-11-22";
            problem: "problème : {message}", "problem: {message}";
            warning: "avertissement : {message}", "warning: {message}";
            check_ok: "ok : {file} se charge{upgrade} : {organisations}, {fiches}, {ideas}, {warnings}", "ok: {file} loads{upgrade}: {organisations}, {fiches}, {ideas}, {warnings}";
            upgrade: " (format {found}, mis à jour en {current} au prochain enregistrement)", " (format {found}, upgraded to {current} on the next save)";
            no_tables: "{file} : l'atelier n'a pas de tables pour lesquelles faire des copies", "{file}: the session has no tables to make copies for";
            nothing_to_import: "rien à importer : donnez --organisations, --fiches ou --ideas avec un fichier CSV", "nothing to import: give --organisations, --fiches or --ideas with a CSV file";
            nothing_imported: "rien d'importé : les fichiers n'ont aucune ligne", "nothing imported: the files have no rows";
            import_refused: "l'import est refusé : {reason}", "the import was refused: {reason}";
            nothing_was_imported: "{error} Rien n'a été importé.", "{error} Nothing was imported.";
            imported: "importé dans {file} : {organisations}, {fiches}, {ideas} (créé : {tables}, {facilitators}, {clusters})", "imported into {file}: {organisations}, {fiches}, {ideas} (created: {tables}, {facilitators}, {clusters})";
            nothing_to_merge: "rien à fusionner", "nothing to merge";
            conflict: "conflit : {conflict}", "conflict: {conflict}";
            no_window: "cette version de synergies est construite sans fenêtre : donnez une commande (synergies --help)", "this build of synergies has no window: give a command (synergies --help)";
            dry_run: "(essai : rien n'a été écrit)", "(dry run: nothing was written)";
            nothing_was_merged: "{error} Rien n'a été fusionné.", "{error} Nothing was merged.";
            merged: "fusionné dans {file} : {files} ({ideas})", "merged into {file}: {files} ({ideas})";
            report_written: "écrit : {file} ({pages}, {size} Kio)", "wrote {file} ({pages}, {size} KiB)";
            agendas_written: "agendas écrits : {file}", "agendas written: {file}";
            b2b_bad_number: "{option} {value} : attendu un nombre de {min} à {max}", "{option} {value}: expected a number from {min} to {max}";
            b2b_bad_unavailable: "--unavailable « {text} » : attendu ORGANISATION=HH:MM-HH:MM", "--unavailable \"{text}\": expected ORGANISATION=HH:MM-HH:MM";
            b2b_unknown_organisation: "--unavailable : aucune organisation ne s'appelle « {name} »", "--unavailable: no organisation is called \"{name}\"";
            heading: "Atelier : {title}", "Session: {title}";
            organised_by: " (organisé par {organiser})", " (organised by {organiser})";
        }
    }
}
