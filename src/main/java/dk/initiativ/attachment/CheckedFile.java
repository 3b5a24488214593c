package dk.initiativ.attachment;

/**
 * A file that passed the checks (type by content, size), ready to be stored with its submission.
 *
 * @param fileName    the sanitised name, ending in the detected type's extension
 * @param contentType the type detected from the bytes
 */
public record CheckedFile(String fileName, String contentType, byte[] content, String sha256) {
}
