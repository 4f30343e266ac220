//! The example workshop shipped in `sessions/`: a fictional but realistic rural workshop.
//!
//! Its data are the CSV files of `sessions/atelier-exemple/`, in the import format.
//! `sessions/regenerate.sh` turns them into `sessions/atelier-exemple.ron` with
//! `synergies new` and `synergies import`; [`example_session`] builds the same session
//! through the same import, for tests. A test checks that the two never drift apart.

use chrono::NaiveDate;

use crate::model::{Action, Session, Workshop};
use crate::spreadsheet::{ImportBytes, plan_import_bytes};

/// The example's title, as `sessions/regenerate.sh` gives it to `synergies new`.
pub const TITLE: &str = "Atelier de détection de synergies — Bastides et Coteaux";
/// The example's date (`--date`).
pub const DATE: &str = "2026-11-19";
/// The example's venue (`--venue`).
pub const VENUE: &str = "Salle des fêtes de Sigoulès-et-Flaugeac";
/// The example's organiser (`--organiser`).
pub const ORGANISER: &str = "Pôle territorial de coopération des Bastides";

/// The example's CSV files, as (path from the crate's root, contents): organisations,
/// resource sheets, ideas.
pub const CSV_FILES: [(&str, &[u8]); 3] = [
    (
        "sessions/atelier-exemple/organisations.csv",
        include_bytes!("../sessions/atelier-exemple/organisations.csv"),
    ),
    (
        "sessions/atelier-exemple/fiches.csv",
        include_bytes!("../sessions/atelier-exemple/fiches.csv"),
    ),
    (
        "sessions/atelier-exemple/ideas.csv",
        include_bytes!("../sessions/atelier-exemple/ideas.csv"),
    ),
];

/// Builds the example workshop as `sessions/regenerate.sh` does: a new session with the
/// example's details, then the import of its CSV files.
pub fn example_session() -> anyhow::Result<Session> {
    let mut session = Session::new(TITLE);
    session.info.date = Some(NaiveDate::parse_from_str(DATE, "%Y-%m-%d")?);
    session.info.venue = VENUE.into();
    session.info.organiser = ORGANISER.into();
    let [organisations, fiches, ideas] = CSV_FILES;
    let files = ImportBytes {
        organisations: Some(organisations),
        fiches: Some(fiches),
        ideas: Some(ideas),
    };
    let report = plan_import_bytes(&session, &files)?;
    let mut workshop = Workshop::new(session);
    workshop.apply(Action::Import(report.batch))?;
    Ok(workshop.into_session())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{Stats, Status};
    use crate::spreadsheet::{EXPORT_FILES, export_csv};

    /// All a session holds, without ids and timestamps: its details and figures, its
    /// facilitators, tables and clusters, and its rows as the CSV export writes them
    /// (organisations, resource sheets, and ideas with their status, cluster, votes,
    /// next step, owner and due date).
    #[derive(Debug, PartialEq)]
    struct Content {
        info: (String, Option<NaiveDate>, String, String, String),
        stats: Stats,
        facilitators: Vec<String>,
        tables: Vec<(String, Option<String>)>,
        clusters: Vec<(String, String)>,
        statuses: Vec<(String, Status, u32, Option<String>)>,
        csv: Vec<String>,
    }

    fn content(session: &Session) -> Content {
        let facilitator = |id| session.facilitator(id).map(|f| f.name.clone());
        let dir = tempfile::tempdir().expect("a temp dir");
        let csv = export_csv(session, dir.path())
            .expect("exports")
            .iter()
            .map(|path| std::fs::read_to_string(path).expect("reads"))
            .collect();
        Content {
            info: (
                session.info.title.clone(),
                session.info.date,
                session.info.venue.clone(),
                session.info.organiser.clone(),
                format!("{:?}", session.info.language),
            ),
            stats: Stats::of(session),
            facilitators: session
                .facilitators
                .iter()
                .map(|f| f.name.clone())
                .collect(),
            tables: session
                .tables
                .iter()
                .map(|t| (t.name.clone(), t.facilitator.and_then(facilitator)))
                .collect(),
            clusters: session
                .clusters
                .iter()
                .map(|c| (c.name.clone(), format!("{:?}", c.colour)))
                .collect(),
            statuses: session
                .ideas
                .iter()
                .map(|i| {
                    let cluster = i.cluster.and_then(|c| session.cluster(c));
                    (
                        i.title.clone(),
                        i.status,
                        i.votes,
                        cluster.map(|c| c.name.clone()),
                    )
                })
                .collect(),
            csv,
        }
    }

    fn shipped() -> Session {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/atelier-exemple.ron");
        crate::store::load(&path)
            .expect("the shipped example loads")
            .session
    }

    #[test]
    fn the_shipped_session_is_what_its_csv_files_import_to() {
        let imported = example_session().expect("the example's CSV files import");
        assert_eq!(
            content(&shipped()),
            content(&imported),
            "sessions/atelier-exemple.ron and sessions/atelier-exemple/*.csv differ: \
             run sessions/regenerate.sh"
        );
    }

    #[test]
    fn the_csv_files_are_what_the_export_writes_of_them() {
        // Nothing the CSV files say is lost on import, and they stay in the export's form.
        let session = example_session().expect("builds");
        let dir = tempfile::tempdir().expect("a temp dir");
        export_csv(&session, dir.path()).expect("exports");
        for (name, (path, bytes)) in EXPORT_FILES.iter().zip(CSV_FILES) {
            let exported = std::fs::read(dir.path().join(name)).expect("reads");
            assert!(
                exported == bytes,
                "{path} is not what `synergies export --csv` writes of it:\n{}",
                String::from_utf8_lossy(&exported)
            );
        }
    }

    #[test]
    fn the_example_has_its_details_facilitators_and_tables() {
        let session = example_session().expect("builds");
        assert_eq!(session.info.title, TITLE);
        assert_eq!(session.info.date, NaiveDate::from_ymd_opt(2026, 11, 19));
        let stats = Stats::of(&session);
        assert_eq!((stats.facilitators, stats.tables), (4, 3));
        assert_eq!((stats.clusters, stats.votes), (8, 281));
        assert!(session.tables.iter().all(|t| t.facilitator.is_some()));
        assert!(crate::model::check::check(&session).is_empty());
    }
}
