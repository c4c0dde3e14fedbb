-- When a key last authenticated a request. Written in batches by the service (not on every request), only forward.
alter table api_key add column last_used_at timestamptz;
