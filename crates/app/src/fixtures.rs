//! Files for tests of the suites above the services (the `testing` feature): the smallest of
//! each kind whose structure is whole, so that the evidence checks accept them.

/// The smallest JPEG a phone could have sent: start, tables, frame, scan data, end.
pub fn smallest_jpeg() -> Vec<u8> {
    let mut file = vec![0xFF, 0xD8];
    for (marker, content) in [
        (0xE0u8, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec()),
        (0xDB, vec![0u8; 65]),
        (0xC0, vec![8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
        (0xC4, vec![0; 17]),
        (0xDA, vec![1, 1, 0, 0, 63, 0]),
    ] {
        file.extend([0xFF, marker]);
        file.extend(((content.len() + 2) as u16).to_be_bytes());
        file.extend(content);
    }
    file.extend([0x12, 0x34, 0xFF, 0xD9]);
    file
}
