//! The `agendum` command line: parses arguments, calls the library, prints the outcome.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

/// Agendum publishes committee papers (agendas, reports, minutes) as a static website.
#[derive(Parser)]
#[command(name = "agendum", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the site is and where it goes (build and publish).
#[derive(clap::Args)]
struct SiteArgs {
    /// The site folder, holding content/ (and themes/ if the site has its own theme).
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Where to write the site [default: DIR/public, or DIR/private for the members' edition].
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The address the site will be served from, overriding base_url in site.yaml
    /// (for example https://example.gov.uk/democracy/).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    #[command(flatten)]
    caching: cli::CacheArgs,
}

impl SiteArgs {
    fn cache_dir(&self) -> Option<PathBuf> {
        self.caching.dir(&self.root)
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EditionArg {
    /// The public website.
    Public,
    /// The members' edition, with exempt papers.
    Members,
}

/// How to print the outcome.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    /// Messages for people, on standard error.
    Human,
    /// One JSON document on standard output, for editors and CI.
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the public website from content/ into public/.
    ///
    /// Reads DIR/content (site.yaml, people/, committees/), checks every reference and rule,
    /// and writes the site. If anything is wrong, every problem is listed with its file, line
    /// and column, and the previous output folder is left as it was.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Treat this date (yyyy-mm-dd) as today: it decides which forward plan entries are
        /// current and which decisions are open for call-in [default: today in England].
        #[arg(long, value_name = "DATE")]
        as_of: Option<jiff::civil::Date>,
        /// Which edition to build: `public` (the default) leaves out exempt material and
        /// unpublished papers; `members` includes everything, marked "Not for publication", and
        /// must be written outside the public folder [default output: DIR/private].
        #[arg(long, value_enum, default_value = "public")]
        edition: EditionArg,
        /// Also print the PDFs that took longest to lay out.
        #[arg(long)]
        timings: bool,
        /// `human` (the default) prints messages on standard error; `json` prints one JSON
        /// document on standard output (see docs/content-format.md).
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Build the public site for release and record each paper's publication.
    ///
    /// Builds as `build` does, then appends to content/publication-record.jsonl one line for
    /// every public document that is new or has changed (its id, the time and the SHA-256 of its
    /// page), and builds again so that pages show "Published on …". Commit the record with the
    /// papers. Refuses to run if the record has been edited.
    Publish {
        #[command(flatten)]
        site: SiteArgs,
        /// `human` (the default) or `json` (one JSON document on standard output).
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Load and validate everything without writing anything.
    ///
    /// Exits with a non-zero status if there is any error; warnings are printed but do not fail.
    /// Then lists, for each meeting in the coming weeks, the day its agenda must be published
    /// by and the papers not yet in, and the minutes that are overdue.
    Check {
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Treat this date (yyyy-mm-dd) as today [default: today in England].
        #[arg(long, value_name = "DATE")]
        as_of: Option<jiff::civil::Date>,
        /// How many weeks ahead to list meetings whose papers are not all in.
        #[arg(long, value_name = "N", default_value_t = agendum::check::upcoming::DEFAULT_WEEKS)]
        weeks: u32,
        /// `human` (the default) prints messages on standard error and the list of what is
        /// still to do on standard output; `json` prints one JSON document on standard output.
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Preview the site: build it, serve it on 127.0.0.1 and rebuild on every change.
    ///
    /// Builds into DIR/.agendum-serve (never public/), serves it at the printed address,
    /// watches content/ and themes/, rebuilds after every change and reloads open pages. A
    /// failed build shows its problems over the page, and the last good site is still served.
    Serve(cli::serve::ServeArgs),
    /// Create a site, a meeting, a report or minutes, ready to edit.
    ///
    /// `new site DIR`, `new meeting <committee> <yyyy-mm-dd>`, `new report <meeting> <name>` and
    /// `new minutes <meeting>`. Never overwrites a file.
    New(cli::new::NewArgs),
}

/// Bytes of every file under `dir`.
fn dir_bytes(dir: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// mimalloc instead of the system allocator: building the search index allocates heavily, and
/// glibc's malloc spent about a quarter of the search stage's time (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal();
    let mut show_timings = false;
    let mut output_dir = PathBuf::new();
    let (format, command_name) = match &cli.command {
        Command::Build { format, .. } => (*format, "build"),
        Command::Publish { format, .. } => (*format, "publish"),
        Command::Check { format, .. } => (*format, "check"),
        _ => (FormatArg::Human, ""),
    };
    let mut upcoming = None;
    let mut recorded = None;
    let (outcome, verb) = match cli.command {
        Command::Serve(args) => return crate::cli::serve::run(args, color),
        Command::New(args) => return crate::cli::new::run(args),
        Command::Build { site, as_of, edition, timings, .. } => {
            show_timings = timings;
            let cache = site.cache_dir();
            let pdfs = !site.caching.no_pdfs;
            let SiteArgs { root, output, base_url, .. } = site;
            let edition = match edition {
                EditionArg::Public => agendum::access::Edition::Public,
                EditionArg::Members => agendum::access::Edition::Members,
            };
            let default_dir = if edition == agendum::access::Edition::Members { "private" } else { "public" };
            let output = output.unwrap_or_else(|| root.join(default_dir));
            output_dir = output.clone();
            let as_of = as_of.unwrap_or_else(agendum::today);
            let opts = agendum::BuildOptions {
                root,
                output: output.clone(),
                base_url,
                as_of,
                edition,
                cache,
                pdfs,
                skip_if_unchanged: true,
            };
            (agendum::build(&opts), format!("built {}", output.display()))
        }
        Command::Publish { site, .. } => {
            let cache = site.cache_dir();
            if site.caching.no_pdfs {
                eprintln!("error: publish always makes the PDFs: the publication record covers them");
                return ExitCode::FAILURE;
            }
            let SiteArgs { root, output, base_url, .. } = site;
            let output = output.unwrap_or_else(|| root.join("public"));
            output_dir = output.clone();
            let opts = agendum::BuildOptions {
                root,
                output: output.clone(),
                base_url,
                as_of: agendum::today(),
                edition: agendum::access::Edition::Public,
                cache,
                pdfs: true,
                // The record needs every document's hash: always build.
                skip_if_unchanged: false,
            };
            let (outcome, published) = agendum::publish(&opts);
            recorded = Some(published.appended);
            let verb = format!(
                "published {} ({} new or changed document(s) recorded)",
                output.display(),
                published.appended
            );
            (outcome, verb)
        }
        Command::Check { root, as_of, weeks, .. } => {
            let (outcome, summary) =
                agendum::check_upcoming(&root, as_of.unwrap_or_else(agendum::today), weeks);
            upcoming = Some(summary);
            (outcome, "checked".to_string())
        }
    };
    if format == FormatArg::Json {
        let output = (command_name != "check").then_some(output_dir.as_path());
        let doc = agendum::diagnostics::json::Document::new(
            command_name,
            &outcome,
            output,
            recorded,
            upcoming.as_ref(),
        );
        print!("{}", doc.to_json_string());
        return if outcome.ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    eprint!("{}", outcome.sources.render(&outcome.diagnostics, color));
    for f in &outcome.fatal {
        eprintln!("error: {f}");
    }
    if let Some(u) = &upcoming {
        print!("{u}");
    }
    let errors = outcome.diagnostics.error_count() + outcome.fatal.len();
    let warnings = outcome.diagnostics.warning_count();
    if errors > 0 {
        eprintln!("{errors} error(s), {warnings} warning(s); nothing was written");
        return ExitCode::FAILURE;
    }
    if outcome.up_to_date {
        eprintln!("{verb}: up to date, nothing has changed since the last build");
        return ExitCode::SUCCESS;
    }
    let t = &outcome.timings;
    match &outcome.stats {
        Some(s) => eprintln!(
            "{verb}: {} pages{}, {} PDFs ({} laid out, {} reused{}), search index in {} bundles ({} reused), \
             {} files{}, {warnings} warning(s) in {:.2?} \
             (load {:.2?}, link {:.2?}, check {:.2?}, packs {:.2?}, search {:.2?}, render {:.2?})",
            s.pages,
            if s.pages_kept > 0 {
                format!(" ({} rendered, {} unchanged)", s.pages - s.pages_kept, s.pages_kept)
            } else {
                String::new()
            },
            s.pdfs,
            s.pdfs_laid_out,
            s.pdfs - s.pdfs_laid_out - s.pdfs_kept,
            if s.pdfs_kept > 0 { format!(", {} unchanged", s.pdfs_kept) } else { String::new() },
            s.search_bundles,
            s.search_bundles_reused,
            s.files,
            if s.output.in_place {
                format!(
                    " (updated in place: {} changed, {} unchanged, {} removed)",
                    s.output.changed, s.output.kept, s.output.removed
                )
            } else {
                String::new()
            },
            t.load + t.link + t.check + t.render,
            t.load,
            t.link,
            t.check,
            s.packs_time,
            s.search_time,
            t.render.saturating_sub(s.packs_time).saturating_sub(s.search_time)
        ),
        None => eprintln!("{verb}: no errors, {warnings} warning(s)"),
    }
    if let (true, Some(s)) = (show_timings, &outcome.stats) {
        // One line a script can read, then the slowest PDFs.
        let bytes = s.output.bytes.unwrap_or_else(|| dir_bytes(&output_dir));
        eprintln!(
            "stages: load={:.3} link={:.3} check={:.3} html={:.3} packs={:.3} search={:.3} feeds={:.3} data={:.3} commit={:.3} pages={} kept={} pdfs={} files={} changed={} removed={} bytes={bytes}",
            t.load.as_secs_f64(),
            t.link.as_secs_f64(),
            t.check.as_secs_f64(),
            t.render
                .saturating_sub(s.packs_time + s.search_time + s.feeds_time + s.data_time + s.commit_time)
                .as_secs_f64(),
            s.packs_time.as_secs_f64(),
            s.search_time.as_secs_f64(),
            s.feeds_time.as_secs_f64(),
            s.data_time.as_secs_f64(),
            s.commit_time.as_secs_f64(),
            s.pages,
            s.pages_kept,
            s.pdfs,
            s.files,
            s.output.changed,
            s.output.removed,
        );
        for (url, pages, took) in s.pdf_timings.iter().take(10) {
            eprintln!("  {took:>9.2?}  {pages:>4} pages  {url}");
        }
    }
    ExitCode::SUCCESS
}
