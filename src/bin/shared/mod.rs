//! What the command lines share (a folder, so cargo does not take it for a
//! program of its own): the document to read and its format.

use article_widget::feeds::Format;

/// The input both command lines take.
#[derive(clap::Args, Debug)]
pub struct Input {
    /// The document: a file, or - for standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// The document's format: v1, wordpress, ninjs, anf or jsonld
    /// (docs/feeds.md).
    #[arg(long, value_name = "FORMAT", default_value = "v1", value_parser = format_by_name)]
    pub from: Format,
    /// Where the feed's files are, such as the URL an Apple News bundle
    /// is served from: `bundle://photo.jpg` is read beside it.
    #[arg(long, value_name = "URL")]
    pub base: Option<String>,
}

fn format_by_name(name: &str) -> Result<Format, String> {
    Format::from_name(name).map_err(|error| error.message)
}

impl Input {
    /// The document read and, from a feed, converted: read by the v1 rules,
    /// what was dropped first among the warnings. The error says which file
    /// and what is wrong.
    pub fn read(&self, program: &str) -> Result<article_widget::model::Parsed, String> {
        let text = read_text(program, &self.file)?;
        // The widget and Node's renderToString read no more than this.
        article_widget::model::within_document_limit(&text)
            .map_err(|error| format!("{program}: {}: {}", self.file, error.message))?;
        article_widget::feeds::parse_feed(&text, self.from, self.base.as_deref())
            .map_err(|error| format!("{program}: {}: {error}", self.file))
    }
}

impl Input {
    /// [`Input::read`], with each of `warnings(&parsed)` on standard error
    /// under the file's name; a failure is said there too, and is the exit
    /// code to return.
    pub fn read_reporting(
        &self,
        program: &str,
        warnings: impl Fn(&article_widget::model::Parsed) -> Vec<String>,
    ) -> Result<article_widget::model::Parsed, std::process::ExitCode> {
        let parsed = self.read(program).map_err(|why| {
            eprintln!("{why}");
            std::process::ExitCode::FAILURE
        })?;
        for warning in warnings(&parsed) {
            eprintln!("{program}: {}: {warning}", self.file);
        }
        Ok(parsed)
    }
}

/// The text of `file`, or of standard input for `-`; the error says which.
fn read_text(program: &str, file: &str) -> Result<String, String> {
    use std::io::Read;
    let mut text = String::new();
    let read = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map(|()| text)
        .map_err(|error| format!("{program}: cannot read {file}: {error}"))
}

/// Writes `text` and a line end to standard output.
pub fn write_out(text: &str) -> std::process::ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
    {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(_) => std::process::ExitCode::FAILURE,
    }
}
