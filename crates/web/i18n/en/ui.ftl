# Komek staff interface, English. Every id here must exist in ru/ui.ftl and kk/ui.ftl.

## Shell
app-name = Komek
app-tagline = Help for migrant workers and victims of trafficking
skip-to-content = Skip to content
signed-in-as = Signed in as { $name }
office-label = Office: { $office }
language-label = Language
language-save = Switch
logout = Log out
logout-everywhere = Log out on all devices
footer-safety = Identifying data is encrypted and every view of it is recorded.

## Navigation
nav-dashboard = Dashboard
nav-hotline = Hotline and appeals
nav-cases = Cases
nav-parties = Employers and intermediaries
nav-referrals = Referrals
nav-monitoring = Monitoring visits
nav-reports = Reports
nav-audit = Audit log
nav-admin = Administration
nav-account = My account

## Roles
role-administrator = Administrator
role-manager = Manager
role-lawyer = Lawyer
role-psychologist = Psychologist
role-hotline-operator = Hotline operator
role-mobile-consultant = Mobile consultant
role-analyst = Analyst

## Login
login-title = Log in
login-intro = Staff of the organisation only. Your password is never shown to anyone.
login-username = Username
login-password = Password
login-submit = Log in
login-error-bad = Wrong username or password.
login-error-help = After several wrong passwords in a row an account is locked for a while. If you still cannot log in, ask your organisation's administrator.
login-error-locked = Too many wrong passwords: the account is locked until { $until }.
login-error-throttled = Too many failed logins from this address. Wait a few minutes and try again.
login-error-disabled = This account is disabled. Ask your administrator.
login-error-expired = The form had expired. Please log in again.
session-ended = Your session has ended. Please log in again.


## Two-step sign-in
second-factor-title = Two-step sign-in
second-factor-intro = Enter the 6-digit code your authenticator app shows, or one of your recovery codes.
second-factor-code = Code
second-factor-submit = Continue
second-factor-error = The code is not right, or it was already used. Enter the next code your app shows.
enrol-title = Set up two-step sign-in
enrol-intro = Your role sees identifying data, so every login also needs a code from an authenticator app on your phone (for example FreeOTP, Google Authenticator or Microsoft Authenticator).
enrol-step-scan = Scan this code with the app, or type the key below into it.
enrol-key = Key
enrol-step-confirm = Then enter the 6-digit code the app shows.
enrol-submit = Confirm
enrol-error = The code is not right. Check that the time on your phone is correct and enter the next code.
recovery-title = Your recovery codes
recovery-intro = If you lose your phone, each of these codes lets you log in once. Write them down and keep them somewhere safe: they are shown only now.
recovery-continue = I have written them down: continue
## Password
password-title = Change password
password-first-login = This is your first login: choose your own password to continue.
password-current = Current password
password-new = New password
password-repeat = New password again
password-rules = At least { $min } characters. A few words you will remember work well.
password-submit = Change password
password-changed = Your password has been changed.
password-error-current = The current password is not right.
password-error-short = The new password must have at least { $min } characters.
password-error-mismatch = The two new passwords are not the same.
password-error-same = The new password must differ from the current one.
logged-out-everywhere = You have been logged out on all devices.

## Dashboard
dashboard-title = Dashboard
dashboard-welcome = Good day, { $name }.
dashboard-scope-office = Figures for your office.
dashboard-scope-all = Figures for the whole organisation.
dashboard-appeals-today = Appeals today
dashboard-appeals-month = Appeals this month
dashboard-appeals-year = Appeals this year
dashboard-open-cases = Open cases
dashboard-my-follow-ups = My follow-ups due
dashboard-last-appeal = The newest appeal was received on { $date }.
dashboard-modules = Work areas
count-appeals = { $count ->
    [one] { $count } appeal
   *[other] { $count } appeals
}

## Modules
module-coming = Coming next
module-referrals-title = Referrals
module-referrals-about = The national and international referral network: IOM, police, prosecutors, shelters, embassies, partner NGOs abroad.
module-referrals-coming = Consent and referrals on a person's and a case's pages: referrals sent and received with consent recorded first, only the data the consent allows, the partner's replies, and the referral letter.
module-monitoring-title = Monitoring visits
module-monitoring-about = The mobile group's visits to cotton fields, vineyards, greenhouses, construction sites and bazaars.
module-admin-title = Administration
module-admin-about = Staff accounts, offices, lookup lists and security settings.
module-admin-coming = The security settings.


## Audit log
audit-title = Audit log
audit-intro = Every change, every view of identifying data, every search and login, newest first. The log is append-only and chained: an edited, removed or reordered entry is found by the check.
audit-filter-user = User
audit-filter-action = Action
audit-filter-record = Record id
audit-filter-any = Any
audit-filter-submit = Show
audit-verify = Also check the whole chain
audit-intact = The chain is intact: { $count } entries checked.
audit-broken = The chain is broken at entry { $seq }
audit-empty = No entries match.
audit-col-time = Time
audit-col-user = User
audit-col-action = Action
audit-col-record = Record
audit-col-detail = Detail
audit-system = system
audit-break-glass-title = Emergency access awaiting review
audit-break-glass-none = No emergency access awaits review.
audit-break-glass-reviewed = Reviewed
audit-col-reason = Reason
audit-entries = Entries
audit-action-create = Created
audit-action-update = Changed
audit-action-delete = Deleted
audit-action-read = Viewed identifying data
audit-action-search = Searched
audit-action-export = Exported
audit-action-login = Logged in
audit-action-login-failed = Failed login
audit-action-logout = Logged out
audit-action-password-changed = Password changed
audit-action-break-glass = Emergency access
audit-action-key-rotated = Master key rotated

## Administration
admin-accounts-title = Staff accounts
admin-col-username = Username
admin-col-name = Name
admin-col-role = Role
admin-col-office = Office
admin-col-status = Status
admin-col-second-factor = Two-step sign-in
admin-status-active = Active
admin-status-disabled = Disabled
admin-2fa-enrolled = Set up
admin-2fa-not-enrolled = Not yet
admin-disable = Disable
admin-enable = Enable
admin-reset-2fa = Reset two-step sign-in
admin-create-title = New account
admin-create-submit = Create account
admin-created = Account { $username } created. One-time password:
admin-created-hint = Hand it over in person: it is shown only now and must be changed at first login.
admin-error-username = The username may hold only Latin letters, digits, dots, dashes and underscores.
admin-error-name = Give the person's name.
admin-error-exists = An account with this username already exists.
admin-offices-title = Offices
admin-offices-about = An office's name heads the letters it sends; its clock decides the day of what it records (Kazakhstan: 300 minutes, UTC+5).
admin-office-name = Name
admin-office-clock = Clock: minutes ahead of UTC
admin-office-save = Save the office
admin-office-saved = Office { $code } saved.
admin-error-office-name = Give the office a name: one line of at most 200 characters.
admin-error-office-clock = The clock is a whole number of minutes from −720 to 840, in steps of 15 (Kazakhstan: 300).
## Errors
error-title = Something went wrong
error-not-found = This page does not exist, or you may not see it.
error-stale-form = This form belongs to an earlier session. Go back, reload the page and send it again.
error-forbidden = Your role does not allow this.
error-internal = An internal error occurred. Go back with your browser's Back button: what you typed is still in the form. Tell your administrator if it happens again.
error-bad-request = The request could not be understood.
error-too-large = What was sent is larger than this page accepts, and nothing was saved. A file (evidence, a scanned form) may be at most { $megabytes } MB: go back with your browser's Back button and choose a smaller one, or scan it again at a lower resolution.
error-back = Back to the dashboard

## Forms: what is wrong, next to the field
form-errors = { $count ->
    [one] One field needs fixing; it is marked below. Everything you typed is kept.
   *[other] { $count } fields need fixing; they are marked below. Everything you typed is kept.
}
form-required = Please fill this in.
form-unknown-choice = Please choose one of the listed values.
form-taken = This is already taken: choose another.
form-retired-choice = This value is no longer in use: please choose another one.
form-negative = This cannot be negative.
form-too-long = This is too long: at most { $max } characters.
form-control-character = Remove the invisible control characters from this text (they usually come with pasted text); line breaks are allowed only in notes.
form-too-large = This amount is too large: at most { $max }.
form-too-many = Too many entries: at most { $max }.
form-more-than = More than the count it is part of: at most { $max }.
form-invalid = This value is not valid.
form-invalid-date = This is not a valid date (or it is in the future).
form-invalid-year = Enter a year of birth such as 1986.
form-invalid-amount = Enter an amount such as 18000 or 18 000.50.
form-invalid-phone = This does not look like a phone number; type it with the country or operator code.
form-changed-meanwhile = Someone else changed this record while you were editing it. Open it again to see their changes, then make yours.
form-not-given = — not given —
form-any = any
form-save = Save

## Hotline: the appeals register
hotline-title = Hotline and appeals
hotline-new-appeal = New appeal
hotline-from = From
hotline-to = To
hotline-follow-up = Follow-up
hotline-follow-up-due = due today or earlier
hotline-follow-up-overdue = overdue
hotline-office = Office
hotline-mine = Only mine
hotline-sort = Order
hotline-sort-newest = newest first
hotline-sort-oldest = oldest first
hotline-sort-follow-up = follow-up date
hotline-apply = Show
hotline-empty = No appeals match these filters.
hotline-col-received = Received
hotline-col-operator = Operator
hotline-col-person = Person
hotline-open-person = open
hotline-anonymous = anonymous
pager-label = Pages
pager-previous = ← Previous page
pager-next = Next page →

## Hotline: the intake form
intake-title = New appeal
intake-edit-title = Edit appeal
intake-caller = Caller
intake-caller-hint = Type what the caller says: a name in any spelling, a phone, a passport number. Press Enter to see whether they are known. Leave everything empty for an anonymous appeal.
intake-full-name = Name
intake-phone = Phone
intake-document = Passport or document number
intake-find = Find
intake-new-person = A new person (or anonymous, if nothing is typed)
intake-restricted-person = A known person whose file is restricted
intake-restricted-lead = — the case lead is { $lead }. Choose this to link the call to them without seeing their file; the lead is told of the call.
intake-restricted-lead-task = Your client called the hotline on
intake-possible-duplicate = This person may already be registered: choose them above, or tick the box below to save a new person.
intake-confirm-new = This is a different person: save a new one
intake-person-gone = The chosen person is no longer available; choose again.
intake-more-about-caller = More about the caller
intake-birth-year = Year of birth
intake-sex = Sex
intake-citizenship = Citizenship
intake-other-citizenships = Other citizenships
intake-home-region = Home region or town
intake-case = case { $number }
intake-appeal = Appeal
intake-received-at = Received at
intake-channel = Channel
intake-contact = Who contacted us
intake-topics = Topics
intake-help = Help given
intake-occupation = Occupation
intake-sector = Sector
intake-work-region = Region of work
intake-work-district = District
intake-wage = Monthly wage
intake-currency = Currency
intake-reason = Reason for migrating
intake-notes = Notes
intake-follow-up = Follow-up date
intake-outcome = Outcome
intake-parties = Employers and intermediaries named
intake-party-name = Name of the employer, intermediary or official
intake-party-role = Role
intake-party-kind = Person or company
intake-party-hint = Press Enter after the name to see whether they are known; if not, they are registered when the appeal is saved.
intake-directory = Where to send the caller
intake-directory-hint = Partners of the referral network that are active now, by the service needed and the region. A partner's page, with whom to call, opens in another tab.
intake-directory-find = Find in the directory
intake-add-party = Add
intake-save = Save the appeal
intake-keys = Enter finds; Alt+S saves.

## An appeal's page
appeal-title = Appeal of { $date }
appeal-saved = The appeal is saved.
appeal-edit = Edit
appeal-another-for-person = New appeal from this person
record-restricted = (not shown: outside your reach)

## A person's page
person-anonymous = Anonymous person
person-saved = The person is saved.
person-merged = The duplicate was merged into this person: its appeals, cases, phones and spellings are here now.
person-edit = Edit the person
person-other-spellings = Other spellings (one per line)
person-passport-name = Name as in the passport
person-birth-date = Date of birth
person-phones = Phones (one per line)
person-documents = Documents (one per line)
person-address = Address
person-age-band = Age group
person-appeals = Appeals
person-cases = Cases
person-no-cases = No cases you may see.
person-duplicates = Possible duplicates
person-duplicates-hint = These records look like the same person. Merging moves their appeals and cases here and removes the duplicate; it is recorded in the audit log.
person-merge-confirm = I checked: this is the same person
person-merge = Merge into this person

## Employers and intermediaries
parties-title = Employers and intermediaries
parties-about = Everyone named in appeals as an employer, intermediary, foreman, "registration helper" or official. A record is an allegation until a case outcome confirms it.
parties-search = Name, phone or identifier
parties-none = Nobody by that name is known.
party-other-names = Other names
party-identifiers = Identifiers (BIN/IIN)
party-roles = Named as
party-edit = Correct this record
party-edit-cancel = Back to the record without saving
party-saved = The record was corrected.
party-merge-link = Merge a duplicate record into this one
party-merge-title = Merge a duplicate into { $name }
party-merge-about = Find the other record of the same employer or intermediary. Merging moves its appeals, cases and visits here, adds its names, phones and identifiers to this record, and removes it. The merge is recorded in the audit log and cannot be undone.
party-merge-search = Name, phone or identifier
party-merge-none = No other record within your reach matches.
party-merge-confirm = I checked: this is the same employer or intermediary
party-merge = Merge into this record
party-merge-back = Back to the record
party-merged = The duplicate was merged into this record: its appeals, cases, visits, names and phones are here now.
party-merge-refused = Together the two records would not make a valid record, so nothing was merged. Correct one of them first, then merge again:
party-district = District
party-lines-hint = One per line.
party-licence = Licence of a recruitment agency
party-licence-hint = For an agency that finds people work: the licence it holds, claims or lacks ("None" when it works without one). Leave empty for anyone else.
party-licence-shown = Licence
party-licence-ends-before = The licence cannot end before it was issued.
licence-status = Licence
licence-number = Number
licence-issued-by = Issued by
licence-issued-on = Issued on
licence-valid-until = Valid until
party-standing-alleged = Allegation: what is recorded here is not confirmed by any case outcome or decision yet.
party-standing-confirmed-by-case = Confirmed by a case: a case naming them ended with the employer fined, the wages paid or a sentence.
party-standing-confirmed-by-decision = Confirmed by a decision: a proceeding of a case naming them ended in a sentence or a fine.
party-role = Named as
party-cases = { $count ->
    [one] { $count } case names them
   *[other] { $count } cases name them
}
party-more-cases = Only the newest cases are listed; what follows counts them all.
party-proceedings = Proceedings of those cases
party-proceeding-undecided = not decided yet
party-wages = Wages claimed and recovered in those cases
party-appeals = { $count ->
    [one] { $count } appeal names them
   *[other] { $count } appeals name them
}
party-more-appeals = Only the newest appeals are listed.

## Why a known person may be the caller
match-same-document = same document
match-same-phone = same phone
match-same-name = same name
match-similar-name = similar name
match-same-birth-year = same year of birth
dashboard-follow-ups = My follow-ups due
dashboard-all-follow-ups = All my follow-ups due
appeal-case-kind = Kind of case
appeal-case-sensitive = Sensitive: only the case team may see it
appeal-open-case = Open a case from this appeal
person-case-opened = The case is opened; it is listed below.
intake-nobody-known = Nobody known matches yet: the caller will be saved as a new person.

## Emergency access to a record outside one's reach
break-glass-title = Not found, or outside your reach
break-glass-about = There is no such record, or it belongs to another office or to a case team you are not in. If someone is in danger and the people who hold the record cannot be reached, you may open it by giving the reason. The reason and your name are recorded and shown to the manager.
break-glass-reason = Why you need to open it now
break-glass-reason-short = Please say why in at least { $min } characters.
break-glass-open = Open it and record why
break-glass-opened = Opened by emergency access: this reading is recorded and will be reviewed by the manager.

## The organisation's lists
lists-changed-meanwhile = Someone changed this list since you opened it: here it is as it is now. Your change was not saved; make it again if it is still needed.
lists-code-malformed = A code is a short Latin name: lower-case letters, digits and single hyphens, starting with a letter, at most 40 characters (e.g. police-extortion).
lists-label-needed = Give a label in at least one of Russian, Kazakh or English.
lists-last-offered = This is the last code the forms offer from this list: add or offer again another one before retiring it.
lists-title = Lists
lists-about = The lists forms offer. Codes stay as they are on records and in reports; labels, order and which codes are offered are the organisation's to set.
lists-count = { $count } codes
lists-list-about = Move a code to change where forms show it. A retired code is no longer offered for new records; records that hold it keep it, and reports still count it.
lists-col-code = Code
lists-col-label = Label
lists-col-status = Status
lists-retired-on = Retired on { $day }
lists-in-use = In use
lists-up = Move { $code } up
lists-down = Move { $code } down
lists-restore = Offer again
lists-retire = Retire
lists-rename = Rename
lists-add-title = Add a code
lists-add-about = The code is a short Latin name (lower-case letters, digits and hyphens, e.g. police-extortion); it never changes. Give a label in at least one of Russian, Kazakh or English.
lists-add-submit = Add the code
lists-rename-title = Labels of { $code }
lists-rename-shipped = Komek ships this code with its own translations (shown greyed in the fields): a label typed here replaces it, an empty field keeps it.
lists-rename-own = The organisation added this code: at least one of the Russian, Kazakh or English labels is needed.
lists-rename-submit = Save the labels
lists-label-ru = Label in Russian
lists-label-kk = Label in Kazakh
lists-label-en = Label in English
lists-label-uz = Label in Uzbek
lists-label-ky = Label in Kyrgyz
lists-label-tg = Label in Tajik
admin-lists-about = Topics, occupations, districts, kinds of cases and the other lists the forms offer.
admin-lists-open = Edit the lists
lists-name-channel = How appeals reach us
lists-name-topic = Topics of appeals
lists-name-help = Help given on appeals
lists-name-occupation = Occupations
lists-name-sector = Sectors of work
lists-name-reason = Reasons for migrating
lists-name-district = Districts
lists-name-case-kind = Kinds of cases
lists-name-closing-reason = Reasons for closing a case
lists-name-service = Services within cases
lists-name-place = Kinds of places
lists-name-partner-kind = Kinds of partner organisations
lists-name-material = Information materials
lists-name-authority = Authorities of proceedings
articles-title = Articles of law
articles-about = The articles proceedings cite, by code book. An amendment or a repeal is a new day here, never an edit of old proceedings: each proceeding keeps the articles it cites.
articles-col-in-force = In force
articles-col-source = Source
articles-change = Change
articles-add-title = Add an article
articles-add-submit = Add the article
articles-book = Code
articles-number = Article number (e.g. 128 or 128-1)
articles-in-force-from = In force from
articles-in-force-to = In force until (empty: still in force)
articles-source = Source
articles-source-hint = Where the text was read: the law, its number and date, or its page on adilet.zan.kz.
articles-change-title = Article { $code }
articles-change-about = Change the days the article is in force (an amendment, a repeal), its labels and its source. Its code stays.
appeal-case-refused = The case could not be opened: a value the appeal or the form names is no longer in use. Choose the kind again; if it persists, tell your administrator.
