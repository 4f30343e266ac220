//! The merge of three table laptops' files, each edited by a fuzzed script from one small
//! session: merging ignores the order of the files, merging a file twice changes
//! nothing, and merging one file at a time gives what merging them all at once does.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use chrono::TimeZone;
use libfuzzer_sys::fuzz_target;
use synergies::merge::{MergeInput, merge, table_copies};
use synergies::model::{
    Action, Cluster, ClusterTarget, Colour, Idea, Session, Status, Table, Timestamp, Workshop,
};

#[derive(Arbitrary, Debug)]
enum Op {
    TypeVotes {
        idea: u8,
        votes: u8,
    },
    AddVotes {
        idea: u8,
        delta: i8,
    },
    Retitle {
        idea: u8,
        title: u8,
    },
    Delete {
        idea: u8,
    },
    Add {
        title: u8,
    },
    Group {
        idea: u8,
        cluster: u8,
    },
    Triage {
        idea: u8,
        status: u8,
    },
    /// Dismisses the suggestion pairing two of four resource sheets.
    Dismiss {
        first: u8,
        second: u8,
    },
}

#[derive(Arbitrary, Debug)]
struct Step {
    laptop: u8,
    second: u8,
    op: Op,
}

fn at(seconds: i64) -> Timestamp {
    chrono::Utc
        .timestamp_opt(1_795_000_000 + seconds, 0)
        .single()
        .unwrap_or_default()
}

/// The lead's session (three tables, five ideas) and its three tables' copies.
fn start() -> &'static (Session, Vec<Session>) {
    static START: OnceLock<(Session, Vec<Session>)> = OnceLock::new();
    START.get_or_init(|| {
        let mut session = Session::new("Atelier");
        session.created = at(0);
        // Small, so that each run is quick: the categories play no part in these edits.
        session.categories.clear();
        for n in 1..=3 {
            let mut table = Table::new(format!("Table {n}"));
            table.created = at(0);
            table.modified = at(0);
            session.tables.push(table);
        }
        for n in 0..5 {
            let mut idea = Idea::new(format!("Idée {n}"));
            idea.created = at(0);
            idea.modified = at(0);
            idea.votes = n;
            session.ideas.push(idea);
        }
        let copies = table_copies(&session, "atelier", at(1))
            .into_iter()
            .map(|(_, copy)| copy)
            .collect();
        (session, copies)
    })
}

fn nth_idea(w: &Workshop, n: u8) -> Option<uuid::Uuid> {
    let ideas = &w.session().ideas;
    ideas.get(usize::from(n) % ideas.len().max(1)).map(|i| i.id)
}

fn play(w: &mut Workshop, step: &Step) {
    let when = at(2 + i64::from(step.second));
    let action = match step.op {
        Op::TypeVotes { idea, votes } => nth_idea(w, idea).map(|idea| Action::SetVotes {
            idea,
            votes: u32::from(votes),
        }),
        Op::AddVotes { idea, delta } => nth_idea(w, idea).map(|idea| Action::AddVotes {
            idea,
            delta: i32::from(delta),
        }),
        Op::Retitle { idea, title } => nth_idea(w, idea)
            .and_then(|id| w.session().idea(id).cloned())
            .map(|mut idea| {
                idea.title = format!("Titre {title}");
                Action::UpdateIdea(idea)
            }),
        Op::Delete { idea } => nth_idea(w, idea).map(|id| Action::RemoveIdeas(vec![id])),
        Op::Add { title } => Some(Action::AddIdea(Idea::new(format!("Nouvelle {title}")))),
        Op::Group { idea, cluster } => nth_idea(w, idea).map(|id| {
            let name = format!("Regroupement {}", cluster % 3);
            let target = match w.session().clusters.iter().find(|c| c.name == name) {
                Some(c) => ClusterTarget::Existing(c.id),
                None => ClusterTarget::New(Cluster::new(name, Colour::nth(0))),
            };
            Action::GroupIdeas {
                ideas: vec![id],
                target,
            }
        }),
        Op::Triage { idea, status } => nth_idea(w, idea).map(|id| Action::SetStatus {
            ideas: vec![id],
            status: match status % 4 {
                0 => Status::Proposed,
                1 => Status::Selected,
                2 => Status::Abandoned,
                _ => Status::ToDeepen,
            },
        }),
        Op::Dismiss { first, second } => Some(Action::DismissSuggestion {
            fiches: [first, second]
                .iter()
                .map(|n| uuid::Uuid::from_u128(u128::from(n % 4) + 1))
                .collect(),
        }),
    };
    if let Some(action) = action {
        // The model may refuse an action (nothing to do): that is not a finding.
        let _ = w.apply_at(action, when);
    }
}

fn input(name: &str, session: &Session) -> MergeInput {
    MergeInput {
        source: name.to_owned(),
        session: session.clone(),
    }
}

fuzz_target!(|steps: Vec<Step>| {
    let (lead, copies) = start();
    let mut laptops: Vec<Workshop> = copies.iter().cloned().map(Workshop::new).collect();
    for step in steps.iter().take(48) {
        let n = usize::from(step.laptop) % laptops.len();
        play(&mut laptops[n], step);
    }
    let [a, b, c] = [0, 1, 2].map(|n| laptops[n].session().clone());
    let merged = |base: &Session, inputs: &[MergeInput]| {
        merge(base, "atelier.ron", inputs, false)
            .expect("copies of one session merge")
            .merged
    };
    let abc = merged(lead, &[input("a", &a), input("b", &b), input("c", &c)]);
    let cba = merged(lead, &[input("c", &c), input("b", &b), input("a", &a)]);
    assert_eq!(abc, cba, "the order of the files does not matter");
    let again = merge(&abc, "atelier.ron", &[input("a", &a)], false).expect("merges");
    assert!(again.is_empty(), "merging a file twice changes nothing");
    let step = merged(lead, &[input("a", &a)]);
    let step = merged(&step, &[input("b", &b)]);
    let step = merged(&step, &[input("c", &c)]);
    assert_eq!(step.ideas, abc.ideas, "one at a time or all at once");
    assert_eq!(step.clusters, abc.clusters, "one at a time or all at once");
    assert_eq!(
        step.dismissed, abc.dismissed,
        "one at a time or all at once"
    );
});
