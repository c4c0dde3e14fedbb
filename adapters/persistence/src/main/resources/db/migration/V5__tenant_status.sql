-- A tenant is active, suspended (its API keys and its identity-provider client are disabled) or deleted (its client
-- is removed and its keys are refused; its rows stay for now).
alter table tenant add column status text not null default 'active'
    constraint tenant_status_known check (status in ('active', 'suspended', 'deleted'));

-- Authentication checks the tenant of an API key before it knows the tenant, like api_key_by_lookup_id (V2): this
-- function runs as the owner and hands out only the status of one tenant, never a row.
create function tenant_status(tenant_id uuid) returns text
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$ select status from ${flyway:defaultSchema}.tenant t where t.id = tenant_status.tenant_id $$;

-- The owner reads tenants only when it acts as this function for another login (see key_lookup_by_owner in V2).
create policy tenant_status_by_owner on tenant
    for select
    to current_user
    using (current_user <> session_user);

revoke all on function tenant_status(uuid) from public;
grant execute on function tenant_status(uuid) to ${app_role};
grant select, insert, update on tenant to ${app_role};
