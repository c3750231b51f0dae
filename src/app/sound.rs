//! The gentle signal at the end of a timebox or a speaking turn.

/// Plays a short, soft tone where the `sound` feature is built in and the system has a
/// player (`paplay` or `aplay`); otherwise nothing. The visual signal is always shown.
pub fn play_signal() {
    #[cfg(feature = "sound")]
    sound::play();
}

#[cfg(feature = "sound")]
mod sound {
    use std::io::Write as _;

    /// A 0.4 s, 660 Hz tone with a soft fade, as 16-bit mono WAV.
    fn tone() -> Vec<u8> {
        let rate = 22_050u32;
        let samples = rate * 2 / 5;
        let mut wav = Vec::with_capacity(44 + samples as usize * 2);
        let data_len = samples * 2;
        wav.extend_from_slice(b"RIFF");
        wav.extend_from_slice(&(36 + data_len).to_le_bytes());
        wav.extend_from_slice(b"WAVEfmt ");
        wav.extend_from_slice(&16u32.to_le_bytes());
        wav.extend_from_slice(&1u16.to_le_bytes());
        wav.extend_from_slice(&1u16.to_le_bytes());
        wav.extend_from_slice(&rate.to_le_bytes());
        wav.extend_from_slice(&(rate * 2).to_le_bytes());
        wav.extend_from_slice(&2u16.to_le_bytes());
        wav.extend_from_slice(&16u16.to_le_bytes());
        wav.extend_from_slice(b"data");
        wav.extend_from_slice(&data_len.to_le_bytes());
        for n in 0..samples {
            let t = n as f32 / rate as f32;
            let fade = (1.0 - n as f32 / samples as f32).powi(2);
            let value = (t * 660.0 * std::f32::consts::TAU).sin() * fade * 0.3;
            wav.extend_from_slice(&((value * f32::from(i16::MAX)) as i16).to_le_bytes());
        }
        wav
    }

    pub fn play() {
        std::thread::spawn(|| {
            let Ok(mut file) = tempfile::Builder::new().suffix(".wav").tempfile() else {
                return;
            };
            if file.write_all(&tone()).is_err() {
                return;
            }
            for player in ["paplay", "aplay"] {
                let status = std::process::Command::new(player)
                    .arg(file.path())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status();
                if status.is_ok_and(|s| s.success()) {
                    return;
                }
            }
        });
    }
}
