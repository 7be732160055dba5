-- Unsent emails stay in outbox_emails (sent_at IS NULL), where the previous version's relay finds them. -- keelson:auth
DROP TABLE job_dead_letters; -- keelson:auth
DROP TABLE scheduled_tasks;
