//! Reads answers files and banks with a size limit, so a huge file, a pipe that never
//! ends or /dev/zero is refused after reading at most `limit + 1` bytes. Checks the bytes
//! are text (UTF-8, no NUL) and names the line where they are not; drops a UTF-8 BOM.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::lang::Lang;
use crate::sanitize;

/// The largest answers file mlcheck reads.
pub const ANSWERS_LIMIT: u64 = 1024 * 1024;
/// The largest question bank mlcheck reads.
pub const BANK_LIMIT: u64 = 4 * 1024 * 1024;

/// A text read from a file or stdin, with the name to use in messages.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it, or `<stdin>`.
    pub name: String,
    /// The whole text, BOM removed.
    pub text: String,
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened (missing, no permission).
    #[error("{name}: cannot open: {reason}")]
    Open { name: String, reason: String },
    /// A directory was given where a file belongs.
    #[error("{name}: is a directory, not a file")]
    Directory { name: String },
    /// Reading failed part-way.
    #[error("{name}: cannot read: {reason}")]
    Read { name: String, reason: String },
    /// More bytes than the limit for this kind of file.
    #[error("{name}: {what} is larger than {limit}; mlcheck refuses it (is this the right file?)", limit = human_size(*.limit))]
    TooLarge { name: String, what: &'static str, limit: u64 },
    /// Bytes that are not UTF-8, first on this line.
    #[error("{name}:{line}: is not UTF-8 text (invalid byte 0x{byte:02X}); save the file as UTF-8")]
    NotUtf8 { name: String, line: usize, byte: u8 },
    /// A NUL byte, first on this line.
    #[error("{name}:{line}: contains a NUL byte; is this a binary file?")]
    Nul { name: String, line: usize },
}

impl InputError {
    /// What went wrong, for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let reason_ko = |reason: &str| reason_in(reason, lang);
        match self {
            InputError::Open { name, reason } => format!("{name}: 열 수 없습니다: {}", reason_ko(reason)),
            InputError::Directory { name } => format!("{name}: 파일이 아니라 폴더입니다"),
            InputError::Read { name, reason } => format!("{name}: 읽을 수 없습니다: {}", reason_ko(reason)),
            InputError::TooLarge { name, limit, .. } => {
                format!("{name}: {}보다 커서 읽지 않습니다. 맞는 파일인가요?", human_size(*limit))
            }
            InputError::NotUtf8 { name, line, byte } => {
                format!("{name}:{line}: UTF-8 텍스트가 아닙니다(잘못된 바이트 0x{byte:02X}). 파일을 UTF-8로 저장하세요")
            }
            InputError::Nul { name, line } => format!("{name}:{line}: NUL 바이트가 있습니다. 바이너리 파일인가요?"),
        }
    }

    /// Whether the failure is about the file's content (bad data) rather than getting at it.
    pub fn is_bad_data(&self) -> bool {
        matches!(self, InputError::TooLarge { .. } | InputError::NotUtf8 { .. } | InputError::Nul { .. })
    }
}

fn human_size(bytes: u64) -> String {
    if bytes % (1024 * 1024) == 0 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads the file at `path`, at most `limit` bytes. `what` names it in messages ("the answers file").
pub fn read_path(path: &Path, limit: u64, what: &'static str) -> Result<Source, InputError> {
    let name = sanitize::escape(&path.display().to_string());
    let file = File::open(path).map_err(|e| InputError::Open { name: name.clone(), reason: io_reason(&e) })?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(InputError::Directory { name });
    }
    read_text(file, name, limit, what)
}

/// Reads standard input, at most `limit` bytes.
pub fn read_stdin(limit: u64, what: &'static str) -> Result<Source, InputError> {
    read_text(io::stdin().lock(), "<stdin>".to_string(), limit, what)
}

/// Reads at most `limit + 1` bytes from `reader` and checks they form text.
pub fn read_bounded(reader: impl Read, name: String, limit: u64, what: &'static str) -> Result<Source, InputError> {
    read_text(reader, sanitize::escape(&name), limit, what)
}

/// `read_bounded` for a name that is already escaped (every public entry escapes once).
fn read_text(reader: impl Read, name: String, limit: u64, what: &'static str) -> Result<Source, InputError> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(|e| match e.kind() {
        io::ErrorKind::IsADirectory => InputError::Directory { name: name.clone() },
        _ => InputError::Read { name: name.clone(), reason: io_reason(&e) },
    })?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { name, what, limit });
    }
    let text = decode_text(bytes, &name)?;
    Ok(Source { name, text })
}

/// Turns bytes into text: strips a BOM, refuses NUL and invalid UTF-8 with the line number.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, InputError> {
    decode_text(bytes, &sanitize::escape(name))
}

/// `decode` for a name that is already escaped.
fn decode_text(mut bytes: Vec<u8>, name: &str) -> Result<String, InputError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Nul { name: name.to_string(), line: line_of(pos) });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let pos = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(InputError::NotUtf8 { name: name.to_string(), line, byte: bytes[pos] })
        }
    }
}

/// A short reason for an I/O error, without Rust's "(os error N)" tail.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = e.to_string();
            // Drop the "(os error N)" tail: it helps nobody.
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// A reason from [`io_reason`] in `lang`: the common ones are translated, others stay as
/// the system wrote them.
pub fn reason_in(reason: &str, lang: Lang) -> String {
    let ko = match reason.to_ascii_lowercase().as_str() {
        _ if lang == Lang::En => None,
        "no such file or directory" => Some("파일이나 폴더가 없습니다"),
        "permission denied" => Some("권한이 없습니다"),
        "is a directory" => Some("폴더입니다"),
        "no space left on device" => Some("디스크에 남은 공간이 없습니다"),
        "disk quota exceeded" => Some("디스크 할당량을 넘었습니다"),
        "read-only file system" => Some("읽기 전용 파일 시스템입니다"),
        "input/output error" => Some("입출력 오류가 났습니다"),
        _ => None,
    };
    ko.map_or_else(|| reason.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], limit: u64) -> Result<Source, InputError> {
        read_bounded(bytes, "f".into(), limit, "the file")
    }

    #[test]
    fn strips_bom_and_keeps_crlf() {
        assert_eq!(read(b"\xEF\xBB\xBFa\r\nb", 100).unwrap().text, "a\r\nb");
    }

    #[test]
    fn names_the_line_of_bad_bytes() {
        let err = read(b"one\ntwo\nthr\xFFee", 100).unwrap_err();
        assert!(matches!(err, InputError::NotUtf8 { line: 3, byte: 0xFF, .. }), "{err:?}");
        let err = read(b"one\n\0", 100).unwrap_err();
        assert!(matches!(err, InputError::Nul { line: 2, .. }), "{err:?}");
    }

    #[test]
    fn refuses_more_than_the_limit_without_reading_it_all() {
        let endless = std::io::repeat(b'a');
        let err = read_bounded(endless, "zero".into(), 1024, "the file").unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }));
        assert!(read(&[b'a'; 1024], 1024).is_ok());
    }
}
