-- A lease token exists only while its operation is processing. The statements of a claim
-- (complete, fail, renew, release) then find their row by id and token alone, and the
-- planner reads it through the primary key even with statistics taken while the queue was
-- empty (a status condition let it walk the partial index of live operations instead).
UPDATE operations SET lease_token = NULL WHERE lease_token IS NOT NULL AND status <> 'processing';
ALTER TABLE operations ADD CONSTRAINT operations_lease_only_while_processing
  CHECK (lease_token IS NULL OR status = 'processing');
