//! The command line's contract: exit 0 on success, 1 with one `error:` line on any
//! error, never a panic; and what each command prints.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use proptest::prelude::*;

const BIN: &str = env!("CARGO_BIN_EXE_synergies");

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/atelier-exemple.ron")
        .to_string_lossy()
        .into_owned()
}

fn assert_error(o: &Output, needle: &str) {
    let message = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{message}");
    assert!(message.starts_with("error:"), "{message}");
    assert!(
        message.contains(needle),
        "{message} does not mention {needle}"
    );
}

#[test]
fn help_and_version_succeed() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [&["--help"][..], &["--version"], &["import", "--help"]] {
        let o = run_in(dir.path(), args);
        assert!(o.status.success());
        assert!(!o.stdout.is_empty());
    }
}

#[test]
fn usage_errors_exit_1_with_an_error_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_error(&run_in(dir.path(), &["new"]), "FILE");
    assert_error(
        &run_in(dir.path(), &["stats", "a.ron", "--frobnicate"]),
        "frobnicate",
    );
    assert_error(
        &run_in(dir.path(), &["new", "a.ron", "--title", ""]),
        "title",
    );
    assert_error(
        &run_in(
            dir.path(),
            &["new", "a.ron", "--title", "x", "--date", "19/11/2026"],
        ),
        "AAAA-MM-JJ",
    );
    assert_error(&run_in(dir.path(), &["import", "a.ron"]), "rien à importer");
    assert_error(&run_in(dir.path(), &["stats", "absent.ron"]), "absent.ron");
    assert_error(
        &run_in(dir.path(), &["new", "no/such/folder/a.ron", "--title", "x"]),
        "no/such/folder/a.ron",
    );
}

#[test]
fn new_creates_a_session_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = run_in(
        dir.path(),
        &[
            "new",
            "a.ron",
            "--title",
            "Atelier de Bergerac",
            "--date",
            "2026-11-19",
            "--venue",
            "Salle des fêtes",
        ],
    );
    assert!(o.status.success());
    let session = synergies::store::load(&dir.path().join("a.ron"))
        .expect("loads")
        .session;
    assert_eq!(session.info.title, "Atelier de Bergerac");
    assert_eq!(session.info.venue, "Salle des fêtes");
    assert_eq!(session.categories.len(), 8);
    let before = fs::read(dir.path().join("a.ron")).expect("read");
    assert_error(
        &run_in(dir.path(), &["new", "a.ron", "--title", "x"]),
        "existe déjà",
    );
    assert_eq!(fs::read(dir.path().join("a.ron")).expect("read"), before);
}

#[test]
fn stats_print_the_figures_in_json_and_in_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = run_in(dir.path(), &["stats", &example(), "--json"]);
    assert!(o.status.success());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let object = json.as_object().expect("one object");
    assert_eq!(object.len(), 15);
    assert!(object.values().all(serde_json::Value::is_u64));
    let session = synergies::store::load(Path::new(&example()))
        .expect("loads")
        .session;
    let stats = synergies::model::Stats::of(&session);
    assert_eq!(json["ideas"], stats.ideas);
    assert_eq!(json["selected"], stats.selected);

    let o = run_in(dir.path(), &["stats", &example()]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(&format!("{} idées de synergie", stats.ideas)),
        "{text}"
    );
    assert!(text.contains("retenues pour les rendez-vous B2B"), "{text}");
    assert!(text.contains("sur le point de se concrétiser"), "{text}");
}

#[test]
fn check_reports_an_inconsistent_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = run_in(dir.path(), &["check", &example()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("ok :"));

    // An idea pointing at an organisation that is not there (as a hand edit would do).
    let text = fs::read_to_string(example()).expect("read");
    let session = synergies::store::load(Path::new(&example()))
        .expect("loads")
        .session;
    let org = session.organisations[0].id.to_string();
    let first_use = text.rfind(&org).expect("referenced");
    let broken = format!(
        "{}{}{}",
        &text[..first_use],
        uuid::Uuid::new_v4(),
        &text[first_use + org.len()..]
    );
    fs::write(dir.path().join("broken.ron"), broken).expect("written");
    let o = run_in(dir.path(), &["check", "broken.ron"]);
    assert_error(&o, "trouvé");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("problème :"));
    // The finding itself is in the session's language, like the rest of the line.
    assert!(stdout.contains("qui n'existe pas"), "{stdout}");
    assert!(!stdout.contains("does not exist"), "{stdout}");
}

#[test]
fn export_names_the_folder_it_cannot_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("file"), "x").expect("written");
    assert_error(
        &run_in(dir.path(), &["export", &example(), "--csv", "file/out"]),
        "file/out",
    );
}

/// `synergies stats F | head -1`: a reader that has gone before the command writes
/// (a pipe whose reading end is already closed) ends the output quietly, with status 0
/// and nothing on stderr, for every command that prints.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(example(), dir.path().join("a.ron")).expect("copied");
    let runs: [&[&str]; 4] = [
        &["stats", "a.ron"],
        &["stats", "a.ron", "--json"],
        &["check", "a.ron"],
        &["export", "a.ron", "--csv", "out"],
    ];
    for args in runs {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let o = Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} said: {stderr}");
    }
}

#[test]
fn the_quiet_pipe_takes_a_broken_pipe_as_the_end() {
    use std::io::Write;
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
    }
    let mut out = synergies::cli::QuietPipe::new(Closed);
    assert!(writeln!(out, "une ligne").is_ok());
    assert!(out.flush().is_ok());
    assert!(out.is_closed());
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever bytes a session or spreadsheet file holds, every command ends with 0 or
    /// 1, never a panic.
    #[test]
    fn no_input_makes_it_panic(
        session in proptest::collection::vec(any::<u8>(), 0..400),
        csv in proptest::collection::vec(any::<u8>(), 0..400),
        text in "[a-zA-Z0-9;,\"\n\r\t éèà|-]{0,300}",
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("s.ron"), &session).expect("written");
        fs::write(dir.path().join("bytes.csv"), &csv).expect("written");
        fs::write(dir.path().join("text.csv"), &text).expect("written");
        fs::copy(example(), dir.path().join("good.ron")).expect("copied");
        let runs: [&[&str]; 7] = [
            &["check", "s.ron"],
            &["stats", "s.ron", "--json"],
            &["export", "s.ron", "--csv", "out"],
            &["import", "good.ron", "--organisations", "bytes.csv"],
            &["import", "good.ron", "--ideas", "text.csv"],
            &["import", "good.ron", "--fiches", "text.csv"],
            &["import", "s.ron", "--ideas", "text.csv"],
        ];
        for args in runs {
            let o = run_in(dir.path(), args);
            let code = o.status.code();
            prop_assert!(code == Some(0) || code == Some(1), "{args:?} exited {code:?}: {}",
                String::from_utf8_lossy(&o.stderr));
            if code == Some(1) {
                prop_assert!(String::from_utf8_lossy(&o.stderr).starts_with("error:"));
            }
        }
    }
}
