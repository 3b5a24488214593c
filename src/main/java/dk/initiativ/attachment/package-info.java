/**
 * The citizen's attachments to a submission: checked by content (Apache Tika: JPEG, PNG and PDF only),
 * limited in size and count ({@link dk.initiativ.attachment.AttachmentProperties}), stored in the database in
 * the submission's transaction, and always served as downloads with a safe file name. Other features use
 * {@link dk.initiativ.attachment.Attachments}.
 */
package dk.initiativ.attachment;
