//! A cue verb with what the detector found around it: the input of the content rules.

use super::verb_form::VerbForm;
use super::vetoes::Site;
use super::QuoteSpan;
use crate::quote::Cue;
use crate::span::Span;

/// A cue verb at a [`Site`], its cue span and what stands around it.
pub(super) struct Report<'s, 'c, 'd, 'a> {
    pub(super) site: &'s Site<'c, 'd, 'a>,
    /// The sentence.
    pub(super) si: usize,
    pub(super) cue: &'s Cue,
    /// The form of the cue verb.
    pub(super) form: &'s VerbForm,
    /// The subject before the cue, as first and last token.
    pub(super) subject: Option<(usize, usize)>,
    /// The first token after the cue (and its preposition).
    pub(super) after: usize,
    /// The cue took a preposition ("calls for").
    pub(super) preposition: bool,
    /// The cue verb takes the person told as its object.
    pub(super) takes_object: bool,
    /// A question ending the previous sentence (`“Why?” X asked.`).
    pub(super) question: Option<&'c QuoteSpan>,
    /// Nothing but the sentence's end follows the cue.
    pub(super) right_is_end: bool,
}

impl Report<'_, '_, '_, '_> {
    /// The subject's span in the text.
    pub(super) fn subject_span(&self) -> Option<Span> {
        self.subject.map(|(a, b)| self.site.ctx.span(a, b))
    }
}
