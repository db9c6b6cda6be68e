-- The joint project a demand started (需求 → 项目): at most one, set once, a collaboration project's id.
alter table transfer_demand add column project_id bigint;
create index transfer_demand_project on transfer_demand (project_id) where project_id is not null;
create index transfer_achievement_project on transfer_achievement (project_id) where project_id is not null;
