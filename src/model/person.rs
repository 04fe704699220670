//! `content/people/<slug>.yaml`: councillors and officers.

use serde::Deserialize;

use super::FileId;

/// Whether a person is an elected member or an employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PersonKind {
    /// An elected member of the council.
    Councillor,
    /// An officer (employee) of the council.
    Officer,
    /// A co-opted member or other person who is neither (a parent governor representative, say).
    CoOptee,
}

/// A person as written in YAML. The slug is the file name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonFile {
    /// Councillor, officer or co-optee.
    pub kind: PersonKind,
    /// Name as it should appear in papers, without the title ("Priya Shah").
    pub name: String,
    /// Title used before the name; defaults to "Councillor" for councillors.
    #[serde(default)]
    pub title: Option<String>,
    /// Political party or group (councillors).
    #[serde(default)]
    pub party: Option<String>,
    /// Ward represented (councillors).
    #[serde(default)]
    pub ward: Option<String>,
    /// Positions held, for example "Leader of the Council" or "Cabinet Member for Housing".
    #[serde(default)]
    pub roles: Vec<String>,
    /// Job title (officers), for example "Director of Children's Services".
    #[serde(default)]
    pub job_title: Option<String>,
    /// Service or directorate (officers).
    #[serde(default)]
    pub department: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// A person, with the slug taken from the file name.
#[derive(Debug, Clone)]
pub struct Person {
    /// File stem: `people/priya-shah.yaml` is `priya-shah`.
    pub slug: String,
    /// The file it came from.
    pub file: FileId,
    /// What was written.
    pub data: PersonFile,
}

impl Person {
    /// "Councillor Priya Shah" or "Dan Okafor".
    pub fn display_name(&self) -> String {
        match (&self.data.title, self.data.kind) {
            (Some(t), _) if !t.is_empty() => format!("{} {}", t, self.data.name),
            (_, PersonKind::Councillor) => format!("Councillor {}", self.data.name),
            _ => self.data.name.clone(),
        }
    }
}
