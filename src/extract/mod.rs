//! Stage 4: field extractors, one file per field.
//!
//! Each extractor works on a block's clean text and returns byte ranges into
//! it; [`crate::assemble`] maps them back to spans of the original input.
//! Each module documents the grammar of the forms it accepts.

pub(crate) mod bodies;
pub(crate) mod dates;
pub(crate) mod deadlines;
pub(crate) mod header;
pub(crate) mod meeting;
pub(crate) mod participants;
pub(crate) mod recipients;
pub(crate) mod references;
pub(crate) mod signature;
pub(crate) mod tasks;
