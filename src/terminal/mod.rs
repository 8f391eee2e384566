//! The terminal: what the streams are connected to, the interactive prompts, what they
//! left on screen, and Ctrl-C. Only commands use it; `model/`, `group/` and `render/` never do.

pub(crate) mod cancel;
pub(crate) mod onscreen;
pub(crate) mod prompt;
pub(crate) mod term;
