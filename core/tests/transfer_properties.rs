//! Properties of the transfer format over random inputs: any body, kind, group, sequence
//! number and recipients round-trips through seal, the animated frames and open; opening
//! with any other group or by a phone that is not a recipient always fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{alice, bob};
use entraide_core::transfer::envelope::{open, seal, EnvelopeError, Expect, Kind};
use entraide_core::transfer::frames::{Density, Incoming, Outgoing, Reception};
use entraide_core::transfer::{DeviceIdentity, GroupId, Seen};
use proptest::prelude::*;

fn clear_kinds() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Invitation),
        Just(Kind::PairOffer),
        Just(Kind::GroupTopics),
        Just(Kind::Sample)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_payload_round_trips_and_stays_bound(
        body in prop::collection::vec(any::<u8>(), 0..3000),
        group in any::<[u8; 16]>(),
        other in any::<[u8; 16]>(),
        seq in any::<u64>(),
        encrypted in any::<bool>(),
        kind in clear_kinds(),
        density in prop_oneof![Just(Density::Low), Just(Density::Medium), Just(Density::High)],
        start in 0u32..1000,
    ) {
        let (alice, bob) = (alice(), bob());
        let recipients = if encrypted { vec![bob.recipient()] } else { vec![] };
        let sealed = seal(&alice, kind, GroupId(group), seq, &recipients, &body).unwrap();

        // Through the frames, starting anywhere in the loop.
        let out = Outgoing::new(&sealed, density).unwrap();
        let mut incoming = Incoming::new();
        let mut received = None;
        for n in start..start + 4 * out.fragment_count() as u32 + 8 {
            if let Reception::Complete(bytes) = incoming.receive(&out.frame(n)).unwrap() {
                received = Some(bytes);
                break;
            }
        }
        prop_assert_eq!(received.as_ref(), Some(&sealed));

        let reader = Some(&bob);
        let expect = Expect { kinds: &[kind], group: Some(GroupId(group)), identity: reader };
        let opened = open(&sealed, &expect, &Seen::new()).unwrap();
        prop_assert_eq!(&opened.body, &body);
        prop_assert_eq!(opened.header.seq, seq);

        if other != group {
            let elsewhere = Expect { group: Some(GroupId(other)), ..expect };
            prop_assert_eq!(open(&sealed, &elsewhere, &Seen::new()), Err(EnvelopeError::WrongGroup));
        }
        if encrypted {
            let stranger = DeviceIdentity::generate().unwrap();
            let wrong = Expect { identity: Some(&stranger), ..expect };
            prop_assert_eq!(open(&sealed, &wrong, &Seen::new()), Err(EnvelopeError::NotForMe));
        }
        let mut seen = Seen::new();
        seen.record(alice.signer(), seq);
        prop_assert_eq!(open(&sealed, &expect, &seen), Err(EnvelopeError::Replayed));
    }
}
