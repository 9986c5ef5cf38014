//! A person's consent and their referrals: who may record or withdraw a consent, send a
//! person to a partner, record the partner's answer, and share without consent.
//!
//! All of it is work on a person within the actor's reach (the services check the reach):
//! whoever may change the person records what they agreed to and refers them; sharing without
//! consent (a child in danger, a threat to life) is a manager's decision, written down.

use komek_domain::Capability;

use crate::Actor;

/// Record a person's consent or its withdrawal.
pub fn may_record_consent(actor: &Actor) -> bool {
    actor.can(Capability::RegisterAppeals)
}

/// Make a referral, move it on, record the partner's replies.
pub fn may_refer(actor: &Actor) -> bool {
    actor.can(Capability::RegisterAppeals)
}

/// Send a referral that no consent covers, with a written justification.
pub fn may_override_consent(actor: &Actor) -> bool {
    actor.can(Capability::OverrideConsent)
}

#[cfg(test)]
mod tests {
    use komek_domain::Role::*;

    use super::*;
    use crate::policy::table::check;

    #[test]
    fn who_may_record_consent_and_refer() {
        let staff = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("record a consent", &staff, may_record_consent);
        check("make a referral", &staff, may_refer);
    }

    #[test]
    fn who_may_share_without_consent() {
        check("override a missing consent", &[Administrator, Manager], may_override_consent);
    }
}
