//! Time to compute every have/need suggestion of a session, as Fiches does after each
//! change and the new-sheet entry does as a sheet is typed, at 278 resource sheets (the
//! seed's workshop) and 2 780.
//!
//! The sheets carry real wordings: the 166 of the labelled pairings
//! (`tests/data/pairings.csv`) and the example workshop's, cycled over 36 (or 360)
//! organisations, needs and offers as they were written. At 2 780 sheets each wording
//! comes back about ten times, so many offers share words: a harder case than a real
//! workshop, where wordings rarely repeat.
//!
//! `cargo bench --bench suggest`. Targets: under 100 ms at 278 sheets, well under 1 s
//! at 2 780.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use synergies::matching::Matcher;
use synergies::model::{Direction, Fiche, Session};
use synergies::synthetic::synthetic_session;

/// Real wordings with their direction: the labelled pairings' needs and offers, then
/// the example workshop's sheets.
fn wordings() -> Vec<(Direction, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pairings.csv");
    let text = std::fs::read_to_string(path).expect("the labelled pairings are there");
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(';').collect();
        if let [_, need, offer, ..] = cells[..] {
            out.push((Direction::Need, need.to_owned()));
            out.push((Direction::Offer, offer.to_owned()));
        }
    }
    let example = synergies::example::example_session().expect("the example builds");
    out.extend(
        example
            .fiches
            .iter()
            .map(|f| (f.direction, f.resource.clone())),
    );
    out
}

/// A session of `sheets` resource sheets over `sheets / 7.7` organisations (the seed's
/// 278 sheets for 36 organisations), with the real wordings cycled.
fn session_of(sheets: usize) -> Session {
    let organisations = (sheets * 36 / 278).max(1);
    let mut session = synthetic_session(organisations, sheets, 510).expect("generates");
    let wordings = wordings();
    for (i, fiche) in session.fiches.iter_mut().enumerate() {
        let (direction, resource) = &wordings[(i * 7) % wordings.len()];
        *fiche = Fiche {
            direction: *direction,
            resource: resource.clone(),
            ..fiche.clone()
        };
    }
    session
}

fn suggest(c: &mut Criterion) {
    let matcher = Matcher::shipped();
    let mut group = c.benchmark_group("suggest");
    group.measurement_time(Duration::from_secs(8));
    for sheets in [278, 2_780] {
        let session = session_of(sheets);
        let found = matcher.suggest(&session);
        println!(
            "{sheets} sheets: {} suggestions, {} mutualisations",
            found.pairs.len(),
            found.mutualisations.len()
        );
        group.bench_with_input(
            BenchmarkId::new("every sheet", sheets),
            &session,
            |b, session| b.iter(|| black_box(matcher.suggest(session))),
        );
        // The new-sheet entry: the session plus the sheet being typed.
        let draft = Fiche::new(
            session.organisations[0].id,
            Direction::Need,
            session.categories[0].key.clone(),
            "Cagettes et caisses en bois",
        );
        group.bench_with_input(
            BenchmarkId::new("while typing a sheet", sheets),
            &session,
            |b, session| b.iter(|| black_box(matcher.suggest_for_draft(session, &draft))),
        );
    }
    group.finish();
}

criterion_group!(benches, suggest);
criterion_main!(benches);
