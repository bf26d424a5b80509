-- Workers are now woken after the insert commits (see src/platform/wake-channel.ts):
-- a NOTIFY inside the inserting transaction serialised every 202's commit.
DROP TRIGGER IF EXISTS operations_ready ON operations;
DROP FUNCTION IF EXISTS notify_operations_ready();
