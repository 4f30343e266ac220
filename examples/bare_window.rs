//! A bare eframe window with the app's window options and renderer: the yardstick the
//! start-up benchmark (`benches/startup.sh`) compares the app's first frame against.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare window")
            .with_inner_size([1400.0, 900.0])
            .with_maximized(true)
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_ui_native("bare-window", options, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Bare window");
        });
    })
}
