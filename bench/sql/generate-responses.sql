-- Loads responses numbered :lo..:hi for the bench tenant and survey straight into the tables, as the schema owner:
-- what a migration from another tool would do, not what the API does (the API stamps every response with the time
-- it arrives; the benchmark needs two years of history). Deterministic: the same :seed gives the same data.
--
-- psql variables: tenant, survey (uuids), lo, hi (numbers of the first and last response), days (history length),
-- seed (0..1).
--
-- Cardinalities, roughly those of a mid-size tenant: 5 languages, 9 channels (10 % of responses without one), and
-- four attributes per response: touchpoint (40 values), region (12), segment (4), product (25). 90 % of responses
-- answer all three scored questions (NPS 0-10, CSAT 1-5, CES 1-7), the others only NPS. Scores depend on the
-- touchpoint and drift slowly over time, so that trends and comparisons have something to find.
select setseed(:seed);

with drawn as (
    select i, now() - random() * :days * interval '1 day' as submitted_at
      from generate_series(:lo::bigint, :hi::bigint) i
),
generated as (
    select i,
           submitted_at,
           -- a UUIDv7 of the submission time, as the service makes them: 48 bits of milliseconds, version 7, random
           (lpad(to_hex((extract(epoch from submitted_at) * 1000)::bigint), 12, '0')
               || '7' || substr(md5(i::text), 1, 3) || '8' || substr(md5(i::text), 4, 15))::uuid as id,
           (array['en', 'en', 'en', 'en', 'cs', 'cs', 'cs', 'nb', 'el', 'fa'])[1 + floor(random() * 10)::int]
               as language,
           (array['EMAIL', 'EMAIL', 'WEB', 'WEB', 'WEB', 'PHONE', 'PHONE', 'CHAT', 'IN_APP', 'IN_STORE', 'SMS',
                  'SOCIAL', 'OTHER', null, null])[1 + floor(random() * 15)::int] as channel,
           1 + floor(random() * 40)::int as touchpoint,
           1 + floor(random() * 12)::int as region,
           (array['consumer', 'consumer', 'small-business', 'enterprise', 'public'])[1 + floor(random() * 5)::int]
               as segment,
           1 + floor(random() * 25)::int as product,
           random() < 0.9 as complete,
           -- a bell-shaped noise (sum of three uniforms), one per question
           (random() + random() + random() - 1.5) * 2 as noise_nps,
           (random() + random() + random() - 1.5) * 2 as noise_csat,
           (random() + random() + random() - 1.5) * 2 as noise_ces
      from drawn
),
scored as (
    select g.*,
           -- better at some touchpoints, worse at others; a slow seasonal drift
           ((g.touchpoint % 7) - 3) * 0.35
               + 0.6 * sin(extract(epoch from g.submitted_at) / 86400 / 58) as shift
      from generated g
),
responses as (
    insert into response (tenant_id, id, survey_id, survey_version, language, channel, respondent_ref, metadata,
                          submitted_at, idempotency_key, fingerprint)
    select :'tenant', id, :'survey', 1, language, channel, 'customer-' || (i % 1000003),
           jsonb_build_object('touchpoint', 'tp-' || lpad(touchpoint::text, 2, '0'),
                              'region', 'r' || lpad(region::text, 2, '0'),
                              'segment', segment,
                              'product', 'p' || lpad(product::text, 2, '0')),
           submitted_at, 'gen-' || i, 'generated'
      from scored
    returning id
)
insert into answer (tenant_id, response_id, question_id, position, survey_id, survey_version, score)
select :'tenant', s.id, q.question_id, q.position, :'survey', 1, q.score
  from scored s
 cross join lateral (values
           ('nps', 0, least(10, greatest(0, round(7.2 + 1.8 * s.noise_nps + s.shift)))::int),
           ('csat', 1, case when s.complete
                            then least(5, greatest(1, round(3.9 + 0.9 * s.noise_csat + s.shift / 2)))::int end),
           ('ces', 2, case when s.complete
                           then least(7, greatest(1, round(5.2 + 1.3 * s.noise_ces + s.shift / 2)))::int end)
       ) q(question_id, position, score)
 where q.score is not null;
