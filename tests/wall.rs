//! The wall (presentation mode, F11) on a 510-idea session at 1920×1080, driven as a
//! facilitator drives it: keys and clicks. The type sizes asserted are those of the
//! text egui was asked to draw.

use egui::epaint::{ClippedShape, Shape};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use synergies::model::{Session, Status};
use synergies::store;
use synergies::synthetic::synthetic_session;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;
use synergies::ui::{SynergiesApp, View, WallMode};

/// The app on a saved 510-idea session, on `view`, in presentation mode.
fn wall(dir: &tempfile::TempDir, view: View) -> Harness<'static, SynergiesApp> {
    let path = dir.path().join("atelier-510.ron");
    store::create(&path, &synthetic_session(36, 278, 510).expect("builds")).expect("saved");
    let (doc, _) = Document::open(&path).expect("opens");
    let mut app = SynergiesApp::with_document(doc, Preferences::default());
    app.view = view;
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    h.run();
    press(&mut h, Key::F11);
    assert!(h.state().presentation);
    h
}

fn press(h: &mut Harness<SynergiesApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn type_text(h: &mut Harness<SynergiesApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

fn session<'h>(h: &'h Harness<'_, SynergiesApp>) -> &'h Session {
    h.state().doc.session()
}

/// Every text drawn last frame, with its font size in points.
fn drawn_texts(h: &Harness<SynergiesApp>) -> Vec<(String, f32)> {
    fn walk(shape: &Shape, out: &mut Vec<(String, f32)>) {
        match shape {
            Shape::Text(text) => {
                let size = text
                    .galley
                    .job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min);
                out.push((text.galley.job.text.clone(), size));
            }
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for ClippedShape { shape, .. } in &h.output().shapes {
        walk(shape, &mut out);
    }
    out
}

/// The size the text `wanted` was drawn at; fails if it was not drawn.
fn size_of(h: &Harness<SynergiesApp>, wanted: &str) -> f32 {
    drawn_texts(h)
        .into_iter()
        .find(|(text, _)| text == wanted)
        .map(|(_, size)| size)
        .unwrap_or_else(|| panic!("{wanted:?} is not drawn"))
}

/// The ideas of the open cluster, as the model has them.
fn open_cluster_ideas(h: &Harness<SynergiesApp>, cluster: usize) -> Vec<synergies::model::Idea> {
    let session = session(h);
    let id = session.clusters[cluster].id;
    session
        .ideas
        .iter()
        .filter(|i| i.cluster == Some(id))
        .cloned()
        .collect()
}

#[test]
fn the_overview_shows_every_cluster_on_one_screen_in_large_type() {
    let dir = tempfile::tempdir().expect("temp dir");
    let h = wall(&dir, View::Board);
    assert_eq!(h.state().board.wall.mode, WallMode::Overview);
    let clusters: Vec<String> = session(&h)
        .clusters
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert!(clusters.len() >= 40, "the 510-idea session has 42 clusters");
    for name in &clusters {
        assert!(h.query_by_label(name).is_some(), "{name} is on the screen");
        assert!(size_of(&h, name) >= 28.0, "{name} reads from the back");
    }
}

#[test]
fn a_cluster_fills_the_screen_with_28px_titles_and_40px_votes_and_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = wall(&dir, View::Board);
    // The third cluster: arrows then Enter, as a facilitator does.
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().board.wall.mode, WallMode::Cluster);
    let ideas = open_cluster_ideas(&h, 2);
    let top = ideas.iter().max_by_key(|i| i.votes).expect("ideas");
    let shown: Vec<_> = ideas
        .iter()
        .filter(|i| h.query_by_label(&i.title).is_some())
        .collect();
    assert!(!shown.is_empty());
    for idea in &shown {
        assert!(size_of(&h, &idea.title) >= 28.0, "{}", idea.title);
    }
    assert!(
        size_of(&h, &top.votes.to_string()) >= 40.0,
        "votes read from 15 m"
    );
    // More ideas than a page holds: the last one is on a later page, still large.
    if shown.len() < ideas.len() {
        for _ in 0..ideas.len() {
            press(&mut h, Key::ArrowRight);
        }
        let focused = h
            .state()
            .board
            .wall
            .focused_idea()
            .expect("a card in focus");
        let last = ideas
            .iter()
            .find(|i| i.id == focused)
            .expect("in the cluster");
        assert!(size_of(&h, &last.title) >= 28.0);
    }
    // PageDown: the next cluster.
    press(&mut h, Key::PageDown);
    let next = open_cluster_ideas(&h, 3);
    assert!(next.iter().any(|i| h.query_by_label(&i.title).is_some()));
    // Escape: back to the overview, then out of the presentation.
    press(&mut h, Key::Escape);
    assert_eq!(h.state().board.wall.mode, WallMode::Overview);
    assert!(h.state().presentation);
    press(&mut h, Key::Escape);
    assert!(!h.state().presentation);
}

#[test]
fn the_spotlight_shows_one_idea_and_takes_votes_by_key_and_by_typing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = wall(&dir, View::Board);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Space);
    assert_eq!(h.state().board.wall.mode, WallMode::Spotlight);
    let id = h.state().board.wall.focused_idea().expect("in focus");
    let idea = session(&h).idea(id).expect("exists").clone();
    assert!(size_of(&h, &idea.title) >= 28.0);
    for name in session(&h).organisation_names(&idea) {
        assert!(h.query_by_label_contains(name).is_some(), "{name} is shown");
    }
    let votes = |h: &Harness<SynergiesApp>| session(h).idea(id).map(|i| i.votes);
    press(&mut h, Key::Plus);
    assert_eq!(votes(&h), Some(idea.votes + 1));
    assert!(size_of(&h, &(idea.votes + 1).to_string()) >= 40.0);
    // Digits then Enter: the count as read off the sticky dots.
    type_text(&mut h, "1");
    type_text(&mut h, "2");
    press(&mut h, Key::Enter);
    assert_eq!(votes(&h), Some(12));
    // The button, for a mouse.
    h.get_by_label("Retirer un vote").click();
    h.run();
    assert_eq!(votes(&h), Some(11));
    // Ctrl+Z undoes the last vote.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(votes(&h), Some(12));
    press(&mut h, Key::Escape);
    assert_eq!(h.state().board.wall.mode, WallMode::Cluster);
}

#[test]
fn selection_and_hidden_votes_work_on_the_wall() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = wall(&dir, View::Board);
    press(&mut h, Key::Enter);
    let id = h.state().board.wall.focused_idea().expect("in focus");
    let status = |h: &Harness<SynergiesApp>| session(h).idea(id).map(|i| i.status);
    let before = status(&h);
    press(&mut h, Key::S);
    let expected = match before {
        Some(Status::Proposed) => Some(Status::Selected),
        Some(Status::Selected) => Some(Status::Proposed),
        other => other,
    };
    assert_eq!(status(&h), expected);
    // The tally hidden: the wall shows "?" instead of counts, until revealed.
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    let votes = session(&h).idea(id).map(|i| i.votes).expect("exists");
    assert!(h.query_by_label("Révéler les votes").is_some());
    assert!(drawn_texts(&h).iter().any(|(t, s)| t == "?" && *s >= 40.0));
    press(&mut h, Key::Plus);
    assert_eq!(session(&h).idea(id).map(|i| i.votes), Some(votes + 1));
    h.get_by_label("Révéler les votes").click();
    h.run();
    assert!(!drawn_texts(&h).iter().any(|(t, _)| t == "?"));
}

#[test]
fn the_filter_works_on_the_wall_with_a_banner_and_says_when_nothing_matches() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = wall(&dir, View::Board);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    type_text(&mut h, "Idée 12 ");
    press(&mut h, Key::Enter);
    let banner = drawn_texts(&h)
        .into_iter()
        .find(|(t, _)| t.starts_with("Filtre : « Idée 12 »"))
        .expect("a banner says what is filtered");
    assert!(banner.0.contains("sur 510"), "{}", banner.0);
    // The tiles start below the banner, not under it.
    let banner_bottom = h.get_by_label_contains("Filtre :").rect().bottom();
    let first = h
        .state()
        .doc
        .session()
        .clusters
        .iter()
        .find_map(|c| h.query_by_label(&c.name).map(|n| n.rect().top()));
    assert!(
        first.is_some_and(|top| top >= banner_bottom),
        "{first:?} vs {banner_bottom}"
    );
    // A filter that matches nothing says so in words, not with a blank screen.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    type_text(&mut h, "zzz");
    press(&mut h, Key::Enter);
    assert!(
        h.query_by_label_contains("Aucune idée ne correspond à « Idée 12 zzz »")
            .is_some()
    );
    // Escape in the field empties it: every cluster is back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    press(&mut h, Key::Escape);
    assert!(h.state().board.filter.text.is_empty());
    let first = session(&h).clusters[0].name.clone();
    assert!(h.query_by_label(&first).is_some());
}

#[test]
fn the_timer_counts_down_pauses_and_resets_by_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = wall(&dir, View::Board);
    assert!(!drawn_texts(&h).iter().any(|(t, _)| t == "3:00"));
    press(&mut h, Key::T);
    assert!(h.state().timer.is_running());
    assert!(h.query_by_label("Tour de table").is_some());
    let clock = drawn_texts(&h)
        .into_iter()
        .find(|(t, _)| t.starts_with("3:00") || t.starts_with("2:5"))
        .expect("the countdown is on the wall");
    assert!(clock.1 >= 40.0);
    press(&mut h, Key::T);
    assert!(!h.state().timer.is_running());
    assert!(h.query_by_label("En pause").is_some());
    // One minute more, then reset.
    press(&mut h, Key::CloseBracket);
    assert_eq!(h.state().prefs.timer_minutes, 4);
    h.key_press_modifiers(Modifiers::SHIFT, Key::T);
    h.run();
    assert!(!h.state().timer.is_shown());
    assert!(h.query_by_label("En pause").is_none());
}

#[test]
fn the_triage_wall_has_large_lanes_and_triages_by_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = wall(&dir, View::Selection);
    // No editing chrome: no "Appliquer", no follow-up fields.
    assert!(h.query_by_label("Appliquer").is_none());
    assert!(h.query_by_label("Prochaine étape").is_none());
    for lane in ["À trier", "Abandonnée", "À approfondir"] {
        assert!(size_of(&h, lane) >= 28.0, "{lane}");
    }
    // The first arrow focuses the first idea to triage; 3 sends it to "to deepen".
    press(&mut h, Key::ArrowDown);
    let focus = h.state().selection.focus.expect("an idea in focus");
    let idea = session(&h).idea(focus).expect("exists").clone();
    assert_eq!(idea.status, Status::Selected);
    assert!(size_of(&h, &idea.title) >= 28.0);
    press(&mut h, Key::Num3);
    assert_eq!(
        session(&h).idea(focus).map(|i| i.status),
        Some(Status::ToDeepen)
    );
}

/// The app on `session`, on the board, in presentation mode.
fn wall_on(dir: &tempfile::TempDir, session: &Session) -> Harness<'static, SynergiesApp> {
    let path = dir.path().join("atelier.ron");
    store::create(&path, session).expect("saved");
    let (doc, _) = Document::open(&path).expect("opens");
    let mut app = SynergiesApp::with_document(doc, Preferences::default());
    app.view = View::Board;
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    h.run();
    press(&mut h, Key::F11);
    h
}

#[test]
fn an_empty_session_says_so_on_the_wall() {
    let dir = tempfile::tempdir().expect("temp dir");
    let h = wall_on(&dir, &Session::new("Atelier vide"));
    assert!(h.query_by_label_contains("Pas encore d'idée").is_some());
    assert!(
        h.query_by_label_contains("filtre").is_none(),
        "no filter to blame"
    );
}

#[test]
fn a_huge_title_with_emoji_and_arabic_stays_usable_in_the_spotlight() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = synthetic_session(4, 8, 12).expect("builds");
    let long = format!(
        "Compost 🌱 \u{0645}\u{0631}\u{062D}\u{0628}\u{0627} {}",
        "mutualisation des palettes ".repeat(120)
    );
    assert!(long.chars().count() > 3000);
    let first_cluster = session.clusters[0].id;
    let idea = session
        .ideas
        .iter_mut()
        .find(|i| i.cluster == Some(first_cluster))
        .expect("an idea in the first cluster");
    idea.title = long.clone();
    idea.votes = 99;
    let mut h = wall_on(&dir, &session);
    press(&mut h, Key::Enter);
    // Its card cuts the title to three lines; the spotlight shows it whole, scrolling.
    for _ in 0..20 {
        if h.state()
            .board
            .wall
            .focused_idea()
            .and_then(|id| h.state().doc.session().idea(id))
            .is_some_and(|i| i.title == long)
        {
            break;
        }
        press(&mut h, Key::ArrowRight);
    }
    press(&mut h, Key::Space);
    assert_eq!(h.state().board.wall.mode, WallMode::Spotlight);
    let minus = h.get_by_label("Retirer un vote").rect();
    assert!(
        minus.bottom() <= 1080.0,
        "the vote buttons stay on screen: {minus:?}"
    );
    h.get_by_label("Retirer un vote").click();
    h.run();
    let id = h.state().board.wall.focused_idea().expect("in focus");
    assert_eq!(h.state().doc.session().idea(id).map(|i| i.votes), Some(98));
}
