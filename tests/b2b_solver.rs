//! The B2B solver on random meeting sets: it never double-books an organisation or a
//! table, keeps breaks (slots that are not in the problem), unavailability and locks, says
//! truly why a meeting is left out, and reaches the lower bound when the meetings form a
//! bipartite graph (suppliers meeting buyers).

use proptest::prelude::*;
use synergies::b2b::solver::{Problem, Solution, Unplaced, lower_bound, solve};

/// Checks every promise of `solution` for `problem`; the message says which failed.
fn check(problem: &Problem, solution: &Solution) -> Result<(), String> {
    if solution.placed.len() != problem.meetings.len() {
        return Err("one answer per meeting".into());
    }
    let distinct = |m: usize| {
        let mut orgs: Vec<usize> = problem.meetings[m]
            .iter()
            .copied()
            .filter(|&o| o < problem.organisations)
            .collect();
        orgs.sort_unstable();
        orgs.dedup();
        orgs
    };
    let available = |o: usize, slot: usize| {
        !problem
            .unavailable
            .get(o)
            .is_some_and(|slots| slots.contains(&slot))
    };
    let mut table_taken = std::collections::HashSet::new();
    let mut organisation_busy = std::collections::HashSet::new();
    for (m, placed) in solution.placed.iter().enumerate() {
        let orgs = distinct(m);
        let lock = problem.locked.get(m).copied().flatten();
        match placed {
            Ok((slot, table)) => {
                if *slot >= problem.slots || *table >= problem.tables {
                    return Err(format!("meeting {m} outside the grid: {slot}, {table}"));
                }
                if orgs.len() < 2 {
                    return Err(format!(
                        "meeting {m} placed with {} organisation",
                        orgs.len()
                    ));
                }
                if !table_taken.insert((*slot, *table)) {
                    return Err(format!("table {table} twice in slot {slot}"));
                }
                for &o in &orgs {
                    if !organisation_busy.insert((o, *slot)) {
                        return Err(format!("organisation {o} twice in slot {slot}"));
                    }
                    if !available(o, *slot) {
                        return Err(format!("organisation {o} unavailable in slot {slot}"));
                    }
                }
                if let Some(at) = lock
                    && at != (*slot, *table)
                {
                    return Err(format!("locked meeting {m} moved from {at:?}"));
                }
            }
            Err(Unplaced::TooFewOrganisations) if orgs.len() < 2 => {}
            Err(Unplaced::NeverAllAvailable)
                if orgs.len() >= 2
                    && !(0..problem.slots).any(|s| orgs.iter().all(|&o| available(o, s))) => {}
            Err(Unplaced::LockedClash { .. }) if lock.is_some() => {}
            Err(Unplaced::NoRoom) if lock.is_none() && orgs.len() >= 2 => {}
            Err(why) => return Err(format!("meeting {m} left out for a wrong reason: {why:?}")),
        }
    }
    // No room means no room: every slot where all are available is full or has one of
    // them busy.
    for (m, placed) in solution.placed.iter().enumerate() {
        if placed != &Err(Unplaced::NoRoom) {
            continue;
        }
        let orgs = distinct(m);
        for slot in 0..problem.slots {
            let full = (0..problem.tables).all(|t| table_taken.contains(&(slot, t)));
            let busy = orgs.iter().any(|&o| organisation_busy.contains(&(o, slot)));
            if orgs.iter().all(|&o| available(o, slot)) && !full && !busy {
                return Err(format!(
                    "meeting {m} not placed though slot {slot} is free for it"
                ));
            }
        }
    }
    Ok(())
}

/// Rounds used: the last slot with a meeting, plus one.
fn rounds(solution: &Solution) -> usize {
    solution
        .placed
        .iter()
        .filter_map(|p| p.as_ref().ok().map(|(slot, _)| slot + 1))
        .max()
        .unwrap_or(0)
}

/// A random problem: 2 to 16 organisations, up to 60 meetings of one to four of them
/// (a few with a repeated or unknown organisation), 0 to 8 tables, up to 24 slots, some
/// unavailability and some locks (some of them clashing).
fn any_problem() -> impl Strategy<Value = Problem> {
    (2usize..16, 0usize..9, 0usize..24).prop_flat_map(|(organisations, tables, slots)| {
        let meeting = prop::collection::vec(0..organisations + 1, 1..5);
        let meetings = prop::collection::vec(meeting, 0..60);
        let unavailable = prop::collection::vec(
            prop::collection::vec(0..slots.max(1), 0..4),
            0..organisations,
        );
        let lock = prop::option::weighted(0.15, (0..slots.max(1) + 1, 0..tables.max(1) + 1));
        let locked = prop::collection::vec(lock, 0..60);
        (meetings, unavailable, locked).prop_map(move |(meetings, unavailable, locked)| Problem {
            organisations,
            meetings,
            tables,
            slots,
            unavailable,
            locked,
        })
    })
}

/// Suppliers `0..left` meet buyers `left..left+right`, two at a time; every slot is
/// open to all and nothing is locked.
fn bipartite_problem() -> impl Strategy<Value = Problem> {
    (1usize..10, 1usize..10, 1usize..9).prop_flat_map(|(left, right, tables)| {
        let pair = (0..left, 0..right).prop_map(move |(a, b)| vec![a, left + b]);
        prop::collection::vec(pair, 1..70).prop_map(move |meetings| Problem {
            organisations: left + right,
            slots: 200,
            tables,
            meetings,
            unavailable: Vec::new(),
            locked: Vec::new(),
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_planner_never_double_books_and_keeps_unavailability_locks_and_reasons(
        problem in any_problem()
    ) {
        let solution = solve(&problem);
        if let Err(broken) = check(&problem, &solution) {
            return Err(TestCaseError::fail(format!("{broken}\n{problem:?}\n{solution:?}")));
        }
        prop_assert_eq!(solve(&problem), solution, "the same problem gives the same plan");
    }

    #[test]
    fn bipartite_meetings_are_planned_in_the_lower_bound(problem in bipartite_problem()) {
        let solution = solve(&problem);
        prop_assert!(check(&problem, &solution).is_ok());
        prop_assert!(solution.placed.iter().all(Result::is_ok), "all placed");
        prop_assert_eq!(rounds(&solution), lower_bound(&problem));
    }
}

#[test]
fn the_lower_bound_is_the_busiest_organisation_or_the_meetings_over_the_tables() {
    // Organisation 0 is in four meetings; seven meetings on two tables need four rounds
    // too; on one table, seven.
    let mut problem = Problem {
        organisations: 8,
        meetings: vec![
            vec![0, 1],
            vec![0, 2],
            vec![0, 3],
            vec![0, 4],
            vec![5, 6],
            vec![5, 7],
            vec![6, 7],
        ],
        tables: 2,
        slots: 12,
        ..Problem::default()
    };
    assert_eq!(lower_bound(&problem), 4);
    problem.tables = 1;
    assert_eq!(lower_bound(&problem), 7);
    problem.tables = 10;
    assert_eq!(lower_bound(&problem), 4);
    // A meeting of one organisation does not count.
    problem.meetings.push(vec![0, 0]);
    assert_eq!(lower_bound(&problem), 4);
    let solution = solve(&problem);
    assert_eq!(solution.placed[7], Err(Unplaced::TooFewOrganisations));
    // The triangle 5-6-7 is not bipartite: still three rounds are enough.
    assert!(check(&problem, &solution).is_ok());
    assert_eq!(rounds(&solution), 4);
}

#[test]
fn a_three_party_meeting_waits_for_its_three_organisations_and_a_lock_stays() {
    // 0, 1 and 2 pool a collection; 1 is unavailable in slots 0 and 1; the meeting of 0
    // and 3 is locked in slot 2 at table 1.
    let problem = Problem {
        organisations: 4,
        meetings: vec![vec![0, 1, 2], vec![0, 3], vec![1, 3]],
        tables: 2,
        slots: 6,
        unavailable: vec![vec![], vec![0, 1]],
        locked: vec![None, Some((2, 1))],
    };
    let solution = solve(&problem);
    assert!(check(&problem, &solution).is_ok(), "{solution:?}");
    assert_eq!(solution.placed[1], Ok((2, 1)));
    let Ok((slot, _)) = solution.placed[0] else {
        panic!("the pooling meeting is placed: {solution:?}");
    };
    assert!(slot > 2, "after 1's unavailability, not with the lock");
}

#[test]
fn two_locks_in_one_place_keep_the_first_and_say_which_one_is_in_the_way() {
    let problem = Problem {
        organisations: 4,
        meetings: vec![vec![0, 1], vec![2, 3], vec![0, 2]],
        tables: 3,
        slots: 4,
        unavailable: Vec::new(),
        // The second takes the first's table; the third has 0 busy in slot 1.
        locked: vec![Some((1, 0)), Some((1, 0)), Some((1, 2))],
    };
    let solution = solve(&problem);
    assert_eq!(solution.placed[0], Ok((1, 0)));
    assert_eq!(
        solution.placed[1],
        Err(Unplaced::LockedClash { with: Some(0) })
    );
    assert_eq!(
        solution.placed[2],
        Err(Unplaced::LockedClash { with: Some(0) })
    );
}

#[test]
fn a_day_too_short_places_what_it_can_and_says_no_room_for_the_rest() {
    // Six meetings of organisation 0 in a day of four slots.
    let problem = Problem {
        organisations: 7,
        meetings: (1..7).map(|o| vec![0, o]).collect(),
        tables: 5,
        slots: 4,
        ..Problem::default()
    };
    let solution = solve(&problem);
    assert!(check(&problem, &solution).is_ok(), "{solution:?}");
    let placed = solution.placed.iter().filter(|p| p.is_ok()).count();
    assert_eq!(placed, 4);
    assert_eq!(
        solution
            .placed
            .iter()
            .filter(|p| **p == Err(Unplaced::NoRoom))
            .count(),
        2
    );
}

#[test]
fn idle_gaps_are_closed_when_the_rounds_allow_it() {
    // A chain 0-1, 1-2, 2-3, 3-4: two rounds suffice; each organisation in two meetings
    // has them back to back.
    let problem = Problem {
        organisations: 5,
        meetings: vec![vec![0, 1], vec![1, 2], vec![2, 3], vec![3, 4]],
        tables: 4,
        slots: 8,
        ..Problem::default()
    };
    let solution = solve(&problem);
    assert!(check(&problem, &solution).is_ok());
    assert_eq!(rounds(&solution), 2);
}
