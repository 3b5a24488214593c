package dk.initiativ.attachment;

/** An attachment as lists show it: no bytes. */
public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256) {
}
