//! The words of the have/need suggestions: their reasons, the ideas they become, the
//! command line's summary and the thesaurus's errors.

use super::catalogue;

catalogue! {
    /// The suggestions' words in one language.
    pub struct MatchingWords {
        texts {
            reason_same: "même ressource : {words}", "same resource: {words}";
            reason_synonym: "synonyme : {need} ≈ {offer}", "synonym: {need} ≈ {offer}";
            reason_substitution: "substitution connue : {offer} → {need}", "known substitution: {offer} → {need}";
            idea_title: "{offer} de {from} pour {to}", "{offer} from {from} for {to}";
            mutualisation_need_title: "Mutualiser : {resource}", "Pool: {resource}";
            mutualisation_offer_title: "Mutualiser l'offre : {resource}", "Pool the offer: {resource}";
            none: "aucune suggestion : ni offre qui réponde à un besoin, ni ressource commune à trois organisations", "no suggestion: no offer that meets a need, no resource shared by three organisations";
            need_heading: "Besoin de {organisation} : {resource}", "Need of {organisation}: {resource}";
            offer_line: "  ← {organisation} : {resource} ({score} ; {reason})", "  ← {organisation}: {resource} ({score}; {reason})";
            score_percent: "{percent} %", "{percent}%";
            mutualisations_heading: "Mutualisations :", "Pooling:";
            mutualisation_line: "  {reason} ({organisations})", "  {reason} ({organisations})";
            thesaurus_unreadable: "thésaurus {file} illisible : {problem}", "thesaurus {file} unreadable: {problem}";
            thesaurus_bad_line: "la ligne {line} n'est pas du CSV valide", "line {line} is not valid CSV";
            thesaurus_missing_column: "thésaurus {file} : la colonne « {column} » manque à la première ligne (attendu : relation;termes;vers;source)", "thesaurus {file}: the column \"{column}\" is missing from the first line (expected: relation;termes;vers;source)";
            thesaurus_unknown_relation: "thésaurus {file}, ligne {line} : relation « {text} » inconnue, attendu « synonyme » ou « substitution »", "thesaurus {file}, line {line}: unknown relation \"{text}\", expected \"synonyme\" or \"substitution\"";
            thesaurus_too_few_terms: "thésaurus {file}, ligne {line} : un synonyme demande au moins deux termes séparés par « | »", "thesaurus {file}, line {line}: a synonym needs at least two terms separated by \"|\"";
            thesaurus_half_substitution: "thésaurus {file}, ligne {line} : une substitution demande « termes » (ce qui est offert) et « vers » (ce que cela sert)", "thesaurus {file}, line {line}: a substitution needs \"termes\" (what is offered) and \"vers\" (what it serves)";
        }
    }
}
