//! Session files: round trip, refusal of corrupt files (left untouched), migration,
//! backups, autosave and recovery.

use std::fs;
use std::path::Path;
use std::time::Duration;

use synergies::example::example_session;
use synergies::model::{Action, Session, Workshop};
use synergies::store::{
    self, Autosaver, BACKUPS_KEPT, StoreError, atomic, autosave_path, discard_autosave,
    find_recovery,
};

fn saved_example(dir: &Path) -> (std::path::PathBuf, Session) {
    let path = dir.join("atelier.ron");
    let session = example_session().expect("builds");
    store::create(&path, &session).expect("saved");
    (path, session)
}

#[test]
fn a_saved_session_loads_back_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, session) = saved_example(dir.path());
    let loaded = store::load(&path).expect("loads");
    assert_eq!(loaded.session, session);
    assert_eq!(loaded.file_version, store::format::FORMAT_VERSION);
}

#[test]
fn the_shipped_example_loads_without_warnings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/atelier-exemple.ron");
    let loaded = store::load(&path).expect("the shipped example loads");
    let findings = synergies::model::check::check(&loaded.session);
    assert!(findings.is_empty(), "{findings:?}");
    assert!(loaded.session.ideas.len() >= 55);
}

#[test]
fn text_with_accents_quotes_and_newlines_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = Session::new("Atelier « Cœur de Bastide » — l'été");
    let mut w = Workshop::new(session.clone());
    let mut idea = synergies::model::Idea::new("Idée \"entre guillemets\"\nsur deux lignes");
    idea.description = "é è ê à ç œ « » ’ … \\ \t 😀".repeat(200);
    w.apply(Action::AddIdea(idea)).expect("added");
    session = w.into_session();
    let path = dir.path().join("accents.ron");
    store::create(&path, &session).expect("saved");
    assert_eq!(store::load(&path).expect("loads").session, session);
}

/// Asserts that loading `bytes` is refused with an error matching `expected` that names
/// the file, and that the file is still byte for byte what it was.
fn assert_refused(name: &str, bytes: &[u8], expected: fn(&StoreError) -> bool) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("written");
    let error = store::load(&path).expect_err("refused");
    assert!(expected(&error), "{name}: unexpected error {error:?}");
    let message = error.to_string();
    assert!(message.contains(name), "{message} does not name the file");
    assert_eq!(
        fs::read(&path).expect("still there"),
        bytes,
        "{name} was changed"
    );
    message
}

#[test]
fn corrupt_files_are_refused_with_a_message_and_left_untouched() {
    let good = store::to_ron(&example_session().expect("builds")).expect("encodes");

    assert_refused("empty.ron", b"", |e| matches!(e, StoreError::Empty { .. }));
    assert_refused("blank.ron", b"  \n\n", |e| {
        matches!(e, StoreError::Empty { .. })
    });

    for cut in [10, good.len() / 3, good.len() / 2, good.len() - 5] {
        let message = assert_refused("truncated.ron", &good.as_bytes()[..cut], |e| {
            matches!(e, StoreError::Parse { .. })
        });
        assert!(message.contains("ligne"), "{message}");
    }

    let mut noise = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    assert_refused("random.ron", &noise, |e| {
        matches!(e, StoreError::NotASession { .. } | StoreError::Parse { .. })
    });
    assert_refused("text.ron", b"Liste des participants\nFerme;Cave\n", |e| {
        matches!(e, StoreError::Parse { .. } | StoreError::NotASession { .. })
    });

    let newer = good.replacen("version: 3,", "version: 4,", 1);
    let message = assert_refused("newer.ron", newer.as_bytes(), |e| {
        matches!(e, StoreError::NewerVersion { found: 4, .. })
    });
    assert!(message.contains("version plus récente"), "{message}");

    let unknown = good.replacen("venue:", "weather: \"sunny\",\n      venue:", 1);
    let message = assert_refused("unknown-field.ron", unknown.as_bytes(), |e| {
        matches!(e, StoreError::Parse { .. })
    });
    assert!(message.contains("weather"), "{message}");

    let other_format = good.replacen("synergies-session", "klaxoon-board", 1);
    assert_refused("other.ron", other_format.as_bytes(), |e| {
        matches!(e, StoreError::NotASession { .. })
    });
}

#[test]
fn a_version_1_file_loads_through_the_migration() {
    let session = example_session().expect("builds");
    let body =
        ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::new()).expect("encodes");
    let v1 = format!("(\n  version: 1,\n  session: {body},\n)\n");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.ron");
    fs::write(&path, &v1).expect("written");
    let loaded = store::load(&path).expect("a version 1 file loads");
    assert_eq!(loaded.file_version, 1);
    assert_eq!(loaded.session, session);
    // Saving writes the current format.
    store::save(&path, &loaded.session).expect("saved");
    assert_eq!(
        store::load(&path).expect("loads").file_version,
        store::format::FORMAT_VERSION
    );
}

#[test]
fn a_version_2_file_loads_as_it_is() {
    let session = example_session().expect("builds");
    let text = store::to_ron(&session)
        .expect("encodes")
        .replacen("version: 3,", "version: 2,", 1)
        .replacen("  table_copy: None,\n", "", 1);
    assert!(text.contains("version: 2,") && !text.contains("table_copy"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v2.ron");
    fs::write(&path, text).expect("written");
    let loaded = store::load(&path).expect("a version 2 file loads");
    assert_eq!(loaded.file_version, 2);
    assert_eq!(loaded.session, session);
}

#[test]
fn saving_keeps_previous_versions_as_backups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, session) = saved_example(dir.path());
    let mut w = Workshop::new(session);
    let idea = w.session().ideas[0].id;
    let mut versions = vec![fs::read(&path).expect("read")];
    for votes in 0..(BACKUPS_KEPT as u32 + 3) {
        w.apply(Action::SetVotes {
            idea,
            votes: 1000 + votes,
        })
        .expect("voted");
        let backup = store::save(&path, w.session()).expect("saved");
        assert!(backup.is_some());
        versions.push(fs::read(&path).expect("read"));
    }
    let backups = atomic::backups_of(&path);
    assert!(backups.len() >= 5);
    assert_eq!(backups.len(), BACKUPS_KEPT);
    // The newest backup is the version before the last save, and every backup loads.
    let newest = fs::read(backups.last().expect("one")).expect("read");
    assert_eq!(&newest, &versions[versions.len() - 2]);
    for backup in &backups {
        store::load(backup).expect("a backup loads");
    }
    // No temporary file is left behind.
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("listed")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn create_refuses_to_replace_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.ron");
    fs::write(&path, "mes notes").expect("written");
    let error = store::create(&path, &Session::new("x")).expect_err("refused");
    assert!(matches!(error, StoreError::AlreadyExists { .. }));
    assert_eq!(fs::read_to_string(&path).expect("read"), "mes notes");
}

#[test]
fn autosave_writes_in_the_background_and_is_offered_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, session) = saved_example(dir.path());
    assert_eq!(find_recovery(&path), None);

    let mut w = Workshop::new(session);
    let autosaver = Autosaver::spawn();
    for i in 0..20 {
        let mut idea = synergies::model::Idea::new(format!("Idée dictée {i}"));
        idea.votes = i;
        w.apply(Action::AddIdea(idea)).expect("added");
        autosaver.request(autosave_path(&path), w.session().clone(), w.revision());
    }
    assert!(
        autosaver.flush(Duration::from_secs(10)),
        "{:?}",
        autosaver.status()
    );
    assert_eq!(autosaver.status().saved_revision, Some(w.revision()));

    // The file is older than its autosave: a recovery is offered, and it holds the work.
    let recovery = find_recovery(&path).expect("an autosave newer than the file");
    let recovered = store::load(&recovery.autosave).expect("the autosave loads");
    assert_eq!(&recovered.session, w.session());

    // Saving for real and discarding the autosave leaves nothing to recover.
    store::save(&path, w.session()).expect("saved");
    discard_autosave(&path);
    assert_eq!(find_recovery(&path), None);
}

#[test]
fn an_autosave_older_than_the_file_is_not_offered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, session) = saved_example(dir.path());
    store::atomic::write_atomically(
        &autosave_path(&path),
        store::to_ron(&session).expect("encodes").as_bytes(),
    )
    .expect("written");
    std::thread::sleep(Duration::from_millis(20));
    store::save(&path, &session).expect("saved");
    assert_eq!(find_recovery(&path), None);
}

#[test]
fn an_autosave_that_cannot_be_written_reports_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "x").expect("written");
    let autosaver = Autosaver::spawn();
    autosaver.request(blocker.join("a.autosave.ron"), Session::new("x"), 1);
    assert!(!autosaver.flush(Duration::from_secs(10)));
    let status = autosaver.status();
    assert!(status.error.is_some(), "{status:?}");
    assert_eq!(status.saved_revision, None);
}

#[test]
fn a_hand_edited_file_with_its_fields_reordered_still_loads() {
    let session = example_session().expect("builds");
    let body =
        ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::new()).expect("encodes");
    let text = format!(
        "(\n  session: {body},\n  saved_at: \"2026-11-19T10:00:00Z\",\n  app_version: \"\",\n  session_id: \"{}\",\n  version: 3,\n  format: \"synergies-session\",\n)\n",
        session.id
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("edited.ron");
    fs::write(&path, text).expect("written");
    assert_eq!(store::load(&path).expect("loads").session, session);
}

/// Runs `f` on a thread with the 2 MiB stack `cargo test` gives its tests: a parser
/// that recursed once per bracket would overflow it and abort the whole test binary.
fn on_a_test_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("spawned")
        .join()
        .expect("no panic, no stack overflow")
}

#[test]
fn a_million_nested_brackets_are_refused_not_a_stack_overflow() {
    let million = 1_000_000;
    // Hostile files: brackets and parentheses alone, and nested inside a field the
    // version probe skips (a hand-edited head with no `session:` before it).
    let files = [
        ("brackets.ron", "[".repeat(million)),
        ("parentheses.ron", "(".repeat(million)),
        (
            "deep-field.ron",
            format!(
                "(\n  format: \"synergies-session\",\n  version: 3,\n  notes: {}",
                "[".repeat(million)
            ),
        ),
        (
            "deep-tuple.ron",
            format!(
                "(\n  notes: {},\n  format: \"synergies-session\",\n  version: 3,\n)",
                "(".repeat(million)
            ),
        ),
    ];
    for (name, text) in files {
        let message = on_a_test_stack(move || {
            assert_refused(name, text.as_bytes(), |e| {
                matches!(e, StoreError::Parse { .. } | StoreError::NotASession { .. })
            })
        });
        assert!(message.contains("ligne"), "{message}");
    }
    // Where the nesting itself is the problem, the message says so.
    let deep = format!(
        "(\n  format: \"synergies-session\",\n  version: 3,\n  notes: {}",
        "[".repeat(million)
    );
    let message = on_a_test_stack(move || {
        assert_refused("deep.ron", deep.as_bytes(), |e| {
            matches!(
                e,
                StoreError::Parse {
                    problem: ron::Error::ExceededRecursionLimit,
                    ..
                }
            )
        })
    });
    assert!(message.contains("imbriqués"), "{message}");
    assert!(!message.contains("tronqué"), "{message}");
    assert!(
        message.contains(&store::NESTING_LIMIT.to_string()),
        "{message}"
    );
}

#[test]
fn a_session_nests_well_within_the_limit() {
    // Every session the app writes loads back under the nesting limit, deletions (with
    // the entity as it last was) included.
    let mut w = Workshop::new(example_session().expect("builds"));
    let ideas: Vec<_> = w.session().ideas.iter().take(3).map(|i| i.id).collect();
    w.apply(Action::RemoveIdeas(ideas)).expect("removed");
    let text = store::to_ron(w.session()).expect("encodes");
    let loaded = on_a_test_stack(move || store::parse(Path::new("x.ron"), text.as_bytes()));
    assert_eq!(&loaded.expect("loads").session, w.session());
}

#[test]
fn a_fifty_megabyte_text_field_loads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.ron");
    let mut w = Workshop::new(Session::new("Atelier"));
    let mut idea = synergies::model::Idea::new("Une idée au long cours");
    idea.description = "Réemploi des palettes, ".repeat(50 * 1024 * 1024 / 24);
    assert!(idea.description.len() >= 50_000_000);
    w.apply(Action::AddIdea(idea)).expect("added");
    store::create(&path, w.session()).expect("saved");
    let loaded = store::load(&path).expect("loads");
    assert_eq!(&loaded.session, w.session());

    // A 50 MB string with no closing quote is a damaged file, named with its line.
    let cut = format!(
        "(\n  format: \"synergies-session\",\n  version: 3,\n  session_id: \"{}\",\n  saved_at: \"2026-11-19T10:00:00Z\",\n  app_version: \"{}",
        Session::new("x").id,
        "x".repeat(50 * 1024 * 1024)
    );
    let message = assert_refused("cut.ron", cut.as_bytes(), |e| {
        matches!(e, StoreError::Parse { .. })
    });
    assert!(message.contains("ligne 6"), "{message}");
}
