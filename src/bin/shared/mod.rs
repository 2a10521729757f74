//! What the command lines share (a folder, so cargo does not take it for a
//! program of its own).

/// The text of `file`, or of standard input for `-`; the error says which.
pub fn read_input(program: &str, file: &str) -> Result<String, String> {
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
