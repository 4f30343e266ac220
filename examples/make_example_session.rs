//! Writes the example workshop to `sessions/atelier-exemple.ron`.
//!
//! `cargo run --example make_example_session [PATH]`

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let path = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from("sessions/atelier-exemple.ron"),
        PathBuf::from,
    );
    let session = synergies::example::example_session()?;
    let text = synergies::store::to_ron(&session)?;
    synergies::store::atomic::write_atomically(&path, text.as_bytes())?;
    println!("wrote {}", path.display());
    Ok(())
}
