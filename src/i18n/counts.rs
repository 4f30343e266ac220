//! Every text that depends on a count, one plural each ("1 idée", "2 idées"), for every
//! area: the app, the command line, the PDF, the merge summary, the key figures.

use super::catalogue;

catalogue! {
    /// "1 idée", "2 idées": the nouns with their counts.
    pub struct CountWords {
        plurals {
            organisations: ("{n} organisation", "{n} organisations"), ("{n} organisation", "{n} organisations");
            facilitators: ("{n} animateur·rice", "{n} animateur·rices"), ("{n} facilitator", "{n} facilitators");
            tables: ("{n} table", "{n} tables"), ("{n} table", "{n} tables");
            fiches: ("{n} fiche ressource", "{n} fiches ressources"), ("{n} resource sheet", "{n} resource sheets");
            offers: ("{n} offre", "{n} offres"), ("{n} offer", "{n} offers");
            needs: ("{n} besoin", "{n} besoins"), ("{n} need", "{n} needs");
            ideas: ("{n} idée", "{n} idées"), ("{n} idea", "{n} ideas");
            synergy_ideas: ("{n} idée de synergie", "{n} idées de synergie"), ("{n} synergy idea", "{n} synergy ideas");
            clusters: ("{n} regroupement", "{n} regroupements"), ("{n} cluster", "{n} clusters");
            categories: ("{n} catégorie", "{n} catégories"), ("{n} category", "{n} categories");
            votes: ("{n} vote", "{n} votes"), ("{n} vote", "{n} votes");
            organisations_needing: ("{n} organisation a besoin de : {resource}", "{n} organisations ont besoin de : {resource}"), ("{n} organisation needs: {resource}", "{n} organisations need: {resource}");
            organisations_offering: ("{n} organisation propose : {resource}", "{n} organisations proposent : {resource}"), ("{n} organisation offers: {resource}", "{n} organisations offer: {resource}");
            dismissed_suggestions: ("{n} suggestion écartée", "{n} suggestions écartées"), ("{n} dismissed suggestion", "{n} dismissed suggestions");
            conflicts: ("{n} conflit", "{n} conflits"), ("{n} conflict", "{n} conflicts");
            files: ("{n} fichier", "{n} fichiers"), ("{n} file", "{n} files");
            pages: ("{n} page", "{n} pages"), ("{n} page", "{n} pages");
            warnings: ("{n} avertissement", "{n} avertissements"), ("{n} warning", "{n} warnings");
            selected_count: ("{n} sélectionnée", "{n} sélectionnées"), ("{n} selected", "{n} selected");
            top_n_select: ("{n} idée sera retenue", "{n} idées seront retenues"), ("{n} idea will be selected", "{n} ideas will be selected");
            top_n_unselect: ("{n} retenue par le vote redeviendra proposée", "{n} retenues par le vote redeviendront proposées"), ("{n} selected by the vote will go back to proposed", "{n} selected by the vote will go back to proposed");
            top_n_kept: ("{n} retenue à la main reste retenue", "{n} retenues à la main restent retenues"), ("{n} selected by hand stays selected", "{n} selected by hand stay selected");
            check_missing_organisations: ("{what} cite {n} organisation qui n'existe pas", "{what} cite {n} organisations qui n'existent pas"), ("{what} names {n} organisation that does not exist", "{what} names {n} organisations that do not exist");
            import_more_bad_rows: ("{n} autre ligne à corriger", "{n} autres lignes à corriger"), ("{n} more row to correct", "{n} more rows to correct");
            more_ideas: ("+ {n} autre", "+ {n} autres"), ("+ {n} more", "+ {n} more");
            ideas_shown_count: ("{n} idée affichée", "{n} idées affichées"), ("{n} idea shown", "{n} ideas shown");
            copies_written_count: ("{n} copie de table écrite dans {folder}", "{n} copies de table écrites dans {folder}"), ("{n} table copy written to {folder}", "{n} table copies written to {folder}");
            problems_found: ("{file} : {n} problème trouvé", "{file} : {n} problèmes trouvés"), ("{file}: {n} problem found", "{file}: {n} problems found");
            import_note: ("{file} : {n} ligne ({what}), lue en {encoding} avec {delimiter} entre les champs", "{file} : {n} lignes ({what}), lues en {encoding} avec {delimiter} entre les champs"), ("{file}: {n} row ({what}), read as {encoding} with {delimiter} between fields", "{file}: {n} rows ({what}), read as {encoding} with {delimiter} between fields");
            import_ignored_columns: ("{n} colonne ignorée : {columns}", "{n} colonnes ignorées : {columns}"), ("{n} ignored column: {columns}", "{n} ignored columns: {columns}");
            unified: (" ; {n} élément trouvé sous deux identités et réuni par son nom", " ; {n} éléments trouvés sous deux identités et réunis par leur nom"), ("; {n} item found under two identities and unified by name", "; {n} items found under two identities and unified by name");
            details: ("les détails de l'atelier ({n})", "les détails de l'atelier ({n})"), ("the session details ({n})", "the session details ({n})");
            b2b_plans: ("le planning B2B ({n})", "le planning B2B ({n})"), ("the B2B plan ({n})", "the B2B plan ({n})");
            not_placed: ("{n} rendez-vous non placé", "{n} rendez-vous non placés"), ("{n} meeting not placed", "{n} meetings not placed");
            action_delete_ideas: ("supprimer {n} idée", "supprimer {n} idées"), ("delete {n} idea", "delete {n} ideas");
            action_merge_clusters: ("fusionner {n} regroupement", "fusionner {n} regroupements"), ("merge {n} cluster", "merge {n} clusters");
            action_group_ideas: ("regrouper {n} idée", "regrouper {n} idées"), ("group {n} idea", "group {n} ideas");
            action_ungroup_ideas: ("dégrouper {n} idée", "dégrouper {n} idées"), ("ungroup {n} idea", "ungroup {n} ideas");
            action_back_to_proposed: ("remettre {n} idée en proposition", "remettre {n} idées en proposition"), ("set {n} idea back to proposed", "set {n} ideas back to proposed");
            action_select_for_b2b: ("retenir {n} idée pour les B2B", "retenir {n} idées pour les B2B"), ("select {n} idea for B2B", "select {n} ideas for B2B");
            action_mark_status: ("classer {n} idée « {status} »", "classer {n} idées « {status} »"), ("mark {n} idea \"{status}\"", "mark {n} ideas \"{status}\"");
            action_select_top_voted: ("retenir l'idée la plus votée ({n})", "retenir les {n} idées les plus votées"), ("select the most voted idea ({n})", "select the {n} most voted ideas");
            action_merge_files: ("fusionner {n} fichier de table", "fusionner {n} fichiers de table"), ("merge {n} table file", "merge {n} table files");
            action_import_rows: ("importer {n} ligne", "importer {n} lignes"), ("import {n} row", "import {n} rows");
            error_category_in_use: ("la catégorie « {category} » est utilisée par {n} fiche ou idée", "la catégorie « {category} » est utilisée par {n} fiches ou idées"), ("the category \"{category}\" is used by {n} resource sheet or idea", "the category \"{category}\" is used by {n} resource sheets or ideas");
            stats_present: ("{n} présente", "{n} présentes"), ("{n} present", "{n} present");
            stats_represented: ("{n} représentée", "{n} représentées"), ("{n} represented", "{n} represented");
            stats_selected: ("{n} idée retenue pour les rendez-vous B2B", "{n} idées retenues pour les rendez-vous B2B"), ("{n} idea selected for B2B meetings", "{n} ideas selected for B2B meetings");
            stats_abandoned: ("{n} abandonnée", "{n} abandonnées"), ("{n} abandoned", "{n} abandoned");
            stats_votes: ("{n} vote (gommettes)", "{n} votes (gommettes)"), ("{n} vote", "{n} votes");
            cover_organisations: ("organisation présente + représentée", "organisations présentes + représentées"), ("organisation present + represented", "organisations present + represented");
            cover_facilitators: ("animateur·rice", "animateur·rices"), ("facilitator", "facilitators");
            cover_fiches: ("fiche ressource", "fiches ressources"), ("resource sheet", "resource sheets");
            cover_ideas: ("idée de synergie", "idées de synergie"), ("synergy idea", "synergy ideas");
            cover_selected: ("idée retenue pour les rendez-vous B2B", "idées retenues pour les rendez-vous B2B"), ("idea selected for B2B meetings", "ideas selected for B2B meetings");
        }
    }
}
