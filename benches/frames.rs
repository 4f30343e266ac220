//! CPU time of one frame of the board, of the idea list and of the wall's screens
//! (presentation mode: the overview, one cluster, the spotlight, the triage lanes),
//! headless (no GPU): egui's pass plus tessellation, on a 1920×1080 screen, at 510 and
//! 5 100 ideas.
//!
//! `cargo bench --bench frames`. Targets on a 2-core machine: under 4 ms per frame at
//! 510 ideas, and a frame at 5 100 ideas at most 1.3× the frame at 510 (only what is
//! visible is laid out).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use synergies::store;
use synergies::synthetic::synthetic_session;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;
use synergies::ui::{SynergiesApp, View, WallMode};

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        events,
        ..Default::default()
    }
}

fn key(key: egui::Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

fn frame(ctx: &egui::Context, app: &mut SynergiesApp) -> usize {
    frame_with(ctx, app, Vec::new())
}

fn frame_with(ctx: &egui::Context, app: &mut SynergiesApp, events: Vec<egui::Event>) -> usize {
    let output = ctx.run_ui(input(events), |ui| app.ui(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

/// The screens measured: their name, view, whether on the wall, and the keys that
/// open them.
const SCREENS: [(&str, View, bool, &[egui::Key]); 6] = [
    ("board", View::Board, false, &[]),
    ("idea list", View::Ideas, false, &[]),
    ("wall overview", View::Board, true, &[]),
    ("wall cluster", View::Board, true, &[egui::Key::Enter]),
    (
        "wall spotlight",
        View::Board,
        true,
        &[egui::Key::Enter, egui::Key::Space],
    ),
    (
        "triage wall",
        View::Selection,
        true,
        &[egui::Key::ArrowDown],
    ),
];

/// The app on `path`, showing `screen`, warmed up.
fn app_on(path: &std::path::Path, screen: usize) -> (SynergiesApp, egui::Context) {
    let (label, view, presentation, keys) = SCREENS[screen];
    let (doc, _) = Document::open(path).expect("opens");
    let mut app = SynergiesApp::with_document(doc, Preferences::default());
    app.view = view;
    app.presentation = presentation;
    let ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    for k in keys {
        frame_with(&ctx, &mut app, vec![key(*k)]);
        frame(&ctx, &mut app);
    }
    let expected = match label {
        "wall cluster" => Some(WallMode::Cluster),
        "wall spotlight" => Some(WallMode::Spotlight),
        "wall overview" => Some(WallMode::Overview),
        _ => None,
    };
    if let Some(mode) = expected {
        assert_eq!(app.board.wall.mode, mode, "{label} is shown");
    }
    (app, ctx)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    let sizes = [("510 ideas", 36, 278, 510), ("5100 ideas", 360, 2780, 5100)];
    let paths: Vec<_> = sizes
        .iter()
        .map(|&(_, orgs, fiches, ideas)| {
            let path = dir.path().join(format!("{ideas}.ron"));
            let session = synthetic_session(orgs, fiches, ideas).expect("builds");
            store::create(&path, &session).expect("saved");
            path
        })
        .collect();
    // Each screen at both sizes one after the other, so that the two figures compared
    // are measured in the same conditions.
    for (screen, (label, ..)) in SCREENS.iter().enumerate() {
        for ((name, ..), path) in sizes.iter().zip(&paths) {
            let (mut app, ctx) = app_on(path, screen);
            group.bench_function(BenchmarkId::new(*label, name), |b| {
                b.iter(|| black_box(frame(&ctx, &mut app)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
