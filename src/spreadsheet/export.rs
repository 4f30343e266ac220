//! CSV export in the import format: UTF-8 with BOM and `;` between fields, which Excel
//! (French locale) and LibreOffice open as they are.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::import::{FICHE_COLUMNS, IDEA_COLUMNS, ORGANISATION_COLUMNS, column_keys};
use crate::model::{Session, Table};
use crate::store::StoreError;
use crate::store::atomic::write_atomically;

/// The files [`export_csv`] writes, in order.
pub const EXPORT_FILES: [&str; 3] = ["organisations.csv", "fiches.csv", "ideas.csv"];

/// Writes `organisations.csv`, `fiches.csv` and `ideas.csv` into `folder` (created if
/// needed), each atomically. Returns the paths written; the error names the folder or
/// the file that could not be written.
pub fn export_csv(session: &Session, folder: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let write_error = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Write { path, source }
    };
    std::fs::create_dir_all(folder).map_err(write_error(folder))?;
    let encoded = |bytes: anyhow::Result<Vec<u8>>, name: &str| {
        bytes.map_err(|e| write_error(&folder.join(name))(std::io::Error::other(e)))
    };
    let files = [
        (
            EXPORT_FILES[0],
            encoded(organisations(session), EXPORT_FILES[0])?,
        ),
        (EXPORT_FILES[1], encoded(fiches(session), EXPORT_FILES[1])?),
        (EXPORT_FILES[2], encoded(ideas(session), EXPORT_FILES[2])?),
    ];
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = folder.join(name);
        write_atomically(&path, &bytes).map_err(write_error(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// The names a row refers to by id, looked up once: a row costs the same in a session
/// of any size.
struct Names<'s> {
    organisations: HashMap<Uuid, &'s str>,
    tables: HashMap<Uuid, &'s Table>,
    facilitators: HashMap<Uuid, &'s str>,
    clusters: HashMap<Uuid, &'s str>,
}

impl<'s> Names<'s> {
    fn of(session: &'s Session) -> Self {
        Self {
            organisations: session
                .organisations
                .iter()
                .map(|o| (o.id, o.name.as_str()))
                .collect(),
            tables: session.tables.iter().map(|t| (t.id, t)).collect(),
            facilitators: session
                .facilitators
                .iter()
                .map(|f| (f.id, f.name.as_str()))
                .collect(),
            clusters: session
                .clusters
                .iter()
                .map(|c| (c.id, c.name.as_str()))
                .collect(),
        }
    }

    fn organisation(&self, id: Uuid) -> &'s str {
        self.organisations.get(&id).copied().unwrap_or("")
    }

    fn table(&self, id: Option<Uuid>) -> Option<&'s Table> {
        id.and_then(|t| self.tables.get(&t).copied())
    }

    fn facilitator(&self, id: Option<Uuid>) -> &'s str {
        id.and_then(|f| self.facilitators.get(&f).copied())
            .unwrap_or("")
    }

    fn cluster(&self, id: Option<Uuid>) -> &'s str {
        id.and_then(|c| self.clusters.get(&c).copied())
            .unwrap_or("")
    }
}

fn writer() -> csv::Writer<Vec<u8>> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"\xEF\xBB\xBF");
    csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(bytes)
}

fn finish(writer: csv::Writer<Vec<u8>>) -> anyhow::Result<Vec<u8>> {
    writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot encode the CSV: {}", e.error()))
}

fn organisations(session: &Session) -> anyhow::Result<Vec<u8>> {
    let mut w = writer();
    w.write_record(column_keys(ORGANISATION_COLUMNS))?;
    let names = Names::of(session);
    for o in &session.organisations {
        let table = names.table(o.table);
        let facilitator = names.facilitator(table.and_then(|t| t.facilitator));
        let rest = [
            table.map_or("", |t| t.name.as_str()),
            facilitator,
            o.attendance.key(),
        ];
        w.write_record(o.identity_fields().into_iter().chain(rest))?;
    }
    finish(w)
}

fn fiches(session: &Session) -> anyhow::Result<Vec<u8>> {
    let mut w = writer();
    w.write_record(column_keys(FICHE_COLUMNS))?;
    let names = Names::of(session);
    for f in &session.fiches {
        let organisation = names.organisation(f.organisation);
        w.write_record([
            organisation,
            f.direction.key(),
            &f.category,
            &f.resource,
            &f.quantity,
            &f.unit,
            &f.frequency,
            &f.notes,
        ])?;
    }
    finish(w)
}

fn ideas(session: &Session) -> anyhow::Result<Vec<u8>> {
    let mut w = writer();
    w.write_record(column_keys(IDEA_COLUMNS))?;
    let names = Names::of(session);
    let org_name = |id| names.organisation(id);
    for i in &session.ideas {
        let organisations: Vec<&str> = i.organisations.iter().map(|&id| org_name(id)).collect();
        w.write_record([
            i.title.as_str(),
            &i.description,
            i.kind.map_or("", |k| k.key()),
            i.category.as_deref().unwrap_or(""),
            &organisations.join("|"),
            names.table(i.table).map_or("", |t| t.name.as_str()),
            names.facilitator(i.facilitator),
            &i.votes.to_string(),
            i.status.key(),
            names.cluster(i.cluster),
            &i.next_step,
            i.owner.map_or("", org_name),
            &i.due.map(|d| d.to_string()).unwrap_or_default(),
        ])?;
    }
    finish(w)
}
