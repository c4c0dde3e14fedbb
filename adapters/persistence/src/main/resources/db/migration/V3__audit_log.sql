-- Each tenant's append-only audit log of administrative actions (tenant created, API key created or revoked,
-- survey published). Written in the transaction of the action it records; never changed afterwards: the service's
-- role may only select and insert, and a trigger refuses UPDATE, DELETE and TRUNCATE to everyone, the owner included.
create table audit_event (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    occurred_at     timestamptz not null,
    -- who: 'api-key:<uuid>' or a token subject, never a secret
    principal       text not null,
    -- what: e.g. 'api-key.revoked', and the id of what it was done to
    action          text not null,
    target_id       text not null,
    -- from where: the client's address as the inbound adapter saw it; null when unknown
    remote_address  text,
    primary key (tenant_id, id)
);

grant select, insert on audit_event to ${app_role};

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy tenant_isolation on audit_event
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

create function refuse_audit_event_change() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit events are append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_audit_event_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_audit_event_change();
