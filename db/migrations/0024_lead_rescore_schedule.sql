-- Every day, every lead not yet converted is scored again (lib/jobs/kinds.ts: lead_rescore), so
-- engagement points fade by the workspace's monthly decay; with no decay the job finds nothing to do.
-- At 03:30 in the workspace time zone, after the nightly backup.
INSERT INTO `job_schedules` (`name`, `kind`, `cron`, `payload`) VALUES ('lead_rescore', 'lead_rescore', '30 3 * * *', '{"reason":"decay"}');
