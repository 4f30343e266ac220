//! Save, load, CSV import and stats at the workshop's scale (36 organisations, 278
//! resource sheets, 510 ideas) and at ten times that (5 100 ideas).
//!
//! `cargo bench --bench session`. Targets on a 2-core machine: save and load of the
//! 5 100-idea session under 100 ms each; the 510-idea synthesis PDF under 1 s and 2 MB.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use synergies::model::{Action, Session, Stats, Workshop};
use synergies::spreadsheet::{ImportFiles, export_csv, plan_import};
use synergies::store;
use synergies::synthetic::synthetic_session;

const SCALES: [(&str, usize, usize, usize); 2] =
    [("510 ideas", 36, 278, 510), ("5100 ideas", 360, 2780, 5100)];

fn sessions() -> Vec<(&'static str, Session)> {
    SCALES
        .iter()
        .map(|(name, orgs, fiches, ideas)| {
            (
                *name,
                synthetic_session(*orgs, *fiches, *ideas).expect("the synthetic session builds"),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("session");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for (name, session) in sessions() {
        let path = dir.path().join(format!("{}.ron", name.replace(' ', "-")));
        store::save(&path, &session).expect("saved");
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("{name}: session file {} KiB", bytes / 1024);

        group.bench_with_input(BenchmarkId::new("save", name), &session, |b, s| {
            b.iter(|| store::save(&path, black_box(s)).expect("saved"));
        });
        group.bench_with_input(BenchmarkId::new("load", name), &path, |b, p| {
            b.iter(|| black_box(store::load(p).expect("loads")));
        });
        let report = synergies::report::render_pdf(&session).expect("renders");
        println!(
            "{name}: synthesis PDF {} pages, {} KiB",
            report.pages,
            report.pdf.len() / 1024
        );
        group.bench_with_input(BenchmarkId::new("report pdf", name), &session, |b, s| {
            b.iter(|| black_box(synergies::report::render_pdf(s).expect("renders").pdf.len()));
        });
        group.bench_with_input(BenchmarkId::new("stats", name), &session, |b, s| {
            b.iter(|| black_box(Stats::of(black_box(s))));
        });

        // CSV import: the session's own export read into an empty session.
        let csv_dir = dir.path().join(format!("csv-{}", name.replace(' ', "-")));
        export_csv(&session, &csv_dir).expect("exported");
        let organisations = csv_dir.join("organisations.csv");
        let fiches = csv_dir.join("fiches.csv");
        let ideas = csv_dir.join("ideas.csv");
        let empty = Session::new("vide");
        group.bench_with_input(BenchmarkId::new("csv import", name), &empty, |b, s| {
            b.iter(|| {
                let files = ImportFiles {
                    organisations: Some(&organisations),
                    fiches: Some(&fiches),
                    ideas: Some(&ideas),
                };
                let report = plan_import(s, &files).expect("imports");
                let mut w = Workshop::new(s.clone());
                w.apply(Action::Import(report.batch)).expect("applies");
                black_box(w)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
