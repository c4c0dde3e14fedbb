-- Responses about a recorded interaction (V10) keep copies of what they inherit from it: the interaction, its journey,
-- stage and touchpoint (V9), the touchpoint's channel, and the employee, team and location that served it. Copies, not
-- joins: the metrics keep reading response-level columns, the roll-up stays one pass over response, and a later change
-- to a journey (a reordered stage, a retired touchpoint) does not rewrite what earlier responses were about. The
-- response's own channel (where the respondent was asked) stays in channel; when it named none, the service stores the
-- touchpoint's channel there too.
alter table response
    add column interaction_id      uuid,
    add column journey_id          uuid,
    add column stage_id            uuid,
    add column touchpoint_id       uuid,
    add column touchpoint_channel  text
        constraint response_touchpoint_channel_known check (touchpoint_channel in ('EMAIL', 'SMS', 'PHONE', 'CHAT',
                                                                                   'WEB', 'IN_APP', 'IN_STORE',
                                                                                   'SOCIAL', 'OTHER')),
    add column employee            text,
    add column team                text,
    add column location            text,
    -- all of the interaction's copies or none of them; staff only with an interaction
    add constraint response_interaction_copies check (
        (interaction_id is null) = (journey_id is null)
        and (interaction_id is null) = (stage_id is null)
        and (interaction_id is null) = (touchpoint_id is null)
        and (interaction_id is null) = (touchpoint_channel is null)
        and (interaction_id is not null or (employee is null and team is null and location is null))),
    -- an interaction of the same tenant; interactions are never deleted or changed
    add constraint response_interaction foreign key (tenant_id, interaction_id) references interaction (tenant_id, id);

-- The responses about one interaction (the journey map's response counts per touchpoint go through the roll-up, but
-- reading an interaction's responses, and the foreign key, want this); only linked responses have an entry.
create index response_by_interaction on response (tenant_id, interaction_id) where interaction_id is not null;

-- The roll-up also counts every response under the values it inherited: 'journey', 'stage', 'touchpoint' (ids as
-- text, lower case) and 'employee', 'team', 'location', like language and channel (V8); a response without a value of
-- one of them is counted in the total only. Responses rolled up before this migration had none of these columns, so
-- the roll-up holds nothing to rebuild. Replaced in place (same signature, so its grants stay), with every guarantee of
-- V8: one advisory lock per tenant and call, the pending rows deleted in the transaction that adds them up, one
-- statement whatever the batch size.
--
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
create or replace function roll_up_pending(of_tenant uuid, max_responses integer) returns integer
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
        select r.id, r.survey_id, r.survey_version, r.language, r.channel, r.metadata, r.journey_id, r.stage_id,
               r.touchpoint_id, r.employee, r.team, r.location,
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
                   select 'journey', r.journey_id::text where r.journey_id is not null
                   union all
                   select 'stage', r.stage_id::text where r.stage_id is not null
                   union all
                   select 'touchpoint', r.touchpoint_id::text where r.touchpoint_id is not null
                   union all
                   select 'employee', r.employee where r.employee is not null
                   union all
                   select 'team', r.team where r.team is not null
                   union all
                   select 'location', r.location where r.location is not null
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
