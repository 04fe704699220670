//! Stage 6: write the site atomically. Files go into a temporary folder beside the output
//! folder, which replaces the output folder only when everything has been written; a failed
//! build leaves the previous output exactly as it was.
//!
//! With a cache folder, each successful build also leaves a [`manifest`] of the output there,
//! and the next build into the same folder updates it in place instead: the temporary folder
//! then receives only the files whose bytes changed, and [`Staging::commit`] moves those into
//! the output and deletes what the build no longer makes. The unchanged files are not read,
//! linked or rewritten, so they keep their modification times and a rebuild after one edit
//! costs the files it changes, not the archive. The manifest is removed before the output is
//! touched and written again after, so a build interrupted part-way through the move leaves no
//! manifest, and the next build writes the whole output afresh and swaps it in.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::render::Sink;

pub mod manifest;

use manifest::Entry;

/// The notes other stages may leave with the manifest (see [`Sink::leave_note`]).
const NOTES: &[&str] = &[crate::render::reuse::NOTE, crate::packs::NOTE, crate::search::NOTE];

/// A temporary output folder that becomes (or updates) the real one on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    committed: bool,
    /// Folders already created, so that writing 100,000 pages does not ask the file system
    /// to create each page's folder chain again (a tenth of the HTML stage's time).
    made: Mutex<std::collections::HashSet<PathBuf>>,
    /// Where this output folder's manifest is kept; `None` without a cache folder.
    manifest: Option<PathBuf>,
    /// The previous build's manifest of files, when this build updates the output in place.
    previous: Option<HashMap<String, Entry>>,
    /// The previous build's folders with their modification times (see [`manifest::Manifest`]).
    previous_folders: HashMap<String, u128>,
    /// Every file this build has written: its entry, and whether its bytes are in the
    /// temporary folder (`true`) or already in the output.
    written: Mutex<HashMap<String, (Entry, bool)>>,
    /// The notes the previous build left with its manifest, by name.
    previous_notes: Mutex<HashMap<String, String>>,
    /// The notes this build leaves: written at once beside their final names in the cache (a
    /// note can be tens of megabytes, better not held through the search stage), and renamed
    /// into place with the manifest.
    notes: Mutex<HashMap<String, PathBuf>>,
    /// Held from start to finish when there is a manifest, so that two builds never update the
    /// same output folder at once (released when the staging is dropped).
    _lock: Option<fs::File>,
}

/// How a build wrote its output: afresh, or by updating the previous output in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Committed {
    /// Files whose bytes were written (or copied) by this build.
    pub changed: usize,
    /// Files of the previous output left as they were.
    pub kept: usize,
    /// Files of the previous output this build no longer makes, deleted.
    pub removed: usize,
    /// Whether the output was updated in place (there was a manifest of it).
    pub in_place: bool,
    /// The output's size in bytes, from the manifest (`None` without one).
    pub bytes: Option<u64>,
}

impl Staging {
    /// Creates `<output>.partial-<pid>` next to `output`. With `cache`, the output's manifest is
    /// read from there: if it exists and the output folder does too, this build updates the
    /// output in place.
    pub fn new(output: &Path, cache: Option<&Path>) -> io::Result<Self> {
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let name = output.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        // Folders left by builds that were killed (a killed process cleans up nothing).
        if let Ok(entries) = fs::read_dir(parent) {
            let prefix = format!(".{name}.partial-");
            let old_prefix = format!(".{name}.old-");
            for e in entries.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                let pid = n.strip_prefix(&prefix).or_else(|| n.strip_prefix(&old_prefix));
                if pid.is_some_and(|pid| !running(pid)) {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
        let temp = parent.join(format!(".{name}.partial-{}", std::process::id()));
        create_dir(&temp)?;
        let manifest = cache.map(|c| manifest::path(c, output));
        // One build at a time into an output folder that has a manifest: a second build waits
        // here, then reads the manifest the first one left.
        let lock = match &manifest {
            Some(path) => {
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir)?;
                }
                let f = fs::File::options()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(path.with_extension("lock"))?;
                lock_exclusive(&f)?;
                Some(f)
            }
            None => None,
        };
        let (previous, previous_folders) =
            match manifest.as_deref().filter(|_| output.is_dir()).and_then(manifest::read) {
                Some(m) => (Some(m.files), m.folders),
                None => (None, HashMap::new()),
            };
        let mut previous_notes = HashMap::new();
        if let (Some(path), Some(_)) = (&manifest, &previous) {
            for name in NOTES {
                if let Ok(text) = fs::read_to_string(manifest::note_path(path, name)) {
                    previous_notes.insert(name.to_string(), text);
                }
            }
        }
        Ok(Staging {
            target: output.to_path_buf(),
            temp,
            committed: false,
            made: Default::default(),
            manifest,
            previous,
            previous_folders,
            written: Default::default(),
            previous_notes: Mutex::new(previous_notes),
            notes: Default::default(),
            _lock: lock,
        })
    }

    /// Puts the finished output in place: swaps the new folder in (and removes the old one), or,
    /// when updating in place, moves the changed files into the output and deletes the files
    /// this build did not make. Then records the manifest, if there is a cache.
    pub fn commit(mut self) -> io::Result<Committed> {
        let written = std::mem::take(self.written.get_mut().unwrap_or_else(|e| e.into_inner()));
        let folders = folders_of(&written);
        let result = if self.previous.is_some() {
            self.update_in_place(&written, &folders)
        } else {
            self.swap(&written).map(|c| (c, HashMap::new()))
        };
        let (mut committed, known) = result?;
        self.committed = true;
        if let Some(path) = &self.manifest {
            // The notes first: they are trusted only beside a manifest, which comes last.
            let notes = std::mem::take(self.notes.get_mut().unwrap_or_else(|e| e.into_inner()));
            let mut ok = true;
            for name in NOTES {
                let file = manifest::note_path(path, name);
                ok &= match notes.get(*name) {
                    Some(partial) => fs::rename(partial, &file).is_ok(),
                    None => manifest::remove(&file).is_ok(),
                };
            }
            let folders = folder_times(&self.target, &folders, &known);
            let entries: HashMap<String, Entry> = written.into_iter().map(|(rel, (e, _))| (rel, e)).collect();
            committed.bytes = Some(entries.values().map(|e| e.len).sum());
            // Without a manifest the next build only writes its output afresh.
            if ok {
                let _ = manifest::write(path, &entries, &folders);
            }
        }
        committed.in_place = self.previous.is_some();
        Ok(committed)
    }

    /// Commits a folder written afresh: one atomic swap where Linux allows.
    fn swap(&mut self, written: &HashMap<String, (Entry, bool)>) -> io::Result<Committed> {
        let committed = Committed { changed: written.len(), ..Committed::default() };
        if let Some(path) = &self.manifest {
            manifest::remove(path)?;
        }
        let parent = self.temp.parent().map(Path::to_path_buf).unwrap_or_default();
        let old = parent.join(format!(
            ".{}.old-{}",
            self.target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        if self.target.exists() && exchange(&self.temp, &self.target).is_ok() {
            // Swapped in one step: the staging folder now holds the old output.
            self.committed = true;
            fs::remove_dir_all(&self.temp)?;
            return Ok(committed);
        }
        if self.target.exists() {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.temp, &self.target) {
            // Put the old output back.
            if old.exists() {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.committed = true;
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        Ok(committed)
    }

    /// Commits an update in place: the changed files are renamed into the output (each
    /// replacing its old version in one step), then every file of the output this build did not
    /// write is deleted, with the folders that leaves empty. Also returns the folders whose
    /// modification time is known without looking again: those that had the manifest's time
    /// when listed and that hold nothing this commit moved, deleted or made.
    fn update_in_place(
        &mut self,
        written: &HashMap<String, (Entry, bool)>,
        folders: &std::collections::HashSet<&str>,
    ) -> io::Result<(Committed, HashMap<String, u128>)> {
        if let Some(path) = &self.manifest {
            manifest::remove(path)?;
        }
        let mut moves: Vec<&String> =
            written.iter().filter(|(_, (_, new))| *new).map(|(rel, _)| rel).collect();
        moves.sort_unstable();
        let mut made = std::collections::HashSet::new();
        for rel in &moves {
            let to = self.target.join(rel);
            if let Some(dir) = to.parent()
                && !made.contains(dir)
            {
                if fs::symlink_metadata(dir).is_ok_and(|m| !m.is_dir()) {
                    // A file where the new output has a folder.
                    fs::remove_file(dir)?;
                }
                create_dir(dir)?;
                made.insert(dir.to_path_buf());
            }
            if fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
                // A folder where the new output has a file.
                fs::remove_dir_all(&to)?;
            }
            fs::rename(self.temp.join(rel), &to)?;
        }
        let mut removed = 0;
        let mut emptied = Vec::new();
        let (files, foreign, unchanged) = self.not_written(written, folders)?;
        // Every folder above what changes below: its time may change (a conservative guess; a
        // folder whose time did change after all is only listed once more by the next build).
        let mut touched = std::collections::HashSet::from([""]);
        let deleted =
            files.iter().chain(&foreign).filter_map(|p| p.strip_prefix(&self.target).ok()?.to_str());
        for rel in moves.iter().map(|rel| rel.as_str()).chain(deleted) {
            add_folders_above(rel, &mut touched);
        }
        let known: HashMap<String, u128> = unchanged
            .into_iter()
            .filter(|rel| !touched.contains(rel))
            .filter_map(|rel| self.previous_folders.get(rel).map(|t| (rel.to_string(), *t)))
            .collect();
        for dir in foreign {
            removed +=
                walkdir::WalkDir::new(&dir).into_iter().flatten().filter(|e| !e.file_type().is_dir()).count();
            fs::remove_dir_all(&dir)?;
            if let Some(parent) = dir.parent() {
                emptied.push(parent.to_path_buf());
            }
        }
        for path in files {
            fs::remove_file(&path)?;
            removed += 1;
            if let Some(dir) = path.parent() {
                emptied.push(dir.to_path_buf());
            }
        }
        // Folders left empty, deepest first, up to (not including) the output folder.
        emptied.sort_unstable_by(|a, b| b.components().count().cmp(&a.components().count()).then(b.cmp(a)));
        emptied.dedup();
        for dir in emptied {
            let mut d = dir.as_path();
            while d != self.target && d.starts_with(&self.target) && fs::remove_dir(d).is_ok() {
                d = match d.parent() {
                    Some(p) => p,
                    None => break,
                };
            }
        }
        fs::remove_dir_all(&self.temp)?;
        let committed = Committed {
            changed: moves.len(),
            kept: written.len() - moves.len(),
            removed,
            in_place: true,
            bytes: None,
        };
        Ok((committed, known))
    }

    /// Every file in the output that this build did not write, and every folder that holds
    /// none (made by hand, or left from a build that failed part-way). A folder whose
    /// modification time is the one the previous manifest recorded still has the entries it
    /// had then, so its files are the manifest's and it is not listed; the other folders are
    /// listed (in parallel: an archive's output has some 200,000 folders, and after one edit a
    /// few hundred have changed), and folders in them that the previous build did not leave are
    /// listed through.
    /// `folders` are those that hold a file this build wrote ([`folders_of`]). Also returns the
    /// folders found with the manifest's time.
    #[allow(clippy::type_complexity)]
    fn not_written(
        &self,
        written: &HashMap<String, (Entry, bool)>,
        folders: &std::collections::HashSet<&str>,
    ) -> io::Result<(Vec<PathBuf>, Vec<PathBuf>, std::collections::HashSet<&str>)> {
        use rayon::prelude::*;
        let unchanged: std::collections::HashSet<&str> = self
            .previous_folders
            .par_iter()
            .filter(|(rel, time)| {
                fs::symlink_metadata(self.target.join(rel))
                    .is_ok_and(|m| m.is_dir() && manifest::mtime(&m) == **time)
            })
            .map(|(rel, _)| rel.as_str())
            .collect();
        let mut listed: Vec<&str> =
            self.previous_folders.keys().map(String::as_str).filter(|rel| !unchanged.contains(rel)).collect();
        if !self.previous_folders.contains_key("") {
            listed.push("");
        }
        let mut files: Vec<PathBuf> = self
            .previous
            .iter()
            .flatten()
            .map(|(rel, _)| rel.as_str())
            .filter(|rel| !written.contains_key(*rel) && unchanged.contains(parent_of(rel)))
            .map(|rel| self.target.join(rel))
            .collect();
        let mut foreign = Vec::new();
        let found: Vec<io::Result<(Vec<PathBuf>, Vec<PathBuf>)>> = listed
            .par_iter()
            .map(|rel| {
                let mut out = (Vec::new(), Vec::new());
                self.list(rel, written, folders, &mut out)?;
                Ok(out)
            })
            .collect();
        for f in found {
            let (f, d) = f?;
            files.extend(f);
            foreign.extend(d);
        }
        files.sort_unstable();
        files.dedup();
        foreign.sort_unstable();
        Ok((files, foreign, unchanged))
    }

    /// Lists the output's folder `rel` for [`Staging::not_written`]: its files this build did
    /// not write go in `out.0`; its folders that hold nothing this build wrote and that the
    /// previous build did not leave go in `out.1`; folders this build made are listed through.
    fn list(
        &self,
        rel: &str,
        written: &HashMap<String, (Entry, bool)>,
        folders: &std::collections::HashSet<&str>,
        out: &mut (Vec<PathBuf>, Vec<PathBuf>),
    ) -> io::Result<()> {
        let dir = self.target.join(rel);
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            // Gone, or no longer a folder: its parent is listed too, having changed.
            Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let child = if rel.is_empty() { name } else { format!("{rel}/{name}") };
            if !entry.file_type()?.is_dir() {
                if !written.contains_key(&child) {
                    out.0.push(entry.path());
                }
            } else if self.previous_folders.contains_key(&child) {
                // Its own time says whether it is listed.
            } else if folders.contains(child.as_str()) {
                self.list(&child, written, folders, out)?;
            } else {
                out.1.push(entry.path());
            }
        }
        Ok(())
    }

    fn path(&self, rel: &str) -> io::Result<PathBuf> {
        if rel.split('/').any(|s| s == ".." || s.is_empty() && rel.starts_with('/')) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {rel}"),
            ));
        }
        Ok(self.temp.join(rel))
    }

    /// Creates the folder a file of the temporary folder goes in, unless it was made already.
    fn make_parent(&self, p: &Path) -> io::Result<()> {
        if let Some(dir) = p.parent() {
            let known = self.made.lock().is_ok_and(|m| m.contains(dir));
            if !known {
                create_dir(dir)?;
                if let Ok(mut m) = self.made.lock() {
                    m.insert(dir.to_path_buf());
                }
            }
        }
        Ok(())
    }

    /// The previous output's file at `rel`, if it holds exactly `bytes`.
    fn unchanged(&self, rel: &str, bytes: &[u8]) -> Option<PathBuf> {
        let old = self.target.join(rel);
        let meta = fs::symlink_metadata(&old).ok()?;
        if !meta.is_file() || meta.len() != bytes.len() as u64 {
            return None;
        }
        (fs::read(&old).ok()? == bytes).then_some(old)
    }

    /// Puts the previous output's file in place of a new identical one: a hard link, so the file
    /// keeps its modification time and `rsync` or a CDN upload sends only what changed.
    fn link_old(&self, old: &Path, new: &Path) -> bool {
        fs::hard_link(old, new).is_ok()
    }

    /// Writes `bytes` at `rel` (see [`Sink::write`]); `known` is their SHA-256 if the caller has
    /// it, which is needed only when there is a manifest.
    fn write_with(&self, rel: &str, bytes: &[u8], known: Option<[u8; 32]>) -> io::Result<()> {
        let p = self.path(rel)?;
        let hash = self.manifest.is_some().then(|| known.unwrap_or_else(|| manifest::hash(bytes)));
        // In place: a file still as the manifest recorded it, with these bytes, stays.
        if self.previous.is_some()
            && let Some(e) = self.still_there(rel).filter(|e| e.hash == hash)
        {
            self.record(rel, e, false);
            return Ok(());
        }
        self.make_parent(&p)?;
        // Afresh: an identical file of the previous output is linked, keeping its time.
        let linked =
            self.previous.is_none() && self.unchanged(rel, bytes).is_some_and(|old| self.link_old(&old, &p));
        let written = if linked { None } else { Some(write_file(&p, bytes)?) };
        if hash.is_some() {
            let entry = match written {
                Some(meta) => Entry::from_metadata(&meta, hash),
                None => Entry::of(&p, hash)?,
            };
            self.record(rel, entry, true);
        }
        Ok(())
    }

    /// Notes that this build made `rel`: `new` if its bytes are in the temporary folder.
    fn record(&self, rel: &str, entry: Entry, new: bool) {
        if let Ok(mut w) = self.written.lock() {
            w.insert(rel.to_string(), (entry, new));
        }
    }

    /// The previous output's entry for `rel`, if the file there is still as the manifest says.
    fn still_there(&self, rel: &str) -> Option<Entry> {
        let e = *self.previous.as_ref()?.get(rel)?;
        e.matches_file(&self.target.join(rel)).then_some(e)
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_with(rel, bytes, None)
    }

    fn write_hashed(&self, rel: &str, bytes: &[u8], hash: &[u8; 32]) -> io::Result<()> {
        self.write_with(rel, bytes, Some(*hash))
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let p = self.path(rel)?;
        let old = self.target.join(rel);
        // A copied file is unchanged if its size and modification time are the source's.
        if let (Ok(a), Ok(b)) = (fs::metadata(from), fs::symlink_metadata(&old)) {
            let same = b.is_file() && a.len() == b.len() && a.modified().ok() == b.modified().ok();
            if same && self.previous.is_some() {
                // In place: the file is already there. (A copy's manifest entry has no hash; a
                // copy is compared with its source.)
                self.record(rel, Entry { len: b.len(), mtime: manifest::mtime(&b), hash: None }, false);
                return Ok(());
            }
            self.make_parent(&p)?;
            if same && self.link_old(&old, &p) {
                if self.manifest.is_some() {
                    self.record(rel, Entry::of(&p, None)?, true);
                }
                return Ok(());
            }
        }
        self.make_parent(&p)?;
        fs::copy(from, &p)?;
        // Keep the source's modification time, so the next build can tell the copy is unchanged.
        if let Ok(m) = fs::metadata(from).and_then(|m| m.modified()) {
            let _ = fs::File::options().write(true).open(&p).and_then(|f| f.set_modified(m));
        }
        set_file_mode(&p)?;
        if self.manifest.is_some() {
            self.record(rel, Entry::of(&p, None)?, true);
        }
        Ok(())
    }

    fn keep(&self, rel: &str, hash: &[u8; 32]) -> bool {
        match self.still_there(rel) {
            Some(e) if e.hash.as_ref() == Some(hash) => {
                self.record(rel, e, false);
                true
            }
            _ => false,
        }
    }

    fn previous_note(&self, name: &str) -> Option<String> {
        // Notes are large (a line a page) and each is read once: hand it over.
        self.previous_notes.lock().ok()?.remove(name)
    }

    fn keeps_notes(&self) -> bool {
        self.manifest.is_some()
    }

    fn leave_note(&self, name: &str, text: String) {
        let Some(manifest) = &self.manifest else { return };
        if !NOTES.contains(&name) {
            return;
        }
        let file = manifest::note_path(manifest, name);
        let partial = file.with_extension(format!("note.partial-{}", std::process::id()));
        // A note that cannot be written is left out: the next build then makes everything again.
        if fs::write(&partial, text.as_bytes()).is_ok()
            && let Ok(mut notes) = self.notes.lock()
        {
            notes.insert(name.to_string(), partial);
        }
    }

    fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        let p = self.path(rel)?;
        let in_output = self.previous.is_some()
            && self.written.lock().is_ok_and(|w| w.get(rel).is_some_and(|(_, new)| !new));
        if in_output { fs::read(self.target.join(rel)) } else { fs::read(p) }
    }
}

/// The folder a path relative to the output folder is in (`""` for the output folder itself).
fn parent_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(parent, _)| parent)
}

/// Every folder that holds a file this build wrote, the output folder (`""`) included.
fn folders_of<T>(written: &HashMap<String, T>) -> std::collections::HashSet<&str> {
    let mut folders = std::collections::HashSet::from([""]);
    for rel in written.keys() {
        add_folders_above(rel, &mut folders);
    }
    folders
}

/// Adds the folders above `rel` to `folders`, which must hold the output folder (`""`); stops at
/// the first one already there, as the folders above it are too.
fn add_folders_above<'a>(rel: &'a str, folders: &mut std::collections::HashSet<&'a str>) {
    let mut r = rel;
    while let Some((parent, _)) = r.rsplit_once('/') {
        if !folders.insert(parent) {
            break;
        }
        r = parent;
    }
}

/// The modification times of `folders` of the output folder `target` as they are now: `known`
/// ones as given, the others read. A folder changed in the last second is recorded with time 0,
/// so that the next build lists it: file systems stamp times from a clock that ticks every few
/// milliseconds, and a file added by hand in the same tick as the build's last change would
/// otherwise leave the time as recorded.
fn folder_times(
    target: &Path,
    folders: &std::collections::HashSet<&str>,
    known: &HashMap<String, u128>,
) -> HashMap<String, u128> {
    use rayon::prelude::*;
    let recent = std::time::SystemTime::now()
        .checked_sub(std::time::Duration::from_secs(1))
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(u128::MAX, |d| d.as_nanos());
    folders
        .par_iter()
        .filter_map(|rel| {
            if let Some(time) = known.get(*rel) {
                return Some((rel.to_string(), *time));
            }
            let m = fs::symlink_metadata(target.join(rel)).ok()?;
            let time = manifest::mtime(&m);
            m.is_dir().then(|| (rel.to_string(), if time >= recent { 0 } else { time }))
        })
        .collect()
}

/// Swaps two paths in one atomic step (Linux `renameat2` with `RENAME_EXCHANGE`), so that there
/// is no moment at which the output folder is missing. Fails where the file system does not
/// support it; the caller then falls back to two renames.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a =
        CString::new(a.as_os_str().as_bytes()).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let b =
        CString::new(b.as_os_str().as_bytes()).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    // SAFETY: both pointers are valid NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE)
    };
    if r == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "no atomic exchange here"))
}

/// Waits for an exclusive lock on an open file (released when the file is closed).
#[cfg(target_os = "linux")]
fn lock_exclusive(f: &fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: the descriptor is open for as long as `f` lives.
    let r = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) };
    if r == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

/// Elsewhere builds into one folder are not kept apart.
#[cfg(not(target_os = "linux"))]
fn lock_exclusive(_f: &fs::File) -> io::Result<()> {
    Ok(())
}

/// Whether another build that made a staging folder (named after its process id) may still be
/// running: then its folder is not ours to remove. A folder with this process's id was left by
/// an earlier process, and where processes cannot be looked up every folder counts as left over.
fn running(pid: &str) -> bool {
    let Ok(pid) = pid.parse::<u32>() else { return false };
    if pid == std::process::id() {
        return false;
    }
    cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists()
}

/// Creates a folder (and its parents) that only its owner can write to.
fn create_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o755);
    b.create(dir)
}

/// Writes a new output file with the mode [`FILE_MODE`], through one open file (no
/// second lookup of the path to set the mode or read the time), and returns its metadata.
fn write_file(p: &Path, bytes: &[u8]) -> io::Result<fs::Metadata> {
    use std::io::Write as _;
    let mut f = fs::File::create(p)?;
    f.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    }
    f.metadata()
}

/// Output files are readable by all and writable by their owner only, whatever the umask.
#[cfg(unix)]
const FILE_MODE: u32 = 0o644;

/// Gives the file at `p` the mode [`FILE_MODE`].
fn set_file_mode(p: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(p, fs::Permissions::from_mode(FILE_MODE))?;
    }
    #[cfg(not(unix))]
    let _ = p;
    Ok(())
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.temp);
        }
        // Notes not renamed into place by `commit`.
        if let Ok(notes) = self.notes.get_mut() {
            for partial in notes.values() {
                let _ = fs::remove_file(partial);
            }
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_folders_in_one_step() {
        let tmp = std::env::temp_dir().join(format!("agendum-exchange-{}", std::process::id()));
        let (a, b) = (tmp.join("a"), tmp.join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("new"), "").unwrap();
        fs::write(b.join("old"), "").unwrap();
        exchange(&a, &b).unwrap();
        assert!(b.join("new").exists() && a.join("old").exists());
        fs::remove_dir_all(&tmp).unwrap();
    }
}
