# Articles of Kazakhstan's codes used in this work (codes in komek_domain::law).

## Code books (law-book-{code})
law-book-cc1997 = Criminal Code of the Republic of Kazakhstan of 16 July 1997
law-book-cc2014 = Criminal Code of the Republic of Kazakhstan of 3 July 2014
law-book-coao2001 = Code of the Republic of Kazakhstan on Administrative Offences of 30 January 2001
law-book-coao2014 = Code of the Republic of Kazakhstan on Administrative Offences of 5 July 2014
law-book-lc2015 = Labour Code of the Republic of Kazakhstan of 23 November 2015

## Articles (law-{code})
law-cc2014-125 = Criminal Code 2014, art. 125 — Abduction
law-cc2014-126 = Criminal Code 2014, art. 126 — Illegal deprivation of liberty
law-cc2014-128 = Criminal Code 2014, art. 128 — Trafficking in persons
law-cc2014-135 = Criminal Code 2014, art. 135 — Trafficking in minors
law-cc2014-152 = Criminal Code 2014, art. 152 — Violation of labour legislation
law-cc2014-308 = Criminal Code 2014, art. 308 — Involvement in prostitution
law-cc2014-309 = Criminal Code 2014, art. 309 — Organising or keeping brothels, and pimping
law-cc2014-385 = Criminal Code 2014, art. 385 — Forgery, making or sale of forged documents, stamps, seals or forms
law-coao2014-86 = Administrative Offences Code 2014, art. 86 — Admitting a person to work without an employment contract
law-coao2014-87 = Administrative Offences Code 2014, art. 87 — Violation of labour legislation (including unpaid wages)
law-coao2014-517 = Administrative Offences Code 2014, art. 517 — Breach of migration law by a foreigner or stateless person
law-coao2014-518 = Administrative Offences Code 2014, art. 518 — Breach of migration law by those receiving foreigners or stateless persons
law-coao2014-519 = Administrative Offences Code 2014, art. 519 — Employing foreign workers or labour immigrants in breach of the law
law-cc1997-125 = Criminal Code 1997, art. 125 — Abduction
law-cc1997-126 = Criminal Code 1997, art. 126 — Illegal deprivation of liberty
law-cc1997-128 = Criminal Code 1997, art. 128 — Trafficking in persons (earlier wording: recruitment of people for exploitation)
law-cc1997-133 = Criminal Code 1997, art. 133 — Trafficking in minors
law-cc1997-270 = Criminal Code 1997, art. 270 — Involvement in prostitution
law-cc1997-271 = Criminal Code 1997, art. 271 — Organising or keeping brothels, and pimping
law-coao2001-394 = Administrative Offences Code 2001, art. 394 — Breach of the rules of stay by a foreigner or stateless person

## proceeding-kind
lookup-proceeding-kind-criminal = Criminal case
lookup-proceeding-kind-administrative = Administrative offence case
lookup-proceeding-kind-civil = Civil case
lookup-proceeding-kind-expulsion-appeal = Appeal against expulsion

## authority
lookup-authority-police = Police
lookup-authority-organised-crime-unit = Organised crime unit
lookup-authority-migration-police = Migration police
lookup-authority-prosecutor = Prosecutor's office
lookup-authority-court = Court
lookup-authority-labour-inspection = Labour inspection
lookup-authority-other = Other

## proceeding-stage
lookup-proceeding-stage-complaint-filed = Complaint filed
lookup-proceeding-stage-pre-trial-investigation = Pre-trial investigation
lookup-proceeding-stage-refused-to-open = Refused to open a case
lookup-proceeding-stage-sent-to-court = Sent to court
lookup-proceeding-stage-trial = Trial
lookup-proceeding-stage-appeal = Appeal
lookup-proceeding-stage-decided = Decided
lookup-proceeding-stage-closed = Closed

## proceeding-outcome
lookup-proceeding-outcome-sentence = Sentence
lookup-proceeding-outcome-fine = Fine
lookup-proceeding-outcome-acquittal = Acquittal
lookup-proceeding-outcome-settlement = Settlement
lookup-proceeding-outcome-expulsion-annulled = Expulsion annulled
lookup-proceeding-outcome-dismissed = Dismissed
lookup-proceeding-outcome-pending = Pending
