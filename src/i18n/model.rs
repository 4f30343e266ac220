//! The model's words: the labels of its enums, what each action does ("Annuler : …")
//! and why an action is refused.

use super::catalogue;

catalogue! {
    /// The model's words in one language.
    pub struct ModelWords {
        texts {
            attendance_present: "présente", "present";
            attendance_represented: "représentée", "represented";
            attendance_absent: "absente", "absent";
            direction_offer: "offre", "offer";
            direction_need: "besoin", "need";
            kind_substitution: "substitution", "substitution";
            kind_mutualisation: "mutualisation", "pooling";
            status_proposed: "proposée", "proposed";
            status_selected: "retenue pour les rendez-vous B2B", "selected for B2B meetings";
            status_abandoned: "abandonnée", "abandoned";
            status_imminent: "sur le point de se concrétiser", "about to happen";
            status_to_deepen: "à approfondir", "to deepen";

            entity_facilitator: "animateur·rice", "facilitator";
            entity_table: "table", "table";
            entity_category: "catégorie", "category";
            entity_organisation: "organisation", "organisation";
            entity_fiche: "fiche ressource", "resource sheet";
            entity_idea: "idée", "idea";
            entity_cluster: "regroupement", "cluster";

            field_title: "le titre", "the title";
            field_name: "le nom", "the name";
            field_resource: "la ressource", "the resource";
            field_session_title: "le titre de l'atelier", "the session title";
            field_category_key: "la clé de la catégorie", "the category key";
            field_label_fr: "le libellé français", "the French label";
            field_label_en: "le libellé anglais", "the English label";
            field_description: "la description", "the description";
            field_kind: "le type", "the kind";
            field_category: "la catégorie", "the category";
            field_status: "le statut", "the status";
            field_cluster: "le regroupement", "the cluster";
            field_table: "la table", "the table";
            field_facilitator: "l'animateur·rice", "the facilitator";
            field_votes: "les votes", "the votes";
            field_organisations: "les organisations", "the organisations";
            field_next_step: "la prochaine étape", "the next step";
            field_owner: "le référent", "the owner";
            field_due: "l'échéance", "the due date";
            field_organisation: "l'organisation", "the organisation";
            field_direction: "le sens", "the direction";
            field_quantity: "la quantité", "the quantity";
            field_unit: "l'unité", "the unit";
            field_frequency: "la fréquence", "the frequency";
            field_notes: "les notes", "the notes";
            field_sector: "le secteur", "the sector";
            field_town: "la commune", "the town";
            field_contact: "le contact", "the contact";
            field_email: "le courriel", "the email";
            field_phone: "le téléphone", "the phone";
            field_attendance: "la présence", "the attendance";
            field_venue: "le lieu", "the venue";
            field_organiser: "l'organisateur", "the organiser";
            field_date: "la date", "the date";
            field_language: "la langue", "the language";
            field_fiches: "les fiches liées", "the linked sheets";
            field_hand_picked: "le choix à la main", "the hand pick";
            field_colour: "la couleur", "the colour";
            field_unavailable: "les indisponibilités", "the unavailable times";
            field_b2b_tables: "le nombre de tables", "the number of tables";
            field_b2b_slot: "la durée d'un rendez-vous", "the length of a meeting";

            action_edit_session: "modifier l'atelier", "edit the session";
            action_add_facilitator: "ajouter un·e animateur·rice", "add a facilitator";
            action_edit_facilitator: "modifier un·e animateur·rice", "edit a facilitator";
            action_delete_facilitator: "supprimer un·e animateur·rice", "delete a facilitator";
            action_add_table: "ajouter une table", "add a table";
            action_edit_table: "modifier une table", "edit a table";
            action_delete_table: "supprimer une table", "delete a table";
            action_add_category: "ajouter une catégorie", "add a category";
            action_edit_category: "modifier une catégorie", "edit a category";
            action_delete_category: "supprimer une catégorie", "delete a category";
            action_add_organisation: "ajouter une organisation", "add an organisation";
            action_edit_organisation: "modifier une organisation", "edit an organisation";
            action_delete_organisation: "supprimer une organisation", "delete an organisation";
            action_add_fiche: "ajouter une fiche", "add a resource sheet";
            action_edit_fiche: "modifier une fiche", "edit a resource sheet";
            action_delete_fiche: "supprimer une fiche", "delete a resource sheet";
            action_add_idea: "ajouter une idée", "add an idea";
            action_edit_idea: "modifier une idée", "edit an idea";
            action_add_cluster: "créer un regroupement", "create a cluster";
            action_edit_cluster: "modifier un regroupement", "edit a cluster";
            action_dissolve_cluster: "dissoudre un regroupement", "dissolve a cluster";
            action_vote: "voter", "vote";
            action_dismiss_suggestion: "écarter la suggestion", "dismiss the suggestion";
            action_b2b_settings: "modifier les réglages des rendez-vous B2B", "change the B2B meeting settings";
            action_plan_b2b: "planifier les rendez-vous B2B", "plan the B2B meetings";
            action_move_meeting: "déplacer un rendez-vous B2B", "move a B2B meeting";
            action_lock_meeting: "verrouiller un rendez-vous B2B", "lock a B2B meeting";
            action_unlock_meeting: "déverrouiller un rendez-vous B2B", "unlock a B2B meeting";
            error_b2b_setting: "{field} : valeur hors des limites", "{field}: value out of range";
            action_edit_field: "modifier {field}", "edit {field}";
            action_edit_two_fields: "modifier {first} et {second}", "edit {first} and {second}";

            error_empty: "{field} est vide", "{field} is empty";
            error_missing: "{kind} introuvable dans cet atelier", "no such {kind} in this session";
            error_duplicate_organisation: "une organisation nommée « {name} » existe déjà dans l'atelier", "an organisation named \"{name}\" is already in the session";
            error_duplicate_category: "une catégorie de clé « {key} » existe déjà", "a category with the key \"{key}\" already exists";
            error_unknown_category: "pas de catégorie « {key} » dans cet atelier", "no category \"{key}\" in this session";
            error_duplicate_id: "cet élément existe déjà dans l'atelier", "this item is already in the session";
            error_nothing: "rien à faire", "nothing to do";

            stats_with_detail: "{total} ({first}, {second})", "{total} ({first}, {second})";
            stats_triage: "dont {abandoned}, {imminent} sur le point de se concrétiser, {to_deepen} à approfondir{untriaged}", "of which {abandoned}, {imminent} about to happen, {to_deepen} to deepen{untriaged}";
            stats_untriaged: ", {n} encore à trier", ", {n} not triaged yet";
        }
    }
}

impl crate::model::EntityKind {
    /// What an entity of this kind is called ("idée", "resource sheet").
    pub fn word(self, language: super::Language) -> &'static str {
        use crate::model::EntityKind;
        let w = &super::words(language).model;
        match self {
            EntityKind::Facilitator => w.entity_facilitator,
            EntityKind::Table => w.entity_table,
            EntityKind::Category => w.entity_category,
            EntityKind::Organisation => w.entity_organisation,
            EntityKind::Fiche => w.entity_fiche,
            EntityKind::Idea => w.entity_idea,
            EntityKind::Cluster => w.entity_cluster,
        }
    }
}
