-- The letter a referral went with, as the PDF that was sent: proof of what left, kept for
-- every referral sent (one from an appeal has no case whose evidence could hold it). Its
-- SHA-256 is in the clear, also written into the audit entry of the sending; the PDF names
-- the person and is ciphertext.
CREATE TABLE sent_letters (
    referral_id TEXT PRIMARY KEY REFERENCES referrals(id),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    pdf_enc BLOB NOT NULL,
    sent_on TEXT NOT NULL,
    sent_by TEXT NOT NULL REFERENCES accounts(id)
);
