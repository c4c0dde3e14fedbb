-- Interaction volume and abandonment over long periods without reading every interaction again: counts per tenant,
-- touchpoint and local day, kept exactly and asynchronously like the response roll-up (V8). A query reads the roll-up
-- plus the interactions not rolled up yet, in one statement, so every interaction counts exactly once whenever the
-- roll-up last ran. Only the touchpoint is rolled up: journey, stage and channel follow from it (a touchpoint never
-- moves or changes its channel); employee, team, location and attributes are counted from the interactions.

-- Interactions stored but not yet added to the roll-up; filled by a trigger, emptied by roll_up_interactions. A
-- queue, vacuumed after a fixed number of dead rows (see rollup_pending in V8).
create table interaction_rollup_pending (
    tenant_id       uuid not null,
    interaction_id  uuid not null,
    primary key (tenant_id, interaction_id)
) with (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);

-- Per local day (the day the interaction occurred on in the tenant's time zone, at the time of the roll-up) and
-- touchpoint: how many interactions started there and how many of them were abandoned.
create table interaction_rollup (
    tenant_id      uuid not null,
    touchpoint_id  uuid not null,
    local_day      date not null,
    started        bigint not null check (started > 0),
    abandoned      bigint not null check (abandoned >= 0 and abandoned <= started),
    primary key (tenant_id, local_day, touchpoint_id)
) with (fillfactor = 80);

grant select, insert, delete on interaction_rollup_pending to ${app_role};
grant select, insert, update on interaction_rollup to ${app_role};

alter table interaction_rollup_pending enable row level security;
alter table interaction_rollup_pending force row level security;
create policy tenant_isolation on interaction_rollup_pending
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
alter table interaction_rollup enable row level security;
alter table interaction_rollup force row level security;
create policy tenant_isolation on interaction_rollup
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

-- One statement-level trigger per insert statement; it runs as the inserting role, under its row-level security.
create function enqueue_interaction_rollup() returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    insert into interaction_rollup_pending (tenant_id, interaction_id) select tenant_id, id from inserted;
    return null;
end
$$;

create trigger interaction_enqueue_rollup
    after insert on interaction
    referencing new table as inserted
    for each statement execute function enqueue_interaction_rollup();

-- Adds at most max_interactions pending interactions of one tenant (oldest ids first) to the roll-up and takes them off
-- the pending list, in the caller's transaction; returns how many it took. The contract of roll_up_pending (V8):
-- READ COMMITTED, committed right after, touchstone.tenant_id set (or a role that bypasses row-level security);
-- concurrent calls for one tenant queue on a transaction-scoped advisory lock of that tenant (another lock than the
-- response roll-up's), so no interaction is taken twice.
create function roll_up_interactions(of_tenant uuid, max_interactions integer) returns integer
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
    set jit = off
as $$
declare
    rolled integer;
begin
    if of_tenant is null or max_interactions is null or max_interactions < 1 then
        raise exception 'roll_up_interactions needs a tenant and a batch of at least 1, got % and %', of_tenant,
            max_interactions using errcode = 'invalid_parameter_value';
    end if;
    perform pg_advisory_xact_lock(hashtextextended('touchstone.roll_up_interactions:' || of_tenant::text, 0));
    -- The batch is joined, not matched with "= any(array)": a large batch makes the bitmap of the pending rows lossy,
    -- and rechecking each row of a lossy page against an array of a few hundred thousand ids is a linear search.
    with chosen as (
        select q.interaction_id
          from interaction_rollup_pending q
         where q.tenant_id = of_tenant
         order by q.interaction_id
         limit max_interactions
    ), taken as (
        delete from interaction_rollup_pending p
         using chosen c
         where p.tenant_id = of_tenant and p.interaction_id = c.interaction_id
        returning p.interaction_id
    ), counted as (
        select i.touchpoint_id, (i.occurred_at at time zone z.time_zone)::date as local_day, count(*) as started,
               count(*) filter (where i.outcome = 'ABANDONED') as abandoned
          from taken
         cross join lateral (select * from interaction i
                              where i.tenant_id = of_tenant and i.id = taken.interaction_id
                             offset 0) i
          join tenant z on z.id = of_tenant
         group by i.touchpoint_id, local_day
    ), added as (
        insert into interaction_rollup as rolled_up (tenant_id, touchpoint_id, local_day, started, abandoned)
        select of_tenant, touchpoint_id, local_day, started, abandoned from counted
        on conflict (tenant_id, local_day, touchpoint_id)
        do update set started = rolled_up.started + excluded.started,
                      abandoned = rolled_up.abandoned + excluded.abandoned
    )
    select count(*) into rolled from taken;
    return rolled;
end
$$;

revoke all on function roll_up_interactions(uuid, integer) from public;
grant execute on function roll_up_interactions(uuid, integer) to ${app_role};

-- The tenants with pending responses (V8) or pending interactions, for the service's roller, which rolls up both for
-- each of them. Runs as the owner and hands out tenant ids only.
create or replace function tenants_with_pending_rollup() returns setof uuid
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
    ), interactions_pending (tenant_id) as (
        (select p.tenant_id from ${flyway:defaultSchema}.interaction_rollup_pending p order by p.tenant_id limit 1)
        union all
        select (select p.tenant_id
                  from ${flyway:defaultSchema}.interaction_rollup_pending p
                 where p.tenant_id > interactions_pending.tenant_id
                 order by p.tenant_id
                 limit 1)
          from interactions_pending
         where interactions_pending.tenant_id is not null
    )
    select tenant_id from pending where tenant_id is not null
    union
    select tenant_id from interactions_pending where tenant_id is not null
$$;

create policy pending_tenants_by_owner on interaction_rollup_pending
    for select
    to current_user
    using (current_user <> session_user);

-- The interactions recorded so far, rolled up at once. The trigger above already holds a lock on interaction that
-- keeps writers out until this migration commits, so none is missed or counted twice. The migration's role owns the
-- tables but is subject to their row-level security (forced), so it is lifted on the three tables for this one
-- statement.
alter table interaction no force row level security;
alter table tenant no force row level security;
alter table interaction_rollup no force row level security;
insert into interaction_rollup (tenant_id, touchpoint_id, local_day, started, abandoned)
select i.tenant_id, i.touchpoint_id, (i.occurred_at at time zone z.time_zone)::date, count(*),
       count(*) filter (where i.outcome = 'ABANDONED')
  from interaction i
  join tenant z on z.id = i.tenant_id
 group by 1, 2, 3;
alter table interaction force row level security;
alter table tenant force row level security;
alter table interaction_rollup force row level security;
