//! Many results at once: gathering them from PATHs, counting them under the privacy rules,
//! pairing two groups before and after, and the sign test. It imports only `base/` and
//! `model/`; never a terminal, a renderer or a command.

pub mod aggregate;
pub mod gather;
pub mod pairing;
pub mod stats;
