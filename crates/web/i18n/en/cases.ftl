# The case desk: case files, their timeline, assessments, services, proceedings, tasks, notes and evidence.

cases-title = Cases
cases-active = Open or in follow-up
cases-mine = Only cases I lead
cases-overdue-only = Only cases with overdue tasks
cases-empty = No case matches these filters.
cases-overdue-count = { $count ->
    [one] (1 task overdue)
   *[other] ({ $count } tasks overdue)
}

case-title = Case { $number }
case-number = Number
case-kind = Kind
case-status = Status
case-lead = Lead
case-team = Team
case-opened = Opened
case-closed = Closed
case-next-task = Next task due
case-sensitive-badge = sensitive: team only
case-edit = Edit the case
case-close = Close the case
case-new-assessment = Assess by ILO indicators
case-back = ← Back to the case
case-outcomes = Outcome
case-closing-reason = Why the case closes
case-recruited-at = Recruited at
case-recruited-district = Recruited in district
case-recruited-country = Recruited in country
case-exploited-at = Exploited at
case-exploited-place = Kind of place
case-exploited-district = District of exploitation
case-exploited-region = Region of exploitation
case-exploited-country = Country of exploitation
case-recruitment-methods = How the person was recruited
case-means-of-control = How the person was kept under control
case-parties = Employers, intermediaries, officials
case-summary = The story, in the lawyer's words
case-persons = People in the case
case-victim-status = Victim status
case-identified-by = Identified by
case-identified-on = Identified on
case-latest-assessment = Latest assessment
case-identification = Identification by ILO indicators
case-no-assessment = Nobody in this case has been assessed yet.
case-timeline = Timeline
case-proceedings = Proceedings
case-services = Help given
case-no-services = No help recorded yet.
case-tasks = Tasks
case-no-tasks = No tasks.
case-notes = Notes
case-notes-withheld = { $count ->
    [one] 1 note is kept to its author's role and not shown to you.
   *[other] { $count } notes are kept to their author's role and not shown to you.
}
case-evidence = Evidence files
case-edit-title = Edit case { $number }
case-close-title = Close case { $number }
case-close-about = Closing a case records what it achieved and why it ends. The case stays readable; it can be reopened.
case-done-saved = Saved.
case-done-opened = The case is open. Fill in its file below.
case-done-closed = The case is closed.
case-done-assessed = The assessment is saved; the result is explained below.

timeline-opened = Case opened
timeline-closed = Case closed
timeline-assessed = Assessed
timeline-proceeding-opened = Proceeding opened
timeline-hearing = Hearing
timeline-hearing-coming = Hearing (coming)
timeline-decided = Decision
timeline-task-done = Done

event-add = Add an event to the timeline
event-day = Day
event-kind = What happened
event-text = Description
event-place-country = Country, if elsewhere than the case says
event-place-region = Region (Kazakhstan)
event-place-district = District (Kazakhstan)
event-place-settlement = Town or village

service-add = Record help given
service-kind = Kind of help
service-person = For whom
service-whole-group = The whole group
service-day = Day
service-provider = Provided by
service-provider-hint = Leave empty when we provided it; otherwise name the partner.
service-result = Result
service-destination = Brought home to (repatriation)
service-accompanied-by = With whom (repatriation)
service-accompanied-by-hint = Who went home with the person or met them: a relative, a partner's escort, or alone.
service-amount-claimed = Wages claimed
service-amount-recovered = Wages recovered
service-by-us = by us
service-accompanied = with { $who }
service-claimed = claimed { $amount }
service-recovered = recovered { $amount }

proceeding-add = Record a proceeding
proceeding-edit = Edit the proceeding
proceeding-kind = Kind of proceeding
proceeding-authority = Authority
proceeding-articles = Articles
proceeding-stage = Stage
proceeding-opened = Opened on
proceeding-hearings = Hearing days
proceeding-hearings-hint = One date a line, as 2008-05-14.
proceeding-outcome = Outcome
proceeding-pending = not decided yet
proceeding-decided = Decided on
proceeding-sentence-years = Sentence: years
proceeding-sentence-months = Sentence: months
proceeding-fine = Fine (tenge, or amount and currency such as 500 USD)
proceeding-notes = File number and notes
proceeding-years = { $count ->
    [one] 1 year
   *[other] { $count } years
}
proceeding-months = { $count ->
    [one] 1 month
   *[other] { $count } months
}

task-add = Give a task
task-title = What to do
task-assignee = Who
task-due = By
task-done-on = done { $date }
task-mark-done = Done
task-mark-open = To do again

note-add = Write a note
note-text = Note
note-visibility = Who may read it
note-team = Everyone on the case
note-role-only = Only my role and the case lead

evidence-add = Add a file (photo, scan, PDF, document)
evidence-upload = Upload
evidence-limits = Photos (JPEG, PNG, WebP, HEIC), PDF and office documents, up to { $max } MB. The file is encrypted when stored.
evidence-name = File
evidence-size = Size
evidence-added = Added
evidence-problem-empty = Choose a file to upload: none arrived.
evidence-problem-too-large = This file is too large. Send a smaller photo or scan.
evidence-problem-refused-type = This kind of file is not accepted: send a photo, a PDF or an office document.
evidence-problem-truncated = The file ends before its end: it was cut off on the way, or saved incomplete. Send it again; if that does not help, open it and save it anew, or scan it again.
evidence-problem-damaged = This file is damaged and cannot be read. Please send it again or scan it anew.

assessment-title = Assessment in case { $number }
assessment-catalogue = Indicators
assessment-switch = Use these indicators
assessment-day = Day of the assessment
assessment-minor = The person was under 18 at the time of the work
assessment-person-n = Person { $n }
assessment-source = How it is known
assessment-source-needed = Say how this is known.
assessment-save = Save the assessment
assessment-because = The ILO rule is met because of these answers:
assessment-rule-not-met = The ILO rule is not met by these answers.
assessment-to-ask = Not enough information yet. Questions still to ask:
assessment-answers = All answers

form-saved-now = Saved meanwhile by someone else
form-your-version = What you typed
form-keep-or-take = Your values are kept in the form below. Save again to replace what is saved now, or go back to keep it.

dashboard-my-tasks = My tasks
dashboard-overdue-tasks = { $count ->
    [0] No task is overdue in the cases you see.
    [one] 1 task is overdue in the cases you see.
   *[other] { $count } tasks are overdue in the cases you see.
}
dashboard-overdue-tasks-more = More than { $count } tasks are overdue in the cases you see.

case-people-link = Add a person or an employer, intermediary or official to this case
case-people-title = People and parties of case { $number }
case-people-search = Name, phone or document
case-people-none = Nobody found under that name.
case-people-add = Add to the case
case-people-conflict = The case was changed by someone else meanwhile. Search again and add.

case-sensitive-yes = yes, the team only
case-sensitive-no = no, the office
