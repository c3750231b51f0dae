//! `moderato`: the app, or a headless command.

use std::process::ExitCode;

use clap::Parser as _;
use moderato::app::{ModeratoApp, StartWith, StartupOptions};
use moderato::cli::{Cli, Command, run_headless};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let start = match cli.command {
        None if cli.example => StartWith::Example,
        None => StartWith::LastSession,
        Some(Command::Open { path }) => StartWith::Session(path),
        Some(command) => {
            return run_headless(&command, &mut std::io::stdout(), &mut std::io::stderr());
        }
    };
    let options = StartupOptions::for_user(start);
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Moderato")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Moderato",
        native_options,
        Box::new(|cc| Ok(Box::new(ModeratoApp::new(cc, options)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = moderato::i18n::Lang::from_system();
            let text = moderato::i18n::C::WindowFailed.get(lang);
            eprintln!(
                "moderato: {}",
                moderato::i18n::fill(text, &[&e.to_string()])
            );
            ExitCode::FAILURE
        }
    }
}
