-- Interactions reported at touchpoints, and customer lifecycle events (a customer became active, or churned). Both
-- are facts: a row is inserted once and never changed or removed, so the service's role may only select and insert.
-- Each is unique per tenant by the reporting system's event id, which makes reporting idempotent.

create table interaction (
    tenant_id      uuid not null references tenant (id),
    id             uuid not null,
    event_id       text not null,
    touchpoint_id  uuid not null,
    customer_ref   text not null,
    occurred_at    timestamptz not null,
    outcome        text not null constraint interaction_outcome_known check (outcome in ('COMPLETED', 'ABANDONED')),
    -- microseconds; null when not reported
    duration_us    bigint constraint interaction_duration_range check (duration_us between 0 and 86400000000),
    employee       text,
    team           text,
    location       text,
    attributes     jsonb not null,
    recorded_at    timestamptz not null,
    primary key (tenant_id, id),
    constraint interaction_event_id unique (tenant_id, event_id),
    -- a touchpoint of the same tenant; touchpoints are never deleted (retired ones keep their interactions)
    foreign key (tenant_id, touchpoint_id) references touchpoint (tenant_id, id)
);
-- abandonment and volume per touchpoint over a period
create index interaction_by_touchpoint on interaction (tenant_id, touchpoint_id, occurred_at);

create table customer_lifecycle_event (
    tenant_id     uuid not null references tenant (id),
    id            uuid not null,
    event_id      text not null,
    customer_ref  text not null,
    kind          text not null constraint lifecycle_kind_known check (kind in ('ACTIVATED', 'CHURNED')),
    occurred_at   timestamptz not null,
    reason        text constraint lifecycle_reason_of_churn check (reason is null or kind = 'CHURNED'),
    attributes    jsonb not null,
    recorded_at   timestamptz not null,
    primary key (tenant_id, id),
    constraint customer_lifecycle_event_event_id unique (tenant_id, event_id)
);
-- a customer's history, for who was active at the start of a period
create index customer_lifecycle_event_by_customer on customer_lifecycle_event (tenant_id, customer_ref, occurred_at);

grant select, insert on interaction, customer_lifecycle_event to ${app_role};

alter table interaction enable row level security;
alter table interaction force row level security;
create policy tenant_isolation on interaction
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table customer_lifecycle_event enable row level security;
alter table customer_lifecycle_event force row level security;
create policy tenant_isolation on customer_lifecycle_event
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
