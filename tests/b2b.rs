//! The B2B meeting plan as a facilitator uses it: plan the selected ideas, move a meeting
//! by hand, plan again, save, merge; and the command line.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use synergies::b2b::{PlanView, clash, plan};
use synergies::merge::{MergeInput, merge, table_copies};
use synergies::model::b2b::{B2b, ClockTime, TimeRange};
use synergies::model::{Action, ActionError, Language, Session, Status, Workshop};
use synergies::store;
use synergies::synthetic::{select_for_b2b, synthetic_session};

const BIN: &str = env!("CARGO_BIN_EXE_synergies");

fn time(text: &str) -> ClockTime {
    text.parse().expect("a time")
}

fn range(text: &str) -> TimeRange {
    text.parse().expect("a range")
}

/// A workshop of 36 organisations with 87 ideas selected for the B2B meetings.
fn workshop_of(meetings: usize) -> Session {
    let mut session = synthetic_session(36, 278, 510).expect("generates");
    select_for_b2b(&mut session, meetings);
    session
}

/// Every hard rule of a plan, checked from the session alone.
fn assert_no_clash(session: &Session) {
    let b2b = &session.b2b;
    let slots = b2b.slots();
    let mut seats = HashSet::new();
    let mut busy = HashSet::new();
    for m in &b2b.meetings {
        assert!(m.table >= 1 && m.table <= b2b.tables, "table {}", m.table);
        let time = slots.get(m.slot as usize).expect("a slot of the day");
        assert!(
            !b2b.breaks.iter().any(|b| b.overlaps(time)),
            "a meeting in a break"
        );
        assert!(seats.insert((m.slot, m.table)), "two meetings at one table");
        let idea = session.idea(m.idea).expect("its idea");
        assert_eq!(idea.status, Status::Selected);
        for o in &idea.organisations {
            assert!(
                busy.insert((m.slot, *o)),
                "an organisation in two meetings at once"
            );
            let organisation = session.organisation(*o).expect("its organisation");
            assert!(
                !organisation.unavailable.iter().any(|r| r.overlaps(time)),
                "{} meets while unavailable",
                organisation.name
            );
        }
    }
}

#[test]
fn eighty_seven_selected_ideas_become_a_plan_without_clash_within_one_round_of_the_bound() {
    let mut session = workshop_of(87);
    session.b2b = B2b {
        tables: 10,
        slot_min: 20,
        start: time("14:00"),
        breaks: vec![range("15:20-15:40")],
        ..B2b::default()
    };
    // Two organisations cannot come early.
    session.organisations[0].unavailable = vec![range("14:00-14:40")];
    session.organisations[5].unavailable = vec![range("16:00-16:20")];
    let mut w = Workshop::new(session);
    let planned = plan(w.session(), &w.session().b2b, &[]);
    assert!(planned.unscheduled.is_empty(), "{:?}", planned.unscheduled);
    w.apply(Action::PlanB2b {
        meetings: planned.meetings,
    })
    .expect("planned");
    assert_no_clash(w.session());
    let view = PlanView::of(w.session(), &[], Language::Fr);
    assert_eq!(view.meetings.len(), 87);
    assert!(
        view.rounds <= view.lower_bound + 1,
        "{} rounds for a lower bound of {}",
        view.rounds,
        view.lower_bound
    );
    assert_eq!(
        w.undo_label(Language::Fr),
        Some("planifier les rendez-vous B2B")
    );
    w.undo();
    assert!(w.session().b2b.meetings.is_empty(), "one undo step");
}

#[test]
fn a_meeting_moved_by_hand_stays_through_a_re_plan_and_a_clash_is_refused_with_its_reason() {
    let mut w = Workshop::new(workshop_of(40));
    let planned = plan(w.session(), &w.session().b2b, &[]);
    w.apply(Action::PlanB2b {
        meetings: planned.meetings,
    })
    .expect("planned");
    let session = w.session().clone();
    let moved = session.b2b.meetings[0].clone();
    // A free cell it may go to.
    let (table, slot) = (0..session.b2b.slots().len() as u32)
        .rev()
        .flat_map(|slot| (1..=session.b2b.tables).map(move |table| (table, slot)))
        .find(|(table, slot)| {
            (*table, *slot) != (moved.table, moved.slot)
                && clash(&session, &session.b2b, moved.idea, *table, *slot).is_none()
        })
        .expect("a free cell");
    w.apply(Action::MoveMeeting {
        idea: moved.idea,
        table,
        slot,
    })
    .expect("moved");
    let placed = |w: &Workshop| {
        w.session()
            .b2b
            .meetings
            .iter()
            .find(|m| m.idea == moved.idea)
            .cloned()
            .expect("still planned")
    };
    assert!(placed(&w).locked, "a meeting moved by hand is locked");
    // Planning again leaves it where it was put.
    let again = plan(w.session(), &w.session().b2b, &[]);
    w.apply(Action::PlanB2b {
        meetings: again.meetings,
    })
    .expect("planned again");
    let kept = placed(&w);
    assert_eq!((kept.table, kept.slot, kept.locked), (table, slot, true));
    assert_no_clash(w.session());

    // Onto another meeting's table: refused, and said.
    let other = w
        .session()
        .b2b
        .meetings
        .iter()
        .find(|m| m.idea != moved.idea)
        .cloned()
        .expect("another meeting");
    let refused = w.apply(Action::MoveMeeting {
        idea: moved.idea,
        table: other.table,
        slot: other.slot,
    });
    let Err(ActionError::Clash(why)) = refused else {
        panic!("a clash is refused: {refused:?}");
    };
    let title = &w.session().idea(other.idea).expect("idea").title;
    assert_eq!(
        why.text(Language::Fr),
        format!("la table {} est prise par « {title} »", other.table)
    );
    // Unlocked, it may move again at the next planning.
    w.apply(Action::LockMeeting {
        idea: moved.idea,
        locked: false,
    })
    .expect("unlocked");
    assert!(!placed(&w).locked);
}

#[test]
fn ideas_that_cannot_meet_are_listed_with_the_reason() {
    let mut session = workshop_of(10);
    let lonely = session.ideas[0].id;
    session.ideas[0].organisations.truncate(1);
    // Two organisations never free at the same time.
    let pair = session.ideas[1].organisations.clone();
    session.b2b.start = time("14:00");
    session.b2b.slot_min = 30;
    for (n, id) in pair.iter().enumerate() {
        let o = session
            .organisations
            .iter_mut()
            .find(|o| o.id == *id)
            .expect("org");
        o.unavailable = vec![if n == 0 {
            range("00:00-18:00")
        } else {
            range("18:00-23:59")
        }];
    }
    let planned = plan(&session, &session.b2b, &[]);
    session.b2b.meetings = planned.meetings;
    let view = PlanView::of(&session, &planned.unscheduled, Language::Fr);
    let reason = |title: &str| {
        view.unscheduled
            .iter()
            .find(|u| u.title == title)
            .map(|u| u.reason.clone())
    };
    let lonely_title = session.idea(lonely).expect("idea").title.clone();
    assert_eq!(
        reason(&lonely_title).as_deref(),
        Some("il faut au moins deux organisations à l'idée")
    );
    assert_eq!(
        reason(&session.ideas[1].title).as_deref(),
        Some("ses organisations ne sont jamais disponibles en même temps")
    );
    assert_eq!(view.meetings.len(), 8);
}

#[test]
fn the_plan_and_unavailable_times_are_saved_and_survive_a_merge_of_table_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = workshop_of(20);
    session.organisations[2].unavailable = vec![range("14:00-14:30"), range("17:00-17:30")];
    let copies = table_copies(&session, "atelier", chrono::Utc::now());
    let mut w = Workshop::new(session);
    let planned = plan(w.session(), &w.session().b2b, &[]);
    w.apply(Action::PlanB2b {
        meetings: planned.meetings,
    })
    .expect("planned");
    let path = dir.path().join("atelier.ron");
    store::create(&path, w.session()).expect("saved");
    let loaded = store::load(&path).expect("loads").session;
    assert_eq!(loaded.b2b, w.session().b2b);
    assert_eq!(
        loaded.organisations[2].unavailable,
        vec![range("14:00-14:30"), range("17:00-17:30")]
    );
    // A table's copy, made before the plan, does not undo it.
    let inputs: Vec<MergeInput> = copies
        .into_iter()
        .map(|(name, session)| MergeInput {
            source: name,
            session,
        })
        .collect();
    let merged = merge(&loaded, "atelier.ron", &inputs, false)
        .expect("merges")
        .merged;
    assert_eq!(merged.b2b, loaded.b2b);
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

#[test]
fn the_command_line_plans_with_breaks_and_unavailable_times_as_json_text_and_agendas() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = workshop_of(87);
    let busy = session.organisations[0].name.clone();
    store::create(&dir.path().join("a.ron"), &session).expect("saved");
    let before = std::fs::read(dir.path().join("a.ron")).expect("read");
    let unavailable = format!("{busy}=14:00-14:40");
    let args = [
        "b2b",
        "a.ron",
        "--tables",
        "10",
        "--slot-min",
        "20",
        "--start",
        "14:00",
        "--break",
        "15:20-15:40",
        "--unavailable",
        &unavailable,
    ];
    let o = run(dir.path(), &[&args[..], &["--json"]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let meetings = json["meetings"].as_array().expect("meetings");
    assert_eq!(meetings.len(), 87);
    assert_eq!(json["unscheduled"].as_array().map(Vec::len), Some(0));
    let rounds = json["rounds"].as_u64().expect("rounds");
    let bound = json["lower_bound"].as_u64().expect("lower bound");
    assert!(rounds >= bound && rounds <= bound + 1, "{rounds} / {bound}");
    let mut seats = HashSet::new();
    let mut busy_at = HashSet::new();
    for m in meetings {
        let start = m["start"].as_str().expect("start").to_owned();
        let end = m["end"].as_str().expect("end");
        let table = m["table"].as_u64().expect("table");
        assert!((1..=10).contains(&table));
        assert!(seats.insert((start.clone(), table)), "double-booked table");
        let slot = range(&format!("{start}-{end}"));
        assert!(
            !slot.overlaps(&range("15:20-15:40")),
            "a meeting in the break"
        );
        for o in m["organisations"].as_array().expect("organisations") {
            let name = o.as_str().expect("name");
            assert!(
                busy_at.insert((start.clone(), name.to_owned())),
                "{name} twice at {start}"
            );
            if name == busy {
                assert!(
                    !slot.overlaps(&range("14:00-14:40")),
                    "{busy} is unavailable"
                );
            }
        }
        assert!(m["idea"].as_str().is_some_and(|t| !t.is_empty()));
    }

    let o = run(dir.path(), &[&args[..], &["-o", "agendas.pdf"]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("87 rendez-vous B2B en"), "{text}");
    assert!(text.contains("14:00-14:20"), "{text}");
    assert!(text.contains("agendas écrits : agendas.pdf"), "{text}");
    let pdf = std::fs::read(dir.path().join("agendas.pdf")).expect("the agendas");
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(
        std::fs::read(dir.path().join("a.ron")).expect("read"),
        before,
        "the session file is not changed"
    );

    for (bad, message) in [
        (
            &["--unavailable", "Nobody=14:00-15:00"][..],
            "error: --unavailable : aucune organisation ne s'appelle « Nobody »",
        ),
        (
            &["--break", "15:40-15:20"][..],
            "error: « 15:40-15:20 » n'est pas une plage horaire (attendu : 12:30-13:30)",
        ),
        (
            &["--tables", "0"][..],
            "error: --tables 0 : attendu un nombre de 1 à 500",
        ),
        (
            &["--start", "25:00"][..],
            "error: « 25:00 » n'est pas une heure (attendu : 14:00)",
        ),
    ] {
        let o = run(dir.path(), &[&["b2b", "a.ron"][..], bad].concat());
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end(), message);
    }
}
