//! The workshop's key figures, as the reports word them.

use std::collections::HashSet;

use serde::Serialize;

use super::entities::{Attendance, Direction, Language, Session, Status};
use super::text::fold;

/// The key figures of a session (`synergies stats`, the synthesis cover).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub organisations: usize,
    pub organisations_present: usize,
    pub organisations_represented: usize,
    /// Distinct facilitator names, on the session and on its ideas.
    pub facilitators: usize,
    pub tables: usize,
    pub fiches: usize,
    pub offers: usize,
    pub needs: usize,
    pub ideas: usize,
    /// Ideas selected for B2B meetings, whatever their triage since.
    pub selected: usize,
    pub abandoned: usize,
    pub imminent: usize,
    pub to_deepen: usize,
    pub clusters: usize,
    pub votes: u64,
}

impl Stats {
    pub fn of(session: &Session) -> Self {
        let count_attendance = |a: Attendance| {
            session
                .organisations
                .iter()
                .filter(|o| o.attendance == a)
                .count()
        };
        let count_status = |s: Status| session.ideas.iter().filter(|i| i.status == s).count();
        // The facilitators the ideas name are among the session's: their names are
        // counted once there (an idea naming one the session lacks adds nothing).
        let facilitator_names: HashSet<String> = session
            .facilitators
            .iter()
            .map(|f| fold(&f.name))
            .filter(|name| !name.is_empty())
            .collect();
        Stats {
            organisations: session.organisations.len(),
            organisations_present: count_attendance(Attendance::Present),
            organisations_represented: count_attendance(Attendance::Represented),
            facilitators: facilitator_names.len(),
            tables: session.tables.len(),
            fiches: session.fiches.len(),
            offers: session
                .fiches
                .iter()
                .filter(|f| f.direction == Direction::Offer)
                .count(),
            needs: session
                .fiches
                .iter()
                .filter(|f| f.direction == Direction::Need)
                .count(),
            ideas: session.ideas.len(),
            selected: session
                .ideas
                .iter()
                .filter(|i| i.status.is_selected())
                .count(),
            abandoned: count_status(Status::Abandoned),
            imminent: count_status(Status::Imminent),
            to_deepen: count_status(Status::ToDeepen),
            clusters: session.clusters.len(),
            votes: session.ideas.iter().map(|i| u64::from(i.votes)).sum(),
        }
    }

    /// The figures as sentences, the way a workshop report states them.
    pub fn lines(&self, language: Language) -> Vec<String> {
        let w = &crate::i18n::words(language).model;
        let nouns = crate::i18n::counts(language);
        let count = |plural: &crate::i18n::Plural, n: usize| plural.count(language, n);
        let with_detail = |total: String, first: String, second: String| {
            crate::i18n::fill(
                w.stats_with_detail,
                &[("total", &total), ("first", &first), ("second", &second)],
            )
        };
        let untriaged = self
            .selected
            .saturating_sub(self.abandoned + self.imminent + self.to_deepen);
        let untriaged = if untriaged > 0 {
            crate::i18n::fill(w.stats_untriaged, &[("n", &untriaged)])
        } else {
            String::new()
        };
        vec![
            with_detail(
                count(&nouns.organisations, self.organisations),
                count(
                    &crate::i18n::counts(language).stats_present,
                    self.organisations_present,
                ),
                count(
                    &crate::i18n::counts(language).stats_represented,
                    self.organisations_represented,
                ),
            ),
            count(&nouns.facilitators, self.facilitators),
            count(&nouns.tables, self.tables),
            with_detail(
                count(&nouns.fiches, self.fiches),
                count(&nouns.offers, self.offers),
                count(&nouns.needs, self.needs),
            ),
            count(&nouns.synergy_ideas, self.ideas),
            count(&crate::i18n::counts(language).stats_selected, self.selected),
            crate::i18n::fill(
                w.stats_triage,
                &[
                    (
                        "abandoned",
                        &count(
                            &crate::i18n::counts(language).stats_abandoned,
                            self.abandoned,
                        ),
                    ),
                    ("imminent", &self.imminent),
                    ("to_deepen", &self.to_deepen),
                    ("untriaged", &untriaged),
                ],
            ),
            count(&nouns.clusters, self.clusters),
            count(
                &crate::i18n::counts(language).stats_votes,
                usize::try_from(self.votes).unwrap_or(usize::MAX),
            ),
        ]
    }
}
