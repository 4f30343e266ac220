//! A process killed (SIGKILL) at random moments while it saves leaves a session file that
//! loads, every time, holding either the old session or the new one.

#![cfg(unix)]

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use synergies::store;
use synergies::synthetic::synthetic_session;

const BIN: &str = env!("CARGO_BIN_EXE_synergies");

/// A small xorshift generator: the seed is printed so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_file_that_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("atelier.ron");
    // A large session, so that a save takes long enough to be interrupted in the middle.
    let session = synthetic_session(360, 2780, 5100).expect("builds");
    store::create(&path, &session).expect("saved");
    let rows: String = (0..50)
        .map(|i| format!("Idée importée {i};{i}\n"))
        .collect();
    fs::write(dir.path().join("ideas.csv"), format!("titre;votes\n{rows}")).expect("written");

    let import = || {
        Command::new(BIN)
            .args(["import", "atelier.ron", "--ideas", "ideas.csv"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawned")
    };
    // How long a whole import (load, import, save) takes here.
    let started = Instant::now();
    let status = import().wait().expect("waited");
    assert!(status.success());
    let full_run = started.elapsed();
    let mut ideas = store::load(&path).expect("loads").session.ideas.len();

    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    println!("seed {seed}, a full import takes {full_run:?}");
    let mut rng = Rng(seed);
    let mut interrupted = 0;
    for round in 0..30 {
        let mut child = import();
        let delay_us = rng.next() % (full_run.as_micros() as u64 * 12 / 10).max(1);
        std::thread::sleep(Duration::from_micros(delay_us));
        let finished = matches!(child.try_wait(), Ok(Some(_)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !finished {
            interrupted += 1;
        }
        let loaded = store::load(&path).unwrap_or_else(|e| {
            panic!("round {round} (seed {seed}, killed after {delay_us} µs): {e}")
        });
        let now = loaded.session.ideas.len();
        assert!(
            now == ideas || now == ideas + 50,
            "round {round}: {ideas} ideas before, {now} after"
        );
        ideas = now;
        // The newest backup, if any, is a whole file too.
        if let Some(backup) = store::atomic::backups_of(&path).last() {
            store::load(backup).expect("the newest backup loads");
        }
    }
    assert!(
        interrupted >= 10,
        "only {interrupted} runs were interrupted"
    );
}
