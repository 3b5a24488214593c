package dk.initiativ.citizen;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One message in a case's thread, from the citizen or from staff. Never changed once sent. */
@Entity
class CaseMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private boolean fromCitizen;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private Instant sentAt;

    protected CaseMessage() {
    }

    CaseMessage(Long initiativeId, boolean fromCitizen, String author, String body, Instant sentAt) {
        this.initiativeId = initiativeId;
        this.fromCitizen = fromCitizen;
        this.author = author;
        this.body = body;
        this.sentAt = sentAt;
    }

    MessageView toView(String authorName) {
        return new MessageView(fromCitizen, authorName, body, sentAt);
    }

    boolean isFromCitizen() {
        return fromCitizen;
    }

    String getAuthor() {
        return author;
    }
}
