//! Have/need suggestions: for each need sheet, the offer sheets of other organisations
//! that may serve it, ranked and explained; and the mutualisations, where three or more
//! organisations need or offer the same thing.
//!
//! Suggestions are hints for the facilitator, never silent matches: each says why, in
//! words ("même ressource : palettes", "synonyme : cagettes ≈ caisses en bois",
//! "substitution connue : drêches → alimentation animale").
//!
//! Wording is compared word by word, each word folded (case, accents) and reduced to its
//! stem by the Snowball French stemmer (`rust-stemmers`), so that plurals and simple
//! inflections meet ("palettes usagées" and "palette usagée"); small words ("de", "en",
//! "pour") are left out. Words shared by many sheets ("bois") count less than rare ones
//! (inverse document frequency). The [`Thesaurus`] adds what wording cannot know.

pub mod thesaurus;

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;
use uuid::Uuid;

pub use thesaurus::{Entry, Relation, Thesaurus, ThesaurusError};

use crate::i18n::{Language, fill, words};
use crate::model::{Direction, Fiche, IdeaKind, Session};

/// At most this many suggestions per need, best first.
pub const MAX_PER_NEED: usize = 10;
/// Suggestions scoring less are not shown.
pub const MIN_SCORE: f64 = 0.3;
/// A mutualisation gathers at least this many organisations.
pub const MIN_MUTUALISATION: usize = 3;

/// Small French words that say nothing of the resource.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "chez", "d", "dans", "de", "des", "du", "en", "et", "l",
    "la", "le", "les", "leur", "leurs", "n", "nos", "notre", "ou", "par", "pas", "pour", "qu",
    "que", "sa", "sans", "se", "ses", "son", "sur", "un", "une", "vos", "votre", "y",
];

/// Why an offer may serve a need: the strongest evidence found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Reason {
    /// The same resource, in (folded, stemmed) words both sheets share: the words as the
    /// need writes them.
    Same { words: String },
    /// Two names of one resource, as the thesaurus writes them.
    Synonym { need: String, offer: String },
    /// A known substitution: what is offered → what it serves.
    Substitution { offer: String, need: String },
}

impl Reason {
    /// The reason in `language`.
    pub fn text(&self, language: Language) -> String {
        let w = &words(language).matching;
        match self {
            Reason::Same { words } => fill(w.reason_same, &[("words", words)]),
            Reason::Synonym { need, offer } => {
                fill(w.reason_synonym, &[("need", need), ("offer", offer)])
            }
            Reason::Substitution { offer, need } => {
                fill(w.reason_substitution, &[("offer", offer), ("need", need)])
            }
        }
    }

    /// The kind of idea the suggestion would make.
    pub fn kind(&self) -> IdeaKind {
        IdeaKind::Substitution
    }

    fn factor(&self) -> f64 {
        match self {
            Reason::Same { .. } => 1.0,
            Reason::Synonym { .. } => 0.9,
            Reason::Substitution { .. } => 0.8,
        }
    }
}

/// An offer that may serve a need.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub need: Uuid,
    pub offer: Uuid,
    /// From [`MIN_SCORE`] to 1.
    pub score: f64,
    pub reason: Reason,
}

/// Three or more organisations that need (or offer) the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mutualisation {
    pub direction: Direction,
    /// The resource, as most of its sheets write it (or as the thesaurus names it).
    pub resource: String,
    /// One sheet per organisation, in the session's order.
    pub fiches: Vec<Uuid>,
}

impl Mutualisation {
    /// The reason in `language`: "4 organisations ont besoin de : palettes".
    pub fn reason(&self, language: Language) -> String {
        let c = crate::i18n::counts(language);
        let plural = match self.direction {
            Direction::Need => c.organisations_needing,
            Direction::Offer => c.organisations_offering,
        };
        fill(
            plural.form(language, self.fiches.len()),
            &[("n", &self.fiches.len()), ("resource", &self.resource)],
        )
    }

    /// What dismisses it: its sheets, sorted.
    pub fn key(&self) -> Vec<Uuid> {
        sorted(self.fiches.clone())
    }
}

/// What the matcher found in a session.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Suggestions {
    /// Per need (in the session's order), best first.
    pub pairs: Vec<Suggestion>,
    pub mutualisations: Vec<Mutualisation>,
}

impl Suggestions {
    /// The suggestions for one need sheet, best first.
    pub fn for_need(&self, need: Uuid) -> impl Iterator<Item = &Suggestion> {
        self.pairs.iter().filter(move |s| s.need == need)
    }

    /// The suggestions that involve a sheet, as the need or the offer.
    pub fn for_fiche(&self, fiche: Uuid) -> impl Iterator<Item = &Suggestion> {
        self.pairs
            .iter()
            .filter(move |s| s.need == fiche || s.offer == fiche)
    }
}

/// `ids`, sorted and without repeats: the key a dismissal is recorded under.
pub fn sorted(mut ids: Vec<Uuid>) -> Vec<Uuid> {
    ids.sort();
    ids.dedup();
    ids
}

/// A thesaurus term, analysed.
struct Term {
    entry: usize,
    /// For a substitution: true for what it serves (`vers`), false for what is offered.
    to_side: bool,
    text: String,
    stems: Vec<String>,
}

/// The thesaurus, ready to match sheets against.
pub struct Matcher {
    thesaurus: Thesaurus,
    stemmer: rust_stemmers::Stemmer,
    terms: Vec<Term>,
    /// Terms by their first stem.
    by_stem: HashMap<String, Vec<usize>>,
}

/// A sheet, analysed.
struct Sheet<'a> {
    fiche: &'a Fiche,
    /// Distinct stems, in order of appearance.
    stems: Vec<String>,
    /// Each stem's word as written, in lower case.
    words: HashMap<String, String>,
    /// Thesaurus terms it contains.
    terms: Vec<usize>,
}

impl Matcher {
    /// Prepares `thesaurus` for matching.
    pub fn new(thesaurus: Thesaurus) -> Self {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French);
        let mut terms = Vec::new();
        for (entry_index, entry) in thesaurus.entries.iter().enumerate() {
            let sides = entry
                .terms
                .iter()
                .map(|t| (false, t))
                .chain(entry.to.iter().map(|t| (true, t)));
            for (to_side, text) in sides {
                let stems: Vec<String> = analyse(&stemmer, text)
                    .into_iter()
                    .map(|(stem, _)| stem)
                    .collect();
                if stems.is_empty() {
                    continue;
                }
                terms.push(Term {
                    entry: entry_index,
                    to_side,
                    text: text.clone(),
                    stems,
                });
            }
        }
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, term) in terms.iter().enumerate() {
            if let Some(first) = term.stems.first() {
                by_stem.entry(first.clone()).or_default().push(index);
            }
        }
        Self {
            thesaurus,
            stemmer,
            terms,
            by_stem,
        }
    }

    /// The matcher of the shipped thesaurus.
    pub fn shipped() -> Self {
        Self::new(Thesaurus::shipped())
    }

    /// The thesaurus it matches with.
    pub fn thesaurus(&self) -> &Thesaurus {
        &self.thesaurus
    }

    fn sheet<'a>(&self, fiche: &'a Fiche) -> Sheet<'a> {
        let mut stems = Vec::new();
        let mut words = HashMap::new();
        for (stem, word) in analyse(&self.stemmer, &fiche.resource) {
            if !words.contains_key(&stem) {
                words.insert(stem.clone(), word);
                stems.push(stem);
            }
        }
        let present: HashSet<&str> = stems.iter().map(String::as_str).collect();
        let mut terms = Vec::new();
        for stem in &stems {
            for &t in self.by_stem.get(stem).into_iter().flatten() {
                if self.terms[t]
                    .stems
                    .iter()
                    .all(|s| present.contains(s.as_str()))
                {
                    terms.push(t);
                }
            }
        }
        Sheet {
            fiche,
            stems,
            words,
            terms,
        }
    }

    /// Every suggestion for `session`: at most [`MAX_PER_NEED`] offers per need, from
    /// other organisations, best first, leaving out what was dismissed and pairs an idea
    /// already links; and the mutualisations.
    pub fn suggest(&self, session: &Session) -> Suggestions {
        self.suggest_with(session, None)
    }

    /// The suggestions of `session` with one more sheet, not saved yet (the one being
    /// typed in the capture entry).
    pub fn suggest_with(&self, session: &Session, extra: Option<&Fiche>) -> Suggestions {
        self.suggest_among(session, extra, false)
    }

    /// The suggestions of one sheet being typed (not saved yet), as
    /// `suggest_with(session, Some(draft)).for_fiche(draft.id)` would give them, without
    /// ranking the needs it cannot appear in: fast enough for every keystroke.
    pub fn suggest_for_draft(&self, session: &Session, draft: &Fiche) -> Suggestions {
        self.suggest_among(session, Some(draft), true)
    }

    /// Suggestions with `extra` added; with `only_extra`, only the pairs of `extra` and
    /// no mutualisation.
    fn suggest_among(
        &self,
        session: &Session,
        extra: Option<&Fiche>,
        only_extra: bool,
    ) -> Suggestions {
        let sheets: Vec<Sheet> = session
            .fiches
            .iter()
            .chain(extra)
            .filter(|f| !f.resource.trim().is_empty())
            .map(|f| self.sheet(f))
            .collect();
        // How informative each stem is: rare stems weigh more than common ones.
        let mut document_frequency: HashMap<&str, usize> = HashMap::new();
        for sheet in &sheets {
            for stem in &sheet.stems {
                *document_frequency.entry(stem.as_str()).or_default() += 1;
            }
        }
        let total = sheets.len().max(1) as f64;
        let weight = |stem: &str| {
            let df = document_frequency.get(stem).copied().unwrap_or(1) as f64;
            (1.0 + total / df).ln()
        };
        let dismissed: HashSet<Vec<Uuid>> =
            session.dismissed.iter().map(|d| d.fiches.clone()).collect();
        let linked: HashSet<(Uuid, Uuid)> = session
            .ideas
            .iter()
            .flat_map(|idea| {
                idea.fiches
                    .iter()
                    .flat_map(move |a| idea.fiches.iter().map(move |b| (*a, *b)))
            })
            .collect();

        // Offers, indexed by stem and by thesaurus entry.
        let offers: Vec<&Sheet> = sheets
            .iter()
            .filter(|s| s.fiche.direction == Direction::Offer)
            .collect();
        let mut offers_by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut offers_by_entry: HashMap<usize, Vec<usize>> = HashMap::new();
        for (index, offer) in offers.iter().enumerate() {
            for stem in &offer.stems {
                offers_by_stem.entry(stem.as_str()).or_default().push(index);
            }
            for &t in &offer.terms {
                let list = offers_by_entry.entry(self.terms[t].entry).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }

        // With `only_extra`, the needs `extra` may be ranked for: itself, or those
        // sharing a stem or a thesaurus entry with it.
        let focus = extra
            .filter(|_| only_extra)
            .and_then(|f| sheets.iter().find(|s| s.fiche.id == f.id));
        if only_extra && focus.is_none() {
            return Suggestions::default();
        }
        let focus_stems: HashSet<&str> = focus
            .iter()
            .flat_map(|f| f.stems.iter().map(String::as_str))
            .collect();
        let focus_entries: HashSet<usize> = focus
            .iter()
            .flat_map(|f| f.terms.iter().map(|&t| self.terms[t].entry))
            .collect();
        let in_focus = |need: &Sheet| {
            let Some(focus) = focus else {
                return !only_extra;
            };
            need.fiche.id == focus.fiche.id
                || (focus.fiche.direction == Direction::Offer
                    && (need.stems.iter().any(|s| focus_stems.contains(s.as_str()))
                        || need
                            .terms
                            .iter()
                            .any(|&t| focus_entries.contains(&self.terms[t].entry))))
        };

        let mut pairs = Vec::new();
        for need in sheets
            .iter()
            .filter(|s| s.fiche.direction == Direction::Need && in_focus(s))
        {
            let mut candidates: BTreeSet<usize> = BTreeSet::new();
            for stem in &need.stems {
                candidates.extend(offers_by_stem.get(stem.as_str()).into_iter().flatten());
            }
            for &t in &need.terms {
                candidates.extend(
                    offers_by_entry
                        .get(&self.terms[t].entry)
                        .into_iter()
                        .flatten(),
                );
            }
            let mut found: Vec<Suggestion> = candidates
                .into_iter()
                .filter_map(|index| {
                    let offer = offers[index];
                    if offer.fiche.organisation == need.fiche.organisation
                        || linked.contains(&(need.fiche.id, offer.fiche.id))
                        || dismissed.contains(&sorted(vec![need.fiche.id, offer.fiche.id]))
                    {
                        return None;
                    }
                    self.score(need, offer, &weight)
                })
                .collect();
            found.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| a.offer.cmp(&b.offer))
            });
            found.truncate(MAX_PER_NEED);
            pairs.extend(found);
        }

        if let Some(focus) = focus {
            let id = focus.fiche.id;
            pairs.retain(|p| p.need == id || p.offer == id);
            return Suggestions {
                pairs,
                mutualisations: Vec::new(),
            };
        }
        Suggestions {
            pairs,
            mutualisations: self.mutualisations(session, &sheets, &dismissed),
        }
    }

    /// How well `offer` serves `need`, and why; `None` below [`MIN_SCORE`].
    fn score(
        &self,
        need: &Sheet,
        offer: &Sheet,
        weight: &dyn Fn(&str) -> f64,
    ) -> Option<Suggestion> {
        let need_total: f64 = need.stems.iter().map(|s| weight(s)).sum();
        let offer_total: f64 = offer.stems.iter().map(|s| weight(s)).sum();
        if need_total <= 0.0 || offer_total <= 0.0 {
            return None;
        }
        // Each piece of evidence covers some of the need's and of the offer's words.
        let mut best: Option<(f64, Reason)> = None;
        let mut consider = |need_covered: &HashSet<&str>,
                            offer_covered: &HashSet<&str>,
                            reason: Reason| {
            let need_part: f64 = need_covered.iter().map(|s| weight(s)).sum::<f64>() / need_total;
            let offer_part: f64 =
                offer_covered.iter().map(|s| weight(s)).sum::<f64>() / offer_total;
            let score = (0.75 * need_part.min(1.0) + 0.25 * offer_part.min(1.0)) * reason.factor();
            if best.as_ref().is_none_or(|(kept, _)| score > *kept) {
                best = Some((score, reason));
            }
        };

        let offer_stems: HashSet<&str> = offer.stems.iter().map(String::as_str).collect();
        let shared: HashSet<&str> = need
            .stems
            .iter()
            .map(String::as_str)
            .filter(|s| offer_stems.contains(s))
            .collect();
        if !shared.is_empty() {
            let words: Vec<&str> = need
                .stems
                .iter()
                .filter(|s| shared.contains(s.as_str()))
                .filter_map(|s| need.words.get(s).map(String::as_str))
                .collect();
            consider(
                &shared,
                &shared,
                Reason::Same {
                    words: words.join(" "),
                },
            );
        }
        for &nt in &need.terms {
            let need_term = &self.terms[nt];
            let entry = &self.thesaurus.entries[need_term.entry];
            for &ot in &offer.terms {
                let offer_term = &self.terms[ot];
                if offer_term.entry != need_term.entry {
                    continue;
                }
                let reason = match entry.relation {
                    Relation::Synonym if nt != ot => Reason::Synonym {
                        need: need_term.text.clone(),
                        offer: offer_term.text.clone(),
                    },
                    Relation::Substitution if need_term.to_side && !offer_term.to_side => {
                        Reason::Substitution {
                            offer: offer_term.text.clone(),
                            need: need_term.text.clone(),
                        }
                    }
                    _ => continue,
                };
                let mut need_covered: HashSet<&str> =
                    need_term.stems.iter().map(String::as_str).collect();
                need_covered.extend(shared.iter().copied());
                let mut offer_covered: HashSet<&str> =
                    offer_term.stems.iter().map(String::as_str).collect();
                offer_covered.extend(shared.iter().copied());
                consider(&need_covered, &offer_covered, reason);
            }
        }
        let (mut score, reason) = best?;
        if need.fiche.category == offer.fiche.category {
            score = (score + 0.05).min(1.0);
        }
        (score >= MIN_SCORE).then(|| Suggestion {
            need: need.fiche.id,
            offer: offer.fiche.id,
            score: (score * 100.0).round() / 100.0,
            reason,
        })
    }

    /// Three or more organisations with sheets of one direction that name the same
    /// resource: the same main word (the first that is not a small word, as in
    /// "palettes bois" and "palettes usagées"), or terms of one synonym entry.
    fn mutualisations(
        &self,
        session: &Session,
        sheets: &[Sheet],
        dismissed: &HashSet<Vec<Uuid>>,
    ) -> Vec<Mutualisation> {
        #[derive(PartialEq, Eq, Hash, PartialOrd, Ord, Clone)]
        enum Key<'a> {
            Entry(usize),
            Head(&'a str),
        }
        let mut groups: HashMap<(Direction, Key), Vec<&Sheet>> = HashMap::new();
        for sheet in sheets {
            let direction = sheet.fiche.direction;
            let mut keys: BTreeSet<Key> = sheet
                .terms
                .iter()
                .filter(|&&t| {
                    self.thesaurus.entries[self.terms[t].entry].relation == Relation::Synonym
                })
                .map(|&t| Key::Entry(self.terms[t].entry))
                .collect();
            if let Some(head) = sheet.stems.first() {
                keys.insert(Key::Head(head));
            }
            for key in keys {
                groups.entry((direction, key)).or_default().push(sheet);
            }
        }
        let covered_by_idea: Vec<HashSet<Uuid>> = session
            .ideas
            .iter()
            .map(|i| i.fiches.iter().copied().collect())
            .collect();
        let mut seen: HashSet<Vec<Uuid>> = HashSet::new();
        let mut found = Vec::new();
        let mut keys: Vec<_> = groups.keys().cloned().collect();
        keys.sort_by(|a, b| (a.0.key(), &a.1).cmp(&(b.0.key(), &b.1)));
        for key in keys {
            let Some(members) = groups.get(&key) else {
                continue;
            };
            // One sheet per organisation: its first.
            let mut organisations = HashSet::new();
            let fiches: Vec<&Sheet> = members
                .iter()
                .copied()
                .filter(|s| organisations.insert(s.fiche.organisation))
                .collect();
            if fiches.len() < MIN_MUTUALISATION {
                continue;
            }
            let ids: Vec<Uuid> = fiches.iter().map(|s| s.fiche.id).collect();
            let set = sorted(ids.clone());
            if !seen.insert(set.clone())
                || dismissed
                    .iter()
                    .any(|d| set.iter().all(|id| d.contains(id)))
                || covered_by_idea
                    .iter()
                    .any(|idea| set.iter().all(|id| idea.contains(id)))
            {
                continue;
            }
            let resource = match key.1 {
                Key::Entry(entry) => self.thesaurus.entries[entry]
                    .terms
                    .first()
                    .cloned()
                    .unwrap_or_default(),
                Key::Head(stem) => {
                    most_common(fiches.iter().filter_map(|s| s.words.get(stem).cloned()))
                }
            };
            found.push(Mutualisation {
                direction: key.0,
                resource,
                fiches: ids,
            });
        }
        // Larger groups first; a group inside a larger one of the same direction says
        // nothing more.
        found.sort_by(|a, b| {
            b.fiches
                .len()
                .cmp(&a.fiches.len())
                .then_with(|| a.resource.cmp(&b.resource))
        });
        let mut kept: Vec<Mutualisation> = Vec::new();
        for m in found {
            let inside = kept.iter().any(|k| {
                k.direction == m.direction && m.fiches.iter().all(|f| k.fiches.contains(f))
            });
            if !inside {
                kept.push(m);
            }
        }
        kept
    }
}

/// The most frequent of `words` (the first of the most frequent on a tie).
fn most_common(words: impl Iterator<Item = String>) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for word in words {
        match counts.iter_mut().find(|(w, _)| *w == word) {
            Some((_, n)) => *n += 1,
            None => counts.push((word, 1)),
        }
    }
    let mut best: Option<(String, usize)> = None;
    for (word, n) in counts {
        if best.as_ref().is_none_or(|(_, kept)| n > *kept) {
            best = Some((word, n));
        }
    }
    best.map(|(w, _)| w).unwrap_or_default()
}

/// The words of `text` that say something of a resource, each as (stem, word in lower
/// case):
/// lower case, accents removed, small words left out, each word reduced to its stem.
fn analyse(stemmer: &rust_stemmers::Stemmer, text: &str) -> Vec<(String, String)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|word| {
            let lower = word.to_lowercase();
            let folded = crate::model::text::fold(&lower);
            if STOP_WORDS.contains(&folded.as_str()) {
                return None;
            }
            // The stemmer knows French accents; the stem is folded afterwards, so that
            // "dechets" typed without accents meets "déchets".
            let stem = crate::model::text::fold(&stemmer.stem(&lower));
            Some((stem, lower))
        })
        .collect()
}

/// The organisation and resource of a sheet, for the command line and the app.
pub fn describe(session: &Session, fiche: Uuid) -> (String, String) {
    let Some(fiche) = session.fiche(fiche) else {
        return (String::new(), String::new());
    };
    let organisation = session
        .organisation(fiche.organisation)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    (organisation, fiche.resource.clone())
}

/// The idea a suggestion becomes: both organisations and both sheets, the kind and the
/// need's category, titled "offer → need organisation".
pub fn idea_of(session: &Session, suggestion: &Suggestion) -> Option<crate::model::Idea> {
    let need = session.fiche(suggestion.need)?;
    let offer = session.fiche(suggestion.offer)?;
    let (need_organisation, _) = describe(session, need.id);
    let (offer_organisation, _) = describe(session, offer.id);
    let w = &words(session.info.language).matching;
    let mut idea = crate::model::Idea::new(fill(
        w.idea_title,
        &[
            ("offer", &offer.resource),
            ("from", &offer_organisation),
            ("to", &need_organisation),
        ],
    ));
    idea.description = suggestion.reason.text(session.info.language);
    idea.kind = Some(suggestion.reason.kind());
    idea.category = Some(need.category.clone());
    idea.organisations = vec![offer.organisation, need.organisation];
    idea.fiches = vec![offer.id, need.id];
    Some(idea)
}

/// The idea a mutualisation becomes: all its organisations and sheets.
pub fn idea_of_mutualisation(
    session: &Session,
    mutualisation: &Mutualisation,
) -> Option<crate::model::Idea> {
    let fiches: Vec<&Fiche> = mutualisation
        .fiches
        .iter()
        .filter_map(|id| session.fiche(*id))
        .collect();
    let first = fiches.first()?;
    let w = &words(session.info.language).matching;
    let template = match mutualisation.direction {
        Direction::Need => w.mutualisation_need_title,
        Direction::Offer => w.mutualisation_offer_title,
    };
    let mut idea =
        crate::model::Idea::new(fill(template, &[("resource", &mutualisation.resource)]));
    idea.description = mutualisation.reason(session.info.language);
    idea.kind = Some(IdeaKind::Mutualisation);
    idea.category = Some(first.category.clone());
    idea.organisations = fiches.iter().map(|f| f.organisation).collect();
    idea.fiches = fiches.iter().map(|f| f.id).collect();
    Some(idea)
}

/// The suggestions as the command line prints them with `--json`.
pub fn to_json(session: &Session, found: &Suggestions) -> serde_json::Value {
    let language = session.info.language;
    let sheet = |id: Uuid| {
        let (organisation, resource) = describe(session, id);
        serde_json::json!({ "organisation": organisation, "resource": resource })
    };
    let suggestions: Vec<serde_json::Value> = found
        .pairs
        .iter()
        .map(|s| {
            serde_json::json!({
                "need": sheet(s.need),
                "offer": sheet(s.offer),
                "score": s.score,
                "reason": s.reason.text(language),
            })
        })
        .collect();
    let mutualisations: Vec<serde_json::Value> = found
        .mutualisations
        .iter()
        .map(|m| {
            serde_json::json!({
                "direction": m.direction.key(),
                "resource": m.resource,
                "organisations": m.fiches.iter().map(|f| describe(session, *f).0).collect::<Vec<_>>(),
                "fiches": m.fiches.iter().map(|f| sheet(*f)).collect::<Vec<_>>(),
                "reason": m.reason(language),
            })
        })
        .collect();
    serde_json::json!({ "suggestions": suggestions, "mutualisations": mutualisations })
}

/// A score said as a rounded percentage, "86 %" in French.
pub fn score_text(score: f64, language: Language) -> String {
    let percent = (score.clamp(0.0, 1.0) * 100.0).round() as u32;
    fill(
        words(language).matching.score_percent,
        &[("percent", &percent.to_string())],
    )
}

/// The suggestions as readable lines, in `session`'s language.
pub fn lines(session: &Session, found: &Suggestions) -> Vec<String> {
    let language = session.info.language;
    let w = &words(language).matching;
    let mut out = Vec::new();
    if found.pairs.is_empty() && found.mutualisations.is_empty() {
        out.push(w.none.to_owned());
        return out;
    }
    let mut current_need = None;
    for s in &found.pairs {
        if current_need != Some(s.need) {
            current_need = Some(s.need);
            let (organisation, resource) = describe(session, s.need);
            out.push(fill(
                w.need_heading,
                &[("organisation", &organisation), ("resource", &resource)],
            ));
        }
        let (organisation, resource) = describe(session, s.offer);
        out.push(fill(
            w.offer_line,
            &[
                ("organisation", &organisation),
                ("resource", &resource),
                ("score", &score_text(s.score, language)),
                ("reason", &s.reason.text(language)),
            ],
        ));
    }
    if !found.mutualisations.is_empty() {
        out.push(w.mutualisations_heading.to_owned());
        for m in &found.mutualisations {
            let names: Vec<String> = m.fiches.iter().map(|f| describe(session, *f).0).collect();
            out.push(fill(
                w.mutualisation_line,
                &[
                    ("reason", &m.reason(language)),
                    ("organisations", &names.join(", ")),
                ],
            ));
        }
    }
    out
}
