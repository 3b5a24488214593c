package dk.initiativ.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An internal note on a case, by a staff member. Never changed once written. */
@Entity
class CaseNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private Instant writtenAt;

    protected CaseNote() {
    }

    CaseNote(Long initiativeId, String author, String body, Instant writtenAt) {
        this.initiativeId = initiativeId;
        this.author = author;
        this.body = body;
        this.writtenAt = writtenAt;
    }

    String getAuthor() {
        return author;
    }

    NoteView toView(String authorName) {
        return new NoteView(authorName, body, writtenAt);
    }
}
