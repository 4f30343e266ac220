//! CSV export in the import format: UTF-8 with BOM and `;` between fields, which Excel
//! (French locale) and LibreOffice open as they are.

use std::path::{Path, PathBuf};

use super::import::{FICHE_COLUMNS, IDEA_COLUMNS, ORGANISATION_COLUMNS, column_keys};
use crate::model::Session;
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
    for o in &session.organisations {
        let table = o.table.and_then(|t| session.table(t));
        let facilitator = table
            .and_then(|t| t.facilitator)
            .and_then(|f| session.facilitator(f))
            .map_or("", |f| f.name.as_str());
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
    for f in &session.fiches {
        let organisation = session
            .organisation(f.organisation)
            .map_or("", |o| o.name.as_str());
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
    let org_name = |id| session.organisation(id).map_or("", |o| o.name.as_str());
    for i in &session.ideas {
        let organisations: Vec<&str> = i.organisations.iter().map(|&id| org_name(id)).collect();
        w.write_record([
            i.title.as_str(),
            &i.description,
            i.kind.map_or("", |k| k.key()),
            i.category.as_deref().unwrap_or(""),
            &organisations.join("|"),
            i.table
                .and_then(|t| session.table(t))
                .map_or("", |t| t.name.as_str()),
            i.facilitator
                .and_then(|f| session.facilitator(f))
                .map_or("", |f| f.name.as_str()),
            &i.votes.to_string(),
            i.status.key(),
            i.cluster
                .and_then(|c| session.cluster(c))
                .map_or("", |c| c.name.as_str()),
            &i.next_step,
            i.owner.map_or("", org_name),
            &i.due.map(|d| d.to_string()).unwrap_or_default(),
        ])?;
    }
    finish(w)
}
