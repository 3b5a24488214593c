package dk.initiativ.submission;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.CitizenContact;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.Deadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The printed receipt of a case that staff registered for a citizen (ADR 0021): one A4 page in the citizen's
 * language with the case number, what happens next and the private tracking link, as text and as a QR code. The page
 * is XHTML from the Thymeleaf template {@code templates/receipt/receipt.xhtml} (XML mode, so the output is well
 * formed), laid out as PDF by openhtmltopdf; ZXing draws the QR code, embedded as a PNG. The link is derived again
 * from the case's salt (ADR 0005), the same address the receipt e-mail carries.
 */
@Component
class ReceiptPdf {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Cases cases;
    private final Deadlines deadlines;
    private final DeadlineProperties deadlineProperties;
    private final String publicUrl;

    ReceiptPdf(Cases cases, Deadlines deadlines, DeadlineProperties deadlineProperties, MessageSource messages,
            @Value("${initiativ.public-url:http://localhost:8080}") String publicUrl) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.deadlineProperties = deadlineProperties;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/receipt/");
        resolver.setSuffix(".xhtml");
        resolver.setResolvablePatterns(Set.of("*"));
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.addTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    /** The citizen's tracking address of the case (ADR 0005); empty for a case stored without a salt. */
    @Transactional(readOnly = true)
    java.util.Optional<String> trackingUrl(String caseNumber) {
        return cases.trackingTokenOf(caseNumber).map(token -> publicUrl + "/track/" + token);
    }

    /** The PDF of the case's receipt, in the case's language. */
    @Transactional(readOnly = true)
    byte[] render(String caseNumber) {
        CaseView view = cases.view(caseNumber);
        CitizenContact contact = cases.citizenContact(caseNumber);
        String url = trackingUrl(caseNumber).orElseThrow(() -> new IllegalStateException(
                "Case " + caseNumber + " has no derivable tracking link (stored before ADR 0005)"));
        Locale locale = "en".equals(view.language()) ? Locale.ENGLISH : Locale.forLanguageTag("da");
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(
                "caseNumber", caseNumber,
                "title", printable(view.title()),
                "contactName", printable(view.contactName()),
                "submittedAt", view.submittedAt().atZone(deadlineProperties.zone()).format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
                "screeningBy", deadlines.intakeScreeningDue(view.submittedAt()).format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
                "channel", contact.channel().name(),
                "hasEmail", contact.hasEmail(),
                "trackingUrl", url,
                "qrCode", "data:image/png;base64," + Base64.getEncoder().encodeToString(qrCode(url))));
        // the short way for a phone (ADR 0023): the address of the code page and the case's short code
        variables.put("codeUrl", publicUrl.replaceFirst("^https?://", "") + "/kode");
        variables.put("trackingCode", cases.trackingCodeOf(caseNumber).orElseThrow());
        Context context = new Context(locale, variables);
        String xhtml = engine.process("receipt", context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, publicUrl + "/");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt of case " + caseNumber + " could not be laid out", e);
        }
        return pdf.toByteArray();
    }

    private static final java.nio.charset.Charset PDF_TEXT = java.nio.charset.Charset.forName("windows-1252");

    /**
     * The text as the PDF's standard fonts can print it (their WinAnsi character set: Danish letters, not emoji):
     * characters they cannot show are left out rather than printed as '#'. The receipt repeats the title only as a
     * reminder; the case itself keeps every character.
     */
    static String printable(String text) {
        StringBuilder kept = new StringBuilder();
        var encoder = PDF_TEXT.newEncoder();
        text.codePoints().forEach(cp -> {
            String character = new String(Character.toChars(cp));
            // a control character (U+0001) is encodable but no character of XML, which the PDF is rendered from
            kept.append(encoder.canEncode(character) && !Character.isISOControl(cp) ? character : " ");
        });
        return kept.toString().replaceAll("\\s+", " ").strip();
    }

    /** Pixels per QR module: sharp edges in print whatever the viewer does when it scales the image. */
    private static final int SCALE = 8;

    /** The link as a QR code: a black-and-white PNG, error correction M, a quiet zone of two modules. */
    static byte[] qrCode(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            BufferedImage image = new BufferedImage(matrix.getWidth() * SCALE, matrix.getHeight() * SCALE,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x / SCALE, y / SCALE) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code for a link this long", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
