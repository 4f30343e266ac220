//! CPU time of one frame of the board and of the idea list, headless (no GPU): egui's
//! pass plus tessellation, on a 1920×1080 screen, at 510 and 5 100 ideas.
//!
//! `cargo bench --bench frames`. Target on a 2-core machine: under 4 ms per frame at 510
//! ideas, under 16 ms at 5 100.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use synergies::store;
use synergies::synthetic::synthetic_session;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;
use synergies::ui::{SynergiesApp, View};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut SynergiesApp) -> usize {
    let output = ctx.run_ui(input(), |ui| app.ui(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    for (name, orgs, fiches, ideas) in
        [("510 ideas", 36, 278, 510), ("5100 ideas", 360, 2780, 5100)]
    {
        let path = dir.path().join(format!("{ideas}.ron"));
        let session = synthetic_session(orgs, fiches, ideas).expect("builds");
        store::create(&path, &session).expect("saved");
        for view in [View::Board, View::Ideas] {
            let (doc, _) = Document::open(&path).expect("opens");
            let mut app = SynergiesApp::with_document(doc, Preferences::default());
            app.view = view;
            let ctx = egui::Context::default();
            for _ in 0..5 {
                frame(&ctx, &mut app);
            }
            let label = match view {
                View::Board => "board",
                _ => "idea list",
            };
            group.bench_function(BenchmarkId::new(label, name), |b| {
                b.iter(|| black_box(frame(&ctx, &mut app)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
