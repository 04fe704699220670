//! `agendum new`: its arguments, asking for a report's author on a terminal, and printing what
//! was written.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use agendum::scaffold::{self, Context, Plan};

/// The arguments of `agendum new`.
#[derive(clap::Args)]
pub struct NewArgs {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Create a minimal working site in a new folder.
    ///
    /// Writes DIR/content (site.yaml, two people, one committee with its standing items and one
    /// meeting) and DIR/templates/report.md, the council's report template, all to be replaced
    /// with the council's own. `agendum build --root DIR` builds it at once.
    Site {
        /// The folder to create the site in (new, or without a content/ folder).
        dir: PathBuf,
        /// The council's full name [default: Example Borough Council].
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Create a meeting's folder and agenda with the committee's standing items.
    ///
    /// The agenda has the standing items of committee.yaml (`standing_items`, or apologies,
    /// declarations of interest, minutes of the previous meeting and public speaking time), with
    /// the minutes item linked to the committee's previous meeting; the time and venue of the
    /// previous meeting; and, as agenda_published, the last day for five clear working days'
    /// notice. It also says which minute number the meeting's minutes will start at.
    Meeting {
        /// The committee (its folder name, for example `cabinet`).
        committee: String,
        /// The date of the meeting, yyyy-mm-dd.
        date: jiff::civil::Date,
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Start time, 24-hour clock (18:30) [default: that of the previous meeting].
        #[arg(long, value_name = "HH:MM")]
        time: Option<jiff::civil::Time>,
        /// Venue name [default: that of the previous meeting].
        #[arg(long, value_name = "NAME")]
        venue: Option<String>,
    },
    /// Create a report from the council's template and add it to the meeting's agenda.
    ///
    /// The report goes in the meeting's reports/ folder, from DIR/templates/report.md if there
    /// is one (or the standard template), marked `draft: true` so that it is not published
    /// until that line is removed. A new agenda item for it is added before the closing
    /// standing items and any Part 2 business, or with --item it joins an existing item.
    Report {
        /// The meeting, as committee/yyyy-mm-dd (for example cabinet/2026-06-16).
        meeting: String,
        /// The report's file name, without .md (lower-case letters, digits and hyphens).
        slug: String,
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The report's author, a person id. Asked for on a terminal if left out.
        #[arg(long, value_name = "PERSON")]
        author: Option<String>,
        /// The report's title [default: made from its file name].
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Whose report it is, by role [default: the author's job title].
        #[arg(long, value_name = "ROLE")]
        report_of: Option<String>,
        /// Add the report to this existing agenda item instead of a new one.
        #[arg(long, value_name = "N")]
        item: Option<u32>,
        /// The report's date [default: the meeting's agenda_published, or today].
        #[arg(long, value_name = "DATE")]
        date: Option<jiff::civil::Date>,
    },
    /// Create a meeting's draft minutes from its agenda.
    ///
    /// One numbered minute per agenda item, numbered on from the committee's earlier minutes
    /// (starting again at 1 in a new municipal year unless site.yaml says
    /// `minute_numbering: continuous`), and the attendance from the committee's membership for
    /// the year, all to be edited. A scheduled meeting is marked held.
    Minutes {
        /// The meeting, as committee/yyyy-mm-dd.
        meeting: String,
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}

/// Runs `agendum new …`.
pub fn run(args: NewArgs) -> ExitCode {
    let today = agendum::today();
    let result = match args.what {
        What::Site { dir, name } => scaffold::site::plan(&dir, today, &scaffold::site::Options { name }),
        What::Meeting { committee, date, root, time, venue } => Context::load(&root, today).and_then(|ctx| {
            scaffold::meeting::plan(&ctx, &committee, date, &scaffold::meeting::Options { time, venue })
        }),
        What::Report { meeting, slug, root, author, title, report_of, item, date } => {
            Context::load(&root, today).and_then(|ctx| {
                let author = match author {
                    Some(a) => Some(a),
                    None if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() => {
                        Some(scaffold::report::ask_author(
                            &ctx,
                            &mut std::io::stdin().lock(),
                            &mut std::io::stderr(),
                        )?)
                    }
                    None => None,
                };
                let options = scaffold::report::Options { title, author, report_of, item, date };
                scaffold::report::plan(&ctx, &meeting, &slug, &options, today)
            })
        }
        What::Minutes { meeting, root } => {
            Context::load(&root, today).and_then(|ctx| scaffold::minutes::plan(&ctx, &meeting))
        }
    };
    match result.and_then(|plan: Plan| scaffold::write(&plan).map(|()| plan)) {
        Ok(plan) => {
            eprint!("{}", plan.describe());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
