//! `agendum serve`: its arguments, and printing what the preview reports.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;

use agendum::serve::{self, Report, ServeOptions};

use crate::EditionArg;

/// The arguments of `agendum serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// The site folder, holding content/ (and themes/ if the site has its own theme).
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// The port to listen on; 0 picks any free port. The address is printed.
    #[arg(long, value_name = "N", default_value_t = 8080)]
    port: u16,
    /// Listen on this address instead of 127.0.0.1. Anything but loopback makes the preview
    /// reachable from other machines, and is refused for the members' edition.
    #[arg(long, value_name = "ADDR")]
    bind: Option<IpAddr>,
    /// Which edition to preview: `public` (the default) or `members`.
    #[arg(long, value_enum, default_value = "public")]
    edition: EditionArg,
    /// Treat this date (yyyy-mm-dd) as today [default: today in England, at each build].
    #[arg(long, value_name = "DATE")]
    as_of: Option<jiff::civil::Date>,
    #[command(flatten)]
    caching: super::CacheArgs,
}

/// Runs the preview until it is stopped; returns only if it cannot start.
pub fn run(args: ServeArgs, color: bool) -> ExitCode {
    let edition = match args.edition {
        EditionArg::Public => agendum::access::Edition::Public,
        EditionArg::Members => agendum::access::Edition::Members,
    };
    let cache = args.caching.dir(&args.root);
    let options = ServeOptions {
        root: args.root,
        edition,
        as_of: args.as_of,
        cache,
        pdfs: !args.caching.no_pdfs,
        bind: args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        port: args.port,
        allow_non_loopback: args.bind.is_some(),
    };
    let members = edition == agendum::access::Edition::Members;
    let bind = options.bind;
    match serve::serve(&options, move |r| print(&r, color, members, bind)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints one report on standard error; a failed build's problems exactly as `agendum build`
/// prints them.
fn print(report: &Report<'_>, color: bool, members: bool, bind: IpAddr) {
    match report {
        Report::Serving { url, output } => {
            let edition = if members { "the members' edition" } else { "the public edition" };
            eprintln!("serving {url} ({edition}, built into {})", output.display());
            if !bind.is_loopback() {
                eprintln!(
                    "warning: listening on {bind}, so other machines can reach the preview; leave out --bind to keep it on this machine"
                );
            }
            eprintln!("watching content/ and themes/ for changes; press Ctrl-C to stop");
        }
        Report::Built { number, changed, outcome, took } => {
            eprint!("{}", outcome.sources.render(&outcome.diagnostics, color));
            for f in &outcome.fatal {
                eprintln!("error: {f}");
            }
            let cause = match changed.len() {
                0 => "first build".to_string(),
                1 => format!("{} changed", changed[0]),
                n => format!("{} and {} more changed", changed[0], n - 1),
            };
            let errors = outcome.diagnostics.error_count() + outcome.fatal.len();
            let warnings = outcome.diagnostics.warning_count();
            match &outcome.stats {
                Some(s) if errors == 0 => eprintln!(
                    "build {number} ({cause}): ok, {} pages, {} PDFs, {warnings} warning(s) in {took:.2?}",
                    s.pages, s.pdfs
                ),
                _ => eprintln!(
                    "build {number} ({cause}): {errors} error(s), {warnings} warning(s) in {took:.2?}; \
                     the browser shows them, and the last good site is still served"
                ),
            }
        }
        Report::WatchError(e) => eprintln!("warning: watching for changes: {e}"),
    }
}
