//! The group's record, in the field's vocabulary: one replicated model that every phone
//! holds its share of and that the animator's phone merges from everyone's (`core::merge`).
//!
//! - [`charter`]: the default charter of good conduct;
//! - [`categories`]: the Coop de la médiation numérique's categories (devices, autonomy,
//!   age bands, gender, referrals, administrative areas) and the session tracks;
//! - [`day`]: calendar days;
//! - [`ids`]: record ids;
//! - [`entities`]: group, members, sessions, needs, help groups, help given, tips, votes,
//!   evaluations, difficulties, self-assessments;
//! - [`record`]: [`GroupRecord`], the whole, as screens read it;
//! - [`limits`]: the bounds every value is checked against before it is written or merged;
//! - [`legacy`]: the documents of earlier versions, moved into the record on first unlock.

pub mod categories;
pub mod charter;
pub mod day;
pub mod entities;
pub mod ids;
pub mod legacy;
pub mod limits;
pub mod record;

pub use categories::{AdminArea, AgeBand, Autonomy, Device, Gender, Referral, Track};
pub use day::Day;
pub use entities::{
    CharterAcceptance, CharterVersion, Difficulty, Evaluation, Facts, GroupInfo, HelpGiven,
    HelpGroup, Member, MemberRole, Need, Session, SessionState, Settings, Skills, Tip, TopicLevel,
};
pub use ids::{GroupId, PersonId, RecordId, TopicId};
pub use limits::LimitError;
pub use record::GroupRecord;
