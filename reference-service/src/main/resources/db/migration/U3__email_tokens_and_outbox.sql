DROP TABLE outbox_emails;
DROP TABLE email_tokens;
