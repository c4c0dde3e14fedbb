-- Every tenant-owned table leads its primary key and its indexes with tenant_id, so that the data can later be
-- distributed by tenant (Citus) and every lookup is bounded to one tenant.

create table tenant (
    id          uuid primary key,
    name        text not null,
    time_zone   text not null,
    created_at  timestamptz not null
);

create table api_key (
    tenant_id    uuid not null references tenant (id),
    id           uuid not null,
    name         text not null,
    -- space-separated scope names, e.g. 'surveys:read metrics:read'
    scopes       text not null,
    -- public part of the key, used to find it; the secret itself is never stored
    lookup_id    text not null,
    secret_hash  bytea not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    primary key (tenant_id, id)
);
-- authentication finds a key before it knows the tenant
create unique index api_key_lookup_id on api_key (lookup_id);

create table survey (
    tenant_id   uuid not null references tenant (id),
    id          uuid not null,
    created_at  timestamptz not null,
    primary key (tenant_id, id)
);

create table survey_version (
    tenant_id     uuid not null,
    survey_id     uuid not null,
    version       integer not null check (version >= 1),
    status        text not null check (status in ('DRAFT', 'PUBLISHED')),
    content       jsonb not null,
    created_at    timestamptz not null,
    published_at  timestamptz,
    primary key (tenant_id, survey_id, version),
    foreign key (tenant_id, survey_id) references survey (tenant_id, id),
    check ((status = 'PUBLISHED') = (published_at is not null))
);

create table response (
    tenant_id        uuid not null,
    id               uuid not null,
    survey_id        uuid not null,
    survey_version   integer not null,
    language         text not null,
    respondent_ref   text,
    metadata         jsonb not null,
    submitted_at     timestamptz not null,
    idempotency_key  text not null,
    -- hash of the submission's content: a retry under the same key must match it
    fingerprint      text not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, survey_id, survey_version) references survey_version (tenant_id, survey_id, version)
);
create unique index response_idempotency_key on response (tenant_id, idempotency_key);
create index response_by_survey on response (tenant_id, survey_id, id);
create index response_by_survey_version on response (tenant_id, survey_id, survey_version);

-- one row per answer: metrics aggregate these rows in SQL
create table answer (
    tenant_id       uuid not null,
    response_id     uuid not null,
    question_id     text not null,
    position        integer not null,
    survey_id       uuid not null,
    survey_version  integer not null,
    score           integer,
    text_value      text,
    choice          text,
    primary key (tenant_id, response_id, question_id),
    foreign key (tenant_id, response_id) references response (tenant_id, id),
    check (num_nonnulls(score, text_value, choice) = 1)
);
create index answer_by_question on answer (tenant_id, survey_id, survey_version, question_id, score, choice);
