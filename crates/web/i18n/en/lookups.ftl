# Labels of the lookup lists (crates/domain/src/lookups.rs): lookup-{list}-{code}.

## channel
lookup-channel-hotline-phone = Hotline (phone)
lookup-channel-walk-in = Walk-in visit
lookup-channel-district-centre = District centre
lookup-channel-mobile-group = Mobile group
lookup-channel-border-point = Border checkpoint
lookup-channel-messenger = Messenger
lookup-channel-web-form = Website form
lookup-channel-email = Email

## contact
lookup-contact-migrant = Migrant
lookup-contact-relative = Relative
lookup-contact-employer = Employer
lookup-contact-partner = Partner organisation
lookup-contact-official = Official
lookup-contact-anonymous = Anonymous

## topic
lookup-topic-employment = Employment
lookup-topic-employment-contract = Employment contract
lookup-topic-registration = Registration at place of stay
lookup-topic-citizenship = Citizenship
lookup-topic-residence-permit = Residence permit
lookup-topic-wages-unpaid = Unpaid wages
lookup-topic-documents-taken = Documents taken away
lookup-topic-forced-labour-suspicion = Suspected forced labour
lookup-topic-detention-expulsion = Detention, expulsion
lookup-topic-health = Health
lookup-topic-children-education = Children's education
lookup-topic-private-matter = Personal matter
lookup-topic-other = Other

## help
lookup-help-legal-consultation = Legal consultation
lookup-help-psychological-consultation = Psychological consultation
lookup-help-information = Information
lookup-help-referral = Referral

## occupation
lookup-occupation-handyman = General labourer
lookup-occupation-skilled-construction = Skilled construction worker
lookup-occupation-market-trader = Market trader
lookup-occupation-agricultural-worker = Agricultural worker
lookup-occupation-foreman = Foreman
lookup-occupation-kitchen-worker-cook = Kitchen worker, cook
lookup-occupation-service-worker = Service worker
lookup-occupation-domestic-worker = Domestic worker
lookup-occupation-nanny = Nanny
lookup-occupation-factory-worker = Factory worker
lookup-occupation-driver = Driver
lookup-occupation-loader = Loader
lookup-occupation-other = Other

## sector
lookup-sector-trade = Trade
lookup-sector-construction = Construction
lookup-sector-services = Services
lookup-sector-industry = Industry
lookup-sector-agriculture = Agriculture
lookup-sector-domestic-work = Domestic work

## reason
lookup-reason-economic = Economic
lookup-reason-family = Family
lookup-reason-business = Business
lookup-reason-political = Political
lookup-reason-other = Other

## appeal-outcome
lookup-appeal-outcome-advised = Advice given
lookup-appeal-outcome-referred = Referred
lookup-appeal-outcome-case-opened = Case opened
lookup-appeal-outcome-pending = Pending

## region
lookup-region-shymkent = Shymkent city
lookup-region-turkistan = Turkistan Region
lookup-region-almaty-city = Almaty city
lookup-region-astana = Astana city
lookup-region-almaty = Almaty Region
lookup-region-zhetisu = Zhetisu Region
lookup-region-abai = Abai Region
lookup-region-akmola = Akmola Region
lookup-region-aktobe = Aktobe Region
lookup-region-atyrau = Atyrau Region
lookup-region-east-kazakhstan = East Kazakhstan Region
lookup-region-zhambyl = Zhambyl Region
lookup-region-west-kazakhstan = West Kazakhstan Region
lookup-region-karaganda = Karaganda Region
lookup-region-kostanay = Kostanay Region
lookup-region-kyzylorda = Kyzylorda Region
lookup-region-mangystau = Mangystau Region
lookup-region-pavlodar = Pavlodar Region
lookup-region-north-kazakhstan = North Kazakhstan Region
lookup-region-ulytau = Ulytau Region

## district
lookup-district-maktaaral = Maktaaral District
lookup-district-saryagash = Saryagash District
lookup-district-kazygurt = Kazygurt District
lookup-district-tolebi = Tolebi District
lookup-district-sairam = Sairam District
lookup-district-ordabasy = Ordabasy District
lookup-district-otyrar = Otyrar District
lookup-district-baidibek = Baidibek District
lookup-district-tulkibas = Tulkibas District
lookup-district-shardara = Shardara District
lookup-district-zhetysai = Zhetysai District
lookup-district-keles = Keles District
lookup-district-sozak = Sozak District
lookup-district-arys = Arys city
lookup-district-kentau = Kentau city
lookup-district-turkistan-city = Turkistan city
lookup-district-shymkent-abai = Abai District (Shymkent)
lookup-district-shymkent-al-farabi = Al-Farabi District (Shymkent)
lookup-district-shymkent-enbekshi = Enbekshi District (Shymkent)
lookup-district-shymkent-karatau = Karatau District (Shymkent)
lookup-district-shymkent-turan = Turan District (Shymkent)

## case-kind
lookup-case-kind-trafficking-labour = Trafficking for labour exploitation
lookup-case-kind-trafficking-sexual = Trafficking for sexual exploitation
lookup-case-kind-forced-labour = Forced labour
lookup-case-kind-labour-exploitation = Labour exploitation
lookup-case-kind-intermediary-fraud = Fraud by an intermediary
lookup-case-kind-unpaid-wages = Unpaid wages
lookup-case-kind-documents-withheld = Documents withheld
lookup-case-kind-expulsion-detention = Expulsion, detention
lookup-case-kind-child-labour = Child labour
lookup-case-kind-domestic-worker-abuse = Abuse of a domestic worker
lookup-case-kind-gender-based-violence = Gender-based violence
lookup-case-kind-other = Other

## case-status
lookup-case-status-open = Open
lookup-case-status-follow-up = Follow-up
lookup-case-status-closed = Closed
lookup-case-status-closed-referred = Closed (referred)

## case-outcome
lookup-case-outcome-returned-home = Returned home
lookup-case-outcome-documents-returned = Documents returned
lookup-case-outcome-wages-paid = Wages paid
lookup-case-outcome-employer-fined = Employer fined
lookup-case-outcome-employer-avoided-liability = Employer avoided liability
lookup-case-outcome-sentence = Court sentence
lookup-case-outcome-shelter-provided = Shelter provided
lookup-case-outcome-none-yet = None yet
lookup-closing-reason-goals-achieved = What the person asked for was achieved
lookup-closing-reason-referred-elsewhere = Referred to another organisation
lookup-closing-reason-person-declined = The person declined further help
lookup-closing-reason-lost-contact = Contact lost
lookup-closing-reason-person-returned-home = The person returned home
lookup-closing-reason-no-grounds = No grounds for further action
lookup-closing-reason-other = Other
lookup-case-event-recruitment = Recruitment
lookup-case-event-transit = Transit
lookup-case-event-exploitation = Exploitation
lookup-case-event-escape-release = Escape or release
lookup-case-event-complaint = Complaint to the authorities
lookup-case-event-identification = Identification as a victim
lookup-case-event-return-home = Return home
lookup-case-event-contact = Contact with the person
lookup-case-event-other = Other
lookup-victim-status-unknown = Not assessed
lookup-victim-status-presumed = Presumed victim
lookup-victim-status-identified = Identified victim
lookup-victim-status-not-a-victim = Not a victim
lookup-identifying-body-ngo = NGO
lookup-identifying-body-police = Police
lookup-identifying-body-prosecutor-court = Prosecutor or court
lookup-identifying-body-other-government = Other state body
lookup-identifying-body-other = Other

## service
lookup-service-legal-consultation = Legal consultation
lookup-service-psychological = Psychological support
lookup-service-psychiatric = Psychiatric care
lookup-service-medical = Medical care
lookup-service-shelter = Shelter
lookup-service-food-clothing = Food and clothing
lookup-service-document-restoration = Document restoration
lookup-service-wage-recovery = Wage recovery
lookup-service-mediation = Mediation
lookup-service-repatriation = Repatriation
lookup-service-interpreter = Interpreter
lookup-service-employment-help = Help with employment

## party-role
lookup-party-role-employer = Employer
lookup-party-role-intermediary = Intermediary (recruiter)
lookup-party-role-foreman = Foreman
lookup-party-role-registration-helper = “Registration helper”
lookup-party-role-official = Official
lookup-party-role-transporter = Transporter (carried the person)
lookup-party-role-other = Other

## place
lookup-place-cotton-field = Cotton field
lookup-place-vineyard = Vineyard
lookup-place-melon-field = Melon field
lookup-place-greenhouse = Greenhouse
lookup-place-tobacco-field = Tobacco field
lookup-place-livestock-farm = Livestock farm
lookup-place-construction-site = Construction site
lookup-place-bazaar = Bazaar
lookup-place-day-labour-market = Day-labour market (mardikor bazaar)
lookup-place-bus-station = Bus station
lookup-place-border-crossing = Border crossing
lookup-place-ginning-factory = Cotton ginning factory
lookup-place-household = Private household

## sex
lookup-sex-female = Female
lookup-sex-male = Male
lookup-sex-other = Other
lookup-sex-unknown = Unknown

## citizenship
lookup-citizenship-UZ = Uzbekistan
lookup-citizenship-KG = Kyrgyzstan
lookup-citizenship-TJ = Tajikistan
lookup-citizenship-KZ = Kazakhstan
lookup-citizenship-RU = Russia
lookup-citizenship-TM = Turkmenistan
lookup-citizenship-AF = Afghanistan
lookup-citizenship-CN = China
lookup-citizenship-TR = Türkiye
lookup-citizenship-AZ = Azerbaijan
lookup-citizenship-IL = Israel
lookup-citizenship-stateless = Stateless
lookup-citizenship-unknown = Unknown

## vulnerability
lookup-vulnerability-minor = Minor
lookup-vulnerability-pregnant = Pregnant
lookup-vulnerability-disability = Disability
lookup-vulnerability-no-documents = No documents
lookup-vulnerability-unaccompanied-child = Unaccompanied child

## party-kind
lookup-party-kind-person = Individual
lookup-party-kind-company = Company

## licence-status
lookup-licence-status-valid = Valid
lookup-licence-status-suspended = Suspended
lookup-licence-status-revoked = Revoked
lookup-licence-status-expired = Expired
lookup-licence-status-none = None: works without a licence
lookup-licence-status-unknown = Not known

## language
lookup-language-uz = Uzbek
lookup-language-ru = Russian
lookup-language-kk = Kazakh
lookup-language-ky = Kyrgyz
lookup-language-tg = Tajik
lookup-language-en = English
lookup-language-other = Other

lookup-age-band-0-8 = 0–8 years
lookup-age-band-9-17 = 9–17 years
lookup-age-band-18-20 = 18–20 years
lookup-age-band-21-23 = 21–23 years
lookup-age-band-24-26 = 24–26 years
lookup-age-band-27-29 = 27–29 years
lookup-age-band-30-38 = 30–38 years
lookup-age-band-39-47 = 39–47 years
lookup-age-band-48plus = 48 years and older

lookup-partner-kind-police = Police (organised-crime unit)
lookup-partner-kind-migration-police = Migration police
lookup-partner-kind-prosecutor = Prosecutor's office
lookup-partner-kind-court = Court
lookup-partner-kind-labour-inspection = Labour inspection
lookup-partner-kind-employment-department = Employment department
lookup-partner-kind-akimat = Akimat
lookup-partner-kind-medical = Hospital or clinic
lookup-partner-kind-shelter = Shelter
lookup-partner-kind-ngo = NGO
lookup-partner-kind-international-organisation = International organisation (IOM…)
lookup-partner-kind-embassy-consulate = Embassy or consulate
lookup-partner-kind-ombudsman = Ombudsman
lookup-partner-kind-trade-union = Trade union
lookup-partner-kind-other = Other

lookup-consent-method-signed-form = Signed form
lookup-consent-method-oral-with-witness = Oral, with a witness
lookup-consent-method-guardian-for-minor = By a guardian, for a minor

lookup-referral-purpose-assistance = Assistance
lookup-referral-purpose-protection = Protection
lookup-referral-purpose-investigation = Investigation
lookup-referral-purpose-legal-aid = Legal aid
lookup-referral-purpose-return-reintegration = Return and reintegration

lookup-data-category-identity = Identity
lookup-data-category-contact = Contact details
lookup-data-category-case-narrative = Case narrative
lookup-data-category-health = Health
lookup-data-category-perpetrator = Perpetrator data
lookup-data-category-documents = Documents

lookup-urgency-routine = Routine
lookup-urgency-urgent = Urgent
lookup-urgency-immediate = Immediate

lookup-referral-status-draft = Draft
lookup-referral-status-sent = Sent
lookup-referral-status-received = Received
lookup-referral-status-accepted = Accepted
lookup-referral-status-declined = Declined
lookup-referral-status-services-delivered = Services delivered
lookup-referral-status-closed = Closed
lookup-referral-status-withdrawn = Withdrawn

## recruitment-method
lookup-recruitment-method-relatives = Through relatives
lookup-recruitment-method-friends-neighbours = Through friends, neighbours or fellow villagers
lookup-recruitment-method-bazaar-intermediary = By an intermediary at a bazaar
lookup-recruitment-method-day-labour-market = At a day-labour market
lookup-recruitment-method-employment-agency = Through an employment agency
lookup-recruitment-method-at-work = At work, by an employer or a co-worker
lookup-recruitment-method-school-college = At a school or college
lookup-recruitment-method-online-ad = Through an online advertisement
lookup-recruitment-method-social-network-messenger = Through a social network or messenger
lookup-recruitment-method-newspaper-ad = Through a newspaper advertisement
lookup-recruitment-method-tv-radio-ad = Through a television or radio advertisement
lookup-recruitment-method-other = Other

## means-of-control
lookup-means-of-control-documents-withheld = Documents taken away
lookup-means-of-control-wages-withheld = Wages withheld or taken
lookup-means-of-control-debt = Debt to be worked off
lookup-means-of-control-false-promises = False promises
lookup-means-of-control-threats-of-violence = Threats of violence
lookup-means-of-control-threats-of-police = Threats of the police or deportation
lookup-means-of-control-threats-to-family = Threats to the family or children
lookup-means-of-control-physical-violence = Physical violence
lookup-means-of-control-sexual-violence = Sexual violence
lookup-means-of-control-psychological-pressure = Psychological pressure, humiliation
lookup-means-of-control-money-controlled = No access to own money
lookup-means-of-control-necessities-withheld = Food, sleep or shelter withheld
lookup-means-of-control-medical-care-denied = Medical care denied
lookup-means-of-control-alcohol-drugs = Made dependent on alcohol or drugs
lookup-means-of-control-excessive-hours = Excessive working hours
lookup-means-of-control-confinement-isolation = Locked in, escorted or isolated
lookup-means-of-control-other = Other

## visit-status
lookup-visit-status-planned = Planned
lookup-visit-status-done = Done
lookup-visit-status-cancelled = Cancelled

## check-item
lookup-check-item-written-contracts = Written employment contracts
lookup-check-item-passports-held = Passports held by the employer or foreman
lookup-check-item-wages-on-time = Wages paid on time
lookup-check-item-long-hours = Working days longer than the law allows
lookup-check-item-days-off = Days off
lookup-check-item-decent-housing = Decent housing
lookup-check-item-drinking-water = Drinking water
lookup-check-item-food = Food
lookup-check-item-children-working = Children working
lookup-check-item-children-out-of-school = Children out of school
lookup-check-item-medical-access = Access to medical care
lookup-check-item-free-movement = Free to come and go
lookup-check-item-threats-violence = Threats or violence
lookup-check-item-registered = Registered at the place of stay

## violation
lookup-violation-documents-withheld = Documents withheld
lookup-violation-no-written-contract = No written contract
lookup-violation-wages-withheld = Wages withheld or unpaid
lookup-violation-excessive-hours = Excessive working hours
lookup-violation-no-days-off = No days off
lookup-violation-degrading-living-conditions = Degrading living conditions
lookup-violation-no-drinking-water = No drinking water
lookup-violation-no-food = No food
lookup-violation-child-labour = Child labour
lookup-violation-children-out-of-school = Children out of school
lookup-violation-no-medical-access = No access to medical care
lookup-violation-restricted-movement = Freedom of movement restricted
lookup-violation-threats-violence = Threats or intimidation
lookup-violation-physical-violence = Physical violence
lookup-violation-debt-bondage = Debt bondage
lookup-violation-deception = Deception about the work or the pay
lookup-violation-isolation = Isolation
lookup-violation-unregistered-workers = Workers not registered

## material
lookup-material-leaflet = Leaflet
lookup-material-booklet = Booklet
lookup-material-poster = Poster
lookup-material-hotline-card = Hotline card
lookup-material-memo = Migrant's memo
