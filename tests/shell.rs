//! The app's shell as a facilitator meets it: the command palette, the help that lists
//! every command, a save that fails, and background work that breaks. Driven headless
//! through egui_kittest.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use synergies::example::example_session;
use synergies::store;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;
use synergies::ui::{Command, ExportKind, SynergiesApp, View};

/// The app on a saved copy of the example, in `folder`.
fn harness_in(folder: &std::path::Path) -> Harness<'static, SynergiesApp> {
    std::fs::create_dir_all(folder).expect("folder");
    let path = folder.join("atelier.ron");
    store::create(&path, &example_session().expect("builds")).expect("saved");
    let (doc, _) = Document::open(&path).expect("opens");
    let app = SynergiesApp::with_document(doc, Preferences::default());
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    harness.run();
    harness
}

fn keys(h: &mut Harness<SynergiesApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn type_text(h: &mut Harness<SynergiesApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// Adds an idea through the capture entry, as a facilitator would.
fn capture_idea(h: &mut Harness<SynergiesApp>, title: &str) {
    keys(h, Modifiers::COMMAND, Key::N);
    type_text(h, title);
    keys(h, Modifiers::NONE, Key::Enter);
    keys(h, Modifiers::NONE, Key::Escape);
}

#[test]
fn the_palette_runs_a_command_from_a_few_letters_without_accents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness_in(dir.path());
    assert_eq!(h.state().view, View::Board);

    keys(&mut h, Modifiers::COMMAND, Key::K);
    assert!(h.state().palette.open);
    type_text(&mut h, "synthese");
    keys(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().view, View::Synthesis, "Enter ran « Synthèse »");
    assert!(!h.state().palette.open, "the palette closes once it ran");

    // Arrows choose among several matches; Escape closes without running anything.
    keys(&mut h, Modifiers::COMMAND, Key::K);
    type_text(&mut h, "zoom");
    keys(&mut h, Modifiers::NONE, Key::ArrowDown);
    keys(&mut h, Modifiers::NONE, Key::Escape);
    assert!(!h.state().palette.open);
    assert_eq!(h.state().prefs.zoom, 1.0, "Escape ran nothing");

    // A command that takes a payload: switch the language from the palette.
    keys(&mut h, Modifiers::COMMAND, Key::K);
    type_text(&mut h, "langue");
    keys(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().language(), synergies::model::Language::En);
}

#[test]
fn the_palette_and_the_help_list_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness_in(dir.path());
    keys(&mut h, Modifiers::NONE, Key::F1);
    assert!(h.state().show_help);
    for command in Command::all() {
        let label = command.label(synergies::model::Language::Fr);
        assert!(
            h.query_all_by_label(label).next().is_some(),
            "« {label} » is missing from the help"
        );
    }
    keys(&mut h, Modifiers::NONE, Key::Escape);

    keys(&mut h, Modifiers::COMMAND, Key::K);
    for command in Command::all() {
        // Commands with a value are listed once per value, after their name.
        let label = command
            .label(synergies::model::Language::Fr)
            .trim_end_matches('…');
        let offered = h.query_all_by_label_contains(label).next().is_some()
            || matches!(command, Command::OpenRecent(_));
        assert!(offered, "« {label} » is missing from the palette");
    }
}

#[test]
fn a_save_that_fails_is_said_with_the_file_and_nothing_is_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("clé-usb");
    let mut h = harness_in(&folder);
    capture_idea(&mut h, "Palettes pour la recyclerie");
    let ideas = h.state().doc.session().ideas.len();

    // The USB stick is pulled out: the session's folder is gone (once the autosave of
    // the idea is written, so that it is not being written into the folder as it goes).
    wait_for_autosave(&h);
    std::fs::remove_dir_all(&folder).expect("removed");
    keys(&mut h, Modifiers::COMMAND, Key::S);
    let notice = h.state().notice_text().unwrap_or_default().to_owned();
    assert!(h.state().notice_is_error(), "{notice}");
    assert!(notice.contains("atelier.ron"), "names the file: {notice}");
    assert!(h.state().doc.is_dirty(), "the change is still to be saved");

    // Opening a new session must not drop the unsaved work either.
    keys(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
    assert_eq!(h.state().doc.session().ideas.len(), ideas, "still open");
    assert!(h.state().notice_is_error());

    // Once the folder is back, the same Ctrl+S saves.
    std::fs::create_dir_all(&folder).expect("back");
    keys(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().notice_is_error());
    let saved = store::load(&folder.join("atelier.ron")).expect("loads");
    assert_eq!(saved.session.ideas.len(), ideas);
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_is_said() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("lecture-seule");
    let mut h = harness_in(&folder);
    capture_idea(&mut h, "Compost partagé");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // The superuser writes anyway: then there is nothing to test here.
    let probe = folder.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        std::fs::remove_file(&probe).ok();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).ok();
        eprintln!("skipped: this user writes into read-only folders");
        return;
    }
    keys(&mut h, Modifiers::COMMAND, Key::S);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let notice = h.state().notice_text().unwrap_or_default().to_owned();
    assert!(h.state().notice_is_error(), "{notice}");
    assert!(notice.contains("atelier.ron"), "{notice}");
    assert!(h.state().doc.is_dirty());
}

#[test]
fn a_panicking_background_task_is_reported_and_the_app_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness_in(dir.path());
    let before = h.state().doc.session().clone();

    h.state_mut().spawn_job(ExportKind::Pdf, || {
        panic!("la police a disparu");
    });
    for _ in 0..200 {
        h.step();
        if !h.state().exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!h.state().exporting());
    let notice = h.state().notice_text().unwrap_or_default().to_owned();
    assert!(h.state().notice_is_error(), "{notice}");
    assert!(notice.contains("la police a disparu"), "{notice}");
    assert_eq!(h.state().doc.session(), &before, "the document is intact");

    // And the app still answers.
    capture_idea(&mut h, "Chauffeur mutualisé");
    assert_eq!(h.state().doc.session().ideas.len(), before.ideas.len() + 1);
}

#[test]
fn cluster_commands_act_on_the_focused_cards_cluster() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness_in(dir.path());
    let session = h.state().doc.session().clone();
    let Some(idea) = session.ideas.iter().find(|i| i.cluster.is_some()) else {
        panic!("the example has clustered ideas");
    };
    let cluster = idea.cluster;
    h.state_mut().board.focus = Some(idea.id);
    h.run();
    // Ctrl+Shift+G dissolves the focused card's cluster (one undo step).
    keys(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::G);
    let after = h.state().doc.session();
    assert!(after.clusters.iter().all(|c| Some(c.id) != cluster));
    assert_eq!(after.clusters.len(), session.clusters.len() - 1);
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().doc.session().clusters.len(),
        session.clusters.len()
    );
}

/// Waits (at most 5 s) until the autosave thread has written what it was last given.
fn wait_for_autosave(h: &Harness<SynergiesApp>) {
    for _ in 0..500 {
        let status = h.state().doc.autosave_status();
        if status.requested_revision.is_none()
            || status.saved_revision == status.requested_revision
            || status.error.is_some()
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
