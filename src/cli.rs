//! The command line: the same operations as the app, without a window.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::model::check::{Severity, check};
use crate::model::{Action, ActionError, Language, Session, Stats, Workshop};
use crate::spreadsheet::{ImportFiles, export_csv, plan_import};
use crate::store;

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
    },
    /// Write one copy of the session per table, to hand out to the table facilitators.
    TableCopies {
        file: PathBuf,
        /// The folder to write them into (created if needed).
        folder: PathBuf,
    },
    /// Write the synthesis as a PDF (in the session's language).
    Report {
        file: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
        output: PathBuf,
    },
}

/// Runs the command line on `args` (program name first), writing results to `out` and
/// errors to `err`. Returns the exit status: 0 on success, 1 on any error.
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
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
    match execute(cli, out) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "error: {}", error_chain(&e));
            1
        }
    }
}

/// The error and its causes on one line, each cause once (errors that quote their
/// source in their own message are not repeated).
fn error_chain(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain().map(ToString::to_string) {
        if !line.contains(&cause) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&cause);
        }
    }
    line
}

fn execute(cli: Cli, out: &mut dyn Write) -> anyhow::Result<()> {
    let Some(command) = cli.command else {
        if let Some(file) = &cli.file
            && !file.is_file()
        {
            bail!(
                "\"{}\" does not exist: give a session file (.ron) or a command (synergies --help)",
                file.display()
            );
        }
        return crate::ui::run(cli.file);
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
            if session.info.title.is_empty() {
                bail!("the title is empty: give the workshop a title with --title");
            }
            session.info.date = date.as_deref().map(parse_date).transpose()?;
            session.info.venue = venue.unwrap_or_default().trim().to_owned();
            session.info.organiser = organiser.unwrap_or_default().trim().to_owned();
            store::create(&file, &session)?;
            writeln!(out, "created {}", file.display())?;
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
                writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?;
            } else {
                writeln!(out, "{}", heading(&session))?;
                for line in stats.lines(Language::Fr) {
                    writeln!(out, "{line}")?;
                }
            }
        }
        Command::Check { file } => {
            let loaded = store::load(&file)?;
            let findings = check(&loaded.session);
            for finding in &findings {
                let severity = match finding.severity {
                    Severity::Error => "problem",
                    Severity::Warning => "warning",
                };
                writeln!(out, "{severity}: {}", finding.message)?;
            }
            let problems = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            if problems > 0 {
                bail!("{}: {problems} problems found", file.display());
            }
            let stats = Stats::of(&loaded.session);
            let upgrade = if loaded.file_version < store::format::FORMAT_VERSION {
                format!(
                    " (format {}, upgraded to {} on the next save)",
                    loaded.file_version,
                    store::format::FORMAT_VERSION
                )
            } else {
                String::new()
            };
            writeln!(
                out,
                "ok: {} loads{upgrade}: {} organisations, {} resource sheets, {} ideas, {} warnings",
                file.display(),
                stats.organisations,
                stats.fiches,
                stats.ideas,
                findings.len()
            )?;
        }
        Command::Export { file, csv, xlsx } => {
            let session = store::load(&file)?.session;
            if let Some(csv) = csv {
                for path in export_csv(&session, &csv)? {
                    writeln!(out, "wrote {}", path.display())?;
                }
            }
            if let Some(xlsx) = xlsx {
                crate::report::write_xlsx(&session, &xlsx)
                    .with_context(|| format!("cannot write \"{}\"", xlsx.display()))?;
                writeln!(out, "wrote {}", xlsx.display())?;
            }
        }
        Command::Merge {
            out: target,
            inputs,
            force,
        } => merge(&target, &inputs, force, out)?,
        Command::TableCopies { file, folder } => {
            let session = store::load(&file)?.session;
            if session.tables.is_empty() {
                bail!(
                    "{}: the session has no tables to make copies for",
                    file.display()
                );
            }
            std::fs::create_dir_all(&folder)
                .with_context(|| format!("cannot create the folder \"{}\"", folder.display()))?;
            let stem = file.file_stem().map_or_else(
                || "atelier".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
            for path in crate::merge::write_table_copies(&session, &stem, &folder)? {
                writeln!(out, "wrote {}", path.display())?;
            }
        }
        Command::Report { file, output } => {
            let session = store::load(&file)?.session;
            let report = crate::report::render_pdf(&session)?;
            crate::store::atomic::write_atomically(&output, &report.pdf)
                .with_context(|| format!("cannot write \"{}\"", output.display()))?;
            writeln!(
                out,
                "wrote {} ({} pages, {} KiB)",
                output.display(),
                report.pages,
                report.pdf.len() / 1024
            )?;
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
) -> anyhow::Result<()> {
    if organisations.is_none() && fiches.is_none() && ideas.is_none() {
        bail!("nothing to import: give --organisations, --fiches or --ideas with a CSV file");
    }
    let session = store::load(file)?.session;
    let files = ImportFiles {
        organisations: organisations.as_deref(),
        fiches: fiches.as_deref(),
        ideas: ideas.as_deref(),
    };
    let report = plan_import(&session, &files)?;
    for note in &report.notes {
        writeln!(out, "{note}")?;
    }
    let batch = report.batch;
    let summary = format!(
        "imported {} organisations, {} resource sheets, {} ideas ({} tables, {} facilitators, {} clusters created)",
        batch.organisations.len(),
        batch.fiches.len(),
        batch.ideas.len(),
        batch.tables.len(),
        batch.facilitators.len(),
        batch.clusters.len()
    );
    let mut workshop = Workshop::new(session);
    match workshop.apply(Action::Import(batch)) {
        Ok(()) => {}
        Err(ActionError::Nothing) => {
            writeln!(out, "nothing imported: the files have no rows")?;
            return Ok(());
        }
        Err(e) => return Err(anyhow!(e).context("the import was refused")),
    }
    store::save(file, workshop.session()).with_context(|| "nothing was imported".to_owned())?;
    writeln!(out, "{summary} into {}", file.display())?;
    Ok(())
}

fn merge(
    target: &Path,
    inputs: &[PathBuf],
    force: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use crate::merge::{MergeInput, merge};
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    // Everything is read before anything is written: nothing is half-merged.
    let mut loaded = Vec::new();
    for path in inputs {
        loaded.push(MergeInput {
            source: name(path),
            session: store::load(path)?.session,
        });
    }
    let (base, base_name) = if target.exists() {
        (store::load(target)?.session, name(target))
    } else {
        let Some(first) = loaded.first() else {
            bail!("nothing to merge");
        };
        let mut base = first.session.clone();
        base.table_copy = None;
        (base, name(target))
    };
    let report = merge(&base, &base_name, &loaded, force)?;
    writeln!(out, "{}", report.summary(Language::En))?;
    for conflict in &report.conflicts {
        writeln!(out, "conflict: {}", conflict.describe(Language::En))?;
    }
    store::save(target, &report.merged).with_context(|| "nothing was merged".to_owned())?;
    writeln!(
        out,
        "merged {} files into {} ({} ideas)",
        inputs.len(),
        target.display(),
        report.merged.ideas.len()
    )?;
    Ok(())
}

fn parse_date(text: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| anyhow!("--date \"{text}\": expected a date as YYYY-MM-DD, e.g. 2026-11-22"))
}

/// "Atelier de … — 22/11/2026, Salle des fêtes (organisé par …)".
fn heading(session: &Session) -> String {
    let info = &session.info;
    let mut line = format!("Atelier : {}", info.title);
    let mut details = Vec::new();
    if let Some(date) = info.date {
        details.push(date.format("%d/%m/%Y").to_string());
    }
    if !info.venue.is_empty() {
        details.push(info.venue.clone());
    }
    if !details.is_empty() {
        line.push_str(&format!(" — {}", details.join(", ")));
    }
    if !info.organiser.is_empty() {
        line.push_str(&format!(" (organisé par {})", info.organiser));
    }
    line
}
