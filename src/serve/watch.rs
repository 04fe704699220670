//! Watching the site's sources: `content/` (which holds `site.yaml`) and `themes/`, debounced,
//! passing on only the changes a build would read.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// How long the sources must be quiet before a rebuild: an editor's save (write a temporary
/// file, rename it over the old one) or a `git checkout` becomes one build.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// What the watcher reports.
#[derive(Debug)]
pub enum Change {
    /// Files or folders changed (absolute paths).
    Paths(Vec<PathBuf>),
    /// The watcher failed.
    Error(String),
}

/// A running watcher; it stops when dropped.
pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    themes_watched: bool,
}

impl Watcher {
    /// Watches `root/content` and `root/themes` (if it exists) recursively, and `root` itself
    /// (so that a `themes/` folder made later is noticed). Changes under `ignore` (the output
    /// and cache folders) and editors' temporary files are left out.
    pub fn start(root: &Path, ignore: Vec<PathBuf>, tx: Sender<Change>) -> Result<Watcher, String> {
        let filter_root = root.to_path_buf();
        let handler = move |result: DebounceEventResult| {
            let change = match result {
                Ok(events) => {
                    let mut paths: Vec<PathBuf> = events
                        .iter()
                        .filter(|e| counts(&e.event.kind))
                        .flat_map(|e| e.event.paths.iter())
                        .filter(|p| relevant(&filter_root, &ignore, p))
                        .cloned()
                        .collect();
                    if paths.is_empty() {
                        return;
                    }
                    paths.sort();
                    paths.dedup();
                    Change::Paths(paths)
                }
                Err(errors) => {
                    Change::Error(errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))
                }
            };
            // The receiver is gone only when serving stops.
            let _ = tx.send(change);
        };
        let mut debouncer = new_debouncer(DEBOUNCE, None, handler)
            .map_err(|e| format!("cannot watch {} for changes: {e}", root.display()))?;
        let content = root.join("content");
        debouncer
            .watch(&content, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {} for changes: {e}", content.display()))?;
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {} for changes: {e}", root.display()))?;
        let mut watcher = Watcher { debouncer, root: root.to_path_buf(), themes_watched: false };
        watcher.watch_themes()?;
        Ok(watcher)
    }

    /// Starts watching `themes/` once it exists.
    pub fn watch_themes(&mut self) -> Result<(), String> {
        let themes = self.root.join("themes");
        if self.themes_watched || !themes.is_dir() {
            return Ok(());
        }
        self.debouncer
            .watch(&themes, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {} for changes: {e}", themes.display()))?;
        self.themes_watched = true;
        Ok(())
    }
}

/// Whether an event can change what a build reads (opening or reading a file cannot; the build
/// itself reads every file).
fn counts(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_))
}

/// Whether a changed path is one a build reads: under `content/` or `themes/`, not under an
/// ignored folder, and not a hidden file or an editor's backup or swap file (loading skips
/// dot-files).
pub fn relevant(root: &Path, ignore: &[PathBuf], path: &Path) -> bool {
    if ignore.iter().any(|i| path.starts_with(i)) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    if !matches!(parts.next().as_deref(), Some("content" | "themes")) {
        return false;
    }
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let editor_file = name.ends_with('~')
        || [".swp", ".swx", ".swo", ".tmp"].iter().any(|e| name.ends_with(e))
        || name.chars().all(|c| c.is_ascii_digit()) && !name.is_empty();
    !editor_file && !parts.any(|p| p.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count() {
        let root = Path::new("/site");
        let ignore = vec![root.join("content/.cache"), root.join(".agendum-serve")];
        let yes = |p: &str| relevant(root, &ignore, &root.join(p));
        assert!(yes("content/site.yaml"));
        assert!(yes("content/committees/cabinet/2025-06-10/reports/budget.md"));
        assert!(yes("themes/mine/templates/base.html"));
        assert!(yes("content"));
        assert!(yes("themes"));
        assert!(!yes("Cargo.toml"));
        assert!(!yes("public/index.html"));
        assert!(!yes(".agendum-serve/public/index.html"));
        assert!(!yes("content/.cache/x"));
        assert!(!yes("content/.budget.md.swp"));
        assert!(!yes("content/committees/budget.md~"));
        assert!(!yes("content/committees/4913"));
        assert!(!yes("content/.git/index"));
        assert!(!relevant(root, &ignore, Path::new("/elsewhere/content/site.yaml")));
    }
}
