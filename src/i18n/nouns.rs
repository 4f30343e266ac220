//! The things a workshop counts, one plural each, for every area that counts them (the
//! app, the command line, the PDF, the merge summary, the key figures).

use super::catalogue;

catalogue! {
    /// "1 idée", "2 idées": the nouns with their counts.
    pub struct NounWords {
        texts {}
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
            conflicts: ("{n} conflit", "{n} conflits"), ("{n} conflict", "{n} conflicts");
            files: ("{n} fichier", "{n} fichiers"), ("{n} file", "{n} files");
            pages: ("{n} page", "{n} pages"), ("{n} page", "{n} pages");
            warnings: ("{n} avertissement", "{n} avertissements"), ("{n} warning", "{n} warnings");
        }
        areas {}
    }
}
