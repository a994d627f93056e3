//! Conjoined string features for the log-linear models (speaker antecedents, claim
//! confidence). Every feature is a string `name=value`, added alone and conjoined with a
//! prefix (`he|name=value`). Training collects the strings ([`Strings`]); the pipeline hashes
//! them as they are formatted ([`Hashes`]), without allocating, to the same values as
//! [`feature_hash`] of the strings, so a model keyed by feature names scores hashes.

use std::fmt::{self, Write as _};

/// Where features go.
pub trait Features {
    /// Adds a feature and its conjunction with the prefix.
    fn add(&mut self, feature: fmt::Arguments);
}

/// A [`Features`] sink that starts from a prefix and yields the model's keys.
pub trait Keys: Features + Sized {
    /// A key: a feature string or its hash.
    type Key;
    /// An empty sink whose conjunctions start with `prefix|`.
    fn with_prefix(prefix: &str) -> Self;
    /// The keys, each conjunction right before its feature.
    fn into_keys(self) -> Vec<Self::Key>;
}

/// Features as strings (for training and for reading).
pub struct Strings {
    prefix: String,
    /// The features, each conjunction right before its feature.
    pub out: Vec<String>,
}

impl Features for Strings {
    fn add(&mut self, feature: fmt::Arguments) {
        let f = feature.to_string();
        self.out.push(format!("{}|{f}", self.prefix));
        self.out.push(f);
    }
}

impl Keys for Strings {
    type Key = String;
    fn with_prefix(prefix: &str) -> Strings {
        Strings {
            prefix: prefix.to_string(),
            out: Vec::new(),
        }
    }
    fn into_keys(self) -> Vec<String> {
        self.out
    }
}

/// 64-bit FNV-1a, fed incrementally.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const START: Fnv = Fnv(0xcbf2_9ce4_8422_2325);
}

impl fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for b in s.bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(())
    }
}

/// The hash of a feature string, as [`Hashes`] computes it.
pub fn feature_hash(feature: &str) -> u64 {
    let mut h = Fnv::START;
    let _ = h.write_str(feature);
    h.0
}

/// Feature hashes (at run time).
pub struct Hashes {
    /// The hash state after `prefix|`.
    prefix: Fnv,
    /// The hashes, each conjunction right before its feature.
    pub out: Vec<u64>,
}

/// Writes the same text into two hashes.
struct Both(Fnv, Fnv);

impl fmt::Write for Both {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write_str(s)?;
        self.1.write_str(s)
    }
}

impl Features for Hashes {
    fn add(&mut self, feature: fmt::Arguments) {
        let mut both = Both(self.prefix, Fnv::START);
        let _ = both.write_fmt(feature);
        self.out.push(both.0 .0);
        self.out.push(both.1 .0);
    }
}

impl Keys for Hashes {
    type Key = u64;
    fn with_prefix(prefix: &str) -> Hashes {
        let mut start = Fnv::START;
        let _ = write!(start, "{prefix}|");
        Hashes {
            prefix: start,
            out: Vec::with_capacity(64),
        }
    }
    fn into_keys(self) -> Vec<u64> {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_the_hashes_of_the_strings() {
        let mut strings = Strings::with_prefix("he");
        let mut hashes = Hashes::with_prefix("he");
        for f in [&mut strings as &mut dyn Features, &mut hashes] {
            f.add(format_args!("dist={}", 3));
            f.add(format_args!("type={}&x={}", "PER", true));
        }
        let strings = strings.into_keys();
        assert_eq!(
            strings,
            [
                "he|dist=3",
                "dist=3",
                "he|type=PER&x=true",
                "type=PER&x=true"
            ]
        );
        let expected: Vec<u64> = strings.iter().map(|s| feature_hash(s)).collect();
        assert_eq!(hashes.into_keys(), expected);
    }
}
