//! Hexadecimal digests, as the cache, the manifest and the publication record write them.

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Lower-case hex digits of some bytes.
pub fn encode(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    push(&mut s, bytes);
    s
}

/// Appends the lower-case hex digits of some bytes to `out` (the manifest and the notes write
/// hundreds of thousands of digests, without a `String` each).
pub fn push(out: &mut String, bytes: &[u8]) {
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
}

/// A SHA-256 digest from its 64 hex digits; `None` for anything else.
pub fn decode32(s: &str) -> Option<[u8; 32]> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let s = s.as_bytes();
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (o, pair) in out.iter_mut().zip(s.chunks_exact(2)) {
        *o = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn digests_round_trip() {
        let d: [u8; 32] = std::array::from_fn(|i| (i * 37) as u8);
        assert_eq!(super::decode32(&super::encode(&d)), Some(d));
        let mut buf = String::from("x");
        super::push(&mut buf, &d);
        assert_eq!(buf, format!("x{}", super::encode(&d)));
        assert_eq!(super::encode(&[0x0f, 0xa0]), "0fa0");
        assert_eq!(super::decode32(&super::encode(&d).to_uppercase()), Some(d));
        assert_eq!(super::decode32("00"), None);
        assert_eq!(super::decode32(&"zz".repeat(32)), None);
        assert_eq!(super::decode32(&format!("+{}", &"0".repeat(63))), None);
    }
}
