//! Writes that never leave a half-written file, and backups of what they replace.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Prefix of the temporary files written next to a session file.
const TEMP_PREFIX: &str = ".synergies-";
const TEMP_SUFFIX: &str = ".tmp";
/// Name of the folder, next to a session file, that holds its backups.
pub const BACKUP_DIR: &str = ".synergies-backups";

/// The folder `path` is in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` so that `path` holds either its old content or the new one,
/// never a mix, even if the process is killed or the power fails: a temporary file in
/// the same folder is written, flushed to disk and renamed over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = folder_of(path);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    keep_permissions(path, temp.path());
    temp.persist(path).map_err(|e| e.error)?;
    sync_folder(folder);
    Ok(())
}

/// Gives the new file the permissions of the one it replaces (a temporary file is
/// private to its owner), or ordinary document permissions for a new file.
fn keep_permissions(target: &Path, temp: &Path) {
    let permissions = match fs::metadata(target) {
        Ok(metadata) => metadata.permissions(),
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::Permissions::from_mode(0o644)
            }
            #[cfg(not(unix))]
            {
                return;
            }
        }
    };
    // Best effort: a file system without permissions (FAT) refuses, and that is fine.
    let _ = fs::set_permissions(temp, permissions);
}

/// Flushes the folder entry of a rename to disk (Unix); elsewhere the rename suffices.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// Removes temporary files left by a write that was killed more than an hour ago.
pub fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Keeps a copy of the file at `path` (if there is one) in the backup folder next to it,
/// and removes all but the newest `keep` backups of that file. Returns the backup's path.
pub fn back_up(path: &Path, keep: usize) -> io::Result<Option<PathBuf>> {
    if !path.is_file() {
        return Ok(None);
    }
    let folder = folder_of(path).join(BACKUP_DIR);
    fs::create_dir_all(&folder)?;
    let stem = backup_stem(path);
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    let mut backup = folder.join(format!("{stem}.{stamp}.ron"));
    let mut n = 1;
    while backup.exists() {
        backup = folder.join(format!("{stem}.{stamp}-{n}.ron"));
        n += 1;
    }
    // A hard link costs nothing and is atomic; file systems without links get a copy.
    if fs::hard_link(path, &backup).is_err() {
        fs::copy(path, &backup)?;
    }
    prune_backups(path, keep)?;
    Ok(Some(backup))
}

fn backup_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".to_owned())
}

/// The backups of the file at `path`, oldest first.
pub fn backups_of(path: &Path) -> Vec<PathBuf> {
    let folder = folder_of(path).join(BACKUP_DIR);
    let prefix = format!("{}.", backup_stem(path));
    let Ok(entries) = fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut backups: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with(&prefix)
                    && n.ends_with(".ron")
                    // "foo.2026…" but not "foo.bar.2026…" of a file named "foo.bar.ron".
                    && n[prefix.len()..].starts_with(|c: char| c.is_ascii_digit())
            })
        })
        .collect();
    backups.sort();
    backups
}

fn prune_backups(path: &Path, keep: usize) -> io::Result<()> {
    let backups = backups_of(path);
    let excess = backups.len().saturating_sub(keep);
    for old in &backups[..excess] {
        fs::remove_file(old)?;
    }
    Ok(())
}
