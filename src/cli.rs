//! The command line: the same operations as the app, without a window.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::i18n::{fill, io_problem, words};
use crate::model::check::{Severity, check};
use crate::model::{Action, ActionError, Language, Session, Stats, Workshop};
use crate::spreadsheet::{ImportFiles, export_csv, plan_import};
use crate::store::{self, StoreError};

/// Synergies: synergy-detection workshops, offline.
#[derive(Debug, Parser)]
#[command(name = "synergies", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A session file (.ron) to open in the desktop app.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new session file.
    New {
        file: PathBuf,
        #[arg(long)]
        title: String,
        /// The workshop's date, as YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        venue: Option<String>,
        #[arg(long)]
        organiser: Option<String>,
    },
    /// Add organisations, resource sheets and ideas from CSV files (all or nothing).
    Import {
        file: PathBuf,
        #[arg(long, value_name = "CSV")]
        organisations: Option<PathBuf>,
        #[arg(long, value_name = "CSV")]
        fiches: Option<PathBuf>,
        #[arg(long, value_name = "CSV")]
        ideas: Option<PathBuf>,
    },
    /// Print the key figures of a session.
    Stats {
        file: PathBuf,
        /// One JSON object instead of sentences.
        #[arg(long)]
        json: bool,
    },
    /// Check that a session file loads and is consistent.
    Check { file: PathBuf },
    /// Export a session as spreadsheets.
    #[command(group(clap::ArgGroup::new("format").required(true).multiple(true).args(["csv", "xlsx"])))]
    Export {
        file: PathBuf,
        /// A folder to write organisations.csv, fiches.csv and ideas.csv into.
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// The follow-up workbook: one sheet per status, organisations, resource sheets.
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<PathBuf>,
    },
    /// Merge table laptops' files into OUT (created from them if it does not exist).
    Merge {
        out: PathBuf,
        #[arg(required = true, value_name = "IN")]
        inputs: Vec<PathBuf>,
        /// Merge files of another session too.
        #[arg(long)]
        force: bool,
        /// Print what the merge would do, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write one copy of the session per table, to hand out to the table facilitators.
    TableCopies {
        file: PathBuf,
        /// The folder to write them into (created if needed).
        folder: PathBuf,
    },
    /// Suggest, for each need, the offers of other organisations that may serve it,
    /// with the reason; and the resources three or more organisations share.
    Suggest {
        file: PathBuf,
        /// One JSON object instead of sentences.
        #[arg(long)]
        json: bool,
        /// A thesaurus CSV to use instead of the user's (or the shipped) one.
        #[arg(long, value_name = "CSV")]
        thesaurus: Option<PathBuf>,
    },
    /// Plan the B2B meetings of the ideas selected for them (the meetings locked in the
    /// session stay where they are), print the plan, and write the agendas. The session
    /// file is not changed.
    B2b {
        file: PathBuf,
        /// Meeting tables (default: the session's setting).
        #[arg(long, value_name = "N")]
        tables: Option<u32>,
        /// Length of a meeting, in minutes (default: the session's setting).
        #[arg(long = "slot-min", value_name = "M")]
        slot_min: Option<u32>,
        /// When the first meeting starts, HH:MM (default: the session's setting).
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
        /// A break, HH:MM-HH:MM (repeatable; replaces the session's breaks).
        #[arg(long = "break", value_name = "HH:MM-HH:MM")]
        breaks: Vec<String>,
        /// An organisation's unavailable time, "ORGANISATION=HH:MM-HH:MM" (repeatable;
        /// added to what the session holds, for this run).
        #[arg(long, value_name = "ORGANISATION=HH:MM-HH:MM")]
        unavailable: Vec<String>,
        /// One JSON object instead of sentences.
        #[arg(long)]
        json: bool,
        /// Write the agendas (one page per organisation, one per table) to this PDF.
        #[arg(short = 'o', long = "output", value_name = "agenda.pdf")]
        output: Option<PathBuf>,
    },
    /// Write the synthesis as a PDF (in the session's language).
    Report {
        file: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
        output: PathBuf,
    },
}

/// Runs the command line on `args` (program name first), writing results to `out` and
/// errors to `err`. Returns the exit status: 0 on success, 1 on any error, said in one
/// line starting `error: `, in the session's language when the command read one (French
/// otherwise). A reader that stops reading `out` early (`synergies stats F | head -1`)
/// ends the output quietly.
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut out = QuietPipe::new(out);
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let text = e.render().to_string();
            return if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = write!(out, "{text}");
                0
            } else {
                let _ = write!(err, "{text}");
                1
            };
        }
    };
    let result = execute(cli, &mut out).and_then(|()| out.flush().map_err(Failure::from));
    match result {
        Ok(()) => 0,
        Err(Failure(message)) => {
            let _ = writeln!(err, "{}{message}", words(Language::Fr).cli.error_prefix);
            1
        }
    }
}

/// A writer that takes a closed reader (`BrokenPipe`) as the end of the output: what
/// follows is dropped and the command still succeeds.
pub struct QuietPipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> QuietPipe<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            closed: false,
        }
    }

    /// True once the reader has gone.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    fn quiet<T>(&mut self, result: io::Result<T>, instead: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(instead)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for QuietPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.quiet(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.quiet(result, ())
    }
}

/// Why a command failed, worded for the facilitator (the line after `error: `).
#[derive(Debug)]
struct Failure(String);

type Outcome = Result<(), Failure>;

impl From<io::Error> for Failure {
    /// The command's output could not be written.
    fn from(e: io::Error) -> Self {
        let language = Language::Fr;
        Failure(fill(
            words(language).errors.output_failed,
            &[("problem", &io_problem(language, &e))],
        ))
    }
}

impl From<StoreError> for Failure {
    /// A session file that could not be read before its language was known.
    fn from(e: StoreError) -> Self {
        Failure(e.message(Language::Fr))
    }
}

fn execute(cli: Cli, out: &mut dyn Write) -> Outcome {
    let Some(command) = cli.command else {
        let t = &words(Language::Fr).cli;
        if let Some(file) = &cli.file
            && !file.is_file()
        {
            return Err(Failure(fill(t.no_such_file, &[("file", &file.display())])));
        }
        #[cfg(feature = "ui")]
        return crate::ui::run(cli.file).map_err(|e| Failure(e.to_string()));
        #[cfg(not(feature = "ui"))]
        return Err(Failure(t.no_window.to_owned()));
    };
    match command {
        Command::New {
            file,
            title,
            date,
            venue,
            organiser,
        } => {
            let mut session = Session::new(title.trim());
            let language = session.info.language;
            let t = &words(language).cli;
            if session.info.title.is_empty() {
                return Err(Failure(t.empty_title.to_owned()));
            }
            session.info.date = date
                .as_deref()
                .map(|d| parse_date(d, language))
                .transpose()?;
            session.info.venue = venue.unwrap_or_default().trim().to_owned();
            session.info.organiser = organiser.unwrap_or_default().trim().to_owned();
            store::create(&file, &session).map_err(|e| Failure(e.message(language)))?;
            writeln!(out, "{}", fill(t.created, &[("file", &file.display())]))?;
        }
        Command::Import {
            file,
            organisations,
            fiches,
            ideas,
        } => import(&file, organisations, fiches, ideas, out)?,
        Command::Stats { file, json } => {
            let session = store::load(&file)?.session;
            let stats = Stats::of(&session);
            if json {
                let text = serde_json::to_string_pretty(&stats)
                    .map_err(|e| Failure::from(io::Error::other(e)))?;
                writeln!(out, "{text}")?;
            } else {
                writeln!(out, "{}", heading(&session))?;
                for line in stats.lines(session.info.language) {
                    writeln!(out, "{line}")?;
                }
            }
        }
        Command::Check { file } => {
            let loaded = store::load(&file)?;
            let language = loaded.session.info.language;
            let t = &words(language).cli;
            let findings = check(&loaded.session);
            for finding in &findings {
                let template = match finding.severity {
                    Severity::Error => t.problem,
                    Severity::Warning => t.warning,
                };
                writeln!(out, "{}", fill(template, &[("message", &finding.message)]))?;
            }
            let problems = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            if problems > 0 {
                return Err(Failure(fill(
                    crate::i18n::counts(language)
                        .problems_found
                        .form(language, problems),
                    &[("file", &file.display()), ("n", &problems)],
                )));
            }
            let stats = Stats::of(&loaded.session);
            let upgrade = if loaded.file_version < store::format::FORMAT_VERSION {
                fill(
                    t.upgrade,
                    &[
                        ("found", &loaded.file_version),
                        ("current", &store::format::FORMAT_VERSION),
                    ],
                )
            } else {
                String::new()
            };
            let counts = crate::i18n::counts(language);
            let count = |plural: crate::i18n::Plural, n: usize| plural.count(language, n);
            let line = fill(
                t.check_ok,
                &[
                    ("file", &file.display()),
                    ("upgrade", &upgrade),
                    (
                        "organisations",
                        &count(counts.organisations, stats.organisations),
                    ),
                    ("fiches", &count(counts.fiches, stats.fiches)),
                    ("ideas", &count(counts.ideas, stats.ideas)),
                    ("warnings", &count(counts.warnings, findings.len())),
                ],
            );
            writeln!(out, "{line}")?;
        }
        Command::Export { file, csv, xlsx } => {
            let session = store::load(&file)?.session;
            let language = session.info.language;
            let t = &words(language).cli;
            if let Some(csv) = csv {
                let written =
                    export_csv(&session, &csv).map_err(|e| Failure(e.message(language)))?;
                for path in written {
                    writeln!(out, "{}", fill(t.wrote, &[("file", &path.display())]))?;
                }
            }
            if let Some(xlsx) = xlsx {
                crate::report::write_xlsx(&session, &xlsx)
                    .map_err(|e| Failure(crate::report::workbook_message(language, &xlsx, &e)))?;
                writeln!(out, "{}", fill(t.wrote, &[("file", &xlsx.display())]))?;
            }
        }
        Command::Merge {
            out: target,
            inputs,
            force,
            dry_run,
        } => merge(&target, &inputs, force, dry_run, out)?,
        Command::TableCopies { file, folder } => {
            let session = store::load(&file)?.session;
            let language = session.info.language;
            let w = words(language);
            if session.tables.is_empty() {
                return Err(Failure(fill(w.cli.no_tables, &[("file", &file.display())])));
            }
            std::fs::create_dir_all(&folder).map_err(|e| {
                Failure(fill(
                    w.errors.create_folder,
                    &[
                        ("folder", &folder.display()),
                        ("problem", &io_problem(language, &e)),
                    ],
                ))
            })?;
            let stem = file.file_stem().map_or_else(
                || "atelier".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
            let written = crate::merge::write_table_copies(&session, &stem, &folder)
                .map_err(|e| Failure(e.message(language)))?;
            for path in written {
                writeln!(out, "{}", fill(w.cli.wrote, &[("file", &path.display())]))?;
            }
        }
        Command::Suggest {
            file,
            json,
            thesaurus,
        } => {
            let session = store::load(&file)?.session;
            let thesaurus = match thesaurus {
                Some(path) => crate::matching::Thesaurus::load(&path),
                None => crate::matching::thesaurus::for_user().map(|(t, _)| t),
            }
            .map_err(|e| Failure(e.message(session.info.language)))?;
            let found = crate::matching::Matcher::new(thesaurus).suggest(&session);
            if json {
                let value = crate::matching::to_json(&session, &found);
                let text = serde_json::to_string_pretty(&value)
                    .map_err(|e| Failure::from(io::Error::other(e)))?;
                writeln!(out, "{text}")?;
            } else {
                writeln!(out, "{}", heading(&session))?;
                for line in crate::matching::lines(&session, &found) {
                    writeln!(out, "{line}")?;
                }
            }
        }
        Command::B2b {
            file,
            tables,
            slot_min,
            start,
            breaks,
            unavailable,
            json,
            output,
        } => {
            let mut session = store::load(&file)?.session;
            let language = session.info.language;
            let w = words(language);
            let settings = b2b_settings(&session, tables, slot_min, start, &breaks, language)?;
            let extra = unavailable
                .iter()
                .map(|text| unavailable_of(&session, text, language))
                .collect::<Result<Vec<_>, _>>()?;
            let planned = crate::b2b::plan(&session, &settings, &extra);
            session.b2b = crate::model::b2b::B2b {
                meetings: planned.meetings.clone(),
                ..settings
            };
            for (id, range) in &extra {
                if let Some(o) = session.organisations.iter_mut().find(|o| o.id == *id) {
                    o.unavailable.push(*range);
                }
            }
            let mut view = crate::b2b::PlanView::of(&session, &planned.unscheduled, language);
            view.lower_bound = planned.lower_bound;
            if let Some(output) = &output {
                let pdf = crate::report::agenda::render_agendas(&session, &view)
                    .map_err(|e| Failure(e.message(language)))?;
                crate::store::atomic::write_atomically(output, &pdf).map_err(|e| {
                    Failure(fill(
                        w.errors.write,
                        &[
                            ("file", &output.display()),
                            ("problem", &io_problem(language, &e)),
                        ],
                    ))
                })?;
            }
            if json {
                let text = serde_json::to_string_pretty(&view.to_json())
                    .map_err(|e| Failure::from(io::Error::other(e)))?;
                writeln!(out, "{text}")?;
            } else {
                writeln!(out, "{}", heading(&session))?;
                for line in view.lines(language) {
                    writeln!(out, "{line}")?;
                }
                if let Some(output) = &output {
                    writeln!(
                        out,
                        "{}",
                        fill(w.cli.agendas_written, &[("file", &output.display())])
                    )?;
                }
            }
        }
        Command::Report { file, output } => {
            let session = store::load(&file)?.session;
            let language = session.info.language;
            let w = words(language);
            let report =
                crate::report::render_pdf(&session).map_err(|e| Failure(e.message(language)))?;
            crate::store::atomic::write_atomically(&output, &report.pdf).map_err(|e| {
                Failure(fill(
                    w.errors.write,
                    &[
                        ("file", &output.display()),
                        ("problem", &io_problem(language, &e)),
                    ],
                ))
            })?;
            let line = fill(
                w.cli.report_written,
                &[
                    ("file", &output.display()),
                    ("pages", &w.counts.pages.count(language, report.pages)),
                    ("size", &(report.pdf.len() / 1024)),
                ],
            );
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn import(
    file: &Path,
    organisations: Option<PathBuf>,
    fiches: Option<PathBuf>,
    ideas: Option<PathBuf>,
    out: &mut dyn Write,
) -> Outcome {
    if organisations.is_none() && fiches.is_none() && ideas.is_none() {
        return Err(Failure(
            words(Language::Fr).cli.nothing_to_import.to_owned(),
        ));
    }
    let session = store::load(file)?.session;
    let language = session.info.language;
    let t = &words(language).cli;
    let files = ImportFiles {
        organisations: organisations.as_deref(),
        fiches: fiches.as_deref(),
        ideas: ideas.as_deref(),
    };
    let report = plan_import(&session, &files).map_err(|e| Failure(e.message(language)))?;
    for note in &report.notes {
        writeln!(out, "{note}")?;
    }
    let batch = report.batch;
    let counts = crate::i18n::counts(language);
    let count = |plural: crate::i18n::Plural, n: usize| plural.count(language, n);
    let summary = |file: &Path| {
        fill(
            t.imported,
            &[
                ("file", &file.display()),
                (
                    "organisations",
                    &count(counts.organisations, batch.organisations.len()),
                ),
                ("fiches", &count(counts.fiches, batch.fiches.len())),
                ("ideas", &count(counts.ideas, batch.ideas.len())),
                ("tables", &count(counts.tables, batch.tables.len())),
                (
                    "facilitators",
                    &count(counts.facilitators, batch.facilitators.len()),
                ),
                ("clusters", &count(counts.clusters, batch.clusters.len())),
            ],
        )
    };
    let summary = summary(file);
    let mut workshop = Workshop::new(session);
    match workshop.apply(Action::Import(batch)) {
        Ok(()) => {}
        Err(ActionError::Nothing) => {
            writeln!(out, "{}", t.nothing_imported)?;
            return Ok(());
        }
        Err(e) => {
            return Err(Failure(fill(
                t.import_refused,
                &[("reason", &e.message(language))],
            )));
        }
    }
    store::save(file, workshop.session()).map_err(|e| {
        Failure(fill(
            t.nothing_was_imported,
            &[("error", &e.message(language))],
        ))
    })?;
    writeln!(out, "{summary}")?;
    Ok(())
}

fn merge(
    target: &Path,
    inputs: &[PathBuf],
    force: bool,
    dry_run: bool,
    out: &mut dyn Write,
) -> Outcome {
    use crate::merge::{MergeInput, merge};
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    // The lead's session, if there is one yet, gives the language of the messages.
    let base = if target.exists() {
        Some(store::load(target)?.session)
    } else {
        None
    };
    let mut language = base.as_ref().map_or(Language::Fr, |b| b.info.language);
    // Everything is read before anything is written: nothing is half-merged.
    let mut loaded = Vec::new();
    for path in inputs {
        loaded.push(MergeInput {
            source: name(path),
            session: store::load(path)
                .map_err(|e| Failure(e.message(language)))?
                .session,
        });
    }
    let base = match base {
        Some(base) => base,
        None => {
            let Some(first) = loaded.first() else {
                return Err(Failure(words(language).cli.nothing_to_merge.to_owned()));
            };
            let mut base = first.session.clone();
            base.table_copy = None;
            language = base.info.language;
            base
        }
    };
    let t = &words(language).cli;
    let report =
        merge(&base, &name(target), &loaded, force).map_err(|e| Failure(e.message(language)))?;
    for line in report.lines(language) {
        writeln!(out, "{line}")?;
    }
    if dry_run {
        writeln!(out, "{}", t.dry_run)?;
        return Ok(());
    }
    store::save(target, &report.merged).map_err(|e| {
        Failure(fill(
            t.nothing_was_merged,
            &[("error", &e.message(language))],
        ))
    })?;
    let counts = crate::i18n::counts(language);
    let count = |plural: crate::i18n::Plural, n: usize| plural.count(language, n);
    let line = fill(
        t.merged,
        &[
            ("file", &target.display()),
            ("files", &count(counts.files, inputs.len())),
            ("ideas", &count(counts.ideas, report.merged.ideas.len())),
        ],
    );
    writeln!(out, "{line}")?;
    Ok(())
}

fn parse_date(text: &str, language: Language) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Failure(fill(words(language).cli.bad_date, &[("text", &text)])))
}

/// "Atelier : … — 22/11/2026, Salle des fêtes (organisé par …)".
fn heading(session: &Session) -> String {
    let info = &session.info;
    let t = &words(info.language).cli;
    let mut line = fill(t.heading, &[("title", &info.title)]);
    let mut details = Vec::new();
    if let Some(date) = info.date {
        let format = match info.language {
            Language::Fr => "%d/%m/%Y",
            Language::En => "%Y-%m-%d",
        };
        details.push(date.format(format).to_string());
    }
    if !info.venue.is_empty() {
        details.push(info.venue.clone());
    }
    if !details.is_empty() {
        line.push_str(&format!(" — {}", details.join(", ")));
    }
    if !info.organiser.is_empty() {
        line.push_str(&fill(t.organised_by, &[("organiser", &info.organiser)]));
    }
    line
}

/// The B2B settings of a run: the session's, with what the command line changes.
fn b2b_settings(
    session: &crate::model::Session,
    tables: Option<u32>,
    slot_min: Option<u32>,
    start: Option<String>,
    breaks: &[String],
    language: Language,
) -> Result<crate::model::b2b::B2b, Failure> {
    use crate::model::b2b::{ClockTime, MAX_TABLES, SLOT_MIN_RANGE, TimeRange};
    let w = words(language);
    let mut settings = session.b2b.clone();
    if let Some(tables) = tables {
        if tables == 0 || tables > MAX_TABLES {
            return Err(Failure(fill(
                w.cli.b2b_bad_number,
                &[
                    ("option", &"--tables"),
                    ("value", &tables),
                    ("min", &1),
                    ("max", &MAX_TABLES),
                ],
            )));
        }
        settings.tables = tables;
    }
    if let Some(slot_min) = slot_min {
        if !SLOT_MIN_RANGE.contains(&slot_min) {
            return Err(Failure(fill(
                w.cli.b2b_bad_number,
                &[
                    ("option", &"--slot-min"),
                    ("value", &slot_min),
                    ("min", SLOT_MIN_RANGE.start()),
                    ("max", SLOT_MIN_RANGE.end()),
                ],
            )));
        }
        settings.slot_min = slot_min;
    }
    if let Some(start) = start {
        settings.start = start
            .parse::<ClockTime>()
            .map_err(|()| Failure(fill(w.b2b.bad_time, &[("text", &start)])))?;
    }
    if !breaks.is_empty() {
        settings.breaks = breaks
            .iter()
            .map(|text| {
                text.parse::<TimeRange>()
                    .map_err(|()| Failure(fill(w.b2b.bad_range, &[("text", text)])))
            })
            .collect::<Result<_, _>>()?;
    }
    Ok(settings)
}

/// One `--unavailable "ORGANISATION=HH:MM-HH:MM"`: the organisation (by its name,
/// ignoring case and accents) and the time.
fn unavailable_of(
    session: &crate::model::Session,
    text: &str,
    language: Language,
) -> Result<(uuid::Uuid, crate::model::b2b::TimeRange), Failure> {
    let w = words(language);
    let Some((name, range)) = text.rsplit_once('=') else {
        return Err(Failure(fill(w.cli.b2b_bad_unavailable, &[("text", &text)])));
    };
    let range = range
        .trim()
        .parse()
        .map_err(|()| Failure(fill(w.b2b.bad_range, &[("text", &range.trim())])))?;
    let wanted = crate::model::text::fold(name.trim());
    let Some(organisation) = session
        .organisations
        .iter()
        .find(|o| crate::model::text::fold(&o.name) == wanted)
    else {
        return Err(Failure(fill(
            w.cli.b2b_unknown_organisation,
            &[("name", &name.trim())],
        )));
    };
    Ok((organisation.id, range))
}
