//! The words of the merge of table files: its summary, its conflicts, its refusals.

use super::catalogue;

catalogue! {
    /// The merge's words in one language.
    pub struct MergeWords {
        texts {
            summary: "ajouté : {added} ; modifié : {updated} ; supprimé : {deleted}{unified} ; {conflicts}{revived}", "added: {added}; updated: {updated}; deleted: {deleted}{unified}; {conflicts}{revived}";
            revived: " ; de retour après une suppression, car modifié depuis : {labels}", "; back after a deletion, as changed since: {labels}";
            nothing: "rien", "nothing";
            conflict: "{kind} « {label} » : gardé {kept} ({kept_at}), écarté {dropped} ({dropped_at}) : {differences}", "{kind} \"{label}\": kept {kept} ({kept_at}), dropped {dropped} ({dropped_at}): {differences}";
            other_session: "« {file} » est le fichier d'un autre atelier (atelier {found}, et non {expected}) : ne le fusionnez quand même que si vous en êtes sûr", "\"{file}\" is another workshop's file (session {found}, not {expected}): merge it anyway only if you are sure";
            not_a_folder: "« {folder} » n'est pas un dossier", "\"{folder}\" is not a folder";
        }
    }
}
