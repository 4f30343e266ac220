//! The names of the app's commands, as menus, the help and the palette show them.

use super::catalogue;

catalogue! {
    /// One name per command (see `crate::ui::Command`).
    pub struct CommandWords {
        texts {
            new_session: "Nouvel atelier", "New session";
            open_session: "Ouvrir un atelier…", "Open session…";
            open_recent: "Ouvrir un atelier récent", "Open a recent session";
            save_session: "Enregistrer", "Save";
            save_session_as: "Enregistrer sous…", "Save as…";
            import_spreadsheets: "Importer des tableurs…", "Import spreadsheets…";
            choose_import_file_organisations: "Choisir le tableur des organisations…", "Choose the organisations spreadsheet…";
            choose_import_file_fiches: "Choisir le tableur des fiches ressources…", "Choose the resource sheets spreadsheet…";
            choose_import_file_ideas: "Choisir le tableur des idées…", "Choose the ideas spreadsheet…";
            run_import: "Importer les tableurs choisis", "Import the chosen spreadsheets";
            export_pdf: "Exporter la synthèse (PDF)…", "Export the synthesis (PDF)…";
            export_xlsx: "Exporter le tableur de suivi (Excel)…", "Export the follow-up workbook (Excel)…";
            toggle_open_after_export: "Ouvrir le fichier une fois exporté", "Open the file once exported";
            undo: "Annuler", "Undo";
            redo: "Rétablir", "Redo";
            new_idea: "Nouvelle idée", "New idea";
            new_fiche: "Nouvelle fiche ressource", "New resource sheet";
            show_view_preparation: "Préparation", "Preparation";
            show_view_fiches: "Fiches", "Resource sheets";
            show_view_ideas: "Idées", "Ideas";
            show_view_board: "Tableau", "Board";
            show_view_selection: "Sélection et tri", "Selection and triage";
            show_view_b2b: "Rendez-vous B2B", "B2B meetings";
            show_view_synthesis: "Synthèse", "Synthesis";
            toggle_presentation: "Mode présentation", "Presentation mode";
            zoom_in: "Agrandir", "Zoom in";
            zoom_out: "Réduire", "Zoom out";
            zoom_reset: "Taille normale", "Actual size";
            toggle_language: "Changer de langue (English)", "Switch language (Français)";
            toggle_help: "Aide et raccourcis", "Help and shortcuts";
            open_palette: "Palette de commandes", "Command palette";
            find: "Filtrer", "Filter";
            group_selection: "Regrouper la sélection", "Group the selection";
            select_all_cards: "Tout sélectionner", "Select all";
            vote_up: "Ajouter un vote", "Add a vote";
            vote_down: "Retirer un vote", "Remove a vote";
            toggle_hidden_tally: "Masquer / révéler les votes", "Hide / reveal votes";
            toggle_sort_by_votes: "Trier par votes", "Sort by votes";
            rename_cluster: "Renommer le regroupement", "Rename the cluster";
            recolour_cluster: "Changer la couleur du regroupement", "Change the cluster's colour";
            merge_cluster_into: "Fusionner le regroupement dans…", "Merge the cluster into…";
            dissolve_cluster: "Défaire le regroupement", "Dissolve the cluster";
            select_top_n: "Retenir les N idées les plus votées", "Select the N most voted ideas";
            triage_abandon: "Classer « abandonnée »", "Mark \"abandoned\"";
            triage_imminent: "Classer « sur le point de se concrétiser »", "Mark \"about to happen\"";
            triage_deepen: "Classer « à approfondir »", "Mark \"to deepen\"";
            triage_reset: "Remettre « à trier »", "Back to \"to triage\"";
            delete_selection: "Supprimer la sélection", "Delete the selection";
            prepare_table_copies: "Préparer les copies de table…", "Prepare the table copies…";
            import_table_files: "Importer des fichiers de table…", "Import table files…";
            watch_folder: "Surveiller un dossier…", "Watch a folder…";
            show_merge_log: "Journal des fusions", "Merge log";
            quit: "Quitter", "Quit";
            wall_overview: "Vue d'ensemble des regroupements", "Overview of the clusters";
            previous_cluster: "Regroupement précédent", "Previous cluster";
            next_cluster: "Regroupement suivant", "Next cluster";
            spotlight: "Idée en grand (tour de table)", "Idea full screen (tour de table)";
            toggle_selected_for_b2b: "Retenir pour les B2B / ne plus retenir", "Select for B2B / unselect";
            timer_start_pause: "Minuteur : démarrer / mettre en pause", "Timer: start / pause";
            timer_reset: "Minuteur : remettre à zéro", "Timer: reset";
            timer_longer: "Minuteur : une minute de plus", "Timer: one minute more";
            timer_shorter: "Minuteur : une minute de moins", "Timer: one minute less";
            accept_suggestion: "Faire de la suggestion une idée", "Make the suggestion an idea";
            dismiss_suggestion: "Écarter la suggestion", "Dismiss the suggestion";
            next_suggestion: "Suggestion suivante", "Next suggestion";
            previous_suggestion: "Suggestion précédente", "Previous suggestion";
            edit_thesaurus: "Modifier le thésaurus des ressources", "Edit the resource thesaurus";
            plan_b2b: "Planifier les rendez-vous B2B", "Plan the B2B meetings";
            export_agendas: "Imprimer les agendas B2B (PDF)…", "Print the B2B agendas (PDF)…";
            toggle_meeting_lock: "Verrouiller ou déverrouiller le rendez-vous", "Lock or unlock the meeting";
        }
    }
}
