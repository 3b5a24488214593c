package dk.initiativ.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on the citizen's attachments. The whole upload is also capped by
 * {@code spring.servlet.multipart.max-request-size}, which must leave room for {@code maxCount} files of
 * {@code maxFileSize} and the form's text; MariaDB's {@code max_allowed_packet} must exceed {@code maxFileSize}.
 *
 * @param maxFileSize the largest file accepted
 * @param maxCount    the most files on one submission
 */
@ConfigurationProperties("initiativ.attachments")
public record AttachmentProperties(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("5") int maxCount) {

    public AttachmentProperties {
        if (maxFileSize == null || maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException("initiativ.attachments.max-file-size must be positive");
        }
        if (maxCount < 0) {
            throw new IllegalArgumentException("initiativ.attachments.max-count must not be negative");
        }
    }

    /** The size limit in whole megabytes, as the citizen reads it. */
    public long maxFileSizeMegabytes() {
        return Math.max(1, maxFileSize.toMegabytes());
    }
}
