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
        let facilitator_names: HashSet<String> = session
            .facilitators
            .iter()
            .map(|f| fold(&f.name))
            .chain(
                session
                    .ideas
                    .iter()
                    .filter_map(|i| i.facilitator)
                    .filter_map(|id| session.facilitator(id))
                    .map(|f| fold(&f.name)),
            )
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
        let fr = language == Language::Fr;
        let n = |count: usize, fr_one: &str, fr_many: &str, en_one: &str, en_many: &str| {
            let word = match (fr, count > 1) {
                (true, false) => fr_one,
                (true, true) => fr_many,
                (false, false) => en_one,
                (false, true) => en_many,
            };
            format!("{count} {word}")
        };
        let untriaged = self
            .selected
            .saturating_sub(self.abandoned + self.imminent + self.to_deepen);
        if fr {
            vec![
                format!(
                    "{} ({}, {})",
                    n(self.organisations, "organisation", "organisations", "", ""),
                    n(self.organisations_present, "présente", "présentes", "", ""),
                    n(
                        self.organisations_represented,
                        "représentée",
                        "représentées",
                        "",
                        ""
                    )
                ),
                n(
                    self.facilitators,
                    "animateur·rice",
                    "animateur·rices",
                    "",
                    "",
                ),
                n(self.tables, "table", "tables", "", ""),
                format!(
                    "{} ({}, {})",
                    n(self.fiches, "fiche ressource", "fiches ressources", "", ""),
                    n(self.offers, "offre", "offres", "", ""),
                    n(self.needs, "besoin", "besoins", "", "")
                ),
                n(self.ideas, "idée de synergie", "idées de synergie", "", ""),
                format!(
                    "{} pour les rendez-vous B2B",
                    n(self.selected, "idée retenue", "idées retenues", "", "")
                ),
                format!(
                    "dont {}, {} sur le point de se concrétiser, {} à approfondir{}",
                    n(self.abandoned, "abandonnée", "abandonnées", "", ""),
                    self.imminent,
                    self.to_deepen,
                    if untriaged > 0 {
                        format!(", {untriaged} encore à trier")
                    } else {
                        String::new()
                    }
                ),
                n(self.clusters, "regroupement", "regroupements", "", ""),
                format!(
                    "{} (gommettes)",
                    n(
                        usize::try_from(self.votes).unwrap_or(usize::MAX),
                        "vote",
                        "votes",
                        "",
                        ""
                    )
                ),
            ]
        } else {
            vec![
                format!(
                    "{} ({} present, {} represented)",
                    n(self.organisations, "", "", "organisation", "organisations"),
                    self.organisations_present,
                    self.organisations_represented
                ),
                n(self.facilitators, "", "", "facilitator", "facilitators"),
                n(self.tables, "", "", "table", "tables"),
                format!(
                    "{} ({} offers, {} needs)",
                    n(self.fiches, "", "", "resource sheet", "resource sheets"),
                    self.offers,
                    self.needs
                ),
                n(self.ideas, "", "", "synergy idea", "synergy ideas"),
                format!(
                    "{} for B2B meetings",
                    n(self.selected, "", "", "idea selected", "ideas selected")
                ),
                format!(
                    "of which {} abandoned, {} about to happen, {} to deepen{}",
                    self.abandoned,
                    self.imminent,
                    self.to_deepen,
                    if untriaged > 0 {
                        format!(", {untriaged} not triaged yet")
                    } else {
                        String::new()
                    }
                ),
                n(self.clusters, "", "", "cluster", "clusters"),
                n(
                    usize::try_from(self.votes).unwrap_or(usize::MAX),
                    "",
                    "",
                    "vote",
                    "votes",
                ),
            ]
        }
    }
}
