//! The app as a facilitator uses it, driven through egui_kittest: keys, clicks, and the
//! accessible labels a screen reader would read. No display needed.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use synergies::example::example_session;
use synergies::model::{Language, Status};
use synergies::store;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;
use synergies::ui::{SynergiesApp, View, WallMode};

/// Presses at `start`, moves to `end` in `steps` frames as a hand does, and releases.
fn drag(h: &mut Harness<SynergiesApp>, start: egui::Pos2, end: egui::Pos2, steps: u16) {
    h.drag_at(start);
    h.run();
    for step in 1..=steps {
        h.hover_at(start + (end - start) * (f32::from(step) / f32::from(steps)));
        h.run();
    }
    h.drop_at(end);
    h.run();
}

/// The app on a saved copy of the example session (autosaves land in a temp folder).
fn harness(dir: &tempfile::TempDir) -> Harness<'static, SynergiesApp> {
    let path = dir.path().join("atelier.ron");
    store::create(&path, &example_session().expect("builds")).expect("saved");
    let (doc, _) = Document::open(&path).expect("opens");
    let app = SynergiesApp::with_document(doc, Preferences::default());
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    harness.run();
    harness
}

fn ctrl(harness: &mut Harness<SynergiesApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
}

fn press(harness: &mut Harness<SynergiesApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn type_text(harness: &mut Harness<SynergiesApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

fn idea_titled<'a>(app: &'a SynergiesApp, title: &str) -> &'a synergies::model::Idea {
    app.doc
        .session()
        .ideas
        .iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("no idea titled {title}"))
}

#[test]
fn three_ideas_are_captured_by_keyboard_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let before = h.state().doc.session().ideas.len();

    ctrl(&mut h, Key::N);
    assert!(h.state().capture.open);
    // First idea: title, Tab to the kind (→ substitution), Tab to the category
    // (→ the first one), Tab to the organisations, "recyc" + Enter picks one, Enter saves.
    type_text(&mut h, "Palettes pour la recyclerie");
    press(&mut h, Key::Tab);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Tab);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Tab);
    type_text(&mut h, "recyc");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    // Second and third: the entry stays open, empty, title focused.
    type_text(&mut h, "Compost partagé");
    press(&mut h, Key::Enter);
    type_text(&mut h, "Chauffeur mutualisé");
    press(&mut h, Key::Enter);

    let app = h.state();
    assert_eq!(app.doc.session().ideas.len(), before + 3);
    assert!(app.capture.open, "the entry stays open for the next idea");
    let first = idea_titled(app, "Palettes pour la recyclerie");
    assert_eq!(first.kind, Some(synergies::model::IdeaKind::Substitution));
    assert_eq!(first.category.as_deref(), Some("materials"));
    let org = first
        .organisations
        .first()
        .and_then(|o| app.doc.session().organisation(*o))
        .map(|o| o.name.as_str());
    assert_eq!(org, Some("Recyclerie du Bergeracois"));
    idea_titled(app, "Compost partagé");
    idea_titled(app, "Chauffeur mutualisé");

    // Undo takes the last one back, redo brings it again.
    press(&mut h, Key::Escape);
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().doc.session().ideas.len(), before + 2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().doc.session().ideas.len(), before + 3);
    ctrl(&mut h, Key::Z);
    ctrl(&mut h, Key::Y);
    assert_eq!(h.state().doc.session().ideas.len(), before + 3);
}

#[test]
fn an_empty_title_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let before = h.state().doc.session().ideas.len();
    ctrl(&mut h, Key::N);
    type_text(&mut h, "   ");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().doc.session().ideas.len(), before);
    let notice = h.state().notice_text().unwrap_or_default().to_owned();
    assert!(notice.contains("titre"), "{notice}");
}

#[test]
fn two_ideas_are_grouped_then_ungrouped_by_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let a = "Sciure de la menuiserie en litière pour les poules";
    let b = "Biodéchets de l'EHPAD compostés à la ferme";
    let (cluster_a, cluster_b) = {
        let app = h.state();
        (idea_titled(app, a).cluster, idea_titled(app, b).cluster)
    };
    let clusters = h.state().doc.session().clusters.len();

    h.get_by_label(a).click();
    h.run();
    h.get_by_label(b).click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(h.state().board.selection.len(), 2);
    ctrl(&mut h, Key::G);
    press(&mut h, Key::Enter);

    let app = h.state();
    assert_eq!(app.doc.session().clusters.len(), clusters + 1);
    let grouped = idea_titled(app, a).cluster;
    assert!(grouped.is_some());
    assert_eq!(idea_titled(app, b).cluster, grouped);
    assert_eq!(
        app.doc.workshop().undo_label(Language::Fr),
        Some("regrouper 2 idées")
    );

    ctrl(&mut h, Key::Z);
    let app = h.state();
    assert_eq!(idea_titled(app, a).cluster, cluster_a);
    assert_eq!(idea_titled(app, b).cluster, cluster_b);
    assert_eq!(
        app.notice_text(),
        Some("Annulé : regrouper 2 idées"),
        "undo names what it undid"
    );
    ctrl(&mut h, Key::Y);
    assert_eq!(idea_titled(h.state(), a).cluster, grouped);
}

#[test]
fn votes_go_up_and_down_by_button_and_by_key_and_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let title = "Broyat de bois pour le chantier d'insertion";
    let votes = idea_titled(h.state(), title).votes;

    h.get_by_label(&format!("+1 {title}")).click();
    h.run();
    assert_eq!(idea_titled(h.state(), title).votes, votes + 1);

    // Select the card, then "+" twice and "-" once from the keyboard.
    h.get_by_label(title).click();
    h.run();
    type_text(&mut h, "");
    press(&mut h, Key::Plus);
    press(&mut h, Key::Plus);
    press(&mut h, Key::Minus);
    assert_eq!(idea_titled(h.state(), title).votes, votes + 2);

    ctrl(&mut h, Key::Z);
    assert_eq!(idea_titled(h.state(), title).votes, votes + 3);
    ctrl(&mut h, Key::Z);
    ctrl(&mut h, Key::Z);
    ctrl(&mut h, Key::Z);
    assert_eq!(idea_titled(h.state(), title).votes, votes);
    ctrl(&mut h, Key::Y);
    assert_eq!(idea_titled(h.state(), title).votes, votes + 1);

    h.get_by_label(&format!("-1 {title}")).click();
    h.run();
    assert_eq!(idea_titled(h.state(), title).votes, votes);
}

#[test]
fn the_hidden_tally_hides_the_counts_until_revealed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let title = "Broyat de bois pour le chantier d'insertion";
    assert!(h.query_by_label(&format!("votes {title}")).is_some());
    ctrl(&mut h, Key::H);
    assert!(h.state().board.hidden_tally);
    assert!(h.query_by_label(&format!("votes {title}")).is_none());
    ctrl(&mut h, Key::H);
    assert!(h.query_by_label(&format!("votes {title}")).is_some());
}

#[test]
fn the_most_voted_are_selected_and_undo_puts_them_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    ctrl(&mut h, Key::Num5);
    assert_eq!(h.state().view, View::Selection);
    let selected_before = count(h.state(), |s| s.is_selected());
    h.state_mut().selection.top_n = 30;
    h.run();
    h.get_by_label("Appliquer").click();
    h.run();
    let selected_after = count(h.state(), |s| s.is_selected());
    assert!(selected_after > selected_before);
    // The 30 most voted are selected; ideas already triaged stay as they are.
    let mut ranked: Vec<&synergies::model::Idea> = h.state().doc.session().ideas.iter().collect();
    ranked.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.created.cmp(&b.created)));
    assert!(ranked[..30].iter().all(|i| i.status.is_selected()));
    assert!(
        ranked[30..]
            .iter()
            .all(|i| !matches!(i.status, Status::Selected))
    );

    ctrl(&mut h, Key::Z);
    assert_eq!(count(h.state(), |s| s.is_selected()), selected_before);
    ctrl(&mut h, Key::Y);
    assert_eq!(count(h.state(), |s| s.is_selected()), selected_after);
}

#[test]
fn retenir_les_n_says_what_it_will_change_and_keeps_what_was_picked_by_hand() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    ctrl(&mut h, Key::Num5);
    // The third of the proposed ideas (most voted first), so outside the top 2,
    // picked by hand from the list.
    let picked = h
        .state()
        .doc
        .session()
        .ideas_with_status(Status::Proposed)
        .get(2)
        .map(|i| i.title.clone())
        .expect("three proposed ideas");
    let row = h.get_by_label_contains(&format!(" · {picked}")).rect();
    let select = h
        .get_all_by_label("+ Retenir")
        .min_by(|a, b| {
            (a.rect().center().y - row.center().y)
                .abs()
                .total_cmp(&(b.rect().center().y - row.center().y).abs())
        })
        .expect("its button");
    select.click();
    h.run();
    assert_eq!(idea_titled(h.state(), &picked).status, Status::Selected);
    // A small N: the preview says what will happen before it does.
    h.state_mut().selection.top_n = 2;
    h.run();
    assert!(
        h.query_by_label_contains("retenue à la main reste retenue")
            .or_else(|| h.query_by_label_contains("retenues à la main restent retenues"))
            .is_some(),
        "the preview names the ideas picked by hand"
    );
    ctrl(&mut h, Key::R);
    assert_eq!(
        idea_titled(h.state(), &picked).status,
        Status::Selected,
        "picked by hand, still selected"
    );
}

fn count(app: &SynergiesApp, which: impl Fn(Status) -> bool) -> usize {
    app.doc
        .session()
        .ideas
        .iter()
        .filter(|i| which(i.status))
        .count()
}

#[test]
fn triage_by_keys_and_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    ctrl(&mut h, Key::Num5);
    let title = "Chambre froide partagée entre la ferme et la boulangerie";
    assert_eq!(idea_titled(h.state(), title).status, Status::Selected);
    h.get_by_label(title).click();
    h.run();
    for (key, status) in [
        (Key::Num1, Status::Abandoned),
        (Key::Num2, Status::Imminent),
        (Key::Num3, Status::ToDeepen),
        (Key::Num0, Status::Selected),
        (Key::Num2, Status::Imminent),
    ] {
        press(&mut h, key);
        assert_eq!(idea_titled(h.state(), title).status, status, "{key:?}");
    }
    ctrl(&mut h, Key::Z);
    assert_eq!(idea_titled(h.state(), title).status, Status::Selected);
    ctrl(&mut h, Key::Y);
    assert_eq!(idea_titled(h.state(), title).status, Status::Imminent);
}

#[test]
fn presentation_mode_hides_the_chrome_and_enlarges_the_cards() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    assert!(h.query_by_label("Fichier").is_some());
    // 40 cards or fewer on the board: titles of at least 28 px.
    h.state_mut().board.filter.category = Some("energy".into());
    h.run();
    let title = "Achat groupé d'électricité verte";
    let normal = h.get_by_label(title).rect();

    press(&mut h, Key::F11);
    assert!(h.state().presentation);
    assert!(h.query_by_label("Fichier").is_none(), "the menu is hidden");
    // The wall opens on the overview of the clusters; Enter opens the first, PageDown
    // goes on to the next until the card shows.
    assert_eq!(h.state().board.wall.mode, WallMode::Overview);
    press(&mut h, Key::Enter);
    for _ in 0..10 {
        if h.query_by_label(title).is_some() {
            break;
        }
        press(&mut h, Key::PageDown);
    }
    let projected = h.get_by_label(title).rect();
    assert!(projected.height() > normal.height() * 1.8);
    assert!(h.state().board.card_title_size(true, 4) >= 28.0);
    assert!(h.state().board.card_title_size(true, 40) >= 28.0);

    press(&mut h, Key::F11);
    assert!(!h.state().presentation);
    assert!(h.query_by_label("Fichier").is_some());
}

#[test]
fn the_labels_are_french_by_default_and_english_on_request() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    for label in [
        "Préparation",
        "Fiches",
        "Idées",
        "Tableau",
        "Sélection et tri",
        "Synthèse",
    ] {
        assert!(h.query_by_label(label).is_some(), "{label}");
    }
    h.state_mut().prefs.language = Language::En;
    h.run();
    for label in [
        "Preparation",
        "Resource sheets",
        "Ideas",
        "Board",
        "Selection and triage",
        "Synthesis",
    ] {
        assert!(h.query_by_label(label).is_some(), "{label}");
    }
    assert!(h.query_by_label("Tableau").is_none());
}

#[test]
fn every_view_opens_with_its_shortcut() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    for (key, view) in [
        (Key::Num1, View::Preparation),
        (Key::Num2, View::Fiches),
        (Key::Num3, View::Ideas),
        (Key::Num4, View::Board),
        (Key::Num5, View::Selection),
        (Key::Num6, View::B2b),
        (Key::Num7, View::Synthesis),
    ] {
        ctrl(&mut h, key);
        assert_eq!(h.state().view, view);
    }
}

#[test]
fn changes_are_autosaved_next_to_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    ctrl(&mut h, Key::N);
    type_text(&mut h, "Idée autosauvegardée");
    press(&mut h, Key::Enter);
    let autosave = dir.path().join(".atelier.autosave.ron");
    let mut found = false;
    for _ in 0..100 {
        if let Ok(loaded) = store::load(&autosave)
            && loaded
                .session
                .ideas
                .iter()
                .any(|i| i.title == "Idée autosauvegardée")
        {
            found = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(found, "no autosave with the new idea");
    // Closing saves the file itself; nothing is lost.
    h.state_mut().close_document().expect("saved on close");
    let saved = store::load(&dir.path().join("atelier.ron")).expect("loads");
    assert!(
        saved
            .session
            .ideas
            .iter()
            .any(|i| i.title == "Idée autosauvegardée")
    );
    assert!(!autosave.exists());
}

#[test]
fn a_fiche_is_captured_by_keyboard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let before = h.state().doc.session().fiches.len();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    assert!(h.state().fiche_capture.open);
    type_text(&mut h, "brasserie");
    press(&mut h, Key::Enter);
    // Organisation picked; Tab to the direction (offer → need), category, resource.
    press(&mut h, Key::Tab);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Tab);
    type_text(&mut h, "Malt");
    press(&mut h, Key::Enter);
    let app = h.state();
    assert_eq!(app.doc.session().fiches.len(), before + 1);
    let fiche = app.doc.session().fiches.last().expect("one");
    assert_eq!(fiche.resource, "Malt");
    assert_eq!(fiche.direction, synergies::model::Direction::Need);
    assert_eq!(
        app.doc
            .session()
            .organisation(fiche.organisation)
            .map(|o| o.name.as_str()),
        Some("Brasserie de la Gardonnette")
    );
}

#[test]
fn a_card_dragged_onto_another_joins_its_cluster_and_undo_moves_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let a = "Sciure de la menuiserie en litière pour les poules";
    let b = "Biodéchets de l'EHPAD compostés à la ferme";
    let (from, to) = {
        let app = h.state();
        (idea_titled(app, a).cluster, idea_titled(app, b).cluster)
    };
    assert_ne!(from, to);
    let start = h.get_by_label(a).rect().center();
    let end = h.get_by_label(b).rect().center();
    drag(&mut h, start, end, 10);
    assert_eq!(idea_titled(h.state(), a).cluster, to);
    ctrl(&mut h, Key::Z);
    assert_eq!(idea_titled(h.state(), a).cluster, from);
}

#[test]
fn an_autosave_newer_than_the_file_is_offered_back_on_opening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("atelier.ron");
    let session = example_session().expect("builds");
    store::create(&path, &session).expect("saved");
    // Work that was autosaved but never saved (the laptop's battery died).
    let mut newer = session.clone();
    newer.ideas.push(synergies::model::Idea::new(
        "Idée sauvée par l'autosauvegarde",
    ));
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::atomic::write_atomically(
        &store::autosave_path(&path),
        store::to_ron(&newer).expect("encodes").as_bytes(),
    )
    .expect("written");

    let mut app = SynergiesApp::start(Some(path.clone()), Preferences::default());
    // The session is read off the first frame; a test waits for it.
    app.wait_until_started();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Restaurer").click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.session().ideas.len(), session.ideas.len() + 1);
    assert!(app.doc.is_dirty(), "restored work is not saved yet");
    // The file itself is untouched until saved.
    assert_eq!(store::load(&path).expect("loads").session, session);
}

#[test]
fn a_file_that_cannot_be_read_is_named_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("abîmé.ron");
    std::fs::write(
        &path,
        "(format: \"synergies-session\", version: 2, session: (",
    )
    .expect("written");
    let before = std::fs::read(&path).expect("read");
    let mut app = SynergiesApp::start(Some(path.clone()), Preferences::default());
    app.wait_until_started();
    let notice = app.notice_text().unwrap_or_default().to_owned();
    assert!(notice.contains("abîmé.ron"), "{notice}");
    app.close_document().expect("closes");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn the_synthesis_view_exports_the_pdf_and_the_workbook_off_the_frame() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    h.state_mut().prefs.open_after_export = false;
    ctrl(&mut h, Key::Num7);
    assert!(h.query_by_label("Exporter la synthèse (PDF)…").is_some());
    assert!(
        h.query_by_label("Exporter le tableur de suivi (Excel)…")
            .is_some()
    );
    for (name, kind, magic) in [
        (
            "synthese.pdf",
            synergies::ui::ExportKind::Pdf,
            b"%PDF-".as_slice(),
        ),
        (
            "suivi.xlsx",
            synergies::ui::ExportKind::Xlsx,
            b"PK".as_slice(),
        ),
    ] {
        // What the save dialog would hand over.
        let path = dir.path().join(name);
        h.state_mut().export(path.clone(), kind);
        for _ in 0..200 {
            // A spinner turns while it writes: step frames rather than wait to settle.
            h.step();
            if !h.state().exporting() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let notice = h.state().notice_text().unwrap_or_default().to_owned();
        assert!(notice.starts_with("Écrit : "), "{notice}");
        assert!(std::fs::read(&path).expect("written").starts_with(magic));
    }
}

/// The lead's session saved in `dir`, and two table copies with a few ideas each.
fn lead_and_copies(dir: &tempfile::TempDir) -> (std::path::PathBuf, Vec<std::path::PathBuf>) {
    let lead = example_session().expect("builds");
    let lead_path = dir.path().join("atelier.ron");
    store::create(&lead_path, &lead).expect("saved");
    let mut paths = Vec::new();
    for (n, (name, copy)) in synergies::merge::table_copies(&lead, "atelier", chrono::Utc::now())
        .into_iter()
        .take(2)
        .enumerate()
    {
        let mut w = synergies::model::Workshop::new(copy);
        for i in 0..3 {
            let idea = synergies::model::Idea::new(format!("Idée de la table {} n° {i}", n + 1));
            w.apply(synergies::model::Action::AddIdea(idea))
                .expect("added");
        }
        let path = dir.path().join("copies").join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("created");
        store::create(&path, w.session()).expect("saved");
        paths.push(path);
    }
    (lead_path, paths)
}

fn harness_on(mut app: SynergiesApp) -> Harness<'static, SynergiesApp> {
    app.wait_until_started();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn a_table_copy_opens_in_capture_mode_with_its_table_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, copies) = lead_and_copies(&dir);
    let copy = store::load(&copies[0]).expect("loads").session;
    let marker = copy.table_copy.clone().expect("a copy");
    let mut h = harness_on(SynergiesApp::start(
        Some(copies[0].clone()),
        Preferences::default(),
    ));
    assert_eq!(h.state().view, View::Ideas);
    assert!(h.state().capture.open);
    let table = copy
        .table(marker.table)
        .map(|t| t.name.clone())
        .expect("its table");
    assert!(
        h.state().window_title().contains(&table),
        "{}",
        h.state().window_title()
    );
    type_text(&mut h, "Idée saisie à la table");
    press(&mut h, Key::Enter);
    let idea = idea_titled(h.state(), "Idée saisie à la table");
    assert_eq!(idea.table, Some(marker.table));
    assert_eq!(idea.facilitator, marker.facilitator);
}

#[test]
fn table_files_are_merged_after_a_summary_in_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (lead_path, copies) = lead_and_copies(&dir);
    let mut h = harness_on(SynergiesApp::start(Some(lead_path), Preferences::default()));
    let before = h.state().doc.session().clone();
    // What "Importer des fichiers de table…" hands over once the files are chosen.
    h.state_mut().prepare_merge(copies.clone(), false);
    h.run();
    assert_eq!(
        h.state().doc.session(),
        &before,
        "nothing changes before confirming"
    );
    assert!(h.query_by_label("Fusionner").is_some());
    h.get_by_label("Fusionner").click();
    h.run();
    assert_eq!(h.state().doc.session().ideas.len(), before.ideas.len() + 6);
    assert!(h.state().merge_log.iter().any(|l| l.contains("6")));
    assert_eq!(
        h.state().doc.workshop().undo_label(Language::Fr),
        Some("fusionner 2 fichiers de table")
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().doc.session(),
        &before,
        "one undo step takes it all back"
    );
    ctrl(&mut h, Key::Y);
    assert_eq!(h.state().doc.session().ideas.len(), before.ideas.len() + 6);
}

#[test]
fn another_sessions_file_needs_the_users_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (lead_path, _) = lead_and_copies(&dir);
    let mut other = example_session().expect("builds");
    other
        .ideas
        .push(synergies::model::Idea::new("Idée venue d'ailleurs"));
    let other_path = dir.path().join("ailleurs.ron");
    store::create(&other_path, &other).expect("saved");
    let mut h = harness_on(SynergiesApp::start(Some(lead_path), Preferences::default()));
    let before = h.state().doc.session().clone();
    h.state_mut().prepare_merge(vec![other_path], false);
    h.run();
    assert!(h.query_by_label("Fusionner").is_none());
    h.get_by_label("Fusionner quand même").click();
    h.run();
    {
        let pending = h.state().pending_merge.as_ref().expect("a summary");
        assert!(pending.report.is_some(), "{:?}", pending.problem);
    }
    h.get_by_label("Fusionner").click();
    h.run();
    assert!(
        h.state().doc.session().ideas.len() > before.ideas.len(),
        "{:?} {:?}",
        h.state().notice_text(),
        h.state().merge_log
    );
    idea_titled(h.state(), "Idée venue d'ailleurs");
    // Categories, tables and facilitators of the other file are matched, not doubled.
    let session = h.state().doc.session();
    assert_eq!(session.categories.len(), before.categories.len());
    assert_eq!(session.tables.len(), before.tables.len());
    assert_eq!(session.facilitators.len(), before.facilitators.len());
    assert_eq!(session.organisations.len(), before.organisations.len());
    assert!(synergies::model::check::check(session).is_empty());
}

#[test]
fn a_folder_being_filled_while_the_app_watches_it_ends_up_merged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (lead_path, copies) = lead_and_copies(&dir);
    let watched = dir.path().join("cle-usb");
    std::fs::create_dir_all(&watched).expect("created");
    let mut h = harness_on(SynergiesApp::start(Some(lead_path), Preferences::default()));
    let before = h.state().doc.session().ideas.len();
    h.state_mut().watch_folder(&watched);
    assert_eq!(h.state().watched_folder(), Some(watched.as_path()));
    // The files land one after the other, the second in two pieces.
    std::fs::copy(&copies[0], watched.join("table-1.ron")).expect("copied");
    let second = std::fs::read(&copies[1]).expect("read");
    std::fs::write(watched.join("table-2.ron"), &second[..second.len() / 3]).expect("written");
    let start = std::time::Instant::now();
    let mut wrote_rest = false;
    while start.elapsed() < std::time::Duration::from_secs(20) {
        h.step();
        if !wrote_rest && start.elapsed() > std::time::Duration::from_millis(700) {
            std::fs::write(watched.join("table-2.ron"), &second).expect("written");
            wrote_rest = true;
        }
        if h.state().doc.session().ideas.len() == before + 6 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        h.state().doc.session().ideas.len(),
        before + 6,
        "{:?}",
        h.state().merge_log
    );
    let log = h.state().merge_log.join("\n");
    assert!(
        log.contains("table-1.ron") && log.contains("table-2.ron"),
        "{log}"
    );
    assert!(
        !log.contains("Erreur"),
        "a half-written file was merged: {log}"
    );
}

#[test]
fn the_merge_summary_is_confirmed_by_enter_only_once_seen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (lead_path, copies) = lead_and_copies(&dir);
    let mut h = harness_on(SynergiesApp::start(Some(lead_path), Preferences::default()));
    let before = h.state().doc.session().ideas.len();
    h.state_mut().prepare_merge(copies, false);
    // An Enter in the very frame the summary appears (the one that chose the files)
    // does not confirm it.
    h.event(egui::Event::Key {
        key: Key::Enter,
        pressed: true,
        modifiers: Modifiers::NONE,
        repeat: false,
        physical_key: None,
    });
    h.step();
    assert_eq!(h.state().doc.session().ideas.len(), before);
    assert!(h.state().pending_merge.is_some());
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(h.state().doc.session().ideas.len(), before + 6);
    assert!(h.state().pending_merge.is_none());
}

#[test]
fn a_lasso_on_the_board_selects_the_cards_it_touches() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let last_in_row_one = h
        .get_by_label("Broyat de bois pour le chantier d'insertion")
        .rect();
    let last_in_row_two = h
        .get_by_label("Benne commune pour les déchets de chantier de la menuiserie")
        .rect();
    // From the empty place after the second row's last card, up and left.
    let start = egui::pos2(last_in_row_one.center().x, last_in_row_two.center().y);
    let end = egui::pos2(last_in_row_two.center().x, last_in_row_one.center().y);
    drag(&mut h, start, end, 8);
    let selected: std::collections::HashSet<String> = h
        .state()
        .board
        .selection
        .iter()
        .filter_map(|id| h.state().doc.session().idea(*id))
        .map(|i| i.title.clone())
        .collect();
    // The cards the lasso's rectangle touches, wherever the layout put them.
    let lasso = egui::Rect::from_two_pos(start, end);
    let titles: Vec<String> = h
        .state()
        .doc
        .session()
        .ideas
        .iter()
        .map(|i| i.title.clone())
        .collect();
    let expected: std::collections::HashSet<String> = titles
        .into_iter()
        .filter(|t| {
            h.query_by_label(t)
                .is_some_and(|n| n.rect().intersects(lasso))
        })
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    assert!(expected.contains("Broyat de bois pour le chantier d'insertion"));
    assert!(!expected.contains("Palettes de la ferme vers la recyclerie"));
    assert_eq!(selected, expected);
}

/// A table copy opened in the app, edited by `edit`, and saved.
fn edit_copy_in_the_app(path: &std::path::Path, edit: impl FnOnce(&mut Harness<SynergiesApp>)) {
    let mut h = harness_on(SynergiesApp::start(
        Some(path.to_path_buf()),
        Preferences::default(),
    ));
    edit(&mut h);
    ctrl(&mut h, Key::S);
    assert!(!h.state().doc.is_dirty(), "saved");
}

#[test]
fn votes_typed_on_one_laptop_and_clicked_on_another_are_a_conflict_with_the_other_value_one_click_away()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let lead = example_session().expect("builds");
    let title = lead.ideas[0].title.clone();
    let lead_path = dir.path().join("atelier.ron");
    store::create(&lead_path, &lead).expect("saved");
    let written =
        synergies::merge::write_table_copies(&lead, "atelier", dir.path()).expect("written");
    let copies: Vec<_> = written.into_iter().take(2).collect();

    // Table 1 types 4 in the side panel's vote count, then clicks another idea.
    let other_title = lead.ideas[1].title.clone();
    edit_copy_in_the_app(&copies[0], |h| {
        ctrl(h, Key::Num3);
        press(h, Key::Escape);
        h.get_by_label(&title).click();
        h.run();
        h.get_by_role_and_label(egui::accesskit::Role::SpinButton, "Votes")
            .click();
        h.run();
        ctrl(h, Key::A);
        type_text(h, "4");
        h.get_by_label(&other_title).click();
        h.run();
        assert_eq!(idea_titled(h.state(), &title).votes, 4);
    });
    // Later, table 2 clicks +1 seven times on the board.
    let start = lead.ideas[0].votes;
    edit_copy_in_the_app(&copies[1], |h| {
        ctrl(h, Key::Num4);
        for _ in 0..7 {
            h.get_by_label(&format!("+1 {title}")).click();
            h.run();
        }
        assert_eq!(idea_titled(h.state(), &title).votes, start + 7);
    });

    let mut h = harness_on(SynergiesApp::start(Some(lead_path), Preferences::default()));
    h.state_mut().prepare_merge(copies.clone(), false);
    h.run();
    // The preview names the conflict, with both values and both laptops.
    let line = format!(
        "les votes : gardé « {} » (Table 2, atelier-table-2.ron",
        start + 7
    );
    assert!(
        h.query_by_label_contains(&line).is_some(),
        "{:?}",
        h.state()
            .pending_merge
            .as_ref()
            .and_then(|p| p.report.as_ref())
            .map(|r| r.lines(Language::Fr))
    );
    assert!(
        h.query_by_label_contains("autre valeur « 4 » (Table 1, atelier-table-1.ron")
            .is_some()
    );
    h.get_by_label("Fusionner").click();
    h.run();
    assert_eq!(idea_titled(h.state(), &title).votes, start + 7);
    // The log keeps it, one click from the other value.
    ctrl(&mut h, Key::L);
    h.get_by_label("Garder l'autre valeur").click();
    h.run();
    assert_eq!(idea_titled(h.state(), &title).votes, 4);
    assert!(h.query_by_label("autre valeur gardée").is_some());
    assert_eq!(
        h.state().doc.workshop().undo_label(Language::Fr),
        Some("modifier les votes")
    );
    // Merging the tables' files again changes nothing and reports no conflict.
    h.state_mut().prepare_merge(copies, false);
    h.run();
    let report = h
        .state()
        .pending_merge
        .as_ref()
        .and_then(|p| p.report.as_ref())
        .expect("a report");
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    assert!(report.is_empty(), "{}", report.summary(Language::Fr));
}

fn fiche_titled(app: &SynergiesApp, resource: &str) -> uuid::Uuid {
    app.doc
        .session()
        .fiches
        .iter()
        .find(|f| f.resource == resource)
        .map(|f| f.id)
        .unwrap_or_else(|| panic!("no sheet {resource}"))
}

fn organisation_named(app: &SynergiesApp, name: &str) -> uuid::Uuid {
    app.doc
        .session()
        .organisations
        .iter()
        .find(|o| o.name == name)
        .map(|o| o.id)
        .unwrap_or_else(|| panic!("no organisation {name}"))
}

#[test]
fn suggestions_show_while_a_need_is_typed_and_ctrl_j_makes_the_idea_in_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let ideas_before = h.state().doc.session().ideas.len();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    type_text(&mut h, "brasserie");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    press(&mut h, Key::ArrowRight); // a need
    press(&mut h, Key::Tab);
    press(&mut h, Key::Tab);
    type_text(&mut h, "Cagettes");
    // While typing: the sheet's suggestions, with their reasons, before it is saved.
    assert!(
        h.query_by_label_contains("Suggestions pour « Cagettes »")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Brasserie de la Gardonnette : Cagettes  ←  Ferme maraîchère des Coteaux : Cagettes et palettes bois")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("même ressource : cagettes")
            .is_some()
    );
    press(&mut h, Key::Enter);
    let need = fiche_titled(h.state(), "Cagettes");
    let offer = fiche_titled(h.state(), "Cagettes et palettes bois");
    // Saved: its suggestions stay, and one key makes the first an idea.
    ctrl(&mut h, Key::J);
    let app = h.state();
    assert_eq!(app.doc.session().ideas.len(), ideas_before + 1);
    let idea = idea_titled(
        app,
        "Cagettes et palettes bois de Ferme maraîchère des Coteaux pour Brasserie de la Gardonnette",
    );
    assert_eq!(
        idea.organisations,
        vec![
            organisation_named(app, "Ferme maraîchère des Coteaux"),
            organisation_named(app, "Brasserie de la Gardonnette")
        ]
    );
    assert!(idea.fiches.contains(&need) && idea.fiches.contains(&offer));
    assert!(idea.kind.is_some() && idea.category.is_some());
    assert!(idea.description.contains("même ressource : cagettes"));
    // The pair, now an idea, is no longer suggested.
    assert!(
        !h.state()
            .suggestions
            .found()
            .pairs
            .iter()
            .any(|s| s.need == need && s.offer == offer)
    );
    // One undo step takes the idea back, and only it.
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().doc.session().ideas.len(), ideas_before);
    assert!(h.state().doc.session().fiche(need).is_some());
}

#[test]
fn a_suggestion_dismissed_in_fiches_stays_dismissed_after_saving_and_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    ctrl(&mut h, Key::Num2);
    assert!(
        h.query_by_label_contains("Suggestions pour toutes les fiches")
            .is_some()
    );
    let first = h
        .state()
        .suggestions
        .focused()
        .cloned()
        .expect("the first is in focus");
    // Alt+↓ then Alt+↑ walk the list and come back.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_ne!(h.state().suggestions.focused(), Some(&first));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(h.state().suggestions.focused(), Some(&first));
    let synergies::ui::SuggestionItem::Pair { need, offer } = first else {
        panic!("pairs come first");
    };
    let count = |h: &Harness<SynergiesApp>| h.state().suggestions.found().pairs.len();
    let before = count(&h);
    ctrl(&mut h, Key::D);
    assert_eq!(h.state().doc.session().dismissed.len(), 1);
    assert_eq!(count(&h), before - 1);
    // Undo brings it back, redo dismisses it again.
    ctrl(&mut h, Key::Z);
    assert_eq!(count(&h), before);
    ctrl(&mut h, Key::Y);
    assert_eq!(count(&h), before - 1);
    // Clicking "Écarter" on a row dismisses that one.
    h.query_all_by_label("Écarter")
        .next()
        .expect("a row")
        .click();
    h.run();
    assert_eq!(h.state().doc.session().dismissed.len(), 2);
    ctrl(&mut h, Key::S);
    h.state_mut().close_document().expect("saved on close");

    let path = dir.path().join("atelier.ron");
    let (doc, _) = Document::open(&path).expect("opens");
    let mut h = harness_on(SynergiesApp::with_document(doc, Preferences::default()));
    ctrl(&mut h, Key::Num2);
    assert_eq!(h.state().doc.session().dismissed.len(), 2);
    assert_eq!(count(&h), before - 2);
    assert!(
        !h.state()
            .suggestions
            .found()
            .pairs
            .iter()
            .any(|s| s.need == need && s.offer == offer)
    );
}

/// The message of the status line.
fn status_line(app: &SynergiesApp) -> String {
    app.notice_text().unwrap_or_default().to_owned()
}

#[test]
fn the_b2b_meetings_are_planned_moved_by_drag_locked_and_kept_through_a_re_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    ctrl(&mut h, Key::Num6);
    assert_eq!(h.state().view, View::B2b);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::B);
    h.run();
    h.run();
    let selected = h
        .state()
        .doc
        .session()
        .ideas
        .iter()
        .filter(|i| i.status == Status::Selected)
        .count();
    assert_eq!(h.state().doc.session().b2b.meetings.len(), selected);
    assert!(
        h.query_by_label_contains(") sur 10 tables").is_some(),
        "the summary says the rounds, the bound and the tables"
    );
    assert!(
        h.state()
            .notice_text()
            .is_some_and(|n| n.starts_with("Planning fait")),
        "the status line says it is done"
    );
    // Drag the 4-organisation meeting to a free cell far away: it goes, locked.
    let title = "Collecte mutualisée des palettes sur la zone d'Eymet";
    let start = h.get_by_label_contains(title).rect().center();
    let end = h.get_by_label("Table 6 à 14:20 : libre").rect().center();
    drag(&mut h, start, end, 10);
    h.run();
    let idea = idea_titled(h.state(), title).id;
    let placed = |h: &Harness<SynergiesApp>| {
        h.state()
            .doc
            .session()
            .b2b
            .meetings
            .iter()
            .find(|m| m.idea == idea)
            .cloned()
            .expect("planned")
    };
    let moved = placed(&h);
    assert_eq!((moved.table, moved.slot, moved.locked), (6, 1, true));
    // Planning again keeps it there.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::B);
    h.run();
    h.run();
    let kept = placed(&h);
    assert_eq!((kept.table, kept.slot, kept.locked), (6, 1, true));
    // A meeting sharing an organisation, dragged beside it in the same slot: refused,
    // with the reason.
    let other = "Invendus de légumes pour la cuisine de l'EHPAD";
    let before = h.state().doc.session().b2b.clone();
    let start = h.get_by_label_contains(other).rect().center();
    let end = h.get_by_label("Table 7 à 14:20 : libre").rect().center();
    drag(&mut h, start, end, 10);
    h.run();
    assert_eq!(h.state().doc.session().b2b, before, "nothing moved");
    assert!(
        status_line(h.state()).contains("Ferme maraîchère des Coteaux est déjà à"),
        "{}",
        status_line(h.state())
    );
    // Undo takes back the re-plan, then the move.
    ctrl(&mut h, Key::Z);
    ctrl(&mut h, Key::Z);
    assert!(!placed(&h).locked, "unlocked");
}

/// The B2B start and breaks typed, then another view chosen without leaving the field:
/// the start is saved; a break that is not a time range changes nothing and keeps its
/// message when the view comes back.
#[test]
fn the_b2b_start_typed_is_kept_when_the_view_changes_and_a_bad_break_is_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    ctrl(&mut h, Key::Num6);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Début")
        .click();
    h.run();
    ctrl(&mut h, Key::A);
    type_text(&mut h, "15h30");
    ctrl(&mut h, Key::Num7);
    assert_eq!(h.state().view, View::Synthesis);
    assert_eq!(
        h.state().doc.session().b2b.start.to_string(),
        "15:30",
        "typed, not left, and kept"
    );
    ctrl(&mut h, Key::Num6);
    let before = h.state().doc.session().b2b.clone();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Pauses")
        .click();
    h.run();
    type_text(&mut h, "midi");
    ctrl(&mut h, Key::Num7);
    ctrl(&mut h, Key::Num6);
    assert_eq!(h.state().doc.session().b2b, before, "nothing half-saved");
    assert!(
        h.query_by_label_contains("« midi » n'est pas une plage horaire")
            .is_some(),
        "the message names what was typed"
    );
}
