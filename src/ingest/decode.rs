//! Text decoding of inputs: UTF-8 is taken as it is; other plain text is decoded (UTF-16 when
//! it starts with a byte-order mark, Windows-1252 otherwise) with a warning; binary data is
//! rejected. Output offsets refer to the decoded text.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Control bytes (other than tab, line feed, form feed and carriage return) above this share
/// of a text's bytes mark it as binary.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// A decoded text, with a warning when it was not UTF-8.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// How it was decoded, when it was not valid UTF-8.
    pub warning: Option<String>,
}

/// Decodes `bytes` as text, or says why they are not text.
///
/// `b"caf\xe9"` (Windows-1252) → `"café"` with a warning; `b"a\0b"` → binary, rejected.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, String> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return if looks_binary(text.as_bytes()) {
                Err(binary_reason(text.as_bytes()))
            } else {
                Ok(Decoded {
                    text,
                    warning: None,
                })
            }
        }
        Err(e) => e,
    };
    let invalid_at = bytes.utf8_error().valid_up_to();
    let bytes = bytes.into_bytes();
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes).filter(|(e, _)| *e != UTF_8) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: Some(format!("decoded as {} (byte-order mark)", encoding.name())),
        });
    }
    if looks_binary(&bytes) {
        return Err(binary_reason(&bytes));
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    Ok(Decoded {
        text: text.into_owned(),
        warning: Some(format!(
            "not valid UTF-8 (byte {invalid_at}); decoded as Windows-1252"
        )),
    })
}

/// Whether `bytes` hold a NUL or more control bytes than plain text has.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0) || control_bytes(bytes) as f64 > MAX_CONTROL_SHARE * bytes.len() as f64
}

fn control_bytes(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) || b == 0x7f)
        .count()
}

fn binary_reason(bytes: &[u8]) -> String {
    if bytes.contains(&0) {
        "binary content: NUL bytes".into()
    } else {
        format!(
            "binary content: {} of {} bytes are control characters",
            control_bytes(bytes),
            bytes.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_it_is() {
        let d = decode("Café “quoted”".as_bytes().to_vec()).unwrap();
        assert_eq!((d.text.as_str(), d.warning), ("Café “quoted”", None));
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let d = decode(b"It cost \xa3300, he said \x93yes\x94.".to_vec()).unwrap();
        assert_eq!(d.text, "It cost £300, he said “yes”.");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Hi, she said.".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "Hi, she said.");
        assert!(d.warning.unwrap().contains("UTF-16LE"));
    }

    #[test]
    fn binary_data_is_rejected() {
        assert!(decode(vec![b'a', 0, b'b', 0xff])
            .unwrap_err()
            .contains("NUL"));
        let noisy: Vec<u8> = (0..400u32)
            .map(|i| if i % 8 == 0 { 0x01 } else { 0xe9 })
            .collect();
        assert!(decode(noisy).unwrap_err().contains("control characters"));
        assert!(decode(b"a\x01b\x02c\x03".to_vec()).is_err());
    }
}
