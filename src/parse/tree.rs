//! Walking a sentence's dependency parse ([`Syntax`]): heads, dependents, paths to the root,
//! the top words of a phrase. Word indices count from 0 within the sentence.

use super::Syntax;

/// The head of word `k`, if it is in the sentence.
pub fn head_of(syntax: &Syntax, k: usize) -> Option<usize> {
    (syntax.heads[k] as usize)
        .checked_sub(1)
        .filter(|&h| h < syntax.heads.len())
}

/// The words depending on word `k`.
pub fn dependents<'s>(syntax: &'s Syntax, k: usize) -> impl Iterator<Item = usize> + 's {
    (0..syntax.heads.len()).filter(move |&d| head_of(syntax, d) == Some(k))
}

/// The words of `words` whose head is not among them.
pub fn tops(syntax: &Syntax, words: &[usize]) -> Vec<usize> {
    words
        .iter()
        .copied()
        .filter(|&k| head_of(syntax, k).is_none_or(|h| !words.contains(&h)))
        .collect()
}

/// Word `k` and its heads up to `end` (excluded), at most the sentence's length of them.
pub fn path<'s>(syntax: &'s Syntax, k: usize, end: usize) -> impl Iterator<Item = usize> + 's {
    std::iter::successors(Some(k), move |&x| head_of(syntax, x))
        .take(syntax.heads.len())
        .take_while(move |&x| x != end)
}

/// Whether word `k` lies in the subtree of word `top` (`top` itself included).
pub fn dominates(syntax: &Syntax, top: usize, k: usize) -> bool {
    std::iter::successors(Some(k), |&x| head_of(syntax, x))
        .take(syntax.heads.len())
        .any(|x| x == top)
}
