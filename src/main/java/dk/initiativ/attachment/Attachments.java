package dk.initiativ.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.initiative.Cases;
import dk.initiativ.web.NotFoundException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen's attachments. A file is accepted only if its bytes are a JPEG, PNG or PDF (detected by
 * Apache Tika from the content: neither the file name nor the browser's content type is believed), within
 * the size and count limits. Files are stored in the submission's own transaction.
 */
@Service
public class Attachments {

    /** The accepted types and the extension a downloaded file gets. */
    static final Map<String, String> ACCEPTED = Map.of(
            "image/jpeg", "jpg",
            "image/png", "png",
            "application/pdf", "pdf");
    private static final int MAX_NAME_LENGTH = 120;

    private final AttachmentRepository attachments;
    private final AttachmentProperties properties;
    private final Cases cases;
    private final Clock clock;
    private final Tika tika = new Tika();

    Attachments(AttachmentRepository attachments, AttachmentProperties properties, Cases cases, Clock clock) {
        this.attachments = attachments;
        this.properties = properties;
        this.cases = cases;
        this.clock = clock;
    }

    public AttachmentProperties limits() {
        return properties;
    }

    /**
     * Checks the uploaded files (empty file inputs are skipped) and reads them.
     *
     * @throws AttachmentRejectedException naming the first file that breaks a rule, in the form bundle's words
     */
    public List<CheckedFile> check(List<MultipartFile> uploads) {
        List<MultipartFile> files = uploads == null ? List.of() : uploads.stream()
                .filter(file -> file != null && !(file.isEmpty() && blank(file.getOriginalFilename())))
                .toList();
        if (files.size() > properties.maxCount()) {
            throw new AttachmentRejectedException("form.attachments.error.count", properties.maxCount());
        }
        List<CheckedFile> checked = new ArrayList<>();
        for (MultipartFile file : files) {
            String shownName = displayName(file.getOriginalFilename());
            if (file.isEmpty()) {
                throw new AttachmentRejectedException("form.attachments.error.empty", shownName);
            }
            if (file.getSize() > properties.maxFileSize().toBytes()) {
                throw new AttachmentRejectedException("form.attachments.error.size", shownName,
                        properties.maxFileSizeMegabytes());
            }
            byte[] content = read(file);
            String type = tika.detect(content);
            String extension = ACCEPTED.get(type);
            if (extension == null) {
                throw new AttachmentRejectedException("form.attachments.error.type", shownName);
            }
            checked.add(new CheckedFile(safeFileName(file.getOriginalFilename(), extension), type, content,
                    sha256(content)));
        }
        return checked;
    }

    /** Stores the checked files with the case, in the caller's transaction (the submission's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(String caseNumber, List<CheckedFile> files) {
        Long initiativeId = cases.idOf(caseNumber);
        for (CheckedFile file : files) {
            attachments.save(new Attachment(initiativeId, file, clock.instant()));
        }
    }

    /** The case's attachments, oldest first, without their bytes (for the tracking page and staff). */
    @Transactional(readOnly = true)
    public List<AttachmentView> listFor(String caseNumber) {
        return attachments.viewsOf(cases.idOf(caseNumber));
    }

    /** One attachment of the case, or 404 when the case has no such attachment. */
    @Transactional(readOnly = true)
    AttachmentFile file(String caseNumber, long attachmentId) {
        Attachment attachment = attachments.findByIdAndInitiativeId(attachmentId, cases.idOf(caseNumber))
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId + " on " + caseNumber));
        return new AttachmentFile(attachment.getFileName(), attachment.getContentType(), attachment.getContent());
    }

    /** The case number behind a citizen's tracking token (404 for an unknown token). */
    @Transactional(readOnly = true)
    public String caseNumberOfTrackingToken(String token) {
        return cases.caseNumberOfTrackingToken(token);
    }

    /**
     * The name a file is stored and downloaded under: the last path segment of what the browser sent,
     * without control characters or characters file systems refuse, at most 120 characters, ending in the
     * detected type's extension ("photo.jpg" holding a PNG becomes "photo.jpg.png").
     */
    static String safeFileName(String original, String extension) {
        String name = Optional.ofNullable(original).orElse("");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}\"*:<>?|;%]", "_")
                .strip();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        String lower = name.toLowerCase(Locale.ROOT);
        boolean fitting = lower.endsWith("." + extension) || "jpg".equals(extension)
                && (lower.endsWith(".jpeg") || lower.endsWith(".jpe"));
        String base = fitting ? name.substring(0, name.lastIndexOf('.')) : name;
        String suffix = fitting ? name.substring(name.lastIndexOf('.')) : "." + extension;
        if (base.isBlank()) {
            base = "bilag";
        }
        int room = MAX_NAME_LENGTH - suffix.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = base.codePoints().limit(room)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }
        return base + suffix;
    }

    /** The file's name as the citizen chose it, shortened, for error messages. */
    private static String displayName(String original) {
        String name = Optional.ofNullable(original).orElse("");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        return name.length() > 80 ? name.substring(0, 79) + "…" : name;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static byte[] read(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, file.getSize()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
