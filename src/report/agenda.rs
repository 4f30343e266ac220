//! The printed B2B agendas: one A4 page per organisation that has meetings (time, table,
//! partners, idea), to hand to each participant, then one page per meeting table (time,
//! organisations, idea) for the welcome desk, then the meetings that could not be placed.

use uuid::Uuid;

use super::layout::{ACCENT, Column, Face, GREY, Writer};
use super::{CONTENT_WIDTH, MARGIN_LEFT, ReportError, document, format_date, shown_title};
use crate::b2b::{PlanView, Scheduled};
use crate::i18n::{fill, words};
use crate::model::Session;

/// Size of the agendas' table text, in points: read at arm's length at a meeting table.
const TABLE_TEXT_PT: f32 = 10.5;

/// The agendas of `plan` (the plan of `session`) as a PDF, in the session's language.
pub fn render_agendas(session: &Session, plan: &PlanView) -> Result<Vec<u8>, ReportError> {
    let language = session.info.language;
    let w = &words(language).b2b;
    let report_words = &words(language).report;
    let (mut doc, fonts) = document(
        session,
        &format!("{} — {}", w.agenda_title, session.info.title),
    )?;
    let date = session
        .info
        .date
        .map(|d| format_date(d, language))
        .unwrap_or_default();
    let time_of = |m: &Scheduled| format!("{}-{}", m.time.start, m.time.end);

    let mut out = Writer::new(&fonts);
    let mut first_page = true;
    let mut start_page = |out: &mut Writer| {
        if !first_page {
            out.new_page();
        }
        first_page = false;
    };

    for organisation in organisations_with_meetings(session, plan) {
        start_page(&mut out);
        let title = fill(w.agenda_organisation, &[("organisation", &organisation.1)]);
        page_title(&mut out, &title, &session.info.title, &date);
        let rows: Vec<Vec<String>> = plan
            .of_organisation(organisation.0)
            .map(|m| {
                let partners: Vec<&str> = m
                    .organisations
                    .iter()
                    .filter(|(id, _)| *id != organisation.0)
                    .map(|(_, name)| name.as_str())
                    .collect();
                vec![
                    time_of(m),
                    m.table.to_string(),
                    partners.join(", "),
                    shown_title(&m.title).into_owned(),
                ]
            })
            .collect();
        out.table(
            &[
                Column {
                    title: w.agenda_time,
                    share: 0.16,
                },
                Column {
                    title: w.agenda_table_column,
                    share: 0.09,
                },
                Column {
                    title: w.agenda_partners,
                    share: 0.33,
                },
                Column {
                    title: w.agenda_idea,
                    share: 0.42,
                },
            ],
            &rows,
            TABLE_TEXT_PT,
        );
    }

    for table in 1..=plan.tables {
        start_page(&mut out);
        let title = fill(w.agenda_table, &[("n", &table)]);
        page_title(&mut out, &title, &session.info.title, &date);
        let rows: Vec<Vec<String>> = plan
            .of_table(table)
            .map(|m| {
                let names: Vec<&str> = m.organisations.iter().map(|(_, n)| n.as_str()).collect();
                vec![
                    time_of(m),
                    names.join(", "),
                    shown_title(&m.title).into_owned(),
                ]
            })
            .collect();
        if rows.is_empty() {
            out.paragraph(
                MARGIN_LEFT,
                CONTENT_WIDTH,
                Face::Regular,
                12.0,
                GREY,
                w.agenda_none,
            );
        } else {
            out.table(
                &[
                    Column {
                        title: w.agenda_time,
                        share: 0.16,
                    },
                    Column {
                        title: w.agenda_organisations,
                        share: 0.42,
                    },
                    Column {
                        title: w.agenda_idea,
                        share: 0.42,
                    },
                ],
                &rows,
                TABLE_TEXT_PT,
            );
        }
    }

    if !plan.unscheduled.is_empty() {
        start_page(&mut out);
        page_title(&mut out, w.agenda_unscheduled, &session.info.title, &date);
        let rows: Vec<Vec<String>> = plan
            .unscheduled
            .iter()
            .map(|u| vec![shown_title(&u.title).into_owned(), u.reason.clone()])
            .collect();
        out.table(
            &[
                Column {
                    title: w.agenda_idea,
                    share: 0.55,
                },
                Column {
                    title: w.agenda_reason,
                    share: 0.45,
                },
            ],
            &rows,
            TABLE_TEXT_PT,
        );
    }

    let (pages, _) = out.finish(&session.info.title, &date, |n, total| {
        fill(report_words.page_of, &[("page", &n), ("total", &total)])
    });
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    Ok(doc.save(&printpdf::PdfSaveOptions::default(), &mut warnings))
}

/// The organisations that have at least one meeting in `plan`, by name (then id, so that
/// two of the same name keep one order).
fn organisations_with_meetings(session: &Session, plan: &PlanView) -> Vec<(Uuid, String)> {
    let mut out: Vec<(Uuid, String)> = session
        .organisations
        .iter()
        .filter(|o| plan.of_organisation(o.id).next().is_some())
        .map(|o| (o.id, o.name.clone()))
        .collect();
    out.sort_by(|a, b| {
        crate::model::text::fold(&a.1)
            .cmp(&crate::model::text::fold(&b.1))
            .then(a.0.cmp(&b.0))
    });
    out
}

/// A page's title, then the workshop's title and date beneath it.
fn page_title(out: &mut Writer, title: &str, workshop: &str, date: &str) {
    out.paragraph(MARGIN_LEFT, CONTENT_WIDTH, Face::Bold, 18.0, ACCENT, title);
    out.space(4.0);
    let subtitle = if date.is_empty() {
        workshop.to_owned()
    } else {
        format!("{workshop} — {date}")
    };
    out.paragraph(
        MARGIN_LEFT,
        CONTENT_WIDTH,
        Face::Regular,
        11.0,
        GREY,
        &subtitle,
    );
    out.space(12.0);
}
