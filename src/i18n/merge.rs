//! The words of the merge of table files: its summary, its conflicts, its refusals.

use super::catalogue;

catalogue! {
    /// The merge's words in one language.
    pub struct MergeWords {
        texts {
            summary: "ajouté : {added} ; modifié : {updated} ; supprimé : {deleted}{unified} ; {conflicts}{revived}", "added: {added}; updated: {updated}; deleted: {deleted}{unified}; {conflicts}{revived}";
            revived: " ; de retour après une suppression, car modifié depuis : {labels}", "; back after a deletion, as changed since: {labels}";
            nothing: "rien", "nothing";
            conflict: "{kind} « {label} », {field} : gardé « {kept} » ({kept_by}, {kept_at}) ; autre valeur « {other} » ({other_by}, {other_at})", "{kind} \"{label}\", {field}: kept \"{kept}\" ({kept_by}, {kept_at}); other value \"{other}\" ({other_by}, {other_at})";
            change_added: "ajouté : {kind} « {label} »", "added: {kind} \"{label}\"";
            change_deleted: "supprimé : {kind} « {label} »", "deleted: {kind} \"{label}\"";
            change_revived: "de retour : {kind} « {label} », modifié après sa suppression", "back: {kind} \"{label}\", changed after its deletion";
            change_field: "modifié : {kind} « {label} », {field} : {old} → {new}", "changed: {kind} \"{label}\", {field}: {old} → {new}";
            from_file: "Depuis {file} :", "From {file}:";
            no_value: "(vide)", "(empty)";
            yes: "oui", "yes";
            no: "non", "no";
            other_session: "« {file} » est le fichier d'un autre atelier (atelier {found}, et non {expected}) : ne le fusionnez quand même que si vous en êtes sûr", "\"{file}\" is another workshop's file (session {found}, not {expected}): merge it anyway only if you are sure";
            not_a_folder: "« {folder} » n'est pas un dossier", "\"{folder}\" is not a folder";
        }
    }
}
