//! Hexadecimal digests, as the cache, the manifest and the publication record write them.

/// Lower-case hex digits of some bytes.
pub fn encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A SHA-256 digest from its 64 hex digits; `None` for anything else.
pub fn decode32(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn digests_round_trip() {
        let d: [u8; 32] = std::array::from_fn(|i| (i * 37) as u8);
        assert_eq!(super::decode32(&super::encode(&d)), Some(d));
        assert_eq!(super::decode32("00"), None);
        assert_eq!(super::decode32(&"zz".repeat(32)), None);
    }
}
