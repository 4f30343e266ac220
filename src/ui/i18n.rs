//! Every user-visible string of the app, in French and English, in one place. (Command
//! names live with the commands, in `command.rs`; model words with the model.)

use crate::model::Language;

macro_rules! strings {
    ($($name:ident: $fr:expr, $en:expr;)*) => {
        /// The app's strings in one language.
        pub struct Tr { $(pub $name: &'static str,)* }
        /// French, the default.
        pub const FR: Tr = Tr { $($name: $fr,)* };
        pub const EN: Tr = Tr { $($name: $en,)* };
    };
}

strings! {
    untitled: "Atelier sans nom", "Untitled session";
    saved: "enregistré", "saved";
    unsaved: "modifications non enregistrées", "unsaved changes";
    autosaved_at: "sauvegarde automatique à", "autosaved at";
    autosave_failed: "la sauvegarde automatique a échoué", "autosave failed";
    menu_file: "Fichier", "File";
    menu_edit: "Édition", "Edit";
    menu_view: "Affichage", "View";
    menu_help: "Aide", "Help";
    recent: "Ateliers récents", "Recent sessions";
    language: "Langue", "Language";
    undo_prefix: "Annuler : ", "Undo: ";
    redo_prefix: "Rétablir : ", "Redo: ";
    undone: "Annulé : ", "Undone: ";
    redone: "Rétabli : ", "Redone: ";
    nothing_to_undo: "Rien à annuler", "Nothing to undo";
    nothing_to_redo: "Rien à rétablir", "Nothing to redo";
    saved_to: "Enregistré dans ", "Saved to ";
    opened: "Ouvert : ", "Opened: ";
    error: "Erreur : ", "Error: ";
    recovery_title: "Sauvegarde automatique trouvée", "Autosave found";
    recovery_text: "Une sauvegarde automatique plus récente que le fichier existe (travail non enregistré, peut-être après une coupure). La restaurer ?", "An autosave newer than the file exists (unsaved work, perhaps after a crash). Restore it?";
    restore: "Restaurer", "Restore";
    discard: "Ignorer et la supprimer", "Ignore and delete it";
    no_dialog: "Aucune boîte de dialogue de fichiers n'est disponible sur cette machine : tapez le chemin du fichier.", "No file dialog is available on this machine: type the file's path.";
    path_label: "Chemin du fichier", "File path";
    open_title: "Ouvrir un atelier", "Open a session";
    save_as_title: "Enregistrer l'atelier sous", "Save the session as";
    confirm: "Valider", "OK";
    cancel: "Annuler", "Cancel";
    close: "Fermer", "Close";
    import_title: "Importer des tableurs (CSV)", "Import spreadsheets (CSV)";
    import_hint: "Enregistrez chaque feuille au format CSV depuis Excel ou LibreOffice. L'import est tout ou rien : une ligne fautive et rien n'est importé.", "Save each sheet as CSV from Excel or LibreOffice. The import is all or nothing: one bad row and nothing is imported.";
    import_organisations: "Organisations", "Organisations";
    import_fiches: "Fiches ressources", "Resource sheets";
    import_ideas: "Idées", "Ideas";
    choose_file: "Choisir…", "Choose…";
    import_do: "Importer", "Import";
    imported: "Importé : ", "Imported: ";
    new_idea_title: "Nouvelle idée", "New idea";
    idea_title: "Titre", "Title";
    description: "Description", "Description";
    kind: "Type", "Kind";
    category: "Catégorie", "Category";
    organisations: "Organisations", "Organisations";
    organisation: "Organisation", "Organisation";
    org_hint: "quelques lettres, puis Entrée", "a few letters, then Enter";
    none: "—", "—";
    facilitator: "Animateur·rice", "Facilitator";
    table: "Table", "Table";
    capture_hint: "Entrée : enregistrer et continuer · Tab : champ suivant · Échap : fermer", "Enter: save and continue · Tab: next field · Esc: close";
    idea_added: "Idée ajoutée : ", "Idea added: ";
    new_fiche_title: "Nouvelle fiche ressource", "New resource sheet";
    direction: "Sens", "Direction";
    resource: "Ressource", "Resource";
    quantity: "Quantité", "Quantity";
    unit: "Unité", "Unit";
    frequency: "Fréquence", "Frequency";
    notes: "Notes", "Notes";
    offers: "Offres", "Offers";
    needs: "Besoins", "Needs";
    fiche_added: "Fiche ajoutée : ", "Resource sheet added: ";
    no_organisation_yet: "Ajoutez d'abord des organisations (Préparation).", "Add organisations first (Preparation).";
    filter: "Filtrer", "Filter";
    filter_hint: "titre, organisation…", "title, organisation…";
    all_organisations: "Toutes les organisations", "All organisations";
    all_categories: "Toutes les catégories", "All categories";
    all_tables: "Toutes les tables", "All tables";
    all_statuses: "Tous les statuts", "All statuses";
    ungrouped: "Sans regroupement", "Not grouped";
    group: "Regrouper", "Group";
    rename: "Renommer", "Rename";
    colour: "Couleur", "Colour";
    merge_into: "Fusionner dans", "Merge into";
    dissolve: "Dissoudre", "Dissolve";
    cluster_name: "Nom du regroupement", "Cluster name";
    cluster_default: "Regroupement", "Cluster";
    or_existing: "ou ajouter au regroupement :", "or add to the cluster:";
    selected_cards: "sélectionnées", "selected";
    clear_selection: "Désélectionner", "Clear selection";
    votes: "votes", "votes";
    hidden: "?", "?";
    reveal: "Révéler les votes", "Reveal the votes";
    tally_hidden: "Votes masqués", "Votes hidden";
    board_hint: "Glisser une carte sur un regroupement ou sur une autre carte · Clic, Maj+clic, Ctrl+clic ou lasso pour sélectionner · Flèches et Espace au clavier", "Drag a card onto a cluster or another card · Click, Shift+click, Ctrl+click or lasso to select · Arrows and Space on the keyboard";
    ideas_shown: "idées affichées", "ideas shown";
    delete: "Supprimer", "Delete";
    edit: "Modifier", "Edit";
    status: "Statut", "Status";
    cluster: "Regroupement", "Cluster";
    next_step: "Prochaine étape", "Next step";
    owner: "Référent", "Owner";
    due: "Échéance", "Due date";
    due_hint: "JJ/MM/AAAA", "DD/MM/YYYY";
    bad_date: "date invalide : écrivez JJ/MM/AAAA", "invalid date: write DD/MM/YYYY";
    edit_idea: "Modifier l'idée", "Edit the idea";
    linked_fiches: "Fiches liées", "Linked resource sheets";
    select_an_idea: "Sélectionnez une idée pour la modifier.", "Select an idea to edit it.";
    apply: "Appliquer", "Apply";
    select_top_before: "Retenir les", "Select the";
    select_top_after: "idées les plus votées", "most voted ideas";
    select_one: "Retenir", "Select";
    unselect_one: "Retirer", "Unselect";
    proposed_ideas: "Idées proposées (par votes)", "Proposed ideas (by votes)";
    to_triage: "À trier", "To triage";
    triage_hint: "Touches 1, 2, 3 : abandonnée, sur le point de se concrétiser, à approfondir · 0 : à trier · ou glisser la carte", "Keys 1, 2, 3: abandoned, about to happen, to deepen · 0: to triage · or drag the card";
    session_details: "L'atelier", "The session";
    session_title: "Titre de l'atelier", "Session title";
    date: "Date", "Date";
    venue: "Lieu", "Venue";
    organiser: "Organisateur", "Organiser";
    facilitators: "Animateur·rices", "Facilitators";
    tables: "Tables", "Tables";
    add: "Ajouter", "Add";
    new_name_hint: "nom, puis Entrée", "name, then Enter";
    name: "Nom", "Name";
    sector: "Secteur", "Sector";
    town: "Commune", "Town";
    contact: "Contact", "Contact";
    email: "Courriel", "Email";
    phone: "Téléphone", "Phone";
    attendance: "Présence", "Attendance";
    categories: "Catégories de ressources", "Resource categories";
    category_key: "Clé", "Key";
    label_fr: "Libellé (français)", "Label (French)";
    label_en: "Libellé (anglais)", "Label (English)";
    new_organisation: "Nouvelle organisation", "New organisation";
    edit_organisation: "Modifier l'organisation", "Edit the organisation";
    select_an_organisation: "Sélectionnez une organisation.", "Select an organisation.";
    key_figures: "Chiffres clés", "Key figures";
    by_category: "Idées par catégorie de ressource", "Ideas by resource category";
    by_kind: "Idées par type", "Ideas by kind";
    funnel: "De l'idée à la concrétisation", "From idea to action";
    triage_split: "Tri après les rendez-vous B2B", "Triage after the B2B meetings";
    funnel_ideas: "Idées", "Ideas";
    funnel_selected: "Retenues B2B", "Selected for B2B";
    funnel_imminent: "Sur le point de se concrétiser", "About to happen";
    no_kind: "Non précisé", "Not given";
    exit_presentation: "Quitter la présentation (F11)", "Leave presentation (F11)";
    help_title: "Aide et raccourcis clavier", "Help and keyboard shortcuts";
    help_intro: "Chaque action s'annule (Ctrl+Z). Le travail est sauvegardé automatiquement après chaque modification ; Ctrl+S enregistre le fichier.", "Every action can be undone (Ctrl+Z). Work is autosaved after every change; Ctrl+S saves the file.";
    shortcut: "Raccourci", "Shortcut";
    action: "Action", "Action";
    export_pdf: "Exporter la synthèse (PDF)…", "Export the synthesis (PDF)…";
    export_xlsx: "Exporter le tableur de suivi (Excel)…", "Export the follow-up workbook (Excel)…";
    open_after_export: "Ouvrir le fichier une fois écrit", "Open the file once written";
    exporting: "Export en cours…", "Exporting…";
    exported: "Écrit : ", "Written: ";
    cannot_open: "Le fichier est écrit mais ne peut pas être ouvert ici : ", "The file is written but cannot be opened here: ";
    no_tables: "l'atelier n'a pas de tables (Préparation)", "the session has no tables (Preparation)";
    copies_written: "Copies de table écrites dans ", "Table copies written to ";
    watching: "Dossier surveillé : ", "Watching: ";
    merge_title: "Fusionner des fichiers de table", "Merge table files";
    conflicts: "Conflits (la modification la plus récente est gardée) :", "Conflicts (the latest change is kept):";
    merge_do: "Fusionner", "Merge";
    merge_anyway: "Fusionner quand même", "Merge anyway";
    table_copy_of: "copie de la ", "copy for ";
    choose_folder: "Choisir un dossier", "Choose a folder";
    several_files: "Plusieurs fichiers : séparez leurs chemins par « ; ».", "Several files: separate their paths with \";\".";
    example_opened: "Atelier d'exemple ouvert", "Example session opened";
    opening: "Ouverture de l'atelier…", "Opening the session…";
    not_replaced: "l'atelier ouvert n'a pas pu être enregistré, il reste ouvert : ", "the open session could not be saved, so it stays open: ";
    task_failed: "erreur interne (l'atelier n'a pas été touché) ", "internal error (the session was not touched) ";
    palette_title: "Palette de commandes", "Command palette";
    palette_hint: "quelques lettres d'une commande, puis Entrée", "a few letters of a command, then Enter";
    palette_nothing: "Aucune commande ne correspond.", "No command matches.";
    palette_only: "palette (Ctrl+K)", "palette (Ctrl+K)";
    idea_shown: "idée affichée", "idea shown";
    sort_hint: "Cliquer pour trier ; encore une fois pour l'ordre inverse", "Click to sort; again for the reverse order";
    empty_title: "le titre ne peut pas être vide : l'ancien est gardé", "the title cannot be empty: the old one is kept";
    empty_name: "le nom ne peut pas être vide", "the name cannot be empty";
    empty_resource: "la ressource ne peut pas être vide : l'ancienne est gardée", "the resource cannot be empty: the old one is kept";
    duplicate_name: "une autre organisation porte déjà ce nom", "another organisation already has this name";
    not_saved_until_fixed: "non enregistré tant que la valeur est invalide", "not saved while the value is invalid";
    fix_before_leaving: "corrigez ou videz ce champ avant de passer à un autre élément : ", "correct or empty this field before moving to another item: ";
    unsaved_entry: "Cette saisie n'est pas enregistrée. Entrée : l'enregistrer · Échap : fermer en la gardant pour plus tard", "This entry is not saved. Enter: save it · Esc: close and keep it for later";
    discard_entry: "Effacer la saisie", "Discard the entry";
    entry_kept: "Saisie gardée : elle sera là à la prochaine ouverture", "Entry kept: it will be there next time";
    fiche_one: "fiche", "resource sheet";
    fiche_many: "fiches", "resource sheets";
    idea_one: "idée", "idea";
    idea_many: "idées", "ideas";
    fiches_column: "Fiches", "Sheets";
    ideas_column: "Idées", "Ideas";
    edit_fiche: "Modifier la fiche", "Edit the resource sheet";
    select_a_fiche: "Sélectionnez une fiche pour la modifier.", "Select a resource sheet to edit it.";
    saved_as_you_go: "Chaque champ est enregistré dès que vous le quittez.", "Each field is saved as soon as you leave it.";
}

/// The strings of `language`.
pub fn tr(language: Language) -> &'static Tr {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
