//! The follow-up spreadsheet: one sheet per status, plus the organisations and the
//! resource sheets, with headers, filters, frozen header rows and column widths.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::model::{Language, Session, Status};

/// The sheets' names, in the session's language (Excel allows 31 characters).
fn status_sheet(status: Status, language: Language) -> &'static str {
    match (status, language) {
        (Status::Imminent, Language::Fr) => "Sur le point de se concrétiser",
        (Status::ToDeepen, Language::Fr) => "À approfondir",
        (Status::Abandoned, Language::Fr) => "Abandonnées",
        (Status::Selected, Language::Fr) => "Retenues à trier",
        (Status::Proposed, Language::Fr) => "Proposées",
        (Status::Imminent, Language::En) => "About to happen",
        (Status::ToDeepen, Language::En) => "To deepen",
        (Status::Abandoned, Language::En) => "Abandoned",
        (Status::Selected, Language::En) => "Selected, not triaged",
        (Status::Proposed, Language::En) => "Proposed",
    }
}

/// The order of the sheets: what needs following up first.
pub const STATUS_ORDER: [Status; 5] = [
    Status::Imminent,
    Status::ToDeepen,
    Status::Abandoned,
    Status::Selected,
    Status::Proposed,
];

fn headers(ws: &mut Worksheet, row: &[(&str, f64)], bold: &Format) -> Result<(), XlsxError> {
    for (col, (title, width)) in row.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, *title, bold)?;
        ws.set_column_width(col, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn finish_sheet(ws: &mut Worksheet, rows: usize, columns: usize) -> Result<(), XlsxError> {
    let last_row = u32::try_from(rows).unwrap_or(u32::MAX);
    let last_col = u16::try_from(columns.saturating_sub(1)).unwrap_or(0);
    ws.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

/// Writes the workbook to `path`.
pub fn write_xlsx(session: &Session, path: &Path) -> Result<(), XlsxError> {
    let fr = session.info.language == Language::Fr;
    let pick = |f: &'static str, e: &'static str| if fr { f } else { e };
    let mut workbook = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_background_color(crate::theme::hex(crate::theme::LIGHT));
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format(if fr { "dd/mm/yyyy" } else { "yyyy-mm-dd" })
        .set_align(FormatAlign::Top);
    let org_name = |id| session.organisation(id).map_or("", |o| o.name.as_str());

    for status in STATUS_ORDER {
        let ideas = session.ideas_with_status(status);
        let ws = workbook.add_worksheet();
        ws.set_name(status_sheet(status, session.info.language))?;
        let columns = [
            (pick("Idée", "Idea"), 40.0),
            (pick("Organisations", "Organisations"), 36.0),
            (pick("Référent", "Owner"), 24.0),
            (pick("Prochaine étape", "Next step"), 36.0),
            (pick("Échéance", "Due"), 12.0),
            (pick("Votes", "Votes"), 8.0),
            (pick("Regroupement", "Cluster"), 22.0),
            (pick("Catégorie", "Category"), 20.0),
            (pick("Type", "Kind"), 14.0),
            (pick("Description", "Description"), 50.0),
        ];
        headers(ws, &columns, &bold)?;
        for (n, idea) in ideas.iter().enumerate() {
            let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
            let organisations: Vec<&str> =
                idea.organisations.iter().map(|o| org_name(*o)).collect();
            ws.write_string_with_format(row, 0, &idea.title, &wrap)?;
            ws.write_string_with_format(row, 1, organisations.join(", "), &wrap)?;
            ws.write_string_with_format(row, 2, idea.owner.map_or("", org_name), &wrap)?;
            ws.write_string_with_format(row, 3, &idea.next_step, &wrap)?;
            if let Some(due) = idea.due {
                ws.write_date_with_format(row, 4, due, &date)?;
            }
            ws.write_number(row, 5, f64::from(idea.votes))?;
            let cluster = idea
                .cluster
                .and_then(|c| session.cluster(c))
                .map_or("", |c| c.name.as_str());
            ws.write_string_with_format(row, 6, cluster, &wrap)?;
            let category = idea
                .category
                .as_deref()
                .and_then(|k| session.category(k))
                .map_or("", |c| c.label(session.info.language));
            ws.write_string_with_format(row, 7, category, &wrap)?;
            ws.write_string(
                row,
                8,
                idea.kind.map_or("", |k| k.label(session.info.language)),
            )?;
            ws.write_string_with_format(row, 9, &idea.description, &wrap)?;
        }
        finish_sheet(ws, ideas.len(), columns.len())?;
    }

    let ws = workbook.add_worksheet();
    ws.set_name("Organisations")?;
    let columns = [
        (pick("Nom", "Name"), 36.0),
        (pick("Secteur", "Sector"), 24.0),
        (pick("Commune", "Town"), 20.0),
        (pick("Contact", "Contact"), 22.0),
        (pick("Courriel", "Email"), 28.0),
        (pick("Téléphone", "Phone"), 16.0),
        (pick("Table", "Table"), 10.0),
        (pick("Présence", "Attendance"), 14.0),
    ];
    headers(ws, &columns, &bold)?;
    for (n, o) in session.organisations.iter().enumerate() {
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let table = o
            .table
            .and_then(|t| session.table(t))
            .map_or("", |t| t.name.as_str());
        for (col, text) in [
            o.name.as_str(),
            &o.sector,
            &o.town,
            &o.contact,
            &o.email,
            &o.phone,
            table,
            o.attendance.label(session.info.language),
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string(row, u16::try_from(col).unwrap_or(0), text)?;
        }
    }
    finish_sheet(ws, session.organisations.len(), columns.len())?;

    let ws = workbook.add_worksheet();
    ws.set_name(pick("Fiches ressources", "Resource sheets"))?;
    let columns = [
        (pick("Organisation", "Organisation"), 36.0),
        (pick("Sens", "Direction"), 10.0),
        (pick("Catégorie", "Category"), 22.0),
        (pick("Ressource", "Resource"), 36.0),
        (pick("Quantité", "Quantity"), 10.0),
        (pick("Unité", "Unit"), 10.0),
        (pick("Fréquence", "Frequency"), 18.0),
        (pick("Notes", "Notes"), 36.0),
    ];
    headers(ws, &columns, &bold)?;
    for (n, f) in session.fiches.iter().enumerate() {
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let category = session
            .category(&f.category)
            .map_or(f.category.as_str(), |c| c.label(session.info.language));
        for (col, text) in [
            org_name(f.organisation),
            f.direction.label(session.info.language),
            category,
            &f.resource,
            &f.quantity,
            &f.unit,
            &f.frequency,
            &f.notes,
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string(row, u16::try_from(col).unwrap_or(0), text)?;
        }
    }
    finish_sheet(ws, session.fiches.len(), columns.len())?;

    // Written in memory, then atomically: a failed export leaves no half file.
    let bytes = workbook.save_to_buffer()?;
    crate::store::atomic::write_atomically(path, &bytes).map_err(XlsxError::IoError)?;
    Ok(())
}
