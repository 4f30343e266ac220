//! The post-event synthesis: a PDF for every participant, and the follow-up spreadsheet.

pub mod agenda;
mod layout;
mod xlsx;

use std::collections::HashMap;

use printpdf::{ParsedFont, PdfDocument, PdfSaveOptions};
use uuid::Uuid;

use layout::{ACCENT, BLACK, Column, Face, Fonts, GREY, Rgb8, Writer};
pub use layout::{
    CONTENT_WIDTH, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
    Placed,
};
pub use xlsx::write_xlsx;

use crate::i18n::{ReportWords as Words, fill};
use crate::model::charts::{ChartSeries, ChartWords, LabelledBar, capitalised as capitalise};
use crate::model::{Fiche, Idea, Language, Session, Stats, Status};

/// DejaVu Sans cut to the Latin scripts (see `assets/fonts/subset.sh` and
/// `assets/fonts/LICENSE-DejaVu.txt`): every French glyph, ~100 KB embedded.
pub const REGULAR_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Latin.ttf");
const BOLD_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-Latin.ttf");

/// The most characters of an idea's title the synthesis shows; a longer title is cut
/// there, with an ellipsis. 3 000 characters (the longest title the wall scrolls
/// through) take about forty lines; a 100 KB title pasted by mistake would take a
/// hundred pages, in three places.
pub const TITLE_CHARS_SHOWN: usize = 3000;

/// An idea's title as the synthesis shows it: whole up to [`TITLE_CHARS_SHOWN`]
/// characters, cut there with an ellipsis beyond.
fn shown_title(title: &str) -> std::borrow::Cow<'_, str> {
    match title.char_indices().nth(TITLE_CHARS_SHOWN) {
        None => title.into(),
        Some((end, _)) => format!("{}…", title[..end].trim_end()).into(),
    }
}

/// The organisations' names by id, looked up once for every idea that names them.
type OrganisationNames<'s> = HashMap<Uuid, &'s str>;

fn organisation_names_by_id(session: &Session) -> OrganisationNames<'_> {
    session
        .organisations
        .iter()
        .map(|o| (o.id, o.name.as_str()))
        .collect()
}

/// Why the report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{}", crate::i18n::words(Language::Fr).errors.report_font)]
    Font,
}

impl ReportError {
    /// The message in `language`.
    pub fn message(&self, language: Language) -> String {
        match self {
            ReportError::Font => crate::i18n::words(language).errors.report_font.to_owned(),
        }
    }
}

/// Why the workbook `path` could not be written, in `language`.
pub fn workbook_message(
    language: Language,
    path: &std::path::Path,
    error: &rust_xlsxwriter::XlsxError,
) -> String {
    let problem = match error {
        rust_xlsxwriter::XlsxError::IoError(e) => crate::i18n::io_problem(language, e),
        other => other.to_string(),
    };
    fill(
        crate::i18n::words(language).errors.workbook_failed,
        &[("file", &path.display()), ("problem", &problem)],
    )
}

/// The PDF and where its text went.
pub struct Report {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub placed: Vec<Placed>,
}

fn parse_font(bytes: &[u8]) -> Result<ParsedFont, ReportError> {
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(ReportError::Font)
}

/// A new PDF titled `title`, with `session`'s organiser as author, and its two fonts.
fn document(session: &Session, title: &str) -> Result<(PdfDocument, Fonts), ReportError> {
    let mut doc = PdfDocument::new(title);
    let now = printpdf::OffsetDateTime::now();
    doc.metadata.info.creation_date = now;
    doc.metadata.info.modification_date = now;
    doc.metadata.info.metadata_date = now;
    doc.metadata.info.creator = format!("Synergies {}", env!("CARGO_PKG_VERSION"));
    doc.metadata.info.producer = doc.metadata.info.creator.clone();
    doc.metadata.info.author = session.info.organiser.clone();
    let regular = parse_font(REGULAR_FONT)?;
    let bold = parse_font(BOLD_FONT)?;
    let regular_id = doc.add_font(&regular);
    let bold_id = doc.add_font(&bold);
    Ok((doc, Fonts::new(regular, bold, regular_id, bold_id)))
}

/// Makes the synthesis of `session`, in the session's language.
pub fn render_pdf(session: &Session) -> Result<Report, ReportError> {
    let language = session.info.language;
    let w = &crate::i18n::words(language).report;
    let (mut doc, fonts) = document(
        session,
        &format!("{} — {}", w.synthesis, session.info.title),
    )?;

    let stats = Stats::of(session);
    let mut out = Writer::new(&fonts);
    cover(&mut out, session, &stats, w, language);
    out.new_page();
    charts(&mut out, session, w, language);
    out.new_page();
    triaged(&mut out, session, w);
    out.new_page();
    by_cluster(&mut out, session, w, language);
    out.new_page();
    index(&mut out, session, w, language);
    out.new_page();
    participants(&mut out, session, w, language);

    let date = session
        .info
        .date
        .map(|d| format_date(d, language))
        .unwrap_or_default();
    let (pages, placed) = out.finish(&session.info.title, &date, |n, total| {
        fill(w.page_of, &[("page", &n), ("total", &total)])
    });
    let page_count = pages.len();
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    let pdf = doc.save(&PdfSaveOptions::default(), &mut warnings);
    Ok(Report {
        pdf,
        pages: page_count,
        placed,
    })
}

fn format_date(date: chrono::NaiveDate, language: Language) -> String {
    match language {
        Language::Fr => date.format("%d/%m/%Y").to_string(),
        Language::En => date.format("%Y-%m-%d").to_string(),
    }
}

fn cover(out: &mut Writer, session: &Session, stats: &Stats, w: &Words, language: Language) {
    let info = &session.info;
    out.y -= 40.0;
    out.paragraph(
        MARGIN_LEFT,
        CONTENT_WIDTH,
        Face::Regular,
        13.0,
        GREY,
        w.synthesis,
    );
    out.space(6.0);
    out.paragraph(
        MARGIN_LEFT,
        CONTENT_WIDTH,
        Face::Bold,
        24.0,
        ACCENT,
        &info.title,
    );
    out.space(10.0);
    let mut details = Vec::new();
    if let Some(date) = info.date {
        details.push(format!("{} : {}", w.date, format_date(date, language)));
    }
    if !info.venue.is_empty() {
        details.push(format!("{} : {}", w.venue, info.venue));
    }
    if !info.organiser.is_empty() {
        details.push(format!("{} : {}", w.organiser, info.organiser));
    }
    for line in details {
        out.paragraph(
            MARGIN_LEFT,
            CONTENT_WIDTH,
            Face::Regular,
            12.0,
            BLACK,
            &line,
        );
    }
    out.space(30.0);
    out.heading(w.key_figures, 16.0, 200.0);
    out.space(8.0);
    let counts = crate::i18n::counts(language);
    // The noun that goes with a figure, singular or plural as the figure wants.
    let noun = |plural: crate::i18n::Plural, n: usize| plural.form(language, n).to_owned();
    let organisations = stats.organisations_present + stats.organisations_represented;
    let figures = [
        (
            format!(
                "{} + {}",
                stats.organisations_present, stats.organisations_represented
            ),
            noun(counts.cover_organisations, organisations),
        ),
        (
            stats.facilitators.to_string(),
            noun(counts.cover_facilitators, stats.facilitators),
        ),
        (
            stats.fiches.to_string(),
            format!(
                "{} ({} {} / {})",
                noun(counts.cover_fiches, stats.fiches),
                w.offers_needs,
                stats.offers,
                stats.needs
            ),
        ),
        (
            stats.ideas.to_string(),
            noun(counts.cover_ideas, stats.ideas),
        ),
        (
            stats.selected.to_string(),
            noun(counts.cover_selected, stats.selected),
        ),
        (
            format!(
                "{} / {} / {}",
                stats.abandoned, stats.imminent, stats.to_deepen
            ),
            format!("{} {}", w.abandoned_imminent_deepen, w.triage),
        ),
    ];
    // The figures are never cut: their column is as wide as the widest one, and their
    // type only shrinks when that would take more than two fifths of the page.
    let widest = figures
        .iter()
        .map(|(number, _)| out.fonts.width(Face::Bold, 22.0, number))
        .fold(0.0_f32, f32::max);
    let column_cap = CONTENT_WIDTH * 0.4;
    let number_size = if widest + 24.0 > column_cap {
        22.0 * (column_cap - 24.0) / widest
    } else {
        22.0
    };
    let number_width = (widest * number_size / 22.0 + 24.0).clamp(130.0, column_cap);
    for (number, label) in figures {
        let lines = out.fonts.wrap(
            Face::Regular,
            12.0,
            &label,
            CONTENT_WIDTH - number_width - 10.0,
        );
        let height = (lines.len() as f32 * 15.6).max(30.0) + 12.0;
        out.ensure(height);
        let top = out.y;
        out.rect(MARGIN_LEFT, top, 4.0, height - 8.0, ACCENT);
        out.text_at(
            MARGIN_LEFT + 14.0,
            top - 24.0,
            Face::Bold,
            number_size,
            ACCENT,
            &number,
        );
        let mut y = top - 6.0;
        for line in &lines {
            y -= 12.0;
            out.text_at(
                MARGIN_LEFT + number_width,
                y,
                Face::Regular,
                12.0,
                BLACK,
                line,
            );
            y -= 3.6;
        }
        out.y = top - height;
    }
}

/// Horizontal bars: label, value, colour.
fn bar_chart(out: &mut Writer, title: &str, bars: &[LabelledBar]) {
    let size = 9.5;
    let row = 18.0;
    out.heading(title, 13.0, bars.len() as f32 * row + 20.0);
    out.ensure(bars.len() as f32 * row + 10.0);
    let label_width = CONTENT_WIDTH * 0.38;
    let bar_space = CONTENT_WIDTH - label_width - 50.0;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    for bar in bars {
        let top = out.y;
        let value = bar.count;
        let label = out
            .fonts
            .truncate(Face::Regular, size, &bar.label, label_width - 8.0);
        let label_w = out.fonts.width(Face::Regular, size, &label);
        out.text_at(
            MARGIN_LEFT + label_width - 8.0 - label_w,
            top - 12.5,
            Face::Regular,
            size,
            BLACK,
            &label,
        );
        let length = (value as f32 / max as f32 * bar_space).max(1.0);
        out.rect(
            MARGIN_LEFT + label_width,
            top - 3.0,
            length,
            row - 6.0,
            Rgb8::of(bar.rgb),
        );
        out.text_at(
            MARGIN_LEFT + label_width + length + 5.0,
            top - 12.5,
            Face::Bold,
            size,
            BLACK,
            &value.to_string(),
        );
        out.y = top - row;
    }
    out.space(14.0);
}

/// The four charts, drawn from the model's series with the theme's colours.
fn charts(out: &mut Writer, session: &Session, w: &Words, language: Language) {
    let series = ChartSeries::of(session);
    out.heading(w.charts, 18.0, 100.0);
    let words = ChartWords {
        not_given: w.not_given,
        funnel: [w.ideas, w.selected_short, Status::Imminent.label(language)],
        to_triage: w.to_triage,
    };
    let titles = [w.by_category, w.by_kind, w.funnel, w.triage_split];
    for (title, bars) in titles
        .into_iter()
        .zip(series.labelled(session, language, &words))
    {
        bar_chart(out, title, &bars);
    }
}

/// The names of the organisations `idea` involves, in its order.
fn organisation_names(names: &OrganisationNames, idea: &Idea) -> String {
    idea.organisations
        .iter()
        .filter_map(|o| names.get(o).copied())
        .collect::<Vec<_>>()
        .join(", ")
}

fn triaged(out: &mut Writer, session: &Session, w: &Words) {
    let language = session.info.language;
    let names = organisation_names_by_id(session);
    let mut groups = vec![
        (Status::Imminent, w.ideas_imminent),
        (Status::ToDeepen, w.ideas_deepen),
        (Status::Abandoned, w.ideas_abandoned),
    ];
    if session.ideas.iter().any(|i| i.status == Status::Selected) {
        groups.push((Status::Selected, w.ideas_untriaged));
    }
    for (status, title) in groups {
        let ideas = session.ideas_with_status(status);
        out.heading(&format!("{title} ({})", ideas.len()), 16.0, 60.0);
        if ideas.is_empty() {
            out.paragraph(
                MARGIN_LEFT,
                CONTENT_WIDTH,
                Face::Regular,
                10.0,
                GREY,
                w.none,
            );
            out.space(10.0);
            continue;
        }
        for idea in ideas {
            let indent = MARGIN_LEFT + 12.0;
            let width = CONTENT_WIDTH - 12.0;
            let title = shown_title(&idea.title);
            // A block that fits on a page is not split.
            let lines = out
                .fonts
                .wrap(Face::Bold, 11.0, &title, CONTENT_WIDTH)
                .len()
                + 4
                + out
                    .fonts
                    .wrap(Face::Regular, 9.0, &idea.description, width)
                    .len();
            out.ensure((lines as f32 * 12.5 + 14.0).min(400.0));
            out.space(4.0);
            out.paragraph(MARGIN_LEFT, CONTENT_WIDTH, Face::Bold, 11.0, BLACK, &title);
            let owner = idea
                .owner
                .and_then(|o| names.get(&o))
                .map_or_else(|| "—".to_owned(), |name| (*name).to_owned());
            let due = idea
                .due
                .map_or_else(|| "—".to_owned(), |d| format_date(d, language));
            let next = if idea.next_step.is_empty() {
                "—"
            } else {
                idea.next_step.as_str()
            };
            for line in [
                format!(
                    "{} : {}",
                    w.organisations_label,
                    organisation_names(&names, idea)
                ),
                format!("{} : {owner}", w.owner),
                format!("{} : {next}", w.next_step),
                format!("{} : {due}", w.due),
            ] {
                out.paragraph(indent, width, Face::Regular, 9.5, BLACK, &line);
            }
            if !idea.description.is_empty() {
                out.paragraph(indent, width, Face::Regular, 9.0, GREY, &idea.description);
            }
            out.space(6.0);
        }
        out.space(8.0);
    }
}

fn by_cluster(out: &mut Writer, session: &Session, w: &Words, language: Language) {
    out.heading(w.by_cluster, 18.0, 80.0);
    let names = organisation_names_by_id(session);
    // Each idea is sorted into its cluster in one pass (an idea of a cluster the
    // session lacks is in none, as before).
    let mut ideas_of: HashMap<Option<Uuid>, Vec<&Idea>> = HashMap::new();
    for idea in &session.ideas {
        ideas_of.entry(idea.cluster).or_default().push(idea);
    }
    let mut groups: Vec<(String, Vec<&Idea>)> = session
        .clusters
        .iter()
        .map(|c| {
            let ideas = ideas_of.get(&Some(c.id)).cloned().unwrap_or_default();
            (c.name.clone(), ideas)
        })
        .collect();
    groups.push((
        w.ungrouped.to_owned(),
        ideas_of.remove(&None).unwrap_or_default(),
    ));
    // The most voted clusters first, then the ideas by votes.
    groups.retain(|(_, ideas)| !ideas.is_empty());
    groups.sort_by_key(|(_, ideas)| std::cmp::Reverse(ideas.iter().map(|i| i.votes).sum::<u32>()));
    for (name, mut ideas) in groups {
        ideas.sort_by_key(|i| std::cmp::Reverse(i.votes));
        let votes: u32 = ideas.iter().map(|i| i.votes).sum();
        out.heading(
            &format!(
                "{name} — {}, {}",
                crate::i18n::counts(language)
                    .synergy_ideas
                    .count(language, ideas.len()),
                crate::i18n::counts(language)
                    .votes
                    .count(language, votes as usize)
            ),
            12.5,
            60.0,
        );
        let spec = [
            (w.votes, 0.09),
            (w.idea, 0.43),
            (w.organisations_label, 0.30),
            (w.status, 0.18),
        ];
        item_table(out, &spec, &ideas, |i| {
            vec![
                i.votes.to_string(),
                shown_title(&i.title).into_owned(),
                organisation_names(&names, i),
                i.status.label(language).to_owned(),
            ]
        });
    }
}

fn index(out: &mut Writer, session: &Session, w: &Words, language: Language) {
    out.heading(w.index, 18.0, 80.0);
    out.paragraph(
        MARGIN_LEFT,
        CONTENT_WIDTH,
        Face::Regular,
        9.5,
        GREY,
        w.index_intro,
    );
    out.space(6.0);
    let mut ideas_of: HashMap<Uuid, Vec<&Idea>> = HashMap::new();
    for idea in &session.ideas {
        for org in &idea.organisations {
            ideas_of.entry(*org).or_default().push(idea);
        }
    }
    let mut fiches_of: HashMap<Uuid, Vec<&Fiche>> = HashMap::new();
    for fiche in &session.fiches {
        fiches_of.entry(fiche.organisation).or_default().push(fiche);
    }
    let organisations = session.organisations_by_name();
    for org in organisations {
        let idea_count = ideas_of.get(&org.id).map_or(0, Vec::len);
        let fiches = fiches_of.get(&org.id).map(Vec::as_slice).unwrap_or(&[]);
        let fiche_count = fiches.len();
        // An organisation's entry that fits on a page is not split.
        out.ensure(((idea_count + fiche_count + 4) as f32 * 12.0 + 10.0).min(400.0));
        out.space(4.0);
        out.paragraph(
            MARGIN_LEFT,
            CONTENT_WIDTH,
            Face::Bold,
            11.5,
            ACCENT,
            &org.name,
        );
        let details: Vec<&str> = [org.sector.as_str(), org.town.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !details.is_empty() {
            out.paragraph(
                MARGIN_LEFT,
                CONTENT_WIDTH,
                Face::Regular,
                9.0,
                GREY,
                &details.join(" · "),
            );
        }
        let indent = MARGIN_LEFT + 12.0;
        let width = CONTENT_WIDTH - 12.0;
        let ideas = ideas_of.get(&org.id).map(Vec::as_slice).unwrap_or(&[]);
        out.paragraph(
            MARGIN_LEFT,
            CONTENT_WIDTH,
            Face::Bold,
            9.5,
            BLACK,
            &format!("{} ({})", capitalise(w.ideas), ideas.len()),
        );
        for idea in ideas {
            out.paragraph(
                indent,
                width,
                Face::Regular,
                9.0,
                BLACK,
                &format!(
                    "• {} — {}",
                    shown_title(&idea.title),
                    idea.status.label(language)
                ),
            );
        }
        out.paragraph(
            MARGIN_LEFT,
            CONTENT_WIDTH,
            Face::Bold,
            9.5,
            BLACK,
            &format!("{} ({})", w.resource_sheets, fiches.len()),
        );
        for fiche in fiches {
            let amount: Vec<&str> = [
                fiche.quantity.as_str(),
                fiche.unit.as_str(),
                fiche.frequency.as_str(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
            let amount = if amount.is_empty() {
                String::new()
            } else {
                format!(" ({})", amount.join(" "))
            };
            out.paragraph(
                indent,
                width,
                Face::Regular,
                9.0,
                BLACK,
                &format!(
                    "• {} : {}{amount}",
                    capitalise(fiche.direction.label(language)),
                    fiche.resource
                ),
            );
        }
        out.space(4.0);
    }
}

/// A table in the report's small type, one row of `cells` per item, its columns given
/// as `(title, share of the width)` pairs.
fn item_table<T>(
    out: &mut Writer,
    spec: &[(&str, f32)],
    items: &[T],
    cells: impl Fn(&T) -> Vec<String>,
) {
    let rows: Vec<Vec<String>> = items.iter().map(cells).collect();
    out.table(&columns(spec), &rows, 8.5);
}

/// A table's columns from `(title, share of the width)` pairs.
fn columns<'a>(spec: &[(&'a str, f32)]) -> Vec<Column<'a>> {
    spec.iter()
        .map(|&(title, share)| Column { title, share })
        .collect()
}

fn participants(out: &mut Writer, session: &Session, w: &Words, language: Language) {
    out.heading(w.participants, 18.0, 80.0);
    let organisations = session.organisations_by_name();
    let tables: HashMap<Uuid, &str> = session
        .tables
        .iter()
        .map(|t| (t.id, t.name.as_str()))
        .collect();
    let spec = [
        (w.name, 0.34),
        (w.sector, 0.22),
        (w.town, 0.20),
        (w.table, 0.10),
        (w.attendance, 0.14),
    ];
    item_table(out, &spec, &organisations, |o| {
        let [name, sector, town, ..] = o.identity_fields();
        vec![
            name.to_owned(),
            sector.to_owned(),
            town.to_owned(),
            o.table
                .and_then(|t| tables.get(&t))
                .map(|name| (*name).to_owned())
                .unwrap_or_default(),
            o.attendance.label(language).to_owned(),
        ]
    });
    out.heading(w.facilitators_heading, 14.0, 40.0);
    let mut tables_of: HashMap<Uuid, Vec<&str>> = HashMap::new();
    for table in &session.tables {
        if let Some(f) = table.facilitator {
            tables_of.entry(f).or_default().push(table.name.as_str());
        }
    }
    for f in &session.facilitators {
        let tables = tables_of.get(&f.id).map(Vec::as_slice).unwrap_or(&[]);
        let text = if tables.is_empty() {
            f.name.clone()
        } else {
            format!("{} — {}", f.name, tables.join(", "))
        };
        out.paragraph(
            MARGIN_LEFT,
            CONTENT_WIDTH,
            Face::Regular,
            10.0,
            BLACK,
            &format!("• {text}"),
        );
    }
}
