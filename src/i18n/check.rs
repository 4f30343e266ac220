//! The words of `synergies check`: what it finds wrong in a session file.

use super::catalogue;

catalogue! {
    /// What `synergies check` reports, in one language. `{what}` names an idea or a
    /// resource sheet with [`CheckWords::the_idea`] or [`CheckWords::the_fiche`].
    pub struct CheckWords {
        texts {
            id_used_twice: "l'identifiant {id} est utilisé deux fois", "the id {id} is used twice";
            no_title: "l'atelier n'a pas de titre", "the session has no title";
            organisation_without_name: "l'organisation {id} n'a pas de nom", "the organisation {id} has no name";
            same_name: "deux organisations portent le même nom : « {first} » et « {second} »", "two organisations have the same name: \"{first}\" and \"{second}\"";
            bar_in_name: "le nom de l'organisation « {name} » contient un « | », qui sépare les noms dans les tableurs", "the organisation \"{name}\" has a '|' in its name, which separates names in spreadsheets";
            organisation_at_missing_table: "l'organisation « {name} » est à une table qui n'existe pas", "the organisation \"{name}\" sits at a table that does not exist";
            table_with_missing_facilitator: "la table « {name} » a un·e animateur·rice qui n'existe pas", "the table \"{name}\" has a facilitator who does not exist";
            the_fiche: "la fiche ressource « {name} »", "the resource sheet \"{name}\"";
            fiche_without_resource: "la fiche ressource {id} n'a pas de ressource", "the resource sheet {id} has no resource";
            missing_organisation: "{what} appartient à une organisation qui n'existe pas", "{what} belongs to an organisation that does not exist";
            unknown_category: "{what} a la catégorie inconnue « {key} »", "{what} has the unknown category \"{key}\"";
            the_idea: "l'idée « {name} »", "the idea \"{name}\"";
            idea_without_title: "l'idée {id} n'a pas de titre", "the idea {id} has no title";
            missing_fiche: "{what} est liée à une fiche ressource qui n'existe pas", "{what} links a resource sheet that does not exist";
            missing_cluster: "{what} est dans un regroupement qui n'existe pas", "{what} is in a cluster that does not exist";
            missing_table: "{what} vient d'une table qui n'existe pas", "{what} comes from a table that does not exist";
            missing_facilitator: "{what} a un·e animateur·rice qui n'existe pas", "{what} has a facilitator who does not exist";
        }
    }
}
