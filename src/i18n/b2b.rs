//! The words of the B2B meetings: the planner's view, the command line's summary, the
//! reasons a meeting is not placed or cannot go somewhere, and the printed agendas.

use super::catalogue;

catalogue! {
    /// The B2B meetings' words in one language.
    pub struct B2bWords {
        texts {
            summary: "{meetings} rendez-vous B2B en {rounds} créneaux (minimum possible : {bound}) sur {tables} tables", "{meetings} B2B meetings in {rounds} slots (lowest possible: {bound}) on {tables} tables";
            slot_heading: "{start}-{end}", "{start}-{end}";
            meeting_line: "  table {table} : {organisations} — {idea}", "  table {table}: {organisations} — {idea}";
            unscheduled_heading: "Non placés :", "Not placed:";
            unscheduled_line: "  {idea} : {reason}", "  {idea}: {reason}";
            too_few_organisations: "il faut au moins deux organisations à l'idée", "the idea needs at least two organisations";
            never_all_available: "ses organisations ne sont jamais disponibles en même temps", "its organisations are never available at the same time";
            locked_clash: "verrouillé à une place déjà prise ou impossible", "locked where another meeting is, or where it cannot be";
            no_room: "aucun créneau où toutes ses organisations et une table sont libres", "no slot where all of its organisations and a table are free";
            not_planned_yet: "pas encore planifié", "not planned yet";
            selected_since: "retenue depuis le dernier planning : replanifier", "selected since the last plan: plan again";
            clash_no_slot: "ce créneau n'existe pas", "this slot does not exist";
            clash_no_table: "il n'y a que {n} tables", "there are only {n} tables";
            clash_table: "la table {n} est prise par « {idea} »", "table {n} is taken by \"{idea}\"";
            clash_organisation: "{organisation} est déjà à « {idea} » à {time}", "{organisation} is already at \"{idea}\" at {time}";
            clash_unavailable: "{organisation} n'est pas disponible ({range})", "{organisation} is not available ({range})";
            agenda_title: "Rendez-vous B2B", "B2B meetings";
            agenda_organisation: "Vos rendez-vous B2B — {organisation}", "Your B2B meetings — {organisation}";
            agenda_table: "Table {n} — rendez-vous B2B", "Table {n} — B2B meetings";
            agenda_time: "Heure", "Time";
            agenda_table_column: "Table", "Table";
            agenda_partners: "Avec", "With";
            agenda_organisations: "Organisations", "Organisations";
            agenda_idea: "Idée", "Idea";
            agenda_none: "Aucun rendez-vous.", "No meeting.";
            agenda_unscheduled: "Rendez-vous non placés", "Meetings not placed";
            agenda_reason: "Raison", "Reason";
            bad_range: "« {text} » n'est pas une plage horaire (attendu : 12:30-13:30)", "\"{text}\" is not a time range (expected: 12:30-13:30)";
            bad_time: "« {text} » n'est pas une heure (attendu : 14:00)", "\"{text}\" is not a time (expected: 14:00)";
        }
    }
}
