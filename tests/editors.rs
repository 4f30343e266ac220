//! The editors as a facilitator uses them (issue #9): every field is saved when it is
//! left, when another item is clicked or the view changes, without an "Appliquer"
//! button; an invalid date is kept and said, not saved; Escape never drops a typed
//! entry; the lists are tables sorted by a click on a column header. Driven headless
//! through egui_kittest.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use synergies::example::example_session;
use synergies::model::text::fold;
use synergies::model::{Language, Session, Status};
use synergies::store;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;
use synergies::ui::{SynergiesApp, View};

/// The app on a saved copy of the example session.
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

fn keys(h: &mut Harness<SynergiesApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn press(h: &mut Harness<SynergiesApp>, key: Key) {
    keys(h, Modifiers::NONE, key);
}

/// Types `text` one character a frame, as keystrokes arrive.
fn type_keys(h: &mut Harness<SynergiesApp>, text: &str) {
    for c in text.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.run();
    }
}

/// Clicks the text field named `label`, selects its text and types `text` over it.
fn retype(h: &mut Harness<SynergiesApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    keys(h, Modifiers::COMMAND, Key::A);
    type_keys(h, text);
}

fn click(h: &mut Harness<SynergiesApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn session<'a>(h: &'a Harness<'_, SynergiesApp>) -> &'a Session {
    h.state().doc.session()
}

#[test]
fn an_idea_title_is_saved_when_another_idea_is_clicked_and_undoes_in_one_named_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num3);
    assert_eq!(h.state().view, View::Ideas);
    let first = session(&h).ideas[0].clone();
    let second = session(&h).ideas[1].title.clone();
    assert!(h.query_by_label("Appliquer").is_none(), "no Apply button");

    click(&mut h, &first.title);
    let steps = h.state().doc.workshop().undo_depth();
    retype(
        &mut h,
        "Titre",
        "Palettes de la menuiserie pour la recyclerie",
    );
    assert_eq!(
        session(&h).ideas[0].title,
        first.title,
        "nothing is saved while the title is typed"
    );
    click(&mut h, &second);
    assert_eq!(
        session(&h).ideas[0].title,
        "Palettes de la menuiserie pour la recyclerie"
    );
    let workshop = h.state().doc.workshop();
    assert_eq!(
        workshop.undo_depth(),
        steps + 1,
        "one step for the whole title"
    );
    assert_eq!(workshop.undo_label(Language::Fr), Some("modifier le titre"));

    keys(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).ideas[0].title, first.title);
    assert_eq!(
        h.state().notice_text(),
        Some("Annulé : modifier le titre"),
        "the undo names the field"
    );
    assert_eq!(h.state().doc.workshop().undo_depth(), steps);
}

#[test]
fn an_idea_field_is_saved_when_the_view_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num3);
    let first = session(&h).ideas[0].clone();
    click(&mut h, &first.title);
    retype(&mut h, "Prochaine étape", "Appeler la recyclerie");
    // Ctrl+4 while the field still has the keyboard.
    keys(&mut h, Modifiers::COMMAND, Key::Num4);
    assert_eq!(h.state().view, View::Board);
    assert_eq!(session(&h).ideas[0].next_step, "Appeler la recyclerie");
    assert_eq!(
        h.state().doc.workshop().undo_label(Language::Fr),
        Some("modifier la prochaine étape")
    );
}

#[test]
fn a_resource_sheet_field_is_saved_when_another_sheet_is_clicked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num2);
    assert_eq!(h.state().view, View::Fiches);
    let sheets = session(&h).fiches.clone();
    let first = &sheets[0];
    let other = sheets
        .iter()
        .find(|f| f.resource != first.resource)
        .expect("another sheet");
    click(&mut h, &first.resource);
    retype(&mut h, "Quantité", "42");
    click(&mut h, &other.resource);
    let saved = session(&h).fiche(first.id).expect("still there");
    assert_eq!(saved.quantity, "42");
    assert_eq!(saved.resource, first.resource, "the other fields are kept");
    assert_eq!(
        h.state().doc.workshop().undo_label(Language::Fr),
        Some("modifier la quantité")
    );
}

#[test]
fn an_organisation_and_the_session_details_are_saved_on_view_change_and_on_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    assert_eq!(h.state().view, View::Preparation);
    let org = session(&h).organisations[0].clone();
    click(&mut h, &org.name);
    retype(&mut h, "Commune", "Lamonzie-Saint-Martin");
    keys(&mut h, Modifiers::COMMAND, Key::Num4);
    let saved = session(&h).organisation(org.id).expect("there");
    assert_eq!(saved.town, "Lamonzie-Saint-Martin");
    assert_eq!(saved.name, org.name);

    // The session's venue, typed then saved with Ctrl+S while still in the field.
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    retype(&mut h, "Lieu", "Salle des fêtes de Pomport");
    keys(&mut h, Modifiers::COMMAND, Key::S);
    let file = store::load(&dir.path().join("atelier.ron")).expect("loads");
    assert_eq!(file.session.info.venue, "Salle des fêtes de Pomport");
}

#[test]
fn the_organisations_table_shows_each_ones_sheets_and_ideas() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    assert!(
        h.query_by_role_and_label(Role::ColumnHeader, "Fiches")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::ColumnHeader, "Idées")
            .is_some()
    );
    let s = session(&h).clone();
    let names: Vec<String> = s.organisations.iter().map(|o| o.name.clone()).collect();
    let sheets_of = |name: &String| {
        s.organisations
            .iter()
            .find(|o| &o.name == name)
            .map_or(0, |o| {
                s.fiches.iter().filter(|f| f.organisation == o.id).count()
            })
    };
    let counts = |h: &Harness<SynergiesApp>| -> Vec<usize> {
        rows_in_order(h, &names).iter().map(sheets_of).collect()
    };
    let unsorted = counts(&h);
    assert!(!unsorted.windows(2).all(|w| w[0] <= w[1]), "{unsorted:?}");
    // Fewest sheets first, then most first.
    h.get_by_role_and_label(Role::ColumnHeader, "Fiches")
        .click();
    h.run();
    let shown = counts(&h);
    assert!(shown.len() >= 10, "{shown:?}");
    assert!(shown.windows(2).all(|w| w[0] <= w[1]), "{shown:?}");
    h.get_by_role_and_label(Role::ColumnHeader, "Fiches")
        .click();
    h.run();
    let shown = counts(&h);
    assert!(shown.windows(2).all(|w| w[0] >= w[1]), "{shown:?}");
    let most = s
        .organisations
        .iter()
        .map(|o| s.fiches.iter().filter(|f| f.organisation == o.id).count())
        .max();
    assert_eq!(shown.first().copied(), most);
}

#[test]
fn the_follow_up_is_saved_when_another_card_is_clicked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num5);
    let selected: Vec<_> = session(&h)
        .ideas
        .iter()
        .filter(|i| i.status == Status::Selected && !i.organisations.is_empty())
        .cloned()
        .collect();
    let (idea, other) = (&selected[0], &selected[1]);
    let owner_id = idea.organisations[0];
    let owner = session(&h)
        .organisation(owner_id)
        .expect("an organisation")
        .name
        .clone();
    click(&mut h, &idea.title);
    assert_eq!(h.state().selection.focus, Some(idea.id));
    assert!(
        h.query_by_label("Appliquer").is_some(),
        "only « select the N most voted »"
    );
    assert_eq!(h.query_all_by_label("Appliquer").count(), 1);

    retype(&mut h, "Prochaine étape", "Visite du site");
    h.get_by_role_and_label(Role::ComboBox, "Référent").click();
    h.run();
    h.get_by_role_and_label(Role::Button, &owner).click();
    h.run();
    retype(&mut h, "Échéance", "15/03/2027");
    click(&mut h, &other.title);

    let saved = session(&h).idea(idea.id).expect("there");
    assert_eq!(saved.next_step, "Visite du site");
    assert_eq!(saved.owner, Some(owner_id));
    assert_eq!(
        saved.due,
        chrono::NaiveDate::from_ymd_opt(2027, 3, 15),
        "the due date typed last is saved too"
    );
    assert_eq!(h.state().selection.focus, Some(other.id));
}

#[test]
fn an_impossible_due_date_is_said_and_kept_in_the_field_not_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num5);
    let selected: Vec<_> = session(&h)
        .ideas
        .iter()
        .filter(|i| i.status == Status::Selected)
        .cloned()
        .collect();
    let (idea, other) = (&selected[0], &selected[1]);
    click(&mut h, &idea.title);
    let before = session(&h).idea(idea.id).expect("there").due;

    retype(&mut h, "Échéance", "31/02/2027");
    press(&mut h, Key::Tab);
    assert_eq!(session(&h).idea(idea.id).expect("there").due, before);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Échéance")
            .value()
            .as_deref(),
        Some("31/02/2027"),
        "the typed text is kept"
    );
    assert!(
        h.query_by_label_contains("date invalide").is_some(),
        "the reason is shown next to the field"
    );

    // Clicking another card does not drop it either: the focus stays, and says why.
    click(&mut h, &other.title);
    assert_eq!(h.state().selection.focus, Some(idea.id));
    assert!(h.state().notice_is_error());
    assert!(
        h.state()
            .notice_text()
            .is_some_and(|n| n.contains("l'échéance")),
        "{:?}",
        h.state().notice_text()
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Échéance")
            .value()
            .as_deref(),
        Some("31/02/2027")
    );

    // Corrected, it is saved.
    retype(&mut h, "Échéance", "28/02/2027");
    press(&mut h, Key::Tab);
    assert_eq!(
        session(&h).idea(idea.id).expect("there").due,
        chrono::NaiveDate::from_ymd_opt(2027, 2, 28)
    );
    assert!(h.query_by_label_contains("date invalide").is_none());
}

#[test]
fn escape_on_a_typed_new_resource_sheet_does_not_lose_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let before = session(&h).fiches.len();
    keys(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    assert!(h.state().fiche_capture.open);
    type_keys(&mut h, "brasserie");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Tab);
    type_keys(&mut h, "Drêches");
    assert_eq!(h.state().fiche_capture.resource(), "Drêches");

    press(&mut h, Key::Escape);
    assert!(h.state().fiche_capture.open, "the first Escape asks");
    assert!(h.query_by_label_contains("n'est pas enregistrée").is_some());
    assert_eq!(h.state().fiche_capture.resource(), "Drêches");

    press(&mut h, Key::Escape);
    assert!(!h.state().fiche_capture.open, "the second Escape closes");
    assert_eq!(session(&h).fiches.len(), before);
    assert_eq!(
        h.state().fiche_capture.resource(),
        "Drêches",
        "closed, the entry is kept"
    );

    // Opened again, it is there, and Enter saves it.
    keys(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    press(&mut h, Key::Enter);
    assert_eq!(session(&h).fiches.len(), before + 1);
    let fiche = session(&h).fiches.last().expect("one");
    assert_eq!(fiche.resource, "Drêches");
}

#[test]
fn escape_on_an_empty_entry_closes_it_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::N);
    assert!(h.state().capture.open);
    press(&mut h, Key::Escape);
    assert!(!h.state().capture.open);
}

/// The labels among `labels` shown as rows, top to bottom.
fn rows_in_order(h: &Harness<SynergiesApp>, labels: &[String]) -> Vec<String> {
    // A label's text is its accessible value.
    let text = |node: &egui_kittest::kittest::AccessKitNode<'_>| node.value().or(node.label());
    let mut rows: Vec<(f32, String)> = h
        .query_all_by(move |node| {
            node.role() == Role::Label && text(node).is_some_and(|l| labels.contains(&l))
        })
        .map(|node| {
            let label = text(&node.accesskit_node()).unwrap_or_default();
            (node.rect().center().y, label)
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, label)| label).collect()
}

#[test]
fn a_click_on_a_column_header_sorts_the_ideas_and_a_second_reverses_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num3);
    let titles: Vec<String> = session(&h).ideas.iter().map(|i| i.title.clone()).collect();
    let mut ascending = titles.clone();
    ascending.sort_by_key(|t| fold(t));
    let mut descending = ascending.clone();
    descending.reverse();

    let shown = rows_in_order(&h, &titles);
    assert!(shown.len() >= 10, "only {} rows shown", shown.len());
    assert!(
        shown.len() < titles.len(),
        "only the visible rows are laid out"
    );
    assert_eq!(shown, titles[..shown.len()], "the session's order at first");
    assert_ne!(shown, ascending[..shown.len()], "not sorted yet");

    h.get_by_role_and_label(Role::ColumnHeader, "Titre").click();
    h.run();
    let shown = rows_in_order(&h, &titles);
    assert_eq!(shown, ascending[..shown.len()]);

    h.get_by_role_and_label(Role::ColumnHeader, "Titre").click();
    h.run();
    let shown = rows_in_order(&h, &titles);
    assert_eq!(shown, descending[..shown.len()]);

    // Another column: votes, fewest first.
    h.get_by_role_and_label(Role::ColumnHeader, "Votes").click();
    h.run();
    let shown = rows_in_order(&h, &titles);
    let votes: Vec<u32> = shown
        .iter()
        .map(|t| {
            session(&h)
                .ideas
                .iter()
                .find(|i| &i.title == t)
                .map_or(0, |i| i.votes)
        })
        .collect();
    assert!(votes.windows(2).all(|w| w[0] <= w[1]), "{votes:?}");
    let fewest = session(&h).ideas.iter().map(|i| i.votes).min();
    assert_eq!(votes.first().copied(), fewest);
}

/// The app at 1920×1080, the facilitators' projector and laptop screens.
fn harness_1080(dir: &tempfile::TempDir) -> Harness<'static, SynergiesApp> {
    let path = dir.path().join("atelier.ron");
    store::create(&path, &example_session().expect("builds")).expect("saved");
    let (doc, _) = Document::open(&path).expect("opens");
    let app = SynergiesApp::with_document(doc, Preferences::default());
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    harness.run();
    harness
}

#[test]
fn the_editors_fit_a_1080p_screen_with_chips_on_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness_1080(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num3);
    // The idea with the longest organisation name among its own.
    let s = session(&h).clone();
    let (idea, name) = s
        .ideas
        .iter()
        .take(20)
        .flat_map(|i| {
            i.organisations
                .iter()
                .filter_map(|o| s.organisation(*o))
                .map(move |o| (i, o.name.clone()))
        })
        .max_by_key(|(_, name)| name.len())
        .expect("an idea with organisations");
    click(&mut h, &idea.title);
    let start: String = name.chars().take(15).collect();
    let chip = h
        .query_all_by_label_contains(&start)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .expect("the chip");
    assert!(
        chip.rect().height() < 30.0,
        "the chip « {name} » is {} high",
        chip.rect().height()
    );
    for field in ["Titre", "Prochaine étape", "Échéance"] {
        let rect = h.get_by_role_and_label(Role::TextInput, field).rect();
        assert!(
            rect.max.y < 1080.0,
            "« {field} » is below the screen: {rect:?}"
        );
    }
    assert!(h.get_by_label("Supprimer").rect().max.y < 1080.0);

    // Préparation: every field of the organisation editor is whole on screen.
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    let org = session(&h).organisations[0].name.clone();
    click(&mut h, &org);
    for field in [
        "Nom",
        "Secteur",
        "Commune",
        "Contact",
        "Courriel",
        "Téléphone",
    ] {
        let rect = h.get_by_role_and_label(Role::TextInput, field).rect();
        assert!(
            rect.max.x <= 1920.0 && rect.max.y < 1080.0 && rect.width() > 150.0,
            "« {field} »: {rect:?}"
        );
    }
}

#[test]
fn the_proposed_ideas_show_their_whole_titles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness_1080(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num5);
    let s = session(&h).clone();
    let long = s
        .ideas_with_status(Status::Proposed)
        .into_iter()
        .take(10)
        .max_by_key(|i| i.title.chars().count())
        .expect("proposed ideas");
    assert!(long.title.chars().count() > 40, "{}", long.title);
    let label = format!("{} · {}", long.votes, long.title);
    let row = h.get_by_label(&label);
    let rect = row.rect();
    // Wrapped inside the panel, not cut: taller than a line, narrower than the panel.
    assert!(rect.height() > 20.0, "on one line: {rect:?}");
    assert!(rect.max.x < 800.0, "{rect:?}");
}

#[test]
fn what_is_typed_is_saved_when_the_app_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    retype(&mut h, "Organisateur", "PTCE Coop'R");
    h.state_mut().close_document().expect("saved on close");
    let file = store::load(&dir.path().join("atelier.ron")).expect("loads");
    assert_eq!(file.session.info.organiser, "PTCE Coop'R");
}

#[test]
fn a_new_organisation_is_added_once_named_then_each_field_is_saved_as_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    let before = session(&h).organisations.len();
    click(&mut h, "+ Nouvelle organisation");
    h.get_by_role_and_label(Role::TextInput, "Nom").click();
    h.run();
    type_keys(&mut h, "Scierie du Périgord");
    press(&mut h, Key::Tab);
    assert_eq!(session(&h).organisations.len(), before + 1);
    assert_eq!(
        h.state().doc.workshop().undo_label(Language::Fr),
        Some("ajouter une organisation")
    );
    type_keys(&mut h, "Bois");
    press(&mut h, Key::Tab);
    let org = session(&h)
        .organisations
        .iter()
        .find(|o| o.name == "Scierie du Périgord")
        .expect("added");
    assert_eq!(org.sector, "Bois");
    assert_eq!(
        h.state().doc.workshop().undo_label(Language::Fr),
        Some("modifier le secteur")
    );

    // A name another organisation has is said, kept in the field, and not saved.
    let other = session(&h).organisations[0].name.clone();
    retype(&mut h, "Nom", &other);
    press(&mut h, Key::Tab);
    assert!(h.query_by_label_contains("porte déjà ce nom").is_some());
    assert_eq!(
        session(&h)
            .organisations
            .iter()
            .filter(|o| o.name == other)
            .count(),
        1
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Nom")
            .value()
            .as_deref(),
        Some(other.as_str())
    );
}

#[test]
fn the_ideas_table_fits_beside_the_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num3);
    let title = session(&h).ideas[0].title.clone();
    click(&mut h, &title);
    h.run();
    let status = h.get_by_role_and_label(Role::ColumnHeader, "Statut").rect();
    let editor = h.get_by_label("Modifier l'idée").rect();
    assert!(
        status.max.x <= editor.min.x,
        "the last column {status:?} runs under the editor {editor:?}"
    );
}

#[test]
fn escape_on_a_typed_new_idea_asks_and_discarding_is_the_users_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    let before = session(&h).ideas.len();
    keys(&mut h, Modifiers::COMMAND, Key::N);
    type_keys(&mut h, "Compost partagé");
    press(&mut h, Key::Escape);
    assert!(h.state().capture.open, "the first Escape asks");
    click(&mut h, "Effacer la saisie");
    assert!(h.state().capture.open);
    assert!(h.query_by_label_contains("n'est pas enregistrée").is_none());
    // Now empty, Escape closes at once; nothing was added.
    press(&mut h, Key::Escape);
    assert!(!h.state().capture.open);
    assert_eq!(session(&h).ideas.len(), before);
}

#[test]
fn ctrl_z_while_typing_a_title_undoes_the_typing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num3);
    let first = session(&h).ideas[0].clone();
    click(&mut h, &first.title);
    retype(&mut h, "Titre", "Une faute de frappe");
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).ideas[0].title, first.title);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Titre")
            .value()
            .as_deref(),
        Some(first.title.as_str()),
        "the field shows the title back"
    );
    // And Ctrl+Y brings the typing back.
    keys(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(session(&h).ideas[0].title, "Une faute de frappe");
}

#[test]
fn a_category_label_is_saved_when_the_view_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    let first = session(&h).categories[0].clone();
    h.get_all_by_role_and_label(Role::TextInput, "Libellé (français)")
        .next()
        .expect("the first category's label")
        .click();
    h.run();
    keys(&mut h, Modifiers::COMMAND, Key::A);
    type_keys(&mut h, "Matières, déchets et coproduits");
    assert_eq!(session(&h).categories[0].label_fr, first.label_fr);
    keys(&mut h, Modifiers::COMMAND, Key::Num4);
    assert_eq!(
        session(&h).categories[0].label_fr,
        "Matières, déchets et coproduits"
    );
    assert_eq!(session(&h).categories[0].label_en, first.label_en);
    assert_eq!(
        h.state().doc.workshop().undo_label(Language::Fr),
        Some("modifier le libellé français")
    );
}

#[test]
fn unavailable_times_typed_in_an_organisation_are_saved_when_the_app_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(&dir);
    keys(&mut h, Modifiers::COMMAND, Key::Num1);
    let name = session(&h).organisations[0].name.clone();
    click(&mut h, &name);
    retype(
        &mut h,
        "Indisponible (rendez-vous B2B)",
        "14:00-14:40, 16h-16h30",
    );
    h.state_mut().close_document().expect("saved on close");
    let file = store::load(&dir.path().join("atelier.ron")).expect("loads");
    let organisation = file
        .session
        .organisations
        .iter()
        .find(|o| o.name == name)
        .expect("still there");
    let shown: Vec<String> = organisation
        .unavailable
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(shown, ["14:00-14:40", "16:00-16:30"]);
}
