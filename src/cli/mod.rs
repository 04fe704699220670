//! Command-line helpers for subcommands that do more than run the library once and print.

pub mod new;
pub mod serve;

use std::path::{Path, PathBuf};

/// The cache and PDF options `build`, `publish` and `serve` share.
#[derive(clap::Args)]
pub struct CacheArgs {
    /// Where to keep laid-out PDFs and search index bundles for reuse when their inputs have
    /// not changed [default: DIR/.agendum-cache].
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Lay out every PDF and index every page again, without reading or writing the cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Make no agenda packs or report PDFs (a quicker build for previewing pages).
    #[arg(long)]
    pub no_pdfs: bool,
}

impl CacheArgs {
    /// The cache folder for the site in `root`, or `None` with `--no-cache`.
    pub fn dir(&self, root: &Path) -> Option<PathBuf> {
        (!self.no_cache).then(|| self.cache.clone().unwrap_or_else(|| root.join(".agendum-cache")))
    }
}
