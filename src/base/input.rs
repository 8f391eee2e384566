//! Reads answers files and banks with a size limit, so a huge file, a pipe that never
//! ends or /dev/zero is refused after reading at most `limit + 1` bytes. Checks the bytes
//! are text (UTF-8, no NUL) and names the line where they are not; drops a UTF-8 BOM; tells
//! a UTF-16 or UTF-32 file (what Windows PowerShell 5's `>` writes) to be saved as UTF-8.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::base::lang::Lang;
use crate::base::sanitize;

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
    /// UTF-16 or UTF-32 text, told by its byte order mark or by where its NUL bytes are.
    #[error(
        "{name}: is {encoding} text, not UTF-8; save the file as UTF-8 (in PowerShell 5, \
         `Out-File -Encoding utf8` instead of `>`)"
    )]
    WideText { name: String, encoding: &'static str },
    /// A NUL byte, first on this line.
    #[error("{name}:{line}: contains a NUL byte; is this a binary file?")]
    Nul { name: String, line: usize },
}

impl InputError {
    /// What went wrong, for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        crate::base::messages::sentence(self.words(lang))
    }

    /// The message before it is ended as a sentence.
    fn words(&self, lang: Lang) -> String {
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
            InputError::WideText { name, encoding } => format!(
                "{name}: UTF-8이 아니라 {encoding} 텍스트입니다. 파일을 UTF-8로 저장하세요 \
                 (PowerShell 5에서는 `>` 대신 `Out-File -Encoding utf8`)"
            ),
            InputError::Nul { name, line } => format!("{name}:{line}: NUL 바이트가 있습니다. 바이너리 파일인가요?"),
        }
    }

    /// Whether the failure is about the file's content (bad data) rather than getting at it.
    pub fn is_bad_data(&self) -> bool {
        matches!(
            self,
            InputError::TooLarge { .. }
                | InputError::NotUtf8 { .. }
                | InputError::WideText { .. }
                | InputError::Nul { .. }
        )
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

/// How messages name standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` is `-`, which every command that reads files takes for standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads standard input, at most `limit` bytes.
pub fn read_stdin(limit: u64, what: &'static str) -> Result<Source, InputError> {
    read_text(io::stdin().lock(), STDIN_NAME.to_string(), limit, what)
}

/// Reads at most `limit + 1` bytes from `reader` and checks they form text.
pub fn read_bounded(reader: impl Read, name: String, limit: u64, what: &'static str) -> Result<Source, InputError> {
    read_text(reader, sanitize::escape(&name), limit, what)
}

/// `read_bounded` for a name that is already escaped (every public entry escapes once;
/// `gather` has escaped its file names already).
pub(crate) fn read_text(reader: impl Read, name: String, limit: u64, what: &'static str) -> Result<Source, InputError> {
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
    if let Some(encoding) = wide_encoding(&bytes) {
        return Err(InputError::WideText { name: name.to_string(), encoding });
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

/// How many leading bytes [`wide_encoding`] looks at when there is no byte order mark.
const SNIFF: usize = 512;

/// The name of the UTF-16 or UTF-32 encoding `bytes` are in, if they are: told by a byte
/// order mark, else by NUL bytes in the first [`SNIFF`] bytes that all fall at the same place
/// in each pair (ASCII in UTF-16: `a\0b\0` little-endian, `\0a\0b` big-endian) or each
/// group of four (ASCII in UTF-32). UTF-8 text has no NUL at all, so there is no false alarm
/// on text; a binary file with scattered NULs is still told it has a NUL byte.
pub(crate) fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    const BOMS: [(&[u8], &str); 4] = [
        (b"\xFF\xFE\0\0", "UTF-32LE"),
        (b"\0\0\xFE\xFF", "UTF-32BE"),
        (b"\xFF\xFE", "UTF-16LE"),
        (b"\xFE\xFF", "UTF-16BE"),
    ];
    if let Some((_, name)) = BOMS.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    // NULs and bytes by position modulo 4. Wide text of ASCII (every TOML bank, every answers
    // file) has its NULs at the same places of each pair or group of four, and none elsewhere.
    let (mut nuls, mut places) = ([0usize; 4], [0usize; 4]);
    for (i, &b) in head.iter().enumerate() {
        places[i % 4] += 1;
        nuls[i % 4] += usize::from(b == 0);
    }
    // At least half: text that is not all ASCII has fewer NULs, but a bank has plenty of ASCII.
    let mostly = |nul: usize, of: usize| of > 0 && nul * 2 >= of;
    let (even, odd) = (nuls[0] + nuls[2], nuls[1] + nuls[3]);
    if head.len() >= 8 && nuls[0] == 0 && mostly(nuls[2], places[2]) && mostly(nuls[3], places[3]) {
        Some("UTF-32LE")
    } else if head.len() >= 8 && nuls[3] == 0 && mostly(nuls[0], places[0]) && mostly(nuls[1], places[1]) {
        Some("UTF-32BE")
    } else if even == 0 && mostly(odd, places[1] + places[3]) {
        Some("UTF-16LE")
    } else if odd == 0 && mostly(even, places[0] + places[2]) {
        Some("UTF-16BE")
    } else {
        None
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
        "not a directory" => Some("폴더가 아닙니다"),
        "address already in use" => Some("다른 프로그램이 이미 쓰고 있습니다"),
        "cannot assign requested address" => Some("이 컴퓨터의 주소가 아닙니다"),
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

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let units = std::iter::once(0xFEFF).filter(|_| bom).chain(text.encode_utf16());
        units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    }

    #[test]
    fn tells_utf16_and_utf32_apart_from_binary() {
        let wide = |bytes: &[u8]| match read(bytes, 10_000) {
            Err(InputError::WideText { encoding, .. }) => Some(encoding),
            _ => None,
        };
        for text in ["1\n", "track = backend\nhard = 2\n", "version = 1\n# 한국어 주석\ntitle = { ko = \"제목\" }\n"]
        {
            for bom in [true, false] {
                assert_eq!(wide(&utf16(text, false, bom)), Some("UTF-16LE"), "{text:?} bom {bom}");
                assert_eq!(wide(&utf16(text, true, bom)), Some("UTF-16BE"), "{text:?} bom {bom}");
            }
            let utf32: Vec<u8> = text.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
            assert_eq!(wide(&utf32), Some("UTF-32LE"), "{text:?}");
            let utf32: Vec<u8> = text.chars().flat_map(|c| (c as u32).to_be_bytes()).collect();
            assert_eq!(wide(&utf32), Some("UTF-32BE"), "{text:?}");
        }
        assert_eq!(wide(b"\xFF\xFE"), Some("UTF-16LE"), "a BOM alone says enough");
        // Binary with NULs here and there, and UTF-8 text, are not wide text.
        assert_eq!(wide(b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"), None);
        assert!(matches!(read(b"one\n\0", 100), Err(InputError::Nul { .. })));
        assert!(read("한국어 text\n".as_bytes(), 100).is_ok());
    }

    #[test]
    fn refuses_more_than_the_limit_without_reading_it_all() {
        let endless = std::io::repeat(b'a');
        let err = read_bounded(endless, "zero".into(), 1024, "the file").unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }));
        assert!(read(&[b'a'; 1024], 1024).is_ok());
    }
}
