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
module-hotline-title = Hotline and appeals
module-hotline-about = Register a call in under a minute and find at once whether the caller or the employer is already known.
module-hotline-coming = The intake form built for a phone call, search across spellings of names, phones and passports, duplicate detection and merging, the appeals register with filters, and the JSON API.
module-cases-title = Cases
module-cases-about = The lawyer's and psychologist's desk: from identification by ILO indicators to documents returned, wages paid and people home.
module-cases-coming = The case file and its timeline, identification by ILO indicators with the reasons shown, services, proceedings, tasks and deadlines, confidential notes, encrypted evidence files.
module-parties-title = Employers and intermediaries
module-parties-about = Every employer, intermediary, foreman, "registration helper" and official named in appeals and cases.
module-parties-coming = A page per party with every appeal, case and visit that names it: the registry of repeat offenders.
module-referrals-title = Referrals
module-referrals-about = The national and international referral network: IOM, police, prosecutors, shelters, embassies, partner NGOs abroad.
module-referrals-coming = Partner directory, referrals sent and received with consent recorded first, and only the data the consent allows.
module-monitoring-title = Monitoring visits
module-monitoring-about = The mobile group's visits to cotton fields, vineyards, greenhouses, construction sites and bazaars.
module-monitoring-coming = Visit reports with the observation checklist, violations found and on-site appeals, usable on a cheap phone and offline.
module-reports-title = Reports
module-reports-about = The annual report and donor statistics, computed from the records themselves.
module-reports-coming = Appeals by topic, channel and month; reasons and sectors; wages by occupation in tenge and dollars; victims, repatriations, services and proceedings; exports to CSV, XLSX and PDF; a public release with small counts suppressed.
module-admin-title = Administration
module-admin-about = Staff accounts, offices, lookup lists and security settings.
module-admin-coming = Offices and lookup lists edited here, and the security settings.


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
## Errors
error-title = Something went wrong
error-not-found = This page does not exist, or you may not see it.
error-stale-form = This form belongs to an earlier session. Go back, reload the page and send it again.
error-forbidden = Your role does not allow this.
error-internal = An internal error occurred. Go back with your browser's Back button: what you typed is still in the form. Tell your administrator if it happens again.
error-bad-request = The request could not be understood.
error-back = Back to the dashboard
