//! Hostile sizes: importing an organisations CSV of 10 000, 100 000 and 200 000 rows,
//! and writing the synthesis for a session whose one idea has a 1 KB or a 100 KB title.
//! Both must stay linear: the time per row (per byte of title) stays flat as the input
//! grows.
//!
//! `cargo bench --bench import` (about two minutes on a 2-core machine). Criterion
//! prints each import's rows per second (`thrpt`); the per-row and per-byte times, and
//! their ratios to the smallest input's, are printed at the end, with one import of a
//! million rows.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use synergies::model::{Action, Idea, Organisation, Session, Status, Workshop};
use synergies::report::render_pdf;
use synergies::store;

const ROWS: [usize; 3] = [10_000, 100_000, 200_000];
/// Timed once only (about ten seconds), for the summary.
const MILLION: usize = 1_000_000;
const TITLES: [(&str, usize); 2] = [("1 KB", 1024), ("100 KB", 100 * 1024)];

/// An organisations file as a registration form exports it: a table (and its
/// facilitator) for every twelve organisations, all present but a few.
fn organisations_csv(rows: usize) -> String {
    let mut csv = String::from("Nom;Secteur;Commune;N° table;Animateur·rice;Présence\n");
    for i in 0..rows {
        let table = i / 12 + 1;
        let attendance = if i % 17 == 0 {
            "représentée"
        } else {
            "présente"
        };
        csv.push_str(&format!(
            "Structure n°{i};Agriculture;Sigoulès-et-Flaugeac;{table};Animateur {table};{attendance}\n"
        ));
    }
    csv
}

/// `synergies import atelier.ron --organisations orgs.csv`, through the command line's
/// own entry point: load, read and check the CSV, apply, save.
fn import(dir: &Path) -> i32 {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = synergies::cli::run(
        [
            "synergies",
            "import",
            &dir.join("atelier.ron").to_string_lossy(),
            "--organisations",
            &dir.join("orgs.csv").to_string_lossy(),
        ],
        &mut out,
        &mut err,
    );
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
    status
}

/// A session whose one idea, imminent, involving its one organisation, has a title of
/// `bytes` bytes, words of every length: it is in every part of the synthesis.
fn session_with_title(bytes: usize) -> Session {
    let mut w = Workshop::new(Session::new("Atelier de Sigoulès"));
    let org = Organisation::new("Ferme maraîchère des Coteaux");
    let org_id = org.id;
    w.apply(Action::AddOrganisation(org)).expect("added");
    let words = "Mutualisation d'un broyeur à végétaux entre Lamonzie-Saint-Martin et ";
    let mut title = words.repeat(bytes / words.len() + 1);
    let mut end = bytes;
    while !title.is_char_boundary(end) {
        end -= 1;
    }
    title.truncate(end);
    let mut idea = Idea::new(title.trim_end());
    idea.organisations = vec![org_id];
    idea.status = Status::Imminent;
    w.apply(Action::AddIdea(idea)).expect("added");
    w.into_session()
}

/// Times `f` once, as a rough figure for the summary (criterion's are the real ones).
fn seconds(mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = store::to_ron(&Session::new("Atelier de Sigoulès")).expect("encodes");
    let mut summary = Vec::new();

    let mut group = c.benchmark_group("import organisations");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for rows in ROWS {
        fs::write(dir.path().join("orgs.csv"), organisations_csv(rows)).expect("written");
        // Each import starts from the empty session (not timed).
        let reset = || fs::write(dir.path().join("atelier.ron"), &empty).expect("written");
        reset();
        let once = seconds(|| {
            import(dir.path());
        });
        let imported = store::load(&dir.path().join("atelier.ron")).expect("loads");
        assert_eq!(imported.session.organisations.len(), rows);
        summary.push(("import", rows, once));
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_function(BenchmarkId::from_parameter(rows), |b| {
            b.iter_batched(reset, |()| import(dir.path()), BatchSize::PerIteration);
        });
    }
    group.finish();
    fs::write(dir.path().join("orgs.csv"), organisations_csv(MILLION)).expect("written");
    fs::write(dir.path().join("atelier.ron"), &empty).expect("written");
    let once = seconds(|| {
        import(dir.path());
    });
    summary.push(("import", MILLION, once));
    // The files of a million rows take half a gigabyte: not kept for the rest.
    fs::write(dir.path().join("atelier.ron"), &empty).expect("written");
    fs::remove_file(dir.path().join("orgs.csv")).expect("removed");

    let mut group = c.benchmark_group("synthesis pdf, one idea's title");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, bytes) in TITLES {
        let session = session_with_title(bytes);
        let report = render_pdf(&session).expect("renders");
        assert!(report.pdf.starts_with(b"%PDF-"));
        println!(
            "{name} title: synthesis PDF {} pages, {} KiB",
            report.pages,
            report.pdf.len() / 1024
        );
        let once = seconds(|| {
            black_box(render_pdf(&session).expect("renders"));
        });
        summary.push(("report", bytes, once));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(render_pdf(black_box(&session)).expect("renders").pdf.len()));
        });
    }
    group.finish();

    // One timed run of each, per row (per KB of title), against the smallest: flat
    // ratios are linear growth.
    println!("\nper unit (one run each; criterion's estimates above are the reference):");
    for what in ["import", "report"] {
        let runs: Vec<_> = summary.iter().filter(|(w, ..)| *w == what).collect();
        let Some(&&(_, base_n, base_s)) = runs.first() else {
            continue;
        };
        for &&(_, n, s) in &runs {
            let (unit, per) = if what == "import" {
                ("row", s / n as f64 * 1e6)
            } else {
                ("KB of title", s / (n as f64 / 1024.0) * 1e6)
            };
            println!(
                "  {what} {n:>7}: {s:>8.3} s, {per:>9.2} µs per {unit}; size ×{:.0}, time ×{:.1}",
                n as f64 / base_n as f64,
                s / base_s
            );
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
