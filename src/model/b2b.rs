//! The B2B meetings: times of day, the planner's settings and the plan, kept in the
//! session so that a plan moved by hand survives saving, merging and re-planning.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use super::entities::Timestamp;

/// A time of day, to the minute ("14:30"). Minutes since midnight, below 24 h.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ClockTime(u16);

/// The minutes of a day.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

impl ClockTime {
    /// The time `minutes` after midnight; `None` from 24:00 on.
    pub fn from_minutes(minutes: u32) -> Option<Self> {
        u16::try_from(minutes)
            .ok()
            .filter(|m| *m < MINUTES_PER_DAY)
            .map(Self)
    }

    /// `hours:minutes`; `None` when out of the day.
    pub fn new(hours: u32, minutes: u32) -> Option<Self> {
        if minutes >= 60 {
            return None;
        }
        Self::from_minutes(hours.checked_mul(60)?.checked_add(minutes)?)
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl FromStr for ClockTime {
    type Err = ();

    /// "14:30", "14h30", "14h", "9:05", " 14 : 30 ".
    fn from_str(text: &str) -> Result<Self, ()> {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let text = text.to_lowercase();
        let (hours, minutes) = match text.split_once([':', 'h']) {
            Some((h, "")) => (h, "0"),
            Some((h, m)) => (h, m),
            None => (text.as_str(), "0"),
        };
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(hours) || !digits(minutes) {
            return Err(());
        }
        let (Ok(h), Ok(m)) = (hours.parse(), minutes.parse()) else {
            return Err(());
        };
        Self::new(h, m).ok_or(())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|()| {
            serde::de::Error::custom(format!("« {text} » n'est pas une heure (HH:MM)"))
        })
    }
}

/// A stretch of the day, `start` included, `end` excluded ("12:30-13:30").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeRange {
    pub start: ClockTime,
    pub end: ClockTime,
}

impl TimeRange {
    /// `start`–`end`; `None` unless `start` is before `end`.
    pub fn new(start: ClockTime, end: ClockTime) -> Option<Self> {
        (start < end).then_some(Self { start, end })
    }

    /// True when the two stretches share a minute.
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Stretches separated by commas or semicolons ("12:30-13:30, 16h-16h30"); an empty
    /// text is none. `Err` holds the piece that is not a stretch of the day.
    pub fn parse_list(text: &str) -> Result<Vec<TimeRange>, String> {
        text.split([',', ';'])
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
            .map(|piece| piece.parse().map_err(|()| piece.to_owned()))
            .collect()
    }

    /// The stretches as [`TimeRange::parse_list`] reads them.
    pub fn list_text(ranges: &[TimeRange]) -> String {
        ranges
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl FromStr for TimeRange {
    type Err = ();

    /// "12:30-13:30", "12h30 – 13h30", "12:30 à 13:30".
    fn from_str(text: &str) -> Result<Self, ()> {
        let (start, end) = text
            .split_once(['-', '–', '—'])
            .or_else(|| text.split_once(" à "))
            .ok_or(())?;
        Self::new(start.parse()?, end.parse()?).ok_or(())
    }
}

impl Serialize for TimeRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|()| {
            serde::de::Error::custom(format!(
                "« {text} » n'est pas une plage horaire (HH:MM-HH:MM)"
            ))
        })
    }
}

/// One B2B meeting placed in the plan: an idea's organisations at a table, in a slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The idea the meeting is about (selected for the B2B meetings).
    pub idea: Uuid,
    /// The meeting table, from 1.
    pub table: u32,
    /// The time slot, from 0: see [`B2b::slots`].
    pub slot: u32,
    /// Put there by hand: re-planning leaves it where it is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
}

/// The B2B planner's settings and its plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct B2b {
    /// How many meeting tables the room has.
    pub tables: u32,
    /// How long a meeting lasts, in minutes.
    pub slot_min: u32,
    /// When the first meeting starts.
    pub start: ClockTime,
    /// When no meeting takes place (a coffee break, lunch).
    #[serde(default)]
    pub breaks: Vec<TimeRange>,
    /// The plan, once made.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// When the settings or the plan last changed (merges keep the latest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
}

/// Default settings: ten tables, 20-minute meetings from 14:00.
impl Default for B2b {
    fn default() -> Self {
        Self {
            tables: 10,
            slot_min: 20,
            start: ClockTime(14 * 60),
            breaks: Vec::new(),
            meetings: Vec::new(),
            modified: None,
        }
    }
}

/// The shortest and longest meeting the planner accepts, in minutes.
pub const SLOT_MIN_RANGE: std::ops::RangeInclusive<u32> = 5..=240;
/// The most meeting tables the planner accepts.
pub const MAX_TABLES: u32 = 500;

impl B2b {
    /// True when nothing was set nor planned (then the session file leaves it out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// The time slots of the day, in order: from `start`, one meeting long each,
    /// skipping the breaks, and ending before midnight.
    pub fn slots(&self) -> Vec<TimeRange> {
        let length = self
            .slot_min
            .clamp(*SLOT_MIN_RANGE.start(), *SLOT_MIN_RANGE.end());
        let mut out = Vec::new();
        let mut at = self.start.minutes();
        loop {
            let (Some(start), Some(end)) = (
                ClockTime::from_minutes(at),
                ClockTime::from_minutes(at + length),
            ) else {
                return out;
            };
            let slot = TimeRange { start, end };
            match self.breaks.iter().find(|b| b.overlaps(&slot)) {
                // A break: the next slot starts when it ends.
                Some(b) => at = b.end.minutes().max(at + 1),
                None => {
                    out.push(slot);
                    at += length;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> ClockTime {
        text.parse().expect("a time")
    }

    #[test]
    fn times_read_as_facilitators_write_them() {
        for (text, minutes) in [
            ("14:30", 870),
            ("14h30", 870),
            ("14h", 840),
            ("9:05", 545),
            (" 9 : 05 ", 545),
            ("0:00", 0),
            ("23:59", 1439),
        ] {
            assert_eq!(
                text.parse::<ClockTime>().map(ClockTime::minutes),
                Ok(minutes),
                "{text}"
            );
        }
        for text in [
            "24:00", "14:60", "", "h", "14:5a", "-1:00", "123:00", "٣:٠٠",
        ] {
            assert!(text.parse::<ClockTime>().is_err(), "{text}");
        }
        assert_eq!(t("9:05").to_string(), "09:05");
    }

    #[test]
    fn ranges_and_lists_of_ranges() {
        assert_eq!(
            TimeRange::parse_list("12:30-13:30, 16h – 16h30 ; 17:00 à 17:10"),
            Ok(vec![
                TimeRange::new(t("12:30"), t("13:30")).expect("range"),
                TimeRange::new(t("16:00"), t("16:30")).expect("range"),
                TimeRange::new(t("17:00"), t("17:10")).expect("range"),
            ])
        );
        assert_eq!(TimeRange::parse_list(""), Ok(vec![]));
        assert_eq!(
            TimeRange::parse_list("12:30-13:30, 14:00-13:00"),
            Err("14:00-13:00".to_owned())
        );
    }

    #[test]
    fn slots_skip_breaks_and_stop_before_midnight() {
        let b2b = B2b {
            slot_min: 30,
            start: t("14:00"),
            breaks: vec![TimeRange::new(t("15:00"), t("15:20")).expect("range")],
            ..B2b::default()
        };
        let slots = b2b.slots();
        let starts: Vec<String> = slots.iter().take(4).map(|s| s.start.to_string()).collect();
        assert_eq!(starts, ["14:00", "14:30", "15:20", "15:50"]);
        assert_eq!(
            slots.last().map(|s| s.end.to_string()).as_deref(),
            Some("23:50")
        );
    }
}
