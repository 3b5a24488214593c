package dk.initiativ.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one e-mail says, before it is rendered by {@code templates/mail/mail.html} and {@code mail.txt}. The outbox
 * stores it as it is (JSON of its fields) and the mail is rendered when it is sent.
 * Every value is plain text: the HTML template escapes it, so a citizen's {@code <script>} arrives as text.
 */
final class MailContent {

    /** A labelled value, e.g. the case number or the contact person's phone. */
    public record Fact(String label, String value) {
    }

    /** A link with its label; the plain-text mail shows the address itself. */
    public record Link(String label, String url) {
    }

    /**
     * One of several milestones in one mail: its heading (the tracking page's timeline text) and what the
     * mail says about it.
     */
    public record Section(String heading, List<String> paragraphs, List<Fact> facts, String quoteLabel,
            String quote) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
            facts = List.copyOf(facts);
        }
    }

    private final String to;
    private final Locale locale;
    private final String subject;
    private String greeting;
    private String footer;
    private final List<String> paragraphs = new ArrayList<>();
    private String quoteLabel;
    private String quote;
    private final List<Fact> facts = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<String> closing = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    /** The case the mail is about (the outbox keeps it, so that anonymising the case removes its mails). */
    private String caseNumber;

    /** For reading a stored mail back from the outbox ({@link MailOutbox}); Jackson sets the fields. */
    private MailContent() {
        this(null, null, null);
    }

    MailContent(String to, Locale locale, String subject) {
        this.to = to;
        this.locale = locale;
        this.subject = subject;
    }

    /** The case this mail is about. */
    MailContent about(String caseNumber) {
        this.caseNumber = caseNumber;
        return this;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    MailContent greeting(String text) {
        this.greeting = text;
        return this;
    }

    /** The last line: why the mail came and how to answer. */
    MailContent footer(String text) {
        this.footer = text;
        return this;
    }

    MailContent paragraph(String text) {
        if (text != null && !text.isBlank()) {
            paragraphs.add(text);
        }
        return this;
    }

    /** A text quoted as it was written (the question, the reason, the closing message). */
    MailContent quote(String label, String text) {
        if (text != null && !text.isBlank()) {
            this.quoteLabel = label;
            this.quote = text.strip();
        }
        return this;
    }

    MailContent fact(String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
        return this;
    }

    MailContent link(String label, String url) {
        if (url != null) {
            links.add(new Link(label, url));
        }
        return this;
    }

    /** A paragraph after the links. */
    MailContent closing(String text) {
        if (text != null && !text.isBlank()) {
            closing.add(text);
        }
        return this;
    }

    /** A milestone's part of a mail that announces several, after the paragraphs. */
    MailContent section(Section section) {
        sections.add(section);
        return this;
    }

    public List<Section> getSections() {
        return sections;
    }

    public String getTo() {
        return to;
    }

    public Locale getLocale() {
        return locale;
    }

    public String getSubject() {
        return subject;
    }

    public String getGreeting() {
        return greeting;
    }

    public String getFooter() {
        return footer;
    }

    public List<String> getParagraphs() {
        return paragraphs;
    }

    public String getQuoteLabel() {
        return quoteLabel;
    }

    public String getQuote() {
        return quote;
    }

    public List<Fact> getFacts() {
        return facts;
    }

    public List<Link> getLinks() {
        return links;
    }

    public List<String> getClosing() {
        return closing;
    }
}
