//! The languages mlcheck speaks, and how the locale picks one.

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// The language of the run, for the messages that are written where no language is passed
/// along: "cancelled" from the Ctrl-C handler, the final error report.
static INTERFACE: AtomicU8 = AtomicU8::new(0);

/// A language every text of a bank can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// All languages, in the order they are listed in messages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The code used in banks, on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// Parses a language code as written in a bank.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Index into per-language arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The language the locale asks for: the first of LC_ALL, LC_MESSAGES and LANG that is
    /// set and not empty decides; Korean if it starts with `ko`, English otherwise.
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale =
            ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|var| get(var)).find(|value| !value.is_empty());
        match locale {
            // `ko`, `ko_KR.UTF-8`, `ko.UTF-8`, `ko@x`; not Konkani's `kok_IN`.
            Some(value) if value == "ko" || ["ko_", "ko.", "ko@"].iter().any(|p| value.starts_with(p)) => Lang::Ko,
            _ => Lang::En,
        }
    }
}

/// Sets the language the run speaks in: the one asked for at start, then the bank's choice
/// once the bank is loaded (a bank without Korean runs in English under a Korean locale).
pub fn set_interface(lang: Lang) {
    INTERFACE.store(lang as u8, Ordering::Relaxed);
}

/// The language the run speaks in (see [`set_interface`]); English until it is set.
pub fn interface() -> Lang {
    Lang::ALL.into_iter().find(|l| *l as u8 == INTERFACE.load(Ordering::Relaxed)).unwrap_or(Lang::En)
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    fn locale(vars: &[(&str, &str)]) -> Lang {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Lang::from_locale(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn locale_order_is_lc_all_then_lc_messages_then_lang() {
        assert_eq!(locale(&[]), Lang::En);
        assert_eq!(locale(&[("LANG", "ko_KR.UTF-8")]), Lang::Ko);
        assert_eq!(locale(&[("LANG", "ko_KR.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")]), Lang::En);
        assert_eq!(locale(&[("LC_ALL", "ko_KR"), ("LC_MESSAGES", "en_US")]), Lang::Ko);
        assert_eq!(locale(&[("LC_ALL", ""), ("LANG", "ko")]), Lang::Ko);
        assert_eq!(locale(&[("LANG", "C")]), Lang::En);
        assert_eq!(locale(&[("LANG", "kok_IN")]), Lang::En);
        assert_eq!(locale(&[("LANG", "ko")]), Lang::Ko);
    }
}
