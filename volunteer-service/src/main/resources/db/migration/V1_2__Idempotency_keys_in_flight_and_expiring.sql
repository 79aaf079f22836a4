-- An Idempotency-Key is claimed before its request runs (status and response still empty: "in flight"), so that a
-- concurrent request with the same key is told 409 instead of running twice; keys expire (volunteer.idempotency.expiry).
ALTER TABLE idempotent_request ALTER COLUMN status DROP NOT NULL;
ALTER TABLE idempotent_request ALTER COLUMN response DROP NOT NULL;
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
