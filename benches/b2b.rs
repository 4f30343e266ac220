//! Time to plan the B2B meetings of a workshop, and how good the plan is: 87 meetings
//! (the seed's workshop: 36 organisations, 10 tables) and 870 (ten times: 360
//! organisations, 100 tables), one in ten between three organisations, a coffee break,
//! and one organisation in seven away for 40 minutes.
//!
//! Before timing, it prints for each size the rounds used against the lower bound
//! max(most meetings of one organisation, ⌈meetings ÷ tables⌉) and against a bound that
//! also counts each organisation's unavailable slots, the meetings not placed, and the
//! organisations' idle slots between their first meeting and their last.
//!
//! `cargo bench --bench b2b`. Targets: the rounds within one of the bound, under a
//! second for 87 meetings (the facilitator presses "Planifier" and waits).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use synergies::b2b::{Planned, plan};
use synergies::model::Session;
use synergies::model::b2b::B2b;
use synergies::synthetic::{select_for_b2b, synthetic_session};

/// A workshop of `meetings` selected ideas over `meetings × 36 / 87` organisations, with
/// its planner settings: a table per 8.7 meetings, 20-minute slots from 14:00, a break
/// at 15:40.
fn workshop(meetings: usize) -> (Session, B2b) {
    let organisations = meetings * 36 / 87;
    let mut session = synthetic_session(organisations, organisations * 278 / 36, meetings * 6)
        .expect("generates");
    select_for_b2b(&mut session, meetings);
    for organisation in session.organisations.iter_mut().step_by(7) {
        organisation.unavailable = vec!["14:40-15:20".parse().expect("a range")];
    }
    let settings = B2b {
        tables: u32::try_from(meetings * 10 / 87).expect("fits"),
        slot_min: 20,
        start: "14:00".parse().expect("a time"),
        breaks: vec!["15:40-16:00".parse().expect("a range")],
        ..B2b::default()
    };
    (session, settings)
}

/// Idle slots of every organisation between its first meeting and its last, and how
/// many organisations have meetings.
fn idle_slots(session: &Session, planned: &Planned) -> (usize, usize) {
    let mut slots_of: std::collections::HashMap<uuid::Uuid, Vec<u32>> = Default::default();
    for m in &planned.meetings {
        let Some(idea) = session.idea(m.idea) else {
            continue;
        };
        for o in &idea.organisations {
            slots_of.entry(*o).or_default().push(m.slot);
        }
    }
    let idle = slots_of
        .values()
        .map(|slots| {
            let (Some(first), Some(last)) = (slots.iter().min(), slots.iter().max()) else {
                return 0;
            };
            (last - first + 1) as usize - slots.len()
        })
        .sum();
    (idle, slots_of.len())
}

/// A lower bound that knows about unavailability: for each organisation, the rounds
/// until it has had as many available slots as it has meetings; the most of these.
fn bound_with_unavailability(session: &Session, settings: &B2b, planned: &Planned) -> usize {
    let slots = settings.slots();
    let mut meetings_of: std::collections::HashMap<uuid::Uuid, usize> = Default::default();
    let selected = synergies::b2b::selected_ideas(session);
    for idea in selected {
        for o in &idea.organisations {
            *meetings_of.entry(*o).or_default() += 1;
        }
    }
    let mut bound = planned.lower_bound;
    for organisation in &session.organisations {
        let Some(&needed) = meetings_of.get(&organisation.id) else {
            continue;
        };
        let mut available = 0;
        for (i, slot) in slots.iter().enumerate() {
            if !organisation.unavailable.iter().any(|r| r.overlaps(slot)) {
                available += 1;
            }
            if available == needed {
                bound = bound.max(i + 1);
                break;
            }
        }
    }
    bound
}

fn bench_plan(c: &mut Criterion) {
    let mut group = c.benchmark_group("b2b_plan");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for meetings in [87, 870] {
        let (session, settings) = workshop(meetings);
        let planned = plan(&session, &settings, &[]);
        let rounds = planned.rounds();
        let (idle, organisations) = idle_slots(&session, &planned);
        println!(
            "{meetings} meetings on {} tables: {rounds} rounds, lower bound {} ({} counting \
             unavailability), {} not placed, {idle} idle slots over {organisations} \
             organisations ({:.2} each)",
            settings.tables,
            planned.lower_bound,
            bound_with_unavailability(&session, &settings, &planned),
            planned.unscheduled.len(),
            idle as f64 / organisations.max(1) as f64,
        );
        // The same workshop with everybody available: the bound is then the formula's.
        let mut available = session.clone();
        for organisation in &mut available.organisations {
            organisation.unavailable.clear();
        }
        let free_plan = plan(&available, &settings, &[]);
        println!(
            "  with everybody available: {} rounds, lower bound {}",
            free_plan.rounds(),
            free_plan.lower_bound
        );
        group.bench_with_input(BenchmarkId::from_parameter(meetings), &meetings, |b, _| {
            b.iter(|| black_box(plan(black_box(&session), &settings, &[])));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_plan);
criterion_main!(benches);
