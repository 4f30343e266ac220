//! The board at 510 ideas, at 1920×1080, as a facilitator uses it: a new cluster is
//! brought into view, a card dragged to the edge scrolls the board, a title mixing
//! Arabic and French is drawn in reading order.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use synergies::model::Session;
use synergies::store;
use synergies::synthetic::synthetic_session;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;
use synergies::ui::{SynergiesApp, View};

const SCREEN: egui::Rect =
    egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1920.0, 1080.0));

fn board(dir: &tempfile::TempDir, session: Session) -> Harness<'static, SynergiesApp> {
    let path = dir.path().join("atelier.ron");
    store::create(&path, &session).expect("saved");
    let (doc, _) = Document::open(&path).expect("opens");
    let mut app = SynergiesApp::with_document(doc, Preferences::default());
    app.view = View::Board;
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    h.run();
    h
}

fn first_title_of_cluster(h: &Harness<SynergiesApp>, cluster: usize) -> String {
    let session = h.state().doc.session();
    let id = session.clusters[cluster].id;
    session
        .ideas
        .iter()
        .find(|i| i.cluster == Some(id))
        .map(|i| i.title.clone())
        .expect("a cluster with ideas")
}

#[test]
fn a_cluster_made_with_ctrl_g_is_brought_into_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = board(&dir, synthetic_session(36, 278, 510).expect("builds"));
    let title = first_title_of_cluster(&h, 0);
    h.get_by_label(&title).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("Tout nouveau regroupement".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let session = h.state().doc.session();
    assert_eq!(
        session.clusters.last().map(|c| c.name.as_str()),
        Some("Tout nouveau regroupement"),
        "the new cluster is last, at the bottom of 43 clusters"
    );
    let header = h.get_by_label_contains("Tout nouveau regroupement").rect();
    assert!(SCREEN.contains_rect(header), "on screen: {header:?}");
    let card = h.get_by_label(&title).rect();
    assert!(SCREEN.contains_rect(card), "its card too: {card:?}");
}

#[test]
fn a_card_dragged_to_the_bottom_edge_scrolls_the_board() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = board(&dir, synthetic_session(36, 278, 510).expect("builds"));
    let title = first_title_of_cluster(&h, 0);
    let start = h.get_by_label(&title).rect().center();
    let far = first_title_of_cluster(&h, 20);
    assert!(h.query_by_label(&far).is_none(), "far below, not laid out");
    h.drag_at(start);
    h.run();
    let edge = egui::pos2(start.x, 1070.0);
    for step in 1..=10 {
        h.hover_at(start + (edge - start) * (step as f32 / 10.0));
        h.step();
    }
    // Held at the edge, the board keeps scrolling.
    for _ in 0..200 {
        h.hover_at(edge);
        h.step();
    }
    let moved = h.query_by_label(&title).map(|n| n.rect().top());
    assert!(
        moved.is_none_or(|top| top < start.y - 300.0),
        "the first card scrolled up or out: {moved:?}"
    );
    h.drop_at(edge);
    h.run();
}

#[test]
fn a_title_mixing_arabic_and_french_is_never_drawn_reversed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = synergies::example::example_session().expect("builds");
    let arabic = "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}";
    session.ideas[0].title = format!("Compost {arabic} pour le quartier");
    let mut h = board(&dir, session);
    let drawn: Vec<String> = h
        .output()
        .shapes
        .iter()
        .filter_map(|s| match &s.shape {
            egui::epaint::Shape::Text(t) => Some(t.galley.job.text.clone()),
            _ => None,
        })
        .filter(|t| t.contains("Compost"))
        .collect();
    assert!(!drawn.is_empty(), "the card is drawn");
    for text in &drawn {
        // The French reads left to right as typed; the Arabic run is reversed for a
        // painter that draws left to right, so that it reads right to left.
        assert!(text.starts_with("Compost "), "{text}");
        assert!(text.ends_with(" pour le quartier"), "{text}");
        let reversed: String = arabic.chars().rev().collect();
        assert!(text.contains(&reversed), "{text}");
    }
    h.run();
}
