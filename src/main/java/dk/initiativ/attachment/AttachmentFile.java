package dk.initiativ.attachment;

/** An attachment to hand out as a download: its safe name, detected type and bytes. */
record AttachmentFile(String fileName, String contentType, byte[] content) {
}
