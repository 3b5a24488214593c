package dk.initiativ.attachment;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An attachment as an HTTP download: never shown inline, never sniffed, never run. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(AttachmentFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.contentType()));
        headers.setContentLength(file.content().length);
        // RFC 6266 with the RFC 5987 filename* for non-ASCII names (æ, ø, å)
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        // should a browser still render it, it runs nothing and loads nothing
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl("private, no-store");
        return ResponseEntity.ok().headers(headers).body(file.content());
    }
}
