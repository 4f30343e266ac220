//! The app's look: fonts, the standard and the projector visuals, and the zoom.

use egui::Color32;

/// A colour of the crate's theme ([`crate::theme`]), for egui.
pub fn rgb(colour: crate::theme::Rgb) -> Color32 {
    let [r, g, b] = colour;
    Color32::from_rgb(r, g, b)
}

/// DejaVu Sans cut down to Arabic and Hebrew (see `assets/fonts/subset.sh`).
const RTL_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-RTL.ttf");

/// egui's fonts, with DejaVu Sans (the report's font) behind them for the characters
/// they lack (arrows, rarer Latin letters), then its Arabic and Hebrew letters, so that
/// a right-to-left title is drawn, not boxes.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, data) in [
        ("dejavu", crate::report::REGULAR_FONT),
        ("dejavu-rtl", RTL_FONT),
    ] {
        fonts.font_data.insert(
            name.to_owned(),
            std::sync::Arc::new(egui::FontData::from_static(data)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

/// Applies the zoom chosen in the preferences when it changed.
pub fn apply_zoom(ctx: &egui::Context, zoom: f32, applied: &mut Option<f32>) {
    if *applied != Some(zoom) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_zoom_factor(zoom);
        *applied = Some(zoom);
    }
}

/// The everyday theme.
pub fn standard_visuals() -> egui::Visuals {
    egui::Visuals::default()
}

/// A light, high-contrast theme for the projector.
pub fn presentation_visuals() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(90);
    visuals.selection.stroke.color = Color32::from_rgb(0, 70, 200);
    visuals
}

/// The wall's type sizes, in points (pixels at 1080p and zoom 1): read from 15 m.
/// Card titles on the wall.
pub const WALL_TITLE_PT: f32 = 32.0;
/// Vote counts on the wall.
pub const WALL_VOTES_PT: f32 = 48.0;
/// A cluster's name over its cards, and the lanes' names.
pub const WALL_HEADING_PT: f32 = 44.0;
/// Organisation names, counts and the banners.
pub const WALL_TEXT_PT: f32 = 28.0;
