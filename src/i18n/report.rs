//! The words of the synthesis (PDF) and of the follow-up workbook (Excel).

use super::catalogue;

catalogue! {
    /// The synthesis' words in one language.
    pub struct ReportWords {
        texts {
            synthesis: "Synthèse de l'atelier", "Workshop synthesis";
            date: "Date", "Date";
            venue: "Lieu", "Venue";
            organiser: "Organisé par", "Organised by";
            key_figures: "Les chiffres clés", "Key figures";
            offers_needs: "offres / besoins", "offers / needs";
            ideas: "idées de synergie", "synergy ideas";
            selected_short: "retenues pour les B2B", "selected for B2B";
            triage: "après les rendez-vous B2B", "after the B2B meetings";
            abandoned_imminent_deepen: "abandonnées / sur le point de se concrétiser / à approfondir", "abandoned / about to happen / to deepen";
            charts: "Les idées en graphiques", "The ideas in charts";
            by_category: "Idées par catégorie de ressource", "Ideas by resource category";
            by_kind: "Idées par type de synergie", "Ideas by kind of synergy";
            funnel: "De l'idée à la concrétisation", "From idea to action";
            triage_split: "Tri des idées retenues", "Triage of the selected ideas";
            not_given: "Non précisé", "Not given";
            to_triage: "encore à trier", "not triaged yet";
            ideas_imminent: "Les idées sur le point de se concrétiser", "Ideas about to happen";
            ideas_deepen: "Les idées à approfondir", "Ideas to deepen";
            ideas_abandoned: "Les idées abandonnées", "Abandoned ideas";
            ideas_untriaged: "Les idées retenues, pas encore triées", "Selected ideas not triaged yet";
            none: "aucune", "none";
            organisations_label: "Organisations", "Organisations";
            owner: "Référent", "Owner";
            next_step: "Prochaine étape", "Next step";
            due: "Échéance", "Due";
            by_cluster: "Toutes les idées, par regroupement", "All ideas, by cluster";
            votes: "Votes", "Votes";
            idea: "Idée", "Idea";
            status: "Statut", "Status";
            ungrouped: "Sans regroupement", "Not grouped";
            index: "Index par organisation", "Index by organisation";
            index_intro: "Pour chaque organisation : les idées qui la concernent et ses fiches ressources.", "For each organisation: the ideas that involve it and its resource sheets.";
            resource_sheets: "Fiches ressources", "Resource sheets";
            participants: "Participants", "Participants";
            name: "Organisation", "Organisation";
            sector: "Secteur", "Sector";
            town: "Commune", "Town";
            table: "Table", "Table";
            attendance: "Présence", "Attendance";
            facilitators_heading: "Animateur·rices", "Facilitators";
            page_of: "page {page} sur {total}", "page {page} of {total}";
        }
    }
}

catalogue! {
    /// The follow-up workbook's words in one language (a sheet's name has at most 31
    /// characters).
    pub struct WorkbookWords {
        texts {
            sheet_imminent: "Sur le point de se concrétiser", "About to happen";
            sheet_to_deepen: "À approfondir", "To deepen";
            sheet_abandoned: "Abandonnées", "Abandoned";
            sheet_selected: "Retenues à trier", "Selected, not triaged";
            sheet_proposed: "Proposées", "Proposed";
            sheet_organisations: "Organisations", "Organisations";
            sheet_fiches: "Fiches ressources", "Resource sheets";
            date_format: "dd/mm/yyyy", "yyyy-mm-dd";
            idea: "Idée", "Idea";
            owner: "Référent", "Owner";
            next_step: "Prochaine étape", "Next step";
            due: "Échéance", "Due";
            votes: "Votes", "Votes";
            cluster: "Regroupement", "Cluster";
        }
    }
}
