# Reports: the statistics the organisation publishes, and the exchange rates they use.
# Titles of tables are report-table-{id}, columns report-column-{id}, groups of topics
# report-group-{code} (ids in komek_domain::reports). The first block is also what exports use.

## Shared with the exports (no arguments)
report-title = Report
report-period = Period
report-office = Office
report-all-offices = All offices
report-total = Total
report-unstated = Not stated
report-missing-rate = No exchange rate
report-too-large = Too large to show
report-empty = Nothing was recorded in this period: the report is empty.
report-no-figures = No figures for this period.

## Tables
report-table-appeals-total = Appeals received
report-table-appeals-by-month = Appeals by month
report-table-appeals-by-channel = Appeals by channel
report-table-appeals-by-topic = Appeals by topic
report-table-appeals-by-help = Appeals by help given
report-table-migration-reasons = Reasons for migrating
report-table-sectors = Sectors of work
report-table-wages-by-occupation = Average monthly wage by occupation
report-table-victims-assisted = Victims assisted
report-table-repatriated-by-citizenship = Repatriated, by citizenship
report-table-services-by-kind = Help delivered, by kind
report-table-wages-recovered = Wages recovered
report-table-proceedings-by-outcome = Proceedings decided, by outcome
report-table-indicator-prevalence = ILO indicators among the persons assessed
report-table-indicator-tags = The eleven ILO indicators of forced labour among the persons assessed
report-table-victims-by-sex = Victims assisted, by sex
report-table-victims-by-age-band = Victims assisted, by age
report-table-victims-by-citizenship = Victims assisted, by citizenship
report-table-referrals-sent-by-partner-kind = Referrals sent, by kind of partner
report-table-referrals-sent-by-status = Referrals sent, by where they stand
report-table-referrals-sent-by-partner = Referrals sent, by partner
report-table-referrals-received-by-partner-kind = Referrals received, by kind of partner
report-table-referrals-received-by-status = Referrals received, by where they stand
report-table-referrals-received-by-partner = Referrals received, by partner
report-table-referral-reply-days = Days to a partner's reply to the referrals sent
report-table-visits-by-district = Monitoring visits by district
report-table-visits-by-place-kind = Monitoring visits by kind of place
report-table-visits-by-month = Monitoring visits by month
report-table-violations-by-kind = Violations found, by kind

## Columns
report-column-appeals = Appeals
report-column-share = Share
report-column-average-kzt = Average wage, KZT
report-column-average-usd = Average wage, USD
report-column-persons = Persons
report-column-services = Times given
report-column-claimed = Claimed
report-column-recovered = Recovered
report-column-proceedings = Proceedings
report-column-assessed = Persons assessed
report-column-yes = Indicator present
report-column-referrals = Referrals
report-column-replied = Answered
report-column-median-days = Median days to the answer
report-column-awaiting = Awaiting an answer
report-column-visits = Visits
report-column-people-met = People met
report-column-minors-met = Minors among them
report-column-violations = Violations found

## What the rows of a table are
report-rows-channel = Channel
report-rows-topic = Topic
report-rows-help = Help given
report-rows-reason = Reason for migrating
report-rows-sector = Sector
report-rows-occupation = Occupation
report-rows-victim-status = Standing as a victim
report-rows-citizenship = Citizenship
report-rows-service = Kind of help
report-rows-proceeding-outcome = Outcome
report-rows-months = Month
report-rows-indicators = Indicator
report-rows-indicator-tags = Indicator
report-rows-currencies = Currency
report-rows-sex = Sex
report-rows-age-band = Age
report-rows-partner-kind = Kind of partner
report-rows-referral-status = Status
report-rows-partners = Partner
report-rows-district = District
report-rows-place = Kind of place
report-rows-violation = Violation

## The seed's groups of topics
report-group-employment-contracts-registration = Employment, contracts and registration
report-group-citizenship-residence = Citizenship and residence
report-group-private-matters = Private matters
report-group-legal-consultations = Legal consultations given

## Months
report-month-1 = January
report-month-2 = February
report-month-3 = March
report-month-4 = April
report-month-5 = May
report-month-6 = June
report-month-7 = July
report-month-8 = August
report-month-9 = September
report-month-10 = October
report-month-11 = November
report-month-12 = December
report-month-short-1 = Jan
report-month-short-2 = Feb
report-month-short-3 = Mar
report-month-short-4 = Apr
report-month-short-5 = May
report-month-short-6 = Jun
report-month-short-7 = Jul
report-month-short-8 = Aug
report-month-short-9 = Sep
report-month-short-10 = Oct
report-month-short-11 = Nov
report-month-short-12 = Dec

## The report page
report-heading = Report: { $period }
report-period-year = { $year }
report-period-quarter = Quarter { $quarter } of { $year }
report-period-month = { $month } { $year }
report-period-custom = { $from } – { $to }
report-kind-year = Year
report-kind-quarter = Quarter
report-kind-month = Month
report-kind-custom = From … to …
report-year = Year
report-quarter = Quarter
report-month = Month
report-from = From
report-to = To
report-apply = Show the report
report-form-hint = Choose the kind of period: a year uses the year; a quarter and a month use the year too; "From … to …" uses the two dates, both days included.
report-error-year = Enter a year from 1900 to 2100, for example 2008.
report-error-quarter = Choose a quarter from 1 to 4.
report-error-month = Choose a month.
report-error-date = Enter a real date, for example 2008-03-31.
report-error-reversed = The period ends before it starts: the end must be on or after the start.
report-error-office = There is no such office: choose one from the list.
report-share-exact = { $part } of { $whole } = { $percent }
report-unstated-note = Shares are of the appeals that gave an answer; those that did not are counted as not stated.
report-rate-missing = No { $currency } rate valid on { $date }: the figures that need it are left out.
report-rate-add = Add one on the exchange-rates page.
report-rate-ask = An administrator can add one on the exchange-rates page.
report-rates-link = Exchange rates used for dollars and other currencies

## Exchange rates
report-rates-title = Exchange rates
report-rates-intro = How many tenge one unit of a currency was worth, from a day on until the next rate of that currency. A report converts with the rates in force on the first day of its period.
report-rates-currency = Currency
report-rates-valid-from = Valid from
report-rates-rate = Tenge per unit
report-rates-actions = Actions
report-rates-none = No exchange rates yet.
report-rates-add = Add or change a rate
report-rates-hint = Tenge for one unit of the currency, with at most two decimals, for example 150.00. A rate for a currency and a day that already has one replaces it.
report-rates-change = Change
report-rates-remove = Remove
report-rates-saved = The rate is saved.
report-rates-removed = The rate is removed.
report-rates-readonly = Only an administrator can change the rates.
report-rates-back = Back to the report
report-rates-error-currency = Choose a currency other than the tenge.
report-rates-error-rate = Enter tenge per unit above zero with at most two decimals, for example 150.00.

report-download = Download:

## The public release
report-public-link = Public release (open data)
report-public-heading = Public release: { $period }
report-public-intro = What of the report may be published as open data. Counts below the threshold are replaced by «{ $mark }», and enough other counts with them that none can be worked out from the totals; shares are left out, and averages and sums of too few people are hidden. The package holds a CSV file per table and a README with every definition. The threshold is from { $min } to { $max }.
report-threshold = Smallest count shown
report-error-threshold = Give a whole number from 2 to 1000.
report-error-release-too-long = A public release covers at most three years: publish a longer period as several releases.
report-public-download = Download the open-data package (ZIP)
report-hidden = Hidden in the public release

## The ledger of public releases
report-ledger-intro = Looking at a release records nothing; downloading its package records it in the ledger below. Every new release is checked against all of them: where a release would, next to an earlier one, let a hidden figure or a group of too few people be worked out by difference, more of it is hidden, or it is refused.
report-ledger-refused = This release cannot be made: next to the release of { $period } ({ $office }), made on { $made }, it would let hidden figures be worked out by difference, and hiding more of it does not prevent that. Choose a period that does not overlap that release, or the same period and office as it.
report-ledger-refused-alone = This release cannot be made: its figures could not be checked against the releases already made. Choose a shorter period or one office.
report-ledger-heading = Releases made
report-ledger-empty = No release has been made yet.
report-ledger-made = Made
report-ledger-by = By
report-ledger-by-command-line = Command line
report-ledger-period = Period
report-ledger-office = Office
report-ledger-mode = Protection
report-ledger-suppression = Small counts hidden (threshold { $threshold })
report-ledger-private = Differentially private (ε = { $epsilon })
report-protection = How people are protected
report-protection-suppression = Hide small counts (exact figures)
report-protection-private = Add random noise (differential privacy), for periods that overlap releases already made
report-epsilon = Privacy loss ε
report-error-epsilon = Give ε as a decimal number from { "0.01" } to 10, e.g. 0.5.
report-private-intro = With noise, every count carries random noise of the same scale (OpenDP's discrete Laplace mechanism); one record changes the chance of the package by at most a factor of e to the power ε, and the losses of private releases add up. Each spends its ε on every calendar year its period touches, within the yearly budget below ({ $min } to { $max } per release). Tables where one record counts in several lines, shares and money are left out.
report-private-not-drawn = The figures of this private release are drawn once, when its package is downloaded, and recorded; downloading it again gives the same figures. It spends ε = { $epsilon } of the budget of each year it touches (left now: { $left }).
report-budget-heading = Privacy budget
report-budget-per-year = Private releases may spend ε = { $epsilon } per calendar year together; an administrator sets it.
report-budget-year = Year
report-budget-spent = Spent
report-budget-left = Left
report-budget-refused = This private release cannot be made: private releases have already spent ε = { $spent } of the budget of { $year } (ε = { $budget } a year), and this one would take the year past it. Choose a smaller ε or a period in another year.

## The open-data package: its README. { "{mark}" } stands for the mark of a hidden count, which the package puts in.
open-data-title = Open data: the organisation's statistics, with small counts hidden
open-data-produced = Produced on
open-data-threshold = Threshold
open-data-hiding = Counts from 1 up to the threshold are not published: each is replaced by { "{mark}" }, and so are enough other counts (and totals) that none of them can be worked out from the totals a table shows or from other tables. A { "{mark}" } therefore does not say that a count is small.
open-data-zeros = Zeros are published: they say that nobody is there and cannot point at a person.
open-data-shares = Shares are not published (a share of a hidden count would give it away); work them out from the counts shown.
open-data-averages = An average wage is published only where it averages at least as many wages as the threshold, and sums of wages claimed and recovered only where at least as many services recovered wages; otherwise the whole line is { "{mark}" }.
open-data-format = Each table is a CSV file (UTF-8, comma-separated). The column code holds the row's stable code (a code of the organisation's lists, total, YYYY-MM for a month, not-stated for records that gave no answer), label the row in words, then one column per figure. Money is in major units with a decimal point; an empty field is a figure that needs an exchange rate the organisation has not recorded.
open-data-files = Files
open-data-title-private = Open data: the organisation's statistics, with random noise in every count
open-data-epsilon = Privacy loss (ε)
open-data-noise = Every count carries random noise (the discrete Laplace mechanism of the OpenDP library), the same scale for every figure. Adding or removing one record (an appeal, a victim of a case, a service, a proceeding) changes the chance of this package by at most a factor of e to the power ε, whatever else is known. The counts are therefore not exact: a line may show people where there were none, a total need not equal the sum of its lines nor another table's total, and a count below zero is published as 0.
open-data-private-left-out = Left out: tables where one record counts in several lines (topics, kinds of help, ILO indicators), shares, and money (averages and sums of wages). Every line of each list is published, zeros included.

## What each table counts (in the open-data README)
report-definition-appeals-total = Appeals received in the period, by the moment of receipt on the office's calendar.
report-definition-appeals-by-month = Appeals received in each month of the period; the months add up to the total.
report-definition-appeals-by-channel = Appeals by how they reached the organisation; the channels add up to the total.
report-definition-appeals-by-topic = Appeals that raised each topic, and the groups of topics of the annual report; an appeal can raise several, so the lines do not add up.
report-definition-appeals-by-help = Appeals by the help given; an appeal can receive several kinds, so the lines do not add up.
report-definition-migration-reasons = Appeals by the reason for migrating they gave, and those that gave none; the lines add up to the total.
report-definition-sectors = Appeals by the sector of work they named, and those that named none; the lines add up to the total.
report-definition-wages-by-occupation = The average monthly wage stated in the appeals, by occupation, in tenge and in US dollars at the rate in force on the period's first day; appeals is the number of wages averaged.
report-definition-victims-assisted = Persons presumed or identified as victims of trafficking or forced labour in the cases opened in the period, each once, at the strongest standing they have.
report-definition-repatriated-by-citizenship = Persons brought home by a repatriation delivered in the period, each once, by citizenship.
report-definition-services-by-kind = Services delivered in the period, by kind.
report-definition-wages-recovered = Wages claimed and recovered by the services delivered in the period, by currency; services is the number of services that recovered something.
report-definition-proceedings-by-outcome = Proceedings decided in the period, by outcome.
report-definition-indicator-prevalence = Persons assessed in the period with each catalogue of ILO indicators (their latest assessment of the period), and how many of them showed each indicator.
report-definition-indicator-tags = Persons assessed in the period, and how many showed each of the eleven ILO indicators of forced labour through any indicator that stands for it.
report-definition-victims-by-sex = The victims assisted (as counted above), by sex; the lines add up to the total.
report-definition-victims-by-age-band = The victims assisted (as counted above), by age band; the lines add up to the total.
report-definition-victims-by-citizenship = The victims assisted (as counted above), by citizenship; the lines add up to the total.
report-definition-referrals-sent-by-partner-kind = Persons referred to partner organisations, counted on the day the referral was sent, by the partner's kind; drafts and referrals withdrawn before sending are not counted.
report-definition-referrals-sent-by-status = The referrals sent in the period, by where they stand now.
report-definition-referrals-sent-by-partner = The referrals sent in the period, by partner organisation (for staff only).
report-definition-referrals-received-by-partner-kind = Persons referred to the organisation by partners, counted on the day the referral was received, by the partner's kind.
report-definition-referrals-received-by-status = The referrals received in the period, by where they stand now.
report-definition-referrals-received-by-partner = The referrals received in the period, by partner organisation (for staff only).
report-definition-referral-reply-days = For the referrals sent in the period, by kind of partner and overall: the median number of days from sending to the partner's first answer (received, accepted or declined); with an even number of answers, the lower of the two middle values. Published only where at least as many answers as the threshold came.
report-definition-visits-by-district = Monitoring visits the mobile group made in the period (planned and cancelled visits not counted), by district: the visits, the people met on them, the minors among those people, and the violations found (each kind of violation once per visit).
report-definition-visits-by-place-kind = The same visits, people met, minors and violations, by the kind of place visited (cotton field, construction site, bazaar…).
report-definition-visits-by-month = The same visits, people met, minors and violations, by the month the visit was made.
report-definition-violations-by-kind = For each kind of violation, how many times it was found: once on each visit that found it. The lines add up to the violations found in the tables of visits.

## The map of districts (short names on its tiles)
report-map-shymkent = Shymkent
report-map-not-visited = no visit
report-map-note = The map is a schematic: each district is an equal tile placed roughly where it lies, north up, with Shymkent's districts beside the region. It is shaded by the violations found; the table has the exact figures.
report-map-maktaaral = Maktaaral
report-map-saryagash = Saryagash
report-map-kazygurt = Kazygurt
report-map-tolebi = Tolebi
report-map-sairam = Sairam
report-map-ordabasy = Ordabasy
report-map-otyrar = Otyrar
report-map-baidibek = Baidibek
report-map-tulkibas = Tulkibas
report-map-shardara = Shardara
report-map-zhetysai = Zhetysai
report-map-keles = Keles
report-map-sozak = Sozak
report-map-arys = Arys
report-map-kentau = Kentau
report-map-turkistan-city = Turkistan
report-map-shymkent-abai = Abai
report-map-shymkent-al-farabi = Al-Farabi
report-map-shymkent-enbekshi = Enbekshi
report-map-shymkent-karatau = Karatau
report-map-shymkent-turan = Turan
