-- Schema + seed for the PostGraphile peer (database "quizgraph_bench_peer"; make bench-peer).
-- 1 organization, 10,000 quizzes x 10 questions x 4 options (deterministic ids).
-- bench/peer/postgraphile.py runs this in one go, then VACUUM ANALYZEs the four tables
-- (VACUUM can't run inside the implicit transaction of a multi-statement script).
drop table if exists option, question, quiz, organization cascade;

create table organization (
  id   uuid primary key,
  slug text unique not null,
  name text not null
);

create table quiz (
  id           uuid primary key,
  org_id       uuid not null references organization(id),
  title        text not null,
  description  text,
  status       text not null,
  time_limit_s int,
  created_at   timestamptz not null default now()
);

create table question (
  id       uuid primary key,
  org_id   uuid not null references organization(id),
  quiz_id  uuid not null references quiz(id),
  position int not null,
  kind     text not null,
  prompt   text not null,
  points   int not null
);

create table option (
  id          uuid primary key,
  org_id      uuid not null references organization(id),
  question_id uuid not null references question(id),
  position    int not null,
  text        text not null,
  correct     bool not null
);

insert into organization (id, slug, name)
values (md5('org-1')::uuid, 'acme', 'Acme Training');

insert into quiz (id, org_id, title, description, status, time_limit_s, created_at)
select md5('quiz-' || i)::uuid,
       md5('org-1')::uuid,
       'Quiz #' || i,
       'Description of quiz ' || i || ' — covers a handful of topics.',
       (array['draft','published','archived'])[1 + i % 3],
       300 + (i % 10) * 60,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute'
from generate_series(1, 10000) as i;

insert into question (id, org_id, quiz_id, position, kind, prompt, points)
select md5('question-' || i || '-' || j)::uuid,
       md5('org-1')::uuid,
       md5('quiz-' || i)::uuid,
       j,
       (array['single','multiple','truefalse'])[1 + j % 3],
       'Question ' || j || ' of quiz ' || i || ': which of these is right?',
       1 + j % 5
from generate_series(1, 10000) as i, generate_series(1, 10) as j;

insert into option (id, org_id, question_id, position, text, correct)
select md5('option-' || i || '-' || j || '-' || k)::uuid,
       md5('org-1')::uuid,
       md5('question-' || i || '-' || j)::uuid,
       k,
       'Option ' || k || ' for q' || j || ' of quiz ' || i,
       k = 1 + (i + j) % 4
from generate_series(1, 10000) as i, generate_series(1, 10) as j, generate_series(1, 4) as k;

-- Foreign-key indexes. The child FK indexes carry "position" as a second key
-- column: PostGraphile v5 only exposes orderBy for indexed columns, and the list
-- query orders questions/options by position. Plus created_at for the quiz list.
create index quiz_org_id_idx          on quiz (org_id);
create index quiz_created_at_idx      on quiz (created_at);
create index question_org_id_idx      on question (org_id);
create index question_quiz_id_idx     on question (quiz_id, position);
create index option_org_id_idx        on option (org_id);
create index option_question_id_idx   on option (question_id, position);

