-- Every claim of an operation gets a token of its own. Complete, fail, release and lease
-- renewal check it, so a worker that stalled past its lease (while another claim took the
-- operation over) can no longer write its outcome, even from the same process.
ALTER TABLE operations ADD COLUMN lease_token uuid;
