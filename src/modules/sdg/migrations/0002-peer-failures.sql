-- Why a peer's feed was last refused, for the administrator: the caller is told only that the feed
-- could not be fetched (one answer for every failure, so that answers cannot map ports). Cleared by
-- the next good fetch.
alter table sdg_network_peers add column last_failure jsonb;
