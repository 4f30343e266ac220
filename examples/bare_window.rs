//! A bare eframe window with the app's window options and renderer: the yardstick the
//! start-up benchmark (`benches/startup.sh`) compares the app's first frame against.

fn main() -> eframe::Result {
    let options = synergies::ui::native_options("Bare window");
    eframe::run_ui_native("bare-window", options, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Bare window");
        });
    })
}
