//! Several laptops, one workshop: table copies merged into the lead's session.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use synergies::merge::{FolderWatch, MergeInput, WatchEvent, merge, table_copies};
use synergies::model::text::fold;
use synergies::model::{
    Action, Idea, Language, Organisation, Session, Status, Timestamp, Workshop,
};
use synergies::store;
use synergies::synthetic::synthetic_session;

const BIN: &str = env!("CARGO_BIN_EXE_synergies");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

fn at(seconds: i64) -> Timestamp {
    Utc.timestamp_opt(1_795_000_000 + seconds, 0)
        .single()
        .expect("a valid time")
}

/// The prepared session: 36 organisations, 6 tables, no ideas yet.
fn prepared() -> Session {
    let mut session = synthetic_session(36, 60, 0).expect("builds");
    session.ideas.clear();
    session.clusters.clear();
    session
}

#[test]
fn six_tables_of_85_ideas_make_one_session_of_510() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lead = prepared();
    let lead_path = dir.path().join("atelier.ron");
    store::create(&lead_path, &lead).expect("saved");
    let o = run(dir.path(), &["table-copies", "atelier.ron", "copies"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut copies: Vec<_> = std::fs::read_dir(dir.path().join("copies"))
        .expect("listed")
        .flatten()
        .map(|e| e.path())
        .collect();
    copies.sort();
    assert_eq!(copies.len(), 6);

    let mut titles = HashSet::new();
    for (t, path) in copies.iter().enumerate() {
        let session = store::load(path).expect("a copy loads").session;
        let copy = session
            .table_copy
            .clone()
            .expect("marked as a table's copy");
        assert_eq!(session.id, lead.id);
        let mut w = Workshop::new(session);
        // The same newcomer registers at two tables: it must become one organisation.
        let newcomer = Organisation::new(if t % 2 == 0 {
            "Ferme des Écureuils"
        } else {
            " ferme des ecureuils "
        });
        let newcomer_id = newcomer.id;
        if t < 2 {
            w.apply(Action::AddOrganisation(newcomer)).expect("added");
        }
        for i in 0..85 {
            let mut idea = Idea::new(format!("Table {} — idée {i}", t + 1));
            idea.table = Some(copy.table);
            idea.facilitator = copy.facilitator;
            idea.votes = (i % 7) as u32;
            idea.organisations = vec![w.session().organisations[(t * 5 + i) % 36].id];
            if t < 2 && i == 0 {
                idea.organisations.push(newcomer_id);
            }
            titles.insert(idea.title.clone());
            w.apply(Action::AddIdea(idea)).expect("added");
        }
        store::save(path, w.session()).expect("saved");
    }

    let mut args = vec!["merge", "atelier.ron"];
    let names: Vec<String> = copies.iter().map(|p| p.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let o = run(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let merged = store::load(&lead_path).expect("loads").session;
    assert_eq!(merged.ideas.len(), 510);
    let merged_titles: HashSet<_> = merged.ideas.iter().map(|i| i.title.clone()).collect();
    assert_eq!(merged_titles, titles, "every idea exactly once");
    assert!(
        merged.table_copy.is_none(),
        "the lead's session is not a copy"
    );
    let newcomers: Vec<_> = merged
        .organisations
        .iter()
        .filter(|o| fold(&o.name) == "ferme des ecureuils")
        .collect();
    assert_eq!(
        newcomers.len(),
        1,
        "one organisation, registered at two tables"
    );
    let newcomer = newcomers[0].id;
    let involving: Vec<_> = merged
        .ideas
        .iter()
        .filter(|i| i.organisations.contains(&newcomer))
        .collect();
    assert_eq!(
        involving.len(),
        2,
        "both tables' ideas follow the one organisation"
    );
    assert!(synergies::model::check::check(&merged).is_empty());

    // Merging the same files again changes nothing.
    let before = std::fs::read(&lead_path).expect("read");
    let o = run(dir.path(), &args);
    assert!(o.status.success());
    let again = store::load(&lead_path).expect("loads").session;
    assert_eq!(again, merged);
    assert_ne!(before.len(), 0);
}

#[test]
fn a_conflict_keeps_the_later_change_and_is_reported_with_both_values() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lead = prepared();
    let mut idea = Idea::new("Palettes partagées");
    idea.created = at(0);
    idea.modified = at(0);
    lead.ideas.push(idea.clone());
    let copies = table_copies(&lead, "atelier", at(10));
    let mut a = copies[0].1.clone();
    let mut b = copies[1].1.clone();
    a.ideas[0].votes = 5;
    a.ideas[0].modified = at(20);
    b.ideas[0].votes = 9;
    b.ideas[0].status = Status::Selected;
    b.ideas[0].modified = at(30);
    store::create(&dir.path().join("atelier.ron"), &lead).expect("saved");
    store::create(&dir.path().join("a.ron"), &a).expect("saved");
    store::create(&dir.path().join("b.ron"), &b).expect("saved");

    let o = run(dir.path(), &["merge", "atelier.ron", "a.ron", "b.ron"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let conflict = out
        .lines()
        .find(|l| l.starts_with("conflit :"))
        .unwrap_or_else(|| panic!("no conflict reported: {out}"));
    assert!(conflict.contains("Palettes partagées"), "{conflict}");
    assert!(conflict.contains("votes: 5 → 9"), "{conflict}");
    assert!(
        conflict.contains("gardé b.ron") && conflict.contains("écarté a.ron"),
        "{conflict}"
    );
    let merged = store::load(&dir.path().join("atelier.ron"))
        .expect("loads")
        .session;
    assert_eq!(merged.ideas[0].votes, 9);
    assert_eq!(merged.ideas[0].status, Status::Selected);

    // A change on one laptop only is no conflict.
    let report = merge(
        &lead,
        "atelier.ron",
        &[MergeInput {
            source: "a.ron".into(),
            session: a.clone(),
        }],
        false,
    )
    .expect("merges");
    assert!(report.conflicts.is_empty());
    assert_eq!(report.merged.ideas[0].votes, 5);
}

#[test]
fn a_file_of_another_session_is_refused_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lead = prepared();
    let mut other = prepared();
    other.ideas.push(Idea::new("Une idée d'un autre atelier"));
    store::create(&dir.path().join("atelier.ron"), &lead).expect("saved");
    store::create(&dir.path().join("autre.ron"), &other).expect("saved");
    let before = std::fs::read(dir.path().join("atelier.ron")).expect("read");

    let o = run(dir.path(), &["merge", "atelier.ron", "autre.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let message = String::from_utf8_lossy(&o.stderr);
    assert!(
        message.starts_with("error:") && message.contains("autre.ron"),
        "{message}"
    );
    assert!(message.contains("autre atelier"), "{message}");
    assert_eq!(
        std::fs::read(dir.path().join("atelier.ron")).expect("read"),
        before
    );

    let o = run(
        dir.path(),
        &["merge", "atelier.ron", "autre.ron", "--force"],
    );
    assert!(o.status.success());
    let merged = store::load(&dir.path().join("atelier.ron"))
        .expect("loads")
        .session;
    assert_eq!(merged.ideas.len(), 1);

    // A corrupt input: nothing is merged, and the message names it.
    std::fs::write(dir.path().join("abime.ron"), "(format: ").expect("written");
    let before = std::fs::read(dir.path().join("atelier.ron")).expect("read");
    let o = run(
        dir.path(),
        &["merge", "atelier.ron", "autre.ron", "abime.ron", "--force"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("abime.ron"));
    assert_eq!(
        std::fs::read(dir.path().join("atelier.ron")).expect("read"),
        before
    );
}

#[test]
fn a_watched_folder_hands_over_a_file_only_once_it_is_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lead_path = dir.path().join("atelier.ron");
    let lead = prepared();
    store::create(&lead_path, &lead).expect("saved");
    let settle = Duration::from_millis(300);
    let mut watch =
        FolderWatch::start(dir.path(), Some(&lead_path), settle, Language::Fr).expect("watches");

    let copy = table_copies(&lead, "atelier", Utc::now()).remove(0).1;
    let text = store::to_ron(&copy).expect("encodes");
    let path = dir.path().join("table-1.ron");
    // The file arrives in two pieces, as a slow copy writes it.
    std::fs::write(&path, &text.as_bytes()[..text.len() / 2]).expect("written");
    std::fs::write(dir.path().join(".atelier.autosave.ron"), &text).expect("written");
    let start = Instant::now();
    assert!(watch.poll(start).is_empty(), "not still long enough yet");
    std::thread::sleep(Duration::from_millis(150));
    std::fs::write(&path, &text).expect("written");
    let mut ready = Vec::new();
    while ready.is_empty() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
        ready = watch.poll(Instant::now());
    }
    assert_eq!(
        ready,
        vec![WatchEvent::Ready(path.clone())],
        "only the table file, whole"
    );
    let loaded = store::load(&path).expect("the handed-over file is whole");
    assert_eq!(loaded.session, copy);
    watch.handled(&path);
    std::thread::sleep(Duration::from_millis(400));
    assert!(
        watch.poll(Instant::now()).is_empty(),
        "not handed over twice"
    );

    // Changed later: handed over again.
    std::thread::sleep(Duration::from_millis(20));
    let mut changed = copy.clone();
    changed.ideas.push(Idea::new("Arrivée plus tard"));
    store::save(&path, &changed).expect("saved");
    let mut ready = Vec::new();
    let start = Instant::now();
    while ready.is_empty() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
        ready = watch.poll(Instant::now());
    }
    assert_eq!(ready, vec![WatchEvent::Ready(path)]);
}

/// An edit a laptop may make, at a given second.
#[derive(Clone, Debug)]
enum Edit {
    AddIdea {
        title: u8,
        votes: u32,
        second: i64,
    },
    Vote {
        idea: usize,
        votes: u32,
        second: i64,
    },
    AddOrganisation {
        name: u8,
        second: i64,
    },
    Group {
        idea: usize,
        cluster: u8,
        second: i64,
    },
    DeleteIdea {
        idea: usize,
        second: i64,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0u8..20, 0u32..10, 1i64..100).prop_map(|(title, votes, second)| Edit::AddIdea {
            title,
            votes,
            second
        }),
        (0usize..10, 0u32..10, 1i64..100).prop_map(|(idea, votes, second)| Edit::Vote {
            idea,
            votes,
            second
        }),
        (0u8..4, 1i64..100).prop_map(|(name, second)| Edit::AddOrganisation { name, second }),
        (0usize..10, 0u8..3, 1i64..100).prop_map(|(idea, cluster, second)| Edit::Group {
            idea,
            cluster,
            second
        }),
        (0usize..10, 1i64..100).prop_map(|(idea, second)| Edit::DeleteIdea { idea, second }),
    ]
}

fn base_session() -> Session {
    let mut session = Session::new("Atelier");
    let mut w = Workshop::new(session.clone());
    for i in 0..5 {
        let mut idea = Idea::new(format!("Idée de départ {i}"));
        idea.votes = i;
        w.apply_at(Action::AddIdea(idea), at(0)).expect("added");
    }
    session = w.into_session();
    session
}

/// A laptop's copy with its edits applied (edits that the model refuses are skipped).
fn laptop(base: &Session, edits: &[Edit]) -> Session {
    let mut w = Workshop::new(base.clone());
    for e in edits {
        let result = match e {
            Edit::AddIdea {
                title,
                votes,
                second,
            } => {
                let mut idea = Idea::new(format!("Idée {title}"));
                idea.votes = *votes;
                w.apply_at(Action::AddIdea(idea), at(*second))
            }
            Edit::Vote {
                idea,
                votes,
                second,
            } => {
                let Some(id) = nth_idea(&w, *idea) else {
                    continue;
                };
                w.apply_at(
                    Action::SetVotes {
                        idea: id,
                        votes: *votes,
                    },
                    at(*second),
                )
            }
            Edit::AddOrganisation { name, second } => w.apply_at(
                Action::AddOrganisation(Organisation::new(format!("Structure {name}"))),
                at(*second),
            ),
            Edit::Group {
                idea,
                cluster,
                second,
            } => {
                let Some(id) = nth_idea(&w, *idea) else {
                    continue;
                };
                let name = format!("Regroupement {cluster}");
                let target = match w.session().clusters.iter().find(|c| c.name == name) {
                    Some(c) => synergies::model::ClusterTarget::Existing(c.id),
                    None => synergies::model::ClusterTarget::New(synergies::model::Cluster::new(
                        name,
                        synergies::model::Colour::nth(0),
                    )),
                };
                w.apply_at(
                    Action::GroupIdeas {
                        ideas: vec![id],
                        target,
                    },
                    at(*second),
                )
            }
            Edit::DeleteIdea { idea, second } => {
                let Some(id) = nth_idea(&w, *idea) else {
                    continue;
                };
                w.apply_at(Action::RemoveIdeas(vec![id]), at(*second))
            }
        };
        let _ = result;
    }
    w.into_session()
}

/// The `n`-th idea of the laptop's session, round and round; none when it has none.
fn nth_idea(w: &Workshop, n: usize) -> Option<uuid::Uuid> {
    let ideas = &w.session().ideas;
    ideas.get(n % ideas.len().max(1)).map(|i| i.id)
}

fn input(name: &str, session: &Session) -> MergeInput {
    MergeInput {
        source: name.to_owned(),
        session: session.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn merging_ignores_the_order_of_the_files(
        a in proptest::collection::vec(edit(), 0..12),
        b in proptest::collection::vec(edit(), 0..12),
        c in proptest::collection::vec(edit(), 0..12),
    ) {
        let base = base_session();
        let (a, b, c) = (laptop(&base, &a), laptop(&base, &b), laptop(&base, &c));
        let abc = merge(&base, "base", &[input("a", &a), input("b", &b), input("c", &c)], false)
            .expect("merges").merged;
        let cab = merge(&base, "base", &[input("c", &c), input("a", &a), input("b", &b)], false)
            .expect("merges").merged;
        let bca = merge(&base, "base", &[input("b", &b), input("c", &c), input("a", &a)], false)
            .expect("merges").merged;
        prop_assert_eq!(&abc, &cab);
        prop_assert_eq!(&abc, &bca);
        // And the base may be any of them: the lead's file is one version among others.
        let from_a = merge(&a, "a", &[input("base", &base), input("b", &b), input("c", &c)], false)
            .expect("merges").merged;
        prop_assert_eq!(&abc.ideas, &from_a.ideas);
        prop_assert_eq!(&abc.organisations, &from_a.organisations);
        prop_assert_eq!(&abc.clusters, &from_a.clusters);
        prop_assert!(synergies::model::check::check(&abc).iter().all(|f| f.severity != synergies::model::check::Severity::Error));
    }

    #[test]
    fn merging_a_file_twice_changes_nothing(
        a in proptest::collection::vec(edit(), 0..12),
        b in proptest::collection::vec(edit(), 0..12),
    ) {
        let base = base_session();
        let (a, b) = (laptop(&base, &a), laptop(&base, &b));
        let once = merge(&base, "base", &[input("a", &a), input("b", &b)], false).expect("merges");
        let twice = merge(&once.merged, "base", &[input("a", &a)], false).expect("merges");
        prop_assert_eq!(&twice.merged, &once.merged);
        prop_assert!(twice.is_empty(), "{}", twice.summary(synergies::model::Language::En));
        let doubled = merge(&base, "base", &[input("a", &a), input("a again", &a), input("b", &b)], false)
            .expect("merges");
        prop_assert_eq!(&doubled.merged, &once.merged);
    }
}

/// The lead and a table's copy of the same session, prepared at `at(0)`.
fn lead_and_table() -> (Session, Session) {
    let lead = with_a_table(&base_session());
    let copies = synergies::merge::table_copies(&lead, "atelier", at(1));
    let table = copies.into_iter().next().expect("one copy").1;
    (lead, table)
}

fn with_a_table(session: &Session) -> Session {
    let mut session = session.clone();
    if session.tables.is_empty() {
        let mut table = synergies::model::Table::new("Table 1");
        table.created = at(0);
        table.modified = at(0);
        session.tables.push(table);
    }
    session
}

#[test]
fn an_idea_the_lead_deleted_stays_deleted_through_any_number_of_re_merges() {
    let (lead, table) = lead_and_table();
    let gone = lead.ideas[2].clone();
    let mut w = Workshop::new(lead);
    w.apply_at(Action::RemoveIdeas(vec![gone.id]), at(10))
        .expect("deleted");
    let mut session = w.into_session();
    assert!(session.deleted.iter().any(|d| d.id == gone.id));
    // The table's file still holds the idea, unchanged: each merge leaves it out.
    for _ in 0..4 {
        let report =
            merge(&session, "lead", &[input("table-1.ron", &table)], false).expect("merges");
        assert!(
            report.merged.idea(gone.id).is_none(),
            "it does not come back"
        );
        assert!(report.added.is_empty(), "{:?}", report.added);
        session = report.merged;
    }
    // Nor in the app, where a merge is one undo step.
    let mut w = Workshop::new(session.clone());
    let report =
        merge(w.session(), "lead", &[input("table-1.ron", &table)], false).expect("merges");
    assert!(report.is_empty(), "{}", report.summary(Language::Fr));
    let _ = w.apply_at(
        Action::Merge {
            merged: Box::new(report.merged),
            files: 1,
        },
        at(20),
    );
    assert!(w.session().idea(gone.id).is_none());
}

#[test]
fn a_deletion_on_a_table_laptop_reaches_the_lead_and_an_edit_made_after_it_brings_the_idea_back() {
    let (lead, table) = lead_and_table();
    let id = lead.ideas[1].id;
    // The table deletes the idea at 10.
    let mut t = Workshop::new(table);
    t.apply_at(Action::RemoveIdeas(vec![id]), at(10))
        .expect("deleted");
    let table = t.into_session();
    let report = merge(&lead, "lead", &[input("table-1.ron", &table)], false).expect("merges");
    assert!(
        report.merged.idea(id).is_none(),
        "the table's deletion is merged"
    );
    assert_eq!(report.deleted.get("ideas"), Some(&1));
    assert!(
        report.summary(Language::Fr).contains("supprimé : 1 idée"),
        "{}",
        report.summary(Language::Fr)
    );

    // The lead had voted on it at 30, after the table's deletion: it stays, and is named.
    let mut l = Workshop::new(lead);
    l.apply_at(Action::SetVotes { idea: id, votes: 9 }, at(30))
        .expect("voted");
    let lead = l.into_session();
    let report = merge(&lead, "lead", &[input("table-1.ron", &table)], false).expect("merges");
    let kept = report
        .merged
        .idea(id)
        .expect("brought back by the later vote");
    assert_eq!(kept.votes, 9);
    let summary = report.summary(Language::Fr);
    assert!(
        summary.contains("de retour après une suppression"),
        "{summary}"
    );
    assert!(summary.contains(&kept.title), "{summary}");
}

#[test]
fn deleting_an_organisation_takes_its_references_along_in_the_merge() {
    let (mut lead, _) = lead_and_table();
    let mut w = Workshop::new(lead.clone());
    let org = Organisation::new("Scierie du Bourg");
    let org_id = org.id;
    w.apply_at(Action::AddOrganisation(org), at(2))
        .expect("added");
    let idea = lead.ideas[0].clone();
    let mut linked = idea.clone();
    linked.organisations.push(org_id);
    w.apply_at(Action::UpdateIdea(linked), at(3))
        .expect("linked");
    lead = w.into_session();
    let copies = synergies::merge::table_copies(&lead, "atelier", at(4));
    let table = copies.into_iter().next().expect("one copy").1;

    let mut w = Workshop::new(lead);
    w.apply_at(Action::RemoveOrganisation(org_id), at(10))
        .expect("deleted");
    let lead = w.into_session();
    let report = merge(&lead, "lead", &[input("table-1.ron", &table)], false).expect("merges");
    assert!(report.merged.organisation(org_id).is_none());
    let merged_idea = report.merged.idea(idea.id).expect("the idea stays");
    assert!(!merged_idea.organisations.contains(&org_id));
    assert!(synergies::model::check::check(&report.merged).is_empty());
}
