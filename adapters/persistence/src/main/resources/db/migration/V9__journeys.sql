-- Customer journeys: a journey's ordered stages, and each stage's ordered touchpoints, one row each. Touchpoints are
-- what interactions and responses will point at, so they are rows with a key of their own ((tenant_id, id)), never
-- removed: a touchpoint that is no longer used is retired and keeps its row, its id and its place.

create table journey (
    tenant_id    uuid not null references tenant (id),
    id           uuid not null,
    name         text not null,
    description  text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, id)
);

create table journey_stage (
    tenant_id   uuid not null,
    id          uuid not null,
    journey_id  uuid not null,
    -- 0 for the first stage; a reorder rewrites the positions of one journey in one transaction, so that uniqueness
    -- is checked at commit
    position    integer not null check (position >= 0),
    name        text not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, journey_id) references journey (tenant_id, id),
    -- the key a touchpoint names its stage by, which also says the stage belongs to the touchpoint's journey
    unique (tenant_id, journey_id, id),
    constraint journey_stage_position_unique unique (tenant_id, journey_id, position) deferrable initially deferred
);

create table touchpoint (
    tenant_id   uuid not null,
    id          uuid not null,
    journey_id  uuid not null,
    stage_id    uuid not null,
    -- 0 for the first touchpoint of its stage
    position    integer not null check (position >= 0),
    name        text not null,
    -- a Channel name, as response.channel (V7)
    channel     text not null
        constraint touchpoint_channel_known check (channel in ('EMAIL', 'SMS', 'PHONE', 'CHAT', 'WEB', 'IN_APP',
                                                               'IN_STORE', 'SOCIAL', 'OTHER')),
    status      text not null check (status in ('ACTIVE', 'RETIRED')),
    retired_at  timestamptz,
    -- the survey that asks about this touchpoint, one of the same tenant's
    survey_id   uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, journey_id, stage_id) references journey_stage (tenant_id, journey_id, id),
    foreign key (tenant_id, survey_id) references survey (tenant_id, id),
    constraint touchpoint_position_unique unique (tenant_id, stage_id, position) deferrable initially deferred,
    check ((status = 'RETIRED') = (retired_at is not null))
);
-- a journey's touchpoints in one read
create index touchpoint_by_journey on touchpoint (tenant_id, journey_id);
-- the touchpoints a survey asks about
create index touchpoint_by_survey on touchpoint (tenant_id, survey_id) where survey_id is not null;

-- Nothing is ever deleted.
grant select, insert, update on journey, journey_stage, touchpoint to ${app_role};

alter table journey enable row level security;
alter table journey force row level security;
create policy tenant_isolation on journey
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table journey_stage enable row level security;
alter table journey_stage force row level security;
create policy tenant_isolation on journey_stage
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

alter table touchpoint enable row level security;
alter table touchpoint force row level security;
create policy tenant_isolation on touchpoint
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
