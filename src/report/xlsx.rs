//! The follow-up spreadsheet: one sheet per status, plus the organisations and the
//! resource sheets, with headers, filters, frozen header rows and column widths.

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::i18n::{WorkbookWords, words};
use uuid::Uuid;

use crate::model::{Session, Status};

/// The sheet of a status, in the workbook's words.
fn status_sheet(status: Status, w: &WorkbookWords) -> &'static str {
    match status {
        Status::Imminent => w.sheet_imminent,
        Status::ToDeepen => w.sheet_to_deepen,
        Status::Abandoned => w.sheet_abandoned,
        Status::Selected => w.sheet_selected,
        Status::Proposed => w.sheet_proposed,
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

/// The most UTF-16 units a cell holds (Excel's limit; a longer string fails the whole
/// workbook).
const CELL_UNITS: usize = 32_767;

/// `text` as a cell holds it: whole, or cut with an ellipsis at Excel's limit (a 100 KB
/// title pasted by mistake still gives a workbook).
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    let mut units = 0;
    let mut cut = None;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > CELL_UNITS - 1 && cut.is_none() {
            cut = Some(i);
        }
        if units > CELL_UNITS {
            return format!("{}…", &text[..cut.unwrap_or(i)]).into();
        }
    }
    text.into()
}

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
    // The column names are the app's words for the same fields.
    let t = words(session.info.language);
    let w = &t.workbook;
    let mut workbook = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_background_color(crate::theme::hex(crate::theme::LIGHT));
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format(w.date_format)
        .set_align(FormatAlign::Top);
    // Names looked up by id once: a row costs the same in a session of any size.
    let organisations: HashMap<Uuid, &str> = session
        .organisations
        .iter()
        .map(|o| (o.id, o.name.as_str()))
        .collect();
    let tables: HashMap<Uuid, &str> = session
        .tables
        .iter()
        .map(|t| (t.id, t.name.as_str()))
        .collect();
    let clusters: HashMap<Uuid, &str> = session
        .clusters
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    let org_name = |id| organisations.get(&id).copied().unwrap_or("");

    for status in STATUS_ORDER {
        let ideas = session.ideas_with_status(status);
        let ws = workbook.add_worksheet();
        ws.set_name(status_sheet(status, w))?;
        let columns = [
            (w.idea, 40.0),
            (t.organisations, 36.0),
            (w.owner, 24.0),
            (w.next_step, 36.0),
            (w.due, 12.0),
            (w.votes, 8.0),
            (w.cluster, 22.0),
            (t.category, 20.0),
            (t.kind, 14.0),
            (t.description, 50.0),
        ];
        headers(ws, &columns, &bold)?;
        for (n, idea) in ideas.iter().enumerate() {
            let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
            let organisations: Vec<&str> =
                idea.organisations.iter().map(|o| org_name(*o)).collect();
            ws.write_string_with_format(row, 0, &*cell(&idea.title), &wrap)?;
            ws.write_string_with_format(row, 1, &*cell(&organisations.join(", ")), &wrap)?;
            ws.write_string_with_format(row, 2, &*cell(idea.owner.map_or("", org_name)), &wrap)?;
            ws.write_string_with_format(row, 3, &*cell(&idea.next_step), &wrap)?;
            if let Some(due) = idea.due {
                ws.write_date_with_format(row, 4, due, &date)?;
            }
            ws.write_number(row, 5, f64::from(idea.votes))?;
            let cluster = idea
                .cluster
                .and_then(|c| clusters.get(&c).copied())
                .unwrap_or("");
            ws.write_string_with_format(row, 6, &*cell(cluster), &wrap)?;
            let category = idea
                .category
                .as_deref()
                .and_then(|k| session.category(k))
                .map_or("", |c| c.label(session.info.language));
            ws.write_string_with_format(row, 7, &*cell(category), &wrap)?;
            ws.write_string(
                row,
                8,
                idea.kind.map_or("", |k| k.label(session.info.language)),
            )?;
            ws.write_string_with_format(row, 9, &*cell(&idea.description), &wrap)?;
        }
        finish_sheet(ws, ideas.len(), columns.len())?;
    }

    let ws = workbook.add_worksheet();
    ws.set_name(w.sheet_organisations)?;
    let columns = [
        (t.name, 36.0),
        (t.sector, 24.0),
        (t.town, 20.0),
        (t.contact, 22.0),
        (t.email, 28.0),
        (t.phone, 16.0),
        (t.table, 10.0),
        (t.attendance, 14.0),
    ];
    headers(ws, &columns, &bold)?;
    for (n, o) in session.organisations.iter().enumerate() {
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let table = o.table.and_then(|t| tables.get(&t).copied()).unwrap_or("");
        let rest = [table, o.attendance.label(session.info.language)];
        for (col, text) in o.identity_fields().into_iter().chain(rest).enumerate() {
            ws.write_string(row, u16::try_from(col).unwrap_or(0), &*cell(text))?;
        }
    }
    finish_sheet(ws, session.organisations.len(), columns.len())?;

    let ws = workbook.add_worksheet();
    ws.set_name(w.sheet_fiches)?;
    let columns = [
        (t.organisation, 36.0),
        (t.direction, 10.0),
        (t.category, 22.0),
        (t.resource, 36.0),
        (t.quantity, 10.0),
        (t.unit, 10.0),
        (t.frequency, 18.0),
        (t.notes, 36.0),
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
            ws.write_string(row, u16::try_from(col).unwrap_or(0), &*cell(text))?;
        }
    }
    finish_sheet(ws, session.fiches.len(), columns.len())?;

    // Written in memory, then atomically: a failed export leaves no half file.
    let bytes = workbook.save_to_buffer()?;
    crate::store::atomic::write_atomically(path, &bytes).map_err(XlsxError::IoError)?;
    Ok(())
}
