-- Metrics over long time ranges without reading every answer again: score and response histograms per tenant's local
-- day, kept exactly and asynchronously. A query reads the roll-up plus the responses not rolled up yet, in one
-- statement, so every response counts exactly once whenever the roll-up last ran.

-- Time-ranged reads of one survey's responses (the raw path of a metrics query, exports in submission order).
create index response_by_survey_time on response (tenant_id, survey_id, submitted_at, id);

-- Responses stored but not yet added to the roll-up. Filled by a trigger on response, so that no way of inserting a
-- response (the service, a bulk load with COPY) can forget it; emptied by roll_up_pending, which deletes the rows it
-- adds to the roll-up in the same transaction. A queue: every row is deleted soon after it was inserted, so it is
-- vacuumed after a fixed number of dead rows rather than a fraction of a table that is nearly always empty (dead
-- entries slow down the scans that find the next batch).
create table rollup_pending (
    tenant_id    uuid not null,
    response_id  uuid not null,
    primary key (tenant_id, response_id)
) with (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);

-- Per local day (the day the submission time falls on in the tenant's time zone): how many answers with a score each
-- question of each survey version got, as a total (dimension '', value '') and once more per value of every
-- response-level dimension the response has: 'language', 'channel' (responses without one are left out), and
-- 'attribute:<metadata key>' for every key of its metadata. A response without a value of a dimension is counted in
-- the total only, so the "no value" group of a dimension is the total minus the sum over its values.
--
-- The key holds value_key, an md5 of the value, rather than the value itself: an attribute value may have 1,000
-- characters (up to 4,000 bytes), more than a b-tree entry may hold, and a refused insert would stop the roll-up of
-- its tenant for good. The value itself is kept alongside. (Two distinct values of one tenant with the same md5 would
-- share a row, the first one's value; only values crafted for it collide.)
--
-- fillfactor leaves room on every page, so that adding to a row's count (most often one of the last days) can stay on
-- its page (a HOT update, no new index entry).
create table answer_rollup (
    tenant_id        uuid not null,
    survey_id        uuid not null,
    question_id      text not null,
    dimension        text not null,
    local_day        date not null,
    dimension_value  text not null,
    value_key        uuid not null generated always as (md5(dimension_value)::uuid) stored,
    survey_version   integer not null,
    score            smallint not null,
    answers          bigint not null check (answers > 0),
    primary key (tenant_id, survey_id, question_id, dimension, local_day, value_key, survey_version, score)
) with (fillfactor = 80);

-- The same for responses, for the response count.
create table response_rollup (
    tenant_id        uuid not null,
    survey_id        uuid not null,
    dimension        text not null,
    local_day        date not null,
    dimension_value  text not null,
    value_key        uuid not null generated always as (md5(dimension_value)::uuid) stored,
    survey_version   integer not null,
    responses        bigint not null check (responses > 0),
    primary key (tenant_id, survey_id, dimension, local_day, value_key, survey_version)
) with (fillfactor = 80);

-- The service adds to the roll-up and takes rows off the pending list; nothing else is ever deleted.
grant select, insert, delete on rollup_pending to ${app_role};
grant select, insert, update on answer_rollup, response_rollup to ${app_role};

alter table rollup_pending enable row level security;
alter table rollup_pending force row level security;
create policy tenant_isolation on rollup_pending
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table answer_rollup enable row level security;
alter table answer_rollup force row level security;
create policy tenant_isolation on answer_rollup
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table response_rollup enable row level security;
alter table response_rollup force row level security;
create policy tenant_isolation on response_rollup
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

-- One statement-level trigger per insert statement (a COPY of millions of rows included): the new responses arrive as
-- a transition table and are listed in one insert. It runs as the inserting role, under its row-level security.
create function enqueue_rollup() returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    insert into rollup_pending (tenant_id, response_id) select tenant_id, id from inserted;
    return null;
end
$$;

create trigger response_enqueue_rollup
    after insert on response
    referencing new table as inserted
    for each statement execute function enqueue_rollup();

-- Adds at most max_responses pending responses of one tenant (oldest ids first) to the roll-up and takes them off the
-- pending list, in the caller's transaction, and returns how many it took (0: nothing pending). Set-based: one
-- statement, whatever the batch size, so that a bulk load can call it after COPYing millions of responses (in batches
-- of a few hundred thousand, each its own transaction).
--
-- Contract:
-- * Call it in a transaction of READ COMMITTED (the default) that commits right after it, with touchstone.tenant_id
--   set to of_tenant (as the service) or as a role that bypasses row-level security (a bulk load as the owner or a
--   superuser). Under the service's role it sees only that tenant's rows: for another tenant it takes nothing.
-- * Concurrent calls for one tenant (several replicas, a bulk load beside the service) queue on a transaction-scoped
--   advisory lock of that tenant, so they never take the same responses twice; the next one sees what the previous
--   one committed. Calls for different tenants do not wait for each other and touch disjoint rows; one call takes
--   exactly one lock, so calls cannot deadlock with each other.
-- * A response's answers must be committed with the response (as the service stores them) or before it: a response
--   rolled up before its answers exist is counted without them.
-- * The local day is taken in the tenant's time zone at the time of the roll-up.
create function roll_up_pending(of_tenant uuid, max_responses integer) returns integer
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
    -- The row estimates of this statement are poor (metadata keys per response, pending rows since the last analyze)
    -- and its estimated cost high enough for JIT compilation, which then costs more than the whole roll-up of a few
    -- thousand responses.
    set jit = off
as $$
declare
    rolled integer;
begin
    if of_tenant is null or max_responses is null or max_responses < 1 then
        raise exception 'roll_up_pending needs a tenant and a batch of at least 1, got % and %', of_tenant,
            max_responses using errcode = 'invalid_parameter_value';
    end if;
    perform pg_advisory_xact_lock(hashtextextended('touchstone.roll_up_pending:' || of_tenant::text, 0));

    -- The pending rows are deleted through the primary key; each response taken and its answers with a score are looked
    -- up by primary key (lateral, and "offset 0" keeps the planner from flattening it: whatever it estimates, it never
    -- reads all of a tenant's answers for one batch), and only then joined to the response's dimensions. Grouped by
    -- value_key (the md5 of the value), so that one insert never proposes the same key twice, even for two values with
    -- the same md5.
    with taken as (
        delete from rollup_pending p
         where p.tenant_id = of_tenant
           and p.response_id = any (array(select q.response_id
                                            from rollup_pending q
                                           where q.tenant_id = of_tenant
                                           order by q.response_id
                                           limit max_responses))
        returning p.response_id
    ), responses as materialized (
        select r.id, r.survey_id, r.survey_version, r.language, r.channel, r.metadata,
               (r.submitted_at at time zone z.time_zone)::date as local_day
          from taken
         cross join lateral (select * from response r
                              where r.tenant_id = of_tenant and r.id = taken.response_id
                             offset 0) r
          join tenant z on z.id = of_tenant
    ), dimensions as materialized (
        select r.id, r.survey_id, r.survey_version, r.local_day, d.dimension, d.dimension_value
          from responses r
         cross join lateral (
                   select '' as dimension, '' as dimension_value
                   union all
                   select 'language', r.language
                   union all
                   select 'channel', r.channel where r.channel is not null
                   union all
                   select 'attribute:' || m.key, m.value from jsonb_each_text(r.metadata) m
               ) d
    ), scored as materialized (
        select r.id as response_id, a.question_id, a.score
          from responses r
         cross join lateral (select a.question_id, a.score from answer a
                              where a.tenant_id = of_tenant and a.response_id = r.id and a.score is not null
                             offset 0) a
    ), answers_added as (
        insert into answer_rollup as rolled_up (tenant_id, survey_id, question_id, dimension, local_day,
                                                dimension_value, survey_version, score, answers)
        select of_tenant, d.survey_id, s.question_id, d.dimension, d.local_day, min(d.dimension_value),
               d.survey_version, s.score, count(*)
          from scored s
          join dimensions d on d.id = s.response_id
         group by d.survey_id, s.question_id, d.dimension, d.local_day, md5(d.dimension_value)::uuid,
                  d.survey_version, s.score
        on conflict (tenant_id, survey_id, question_id, dimension, local_day, value_key, survey_version, score)
        do update set answers = rolled_up.answers + excluded.answers
    ), responses_added as (
        insert into response_rollup as rolled_up (tenant_id, survey_id, dimension, local_day, dimension_value,
                                                  survey_version, responses)
        select of_tenant, survey_id, dimension, local_day, min(dimension_value), survey_version, count(*)
          from dimensions
         group by survey_id, dimension, local_day, md5(dimension_value)::uuid, survey_version
        on conflict (tenant_id, survey_id, dimension, local_day, value_key, survey_version)
        do update set responses = rolled_up.responses + excluded.responses
    )
    select count(*) into rolled from taken;
    return rolled;
end
$$;

revoke all on function roll_up_pending(uuid, integer) from public;
grant execute on function roll_up_pending(uuid, integer) to ${app_role};

-- The scheduler of the roll-up must learn which tenants have pending responses before it works for any of them, while
-- the service's role sees one tenant per transaction. This function runs as the owner and hands out tenant ids only,
-- never a row; it skips from tenant to tenant through the primary key, so a long pending list costs one index probe
-- per tenant.
create function tenants_with_pending_rollup() returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with recursive pending (tenant_id) as (
        (select p.tenant_id from ${flyway:defaultSchema}.rollup_pending p order by p.tenant_id limit 1)
        union all
        select (select p.tenant_id
                  from ${flyway:defaultSchema}.rollup_pending p
                 where p.tenant_id > pending.tenant_id
                 order by p.tenant_id
                 limit 1)
          from pending
         where pending.tenant_id is not null
    )
    select tenant_id from pending where tenant_id is not null
$$;

-- The owner reads the pending list only when it acts as this function for another login (see key_lookup_by_owner in
-- V2).
create policy pending_tenants_by_owner on rollup_pending
    for select
    to current_user
    using (current_user <> session_user);

revoke all on function tenants_with_pending_rollup() from public;
grant execute on function tenants_with_pending_rollup() to ${app_role};
