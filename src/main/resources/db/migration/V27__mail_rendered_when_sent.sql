-- A mail is rendered when it is sent, not inside the business transaction that writes it (issue 14): the outbox
-- keeps what the mail says (MailContent as JSON, already in the recipient's language) and the template renders it
-- on the node that sends it. A row holds either that content or finished bodies (a plain mail).
ALTER TABLE mail_outbox
    MODIFY text_body MEDIUMTEXT NULL,
    ADD COLUMN content MEDIUMTEXT NULL AFTER html_body,
    ADD CONSTRAINT ck_mail_outbox_body CHECK (text_body IS NOT NULL OR content IS NOT NULL);
