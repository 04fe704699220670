//! Stage 6: write the site atomically. Files go into a temporary folder beside the output
//! folder, which replaces the output folder only when everything has been written; a failed
//! build leaves the previous output exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::render::Sink;

/// A temporary output folder that becomes the real one on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    committed: bool,
    /// Folders already created, so that writing 100,000 pages does not ask the file system
    /// to create each page's folder chain again (a tenth of the HTML stage's time).
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    /// Creates `<output>.partial-<pid>` next to `output`.
    pub fn new(output: &Path) -> io::Result<Self> {
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
        Ok(Staging { target: output.to_path_buf(), temp, committed: false, made: Default::default() })
    }

    /// Swaps the finished folder into place and removes the old one.
    pub fn commit(mut self) -> io::Result<()> {
        let parent = self.temp.parent().map(Path::to_path_buf).unwrap_or_default();
        let old = parent.join(format!(
            ".{}.old-{}",
            self.target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        if self.target.exists() && exchange(&self.temp, &self.target).is_ok() {
            // Swapped in one step: the staging folder now holds the old output.
            self.committed = true;
            let previous = self.temp.clone();
            fs::remove_dir_all(&previous)?;
            return Ok(());
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
        Ok(())
    }

    fn path(&self, rel: &str) -> io::Result<PathBuf> {
        if rel.split('/').any(|s| s == ".." || s.is_empty() && rel.starts_with('/')) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {rel}"),
            ));
        }
        let p = self.temp.join(rel);
        if let Some(dir) = p.parent() {
            let known = self.made.lock().is_ok_and(|m| m.contains(dir));
            if !known {
                create_dir(dir)?;
                if let Ok(mut m) = self.made.lock() {
                    m.insert(dir.to_path_buf());
                }
            }
        }
        Ok(p)
    }
}

impl Staging {
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
    fn keep(&self, old: &Path, new: &Path) -> bool {
        fs::hard_link(old, new).is_ok()
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let p = self.path(rel)?;
        if let Some(old) = self.unchanged(rel, bytes) {
            if self.keep(&old, &p) {
                return Ok(());
            }
        }
        fs::write(&p, bytes)?;
        set_file_mode(&p)
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let p = self.path(rel)?;
        let old = self.target.join(rel);
        // A copied file is unchanged if its size and modification time are the source's.
        if let (Ok(a), Ok(b)) = (fs::metadata(from), fs::symlink_metadata(&old)) {
            if b.is_file()
                && a.len() == b.len()
                && a.modified().ok() == b.modified().ok()
                && self.keep(&old, &p)
            {
                return Ok(());
            }
        }
        fs::copy(from, &p)?;
        // Keep the source's modification time, so the next build can tell the copy is unchanged.
        if let Ok(m) = fs::metadata(from).and_then(|m| m.modified()) {
            let _ = fs::File::options().write(true).open(&p).and_then(|f| f.set_modified(m));
        }
        set_file_mode(&p)
    }

    fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        fs::read(self.path(rel)?)
    }
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

/// Output files are readable by all and writable by their owner only, whatever the umask.
fn set_file_mode(p: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(p, fs::Permissions::from_mode(0o644))?;
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
