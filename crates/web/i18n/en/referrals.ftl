# The referral network: the partner directory.

partners-title = Partner directory
partners-about = The organisations of the referral network: where to send a person, and who to call there.
partners-add = Add a partner
partners-edit = Edit the partner
partners-name = Name
partners-kind = Kind
partners-service = Service
partners-region = Region served
partners-inactive-too = Show inactive partners too
partners-none = No partner matches.
partners-country = Country
partners-regions = Regions
partners-regions-served = Regions of Kazakhstan served (none: the whole country or abroad)
partners-services = Services offered
partners-languages = Languages
partners-hours = Working hours
partners-active = Active: may be chosen for new referrals
partners-inactive = inactive
partners-everywhere = Everywhere
partners-focal-points = Focal points
partners-focal-points-hint = Staff of the partner to whom referrals go. Their names and contacts are stored encrypted.
partners-no-focal-points = No focal point is recorded.
partners-focal-name = Name
partners-focal-position = Position
partners-focal-email = E-mail

# A person's consent to share.

consents-title = Consents to share
consents-none = No consent is recorded: nothing about this person may be shared with a partner.
consent-record = Record a consent
consent-about = What the person agreed to share, with whom and what for. Record it before anything is shared; a referral can carry only what a consent in force allows.
consent-given-on = Given on
consent-method = How it was given
consent-recipients = With whom
consent-recipients-hint = A kind of partner covers every partner of that kind; or name partners one by one.
consent-any-of-kind = any { $kind }
consent-purposes = For what
consent-categories = Which data
consent-expires-on = Valid until (empty: no end)
consent-note = What the person was told, the witness, the guardian (stored encrypted)
consent-standing = Standing
consent-in-force = In force
consent-in-force-until = In force until { $date }
consent-expired-on = Expired on { $date }
consent-withdrawn-on = Withdrawn on { $date }
consent-withdrawn-day = Withdrawn on
consent-withdraw = Record the withdrawal
consent-saved = The consent is recorded.
consent-withdrawn = The withdrawal is recorded; referrals under it not yet sent are withdrawn.
consent-not-withdrawn = The withdrawal was not recorded: its day must be between the day the consent was given and today, and a consent is withdrawn once.
consent-scan = Signed form
consent-scan-attach = Attach the signed form
consent-scan-replace = replace the scan
consent-scan-file = The scan or photo of the form the person signed (stored encrypted)
consent-scan-saved = The signed form is attached.

# Referrals.

person-referrals = Referrals
person-no-referrals = No referral yet.
case-referrals = Referrals
referral-new = Make a referral
referral-title = Referral { $number }
referral-number = Number
referral-partner = Partner
referral-purpose = Purpose
referral-consent = Under which consent
referral-override = Without consent: a manager's decision (a child in danger, a threat to life)
referral-override-reason = Why it must be shared without consent (managers only; reviewed like an emergency access)
referral-check = Show what the consent allows
referral-fields = Data it carries
referral-fields-hint = Choose the least the partner needs. What the consent does not allow cannot be chosen.
referral-choose-consent = Choose the consent it goes under: what the consent does not allow is then greyed out.
referral-category-not-consented = the consent does not cover { $category } data
referral-partner-not-consented = the consent does not cover this partner or purpose
referral-not-consented = The consent does not allow this.
referral-no-consent = This person has no consent recorded. Record one before making a referral.
referral-services = Services asked for
referral-urgency = Urgency
referral-reply-due = Reply expected by
referral-save-draft = Save as a draft
referral-saved = Saved.
referral-overdue = reply overdue
referral-status = Status
referral-direction = Direction
referral-direction-outgoing = outgoing
referral-direction-incoming = incoming
referral-case = Case
referral-appeal = Appeal
referral-open-appeal = open the appeal
referral-letter-ru = Letter in Russian
referral-letter-kk = Letter in Kazakh
referral-letter-pdf = Letter as PDF
referral-partner-inactive = The partner is no longer active in the directory: nothing can be sent to it. Make a new referral to another partner.
referral-sent-letter = The letter as sent (PDF)
referral-sent-letter-about = kept on { $date }, exactly as it went; its fingerprint is in the audit log.
referral-letter-lang = Language of the letter filed when it is sent
referral-steps = Steps and replies
referral-step-on = Day
referral-step-by = Recorded by
referral-step-note = Reply or note
referral-next-status = Next step
referral-move = Record the step
referral-back = Back to the referral
referrals-under-way = Referrals under way
referrals-none-under-way = No referral is under way.
referrals-declined = Declined by the partner
referrals-declined-about = Close each, or refer the person to another partner.
referrals-how-to-make = A referral is made from a person's page, a case or an appeal, under the person's consent.
dashboard-replies-overdue = { $count ->
    [one] 1 referral waits for a reply past its day
   *[other] { $count } referrals wait for a reply past their day
}
referral-refused-withdrawn = The consent of { $given } was withdrawn on { $on }: nothing may be shared under it.
referral-refused-expired = The consent of { $given } expired on { $on }.
referral-refused-not-yet = The consent is dated { $given }, after the day of sharing.
referral-refused-recipient = The consent of { $given } does not name this partner or its kind.
referral-refused-purpose = The consent of { $given } does not cover the purpose “{ $purpose }”.
referral-refused-field = The consent of { $given } does not allow sharing “{ $field }” ({ $category } data).

# What a referral can carry, field by field.

referral-field-full-name = Full name
referral-field-birth-date = Date of birth
referral-field-sex = Sex
referral-field-citizenship = Citizenship
referral-field-languages = Languages
referral-field-phones = Phones
referral-field-address = Address
referral-field-case-kind = Kind of case
referral-field-case-summary = What happened
referral-field-recruitment = Where recruited
referral-field-exploitation = Where exploited
referral-field-indicators = Victim status and indicators
referral-field-vulnerabilities = Vulnerabilities
# No longer offered (Komek keeps no health notes); kept to name it on older referrals.
referral-field-health-notes = Health
referral-field-parties = Employers and intermediaries
referral-field-document-numbers = Document numbers

# The referral letter.

letter-title = Referral
letter-we-refer = We refer this person to you and ask for
letter-you-referred = You referred this person to us for
letter-purpose = Purpose
letter-urgency = Urgency
letter-reply-by = Please reply by
letter-not-recorded = not recorded
letter-ilo-assessment = ILO indicators assessment
letter-basis-consent = The person consented to sharing these data on
letter-basis-override = These data are shared without the person's consent by a manager's decision, to protect the person's life or a child.

## The HTCDS export of a case
htcds-title = Case { $number } in HTCDS
htcds-export = Export in HTCDS
htcds-hint = IOM's Human Trafficking Case Data Standard, v2.0: one record per person of the case. Only persons whose consent names the partner (or its kind) and the purpose go, with only the data their consent allows; each record sent is recorded in the audit log.
htcds-check = Show who may go
htcds-download-json = Download JSON
htcds-download-csv = Download CSV
htcds-goes = May go?
htcds-goes-under = Goes under the consent
htcds-left-out = Left out:
htcds-nobody = Nobody of this case has a consent in force that names this partner for this purpose: nothing was exported.

## A referral received from a partner
incoming-title = A partner sent someone
incoming-possible-duplicate = This person may already be registered: choose them, or choose “This is a different person”.
incoming-link = A partner sent someone to us
incoming-hint = Takes the referral in at one go: the person is registered (or the one known is used), an appeal or a case is opened for them, and the referral is recorded as received with what the partner wrote.
incoming-from = The referral
incoming-received-on = Received on
incoming-services = What they ask of us
incoming-reply-due = Reply expected by
incoming-letter = What their letter says
incoming-person = The person
incoming-opens = What it opens
incoming-opens-appeal = An appeal in the register
incoming-channel = Reached us by
incoming-topics = What it is about
incoming-opens-case = A case
incoming-sensitive = Sensitive case: only its team sees the person
incoming-save = Take the referral in
