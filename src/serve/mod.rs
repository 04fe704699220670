//! `agendum serve`: a live preview. Builds the site into a folder of its own, serves it on
//! loopback, watches the sources and rebuilds on every change; open pages reload after a good
//! build and show the problems over the last good site after a failed one.
//!
//! The server (`http`) runs on tokio; builds run one at a time on their own thread (the build
//! makes its own runtime for the search index), fed by the watcher (`watch`); changes that
//! arrive during a build are gathered into the next one. The two sides share a [`Status`]
//! through a `tokio::sync::watch` channel, which the browser reads as server-sent events.
//! Nothing here prints: progress goes to the `report` callback.

mod http;
mod inject;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::access::Edition;
use crate::{BuildOptions, Outcome};

/// What to serve, and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder, holding `content/` and optionally `themes/`.
    pub root: PathBuf,
    /// The edition to build.
    pub edition: Edition,
    /// The date to treat as today (`None`: today in England, at each build).
    pub as_of: Option<jiff::civil::Date>,
    /// Where laid-out PDFs are kept for reuse (`None`: lay out every PDF again).
    pub cache: Option<PathBuf>,
    /// Make agenda packs and report PDFs.
    pub pdfs: bool,
    /// The address to listen on.
    pub bind: IpAddr,
    /// The port (0: any free port).
    pub port: u16,
    /// Allow an address other than loopback (the CLI sets this only for an explicit `--bind`).
    pub allow_non_loopback: bool,
}

/// Progress, for the caller to print.
#[derive(Debug)]
pub enum Report<'a> {
    /// Listening at `url`; the site is built into `output`.
    Serving {
        /// `http://127.0.0.1:PORT/`.
        url: &'a str,
        /// The folder the preview is built into.
        output: &'a Path,
    },
    /// A build finished.
    Built {
        /// Builds are numbered from 1.
        number: u64,
        /// The changed paths that caused it, relative to the site folder (empty for the first).
        changed: &'a [String],
        /// What the build found and wrote.
        outcome: &'a Outcome,
        /// How long it took.
        took: Duration,
    },
    /// Watching failed; serving goes on.
    WatchError(&'a str),
}

/// The state the browser sees at `/__agendum/status` and in the events.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The last build started (0: none yet).
    pub build: u64,
    /// The last good build, whose site is being served (0: none yet).
    pub good: u64,
    /// A build is running.
    pub building: bool,
    /// The last finished build succeeded (true before the first one).
    pub ok: bool,
    /// The problems of the last build if it failed, as the terminal shows them (no colours).
    pub error: Option<String>,
}

/// The shared state.
pub(crate) struct Live {
    tx: tokio::sync::watch::Sender<Status>,
}

impl Live {
    fn new() -> Self {
        let (tx, _) =
            tokio::sync::watch::channel(Status { build: 0, good: 0, building: false, ok: true, error: None });
        Live { tx }
    }

    pub(crate) fn status(&self) -> Status {
        self.tx.borrow().clone()
    }

    pub(crate) fn subscribe(&self) -> tokio::sync::watch::Receiver<Status> {
        self.tx.subscribe()
    }
}

/// The folder `serve` builds into: `ROOT/.agendum-serve/public` (or `members`), never the
/// real output folder.
pub fn output_dir(root: &Path, edition: Edition) -> PathBuf {
    let name = match edition {
        Edition::Public => "public",
        Edition::Members => "members",
    };
    root.join(".agendum-serve").join(name)
}

/// The text a failed build shows in the browser: the same as the terminal shows, without colours.
pub fn problems_text(outcome: &Outcome) -> String {
    let mut text = outcome.sources.render(&outcome.diagnostics, false);
    for f in &outcome.fatal {
        text.push_str(&format!("error: {f}\n"));
    }
    text.push_str(&format!(
        "{} error(s), {} warning(s)\n",
        outcome.diagnostics.error_count() + outcome.fatal.len(),
        outcome.diagnostics.warning_count()
    ));
    text
}

/// Builds, serves and rebuilds until the process is stopped. Returns only if it cannot start
/// (or the server fails), with a message for people.
pub fn serve(
    options: &ServeOptions,
    report: impl Fn(Report<'_>) + Send + Sync + 'static,
) -> Result<(), String> {
    if !options.bind.is_loopback() {
        if !options.allow_non_loopback {
            return Err(format!(
                "refusing to serve on {}: the preview listens on loopback (127.0.0.1) unless an address is given explicitly with --bind",
                options.bind
            ));
        }
        if options.edition == Edition::Members {
            return Err(format!(
                "refusing to serve the members' edition on {}: it holds exempt papers; serve it on loopback only \
                 (leave out --bind, or use --bind 127.0.0.1)",
                options.bind
            ));
        }
    }
    let root = std::fs::canonicalize(&options.root)
        .map_err(|e| format!("cannot open the site folder {}: {e}", options.root.display()))?;
    if !root.join("content").is_dir() {
        return Err(format!(
            "there is no content/ folder in {}: give the site folder with --root",
            options.root.display()
        ));
    }
    let listener = std::net::TcpListener::bind(SocketAddr::new(options.bind, options.port))
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| {
            format!(
                "cannot listen on {}: {e} (is another server using port {}? choose another with --port, or --port 0 for any free port)",
                SocketAddr::new(options.bind, options.port),
                options.port
            )
        })?;
    let address = listener.local_addr().map_err(|e| format!("cannot read the address listened on: {e}"))?;
    let url = format!("http://{}/", shown_address(address));
    let output = output_dir(&root, options.edition);
    let build_options = BuildOptions {
        root: root.clone(),
        output: output.clone(),
        // Links and absolute URLs point at the preview.
        base_url: Some(url.clone()),
        as_of: options.as_of.unwrap_or_else(crate::today),
        edition: options.edition,
        cache: options.cache.clone(),
        pdfs: options.pdfs,
        skip_if_unchanged: false,
    };

    let live = Arc::new(Live::new());
    let (tx, rx) = mpsc::channel();
    let mut ignore = vec![root.join(".agendum-serve")];
    ignore.extend(options.cache.iter().map(|c| std::fs::canonicalize(c).unwrap_or_else(|_| c.clone())));
    let watcher = watch::Watcher::start(&root, ignore, tx)?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let listener = {
        let _guard = runtime.enter();
        tokio::net::TcpListener::from_std(listener).map_err(|e| format!("cannot listen on {address}: {e}"))?
    };
    let report: Arc<dyn Fn(Report<'_>) + Send + Sync> = Arc::new(report);
    report(Report::Serving { url: &url, output: &output });

    let _builder = {
        let (live, report) = (live.clone(), report.clone());
        let fixed_as_of = options.as_of;
        std::thread::Builder::new()
            .name("agendum-build".into())
            .spawn(move || rebuild_loop(build_options, fixed_as_of, &root, &live, rx, watcher, &*report))
            .map_err(|e| format!("cannot start the build thread: {e}"))?
    };
    let app = http::router(live, output);
    let served = runtime.block_on(async move { axum::serve(listener, app).await });
    served.map_err(|e| format!("the server stopped: {e}"))
}

/// The address as a URL host: an unspecified address (all interfaces) is shown as loopback.
fn shown_address(address: SocketAddr) -> SocketAddr {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, address.port())
}

/// Builds once, then again after every batch of changes, until the watcher goes away.
fn rebuild_loop(
    mut options: BuildOptions,
    fixed_as_of: Option<jiff::civil::Date>,
    root: &Path,
    live: &Live,
    rx: mpsc::Receiver<watch::Change>,
    mut watcher: watch::Watcher,
    report: &(dyn Fn(Report<'_>) + Send + Sync),
) {
    let mut changed: Vec<String> = Vec::new();
    let mut number = 0;
    loop {
        number += 1;
        live.tx.send_modify(|s| {
            s.build = number;
            s.building = true;
        });
        options.as_of = fixed_as_of.unwrap_or_else(crate::today);
        let started = Instant::now();
        let outcome = crate::build(&options);
        let took = started.elapsed();
        let error = (!outcome.ok()).then(|| problems_text(&outcome));
        live.tx.send_modify(|s| {
            s.building = false;
            s.ok = error.is_none();
            if error.is_none() {
                s.good = number;
            }
            s.error = error;
        });
        report(Report::Built { number, changed: &changed, outcome: &outcome, took });
        drop(outcome);

        // Wait for the next change, then take every change that is already waiting.
        let mut paths = Vec::new();
        while paths.is_empty() {
            match rx.recv() {
                Err(_) => return,
                Ok(watch::Change::Paths(p)) => paths.extend(p),
                Ok(watch::Change::Error(e)) => report(Report::WatchError(&e)),
            }
        }
        while let Ok(change) = rx.try_recv() {
            match change {
                watch::Change::Paths(p) => paths.extend(p),
                watch::Change::Error(e) => report(Report::WatchError(&e)),
            }
        }
        if let Err(e) = watcher.watch_themes() {
            report(Report::WatchError(&e));
        }
        paths.sort();
        paths.dedup();
        changed =
            paths.iter().map(|p| p.strip_prefix(root).unwrap_or(p).to_string_lossy().into_owned()).collect();
    }
}
