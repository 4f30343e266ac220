//! Writes a generated session of a given size, for scale checks (CI renders its report).
//!
//! `cargo run --example make_synthetic_session -- OUT.ron IDEAS`

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let path = args
        .next()
        .map(PathBuf::from)
        .ok_or_else(|| anyhow::anyhow!("usage: make_synthetic_session OUT.ron IDEAS"))?;
    let ideas: usize = args
        .next()
        .and_then(|a| a.to_str().and_then(|s| s.parse().ok()))
        .unwrap_or(5100);
    let scale = ideas.div_ceil(510).max(1);
    let session = synergies::synthetic::synthetic_session(36 * scale, 278 * scale, ideas)?;
    synergies::store::create(&path, &session)?;
    println!("wrote {} ({ideas} ideas)", path.display());
    Ok(())
}
