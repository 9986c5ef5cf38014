-- The annual report's victims by sex, age band and citizenship read each person's profile
-- from this index, not from the person's row, which also holds the sealed identity: at
-- 200,000 persons the rows' way took half the report's second (BENCHMARKS.md, "Referrals").
CREATE INDEX persons_profile ON persons(id, sex, age_band, citizenship);
