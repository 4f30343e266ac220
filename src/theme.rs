//! The colours that mean something — an idea's status, the charts' bars — as plain sRGB
//! values, defined once for the screen (`egui::Color32::from_rgb`) and the PDF.
//!
//! The cluster colours are the model's [`Colour::PALETTE`], which the charts reuse.

use crate::model::charts::{CategoryBar, FunnelStage};
use crate::model::{Colour, IdeaKind, Status};

/// An sRGB colour: red, green, blue, 0–255.
pub type Rgb = [u8; 3];

/// The report's accent (headings, key figures) and the selected ideas' bar.
pub const ACCENT: Rgb = [0x1f, 0x6f, 0x8b];

/// A bar for what was not given: no category, no kind.
pub const NOT_GIVEN: Rgb = [0xa0, 0xa0, 0xa0];

/// The frame of the board's ideas that are in no cluster.
pub const UNGROUPED: Rgb = [0xa0, 0xa0, 0xa0];

/// The fill of the table headers (PDF and workbook) and the PDF's rules.
pub const LIGHT: Rgb = [0xe8, 0xea, 0xed];

/// `rgb` as `0xRRGGBB` (what spreadsheet formats take).
pub const fn hex([r, g, b]: Rgb) -> u32 {
    (r as u32) << 16 | (g as u32) << 8 | b as u32
}

/// The colour of an idea's status (lanes, triage split, funnel).
pub const fn status_rgb(status: Status) -> Rgb {
    match status {
        Status::Proposed => [0x5f, 0x6b, 0x7a],
        // Selected, not triaged yet.
        Status::Selected => [0x9a, 0xa0, 0xa6],
        Status::Abandoned => [0xb0, 0x3a, 0x2e],
        Status::Imminent => [0x2e, 0x8b, 0x57],
        Status::ToDeepen => [0x2e, 0x6d, 0xb0],
    }
}

/// The `index`-th colour of the cluster palette, round and round.
pub const fn palette_rgb(index: usize) -> Rgb {
    let Colour(r, g, b) = Colour::PALETTE[index % Colour::PALETTE.len()];
    [r, g, b]
}

/// The bar of a category: the palette in the session's category order.
pub const fn category_rgb(bar: CategoryBar) -> Rgb {
    match bar {
        CategoryBar::Category(index) => palette_rgb(index),
        CategoryBar::Uncategorised => NOT_GIVEN,
    }
}

/// The bar of a kind of synergy (`None`: not given).
pub const fn kind_rgb(kind: Option<IdeaKind>) -> Rgb {
    match kind {
        Some(IdeaKind::Substitution) => palette_rgb(4),
        Some(IdeaKind::Mutualisation) => palette_rgb(5),
        None => NOT_GIVEN,
    }
}

/// The bar of a funnel stage.
pub const fn funnel_rgb(stage: FunnelStage) -> Rgb {
    match stage {
        FunnelStage::Ideas => status_rgb(Status::Proposed),
        FunnelStage::Selected => ACCENT,
        FunnelStage::Imminent => status_rgb(Status::Imminent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_rrggbb() {
        assert_eq!(hex(LIGHT), 0xE8EAED);
        assert_eq!(hex([0x01, 0x02, 0x03]), 0x010203);
    }

    #[test]
    fn each_status_has_its_own_colour() {
        for (i, a) in Status::ALL.iter().enumerate() {
            for b in &Status::ALL[i + 1..] {
                assert_ne!(status_rgb(*a), status_rgb(*b), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn not_given_stands_apart_from_the_categories_and_kinds() {
        for i in 0..Colour::PALETTE.len() {
            assert_ne!(category_rgb(CategoryBar::Category(i)), NOT_GIVEN);
        }
        for kind in IdeaKind::ALL {
            assert_ne!(kind_rgb(Some(kind)), NOT_GIVEN);
            assert_ne!(kind_rgb(Some(kind)), kind_rgb(None));
        }
        assert_ne!(
            kind_rgb(Some(IdeaKind::Substitution)),
            kind_rgb(Some(IdeaKind::Mutualisation))
        );
    }
}
