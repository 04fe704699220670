//! The output manifest: what the last successful build left in an output folder, file by file
//! (length, modification time and, for written files, the SHA-256 of the bytes). It is kept in
//! the cache folder, one per output folder, and lets the next build into the same folder update
//! it in place: a file whose new bytes hash to the manifest's, and which still has the length and
//! time the manifest recorded, is left alone, so a rebuild neither reads the old output nor
//! writes, links or deletes the files that did not change. It also records every folder of the
//! output with its modification time: a folder whose time is unchanged still has the entries
//! it had, so the next build lists only the folders that changed to find files it did not make,
//! instead of walking the archive's 200,000 folders.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use sha2::{Digest, Sha256};

/// The first line of every manifest; bump it when the format changes.
const HEADER: &str = "agendum-output-manifest 2";

/// One output file as a build left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    /// Length in bytes.
    pub len: u64,
    /// Modification time, in nanoseconds since the Unix epoch.
    pub mtime: u128,
    /// SHA-256 of the bytes of a written file; `None` for a file copied from `content/`, which
    /// is compared by its source's length and time instead.
    pub hash: Option<[u8; 32]>,
}

impl Entry {
    /// The entry for the file at `path` as it is now, with `hash`.
    pub fn of(path: &Path, hash: Option<[u8; 32]>) -> io::Result<Entry> {
        Ok(Entry::from_metadata(&fs::symlink_metadata(path)?, hash))
    }

    /// The entry of a file whose metadata is `meta`.
    pub fn from_metadata(meta: &fs::Metadata, hash: Option<[u8; 32]>) -> Entry {
        Entry { len: meta.len(), mtime: mtime(meta), hash }
    }

    /// Whether the file at `path` still has this entry's length and time (and so, unless
    /// someone kept both while changing it, the bytes it was written with).
    pub fn matches_file(&self, path: &Path) -> bool {
        fs::symlink_metadata(path)
            .is_ok_and(|m| m.is_file() && m.len() == self.len && mtime(&m) == self.mtime)
    }
}

/// What a manifest records.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Manifest {
    /// Every file, by path relative to the output folder.
    pub files: HashMap<String, Entry>,
    /// Every folder holding a file, by path relative to the output folder (`""` is the output
    /// folder itself), with its modification time as the build left it.
    pub folders: HashMap<String, u128>,
}

/// The modification time of a file in nanoseconds since the epoch (0 where there is none).
pub(super) fn mtime(meta: &fs::Metadata) -> u128 {
    meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
}

/// The SHA-256 of some bytes.
pub(super) fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Where the manifest of the output folder `output` is kept inside `cache`: named after the
/// folder's absolute path, so that each output folder has its own.
pub fn path(cache: &Path, output: &Path) -> PathBuf {
    cache.join(format!("output-{}.manifest", folder_key(output)))
}

/// A short name for an output folder, the same however its path is written: hex digits of the
/// hash of its absolute path. The folder need not exist yet: its parent is resolved (where it
/// exists), so the first build and the next name the folder alike.
pub fn folder_key(output: &Path) -> String {
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let out = match (fs::canonicalize(parent), output.file_name()) {
        (Ok(p), Some(name)) => p.join(name),
        _ => fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf()),
    };
    let h = hash(out.to_string_lossy().as_bytes());
    crate::hex::encode(&h[..8])
}

/// Where the note called `name` that goes with the manifest at `manifest` is kept.
pub(super) fn note_path(manifest: &Path, name: &str) -> PathBuf {
    manifest.with_extension(format!("{name}.note"))
}

/// Reads a manifest; `None` if it is missing, unreadable or not in this version's format (the
/// build then writes the output afresh).
pub(super) fn read(path: &Path) -> Option<Manifest> {
    let file = fs::File::open(path).ok()?;
    let mut lines = io::BufReader::new(file).lines();
    if lines.next()?.ok()? != HEADER {
        return None;
    }
    let mut manifest = Manifest::default();
    for line in lines {
        let line = line.ok()?;
        if let Some(folder) = line.strip_prefix("d ") {
            let (mtime, rel) = folder.split_once(' ')?;
            manifest.folders.insert(rel.to_string(), mtime.parse().ok()?);
            continue;
        }
        let mut parts = line.splitn(4, ' ');
        let (hash, len, mtime, rel) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        let hash = if hash == "-" { None } else { Some(crate::hex::decode32(hash)?) };
        manifest
            .files
            .insert(rel.to_string(), Entry { len: len.parse().ok()?, mtime: mtime.parse().ok()?, hash });
    }
    Some(manifest)
}

/// Writes a manifest, folders then files, each sorted by path, beside its final name and then
/// renamed into place.
pub(super) fn write(
    path: &Path,
    files: &HashMap<String, Entry>,
    folders: &HashMap<String, u128>,
) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut sorted: Vec<(&String, &Entry)> = files.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut dirs: Vec<(&String, &u128)> = folders.iter().collect();
    dirs.sort_unstable();
    let tmp = path.with_extension(format!("manifest.partial-{}", std::process::id()));
    {
        let mut f = io::BufWriter::with_capacity(1 << 20, fs::File::create(&tmp)?);
        writeln!(f, "{HEADER}")?;
        for (rel, mtime) in dirs {
            writeln!(f, "d {mtime} {rel}")?;
        }
        let mut line = String::new();
        for (rel, e) in sorted {
            line.clear();
            match &e.hash {
                Some(h) => crate::hex::push(&mut line, h),
                None => line.push('-'),
            }
            writeln!(f, "{line} {} {} {rel}", e.len, e.mtime)?;
        }
        f.flush()?;
    }
    fs::rename(&tmp, path)
}

/// Removes a manifest, so that an output folder being changed in place is never described by
/// one until the change is complete.
pub(super) fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_as_written() {
        let dir = std::env::temp_dir().join(format!("agendum-manifest-{}", std::process::id()));
        let path = dir.join("m.manifest");
        let mut m = Manifest::default();
        m.files.insert("a b/index.html".to_string(), Entry { len: 3, mtime: 17, hash: Some(hash(b"abc")) });
        m.files
            .insert("minutes.pdf".to_string(), Entry { len: 9, mtime: u128::from(u64::MAX) + 1, hash: None });
        m.folders.insert(String::new(), 5);
        m.folders.insert("a b".to_string(), 6);
        write(&path, &m.files, &m.folders).unwrap();
        assert_eq!(read(&path), Some(m));
        fs::write(&path, "agendum-output-manifest 0\n").unwrap();
        assert_eq!(read(&path), None, "another format version is not read");
        fs::remove_dir_all(&dir).unwrap();
    }
}
