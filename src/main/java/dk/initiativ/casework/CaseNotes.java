package dk.initiativ.casework;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal notes on a case: whoever may read the case on the staff side ({@link CaseAccess#mayRead}, so not a
 * department member) writes and reads them. They live in our own utf8mb4 table (any Unicode), never on the
 * citizen's pages, but they are part of the citizen's data download (right of access).
 */
@Service
@Transactional
public class CaseNotes {

    /** The longest note, in characters (code points). */
    public static final int MAX_LENGTH = 4000;

    private final CaseNoteRepository notes;
    private final Cases cases;
    private final CaseAccess access;
    private final IdentityService identityService;
    private final Clock clock;

    CaseNotes(CaseNoteRepository notes, Cases cases, CaseAccess access, IdentityService identityService, Clock clock) {
        this.notes = notes;
        this.cases = cases;
        this.access = access;
        this.identityService = identityService;
        this.clock = clock;
    }

    /**
     * @throws ForbiddenException    the user may not read the case
     * @throws FieldProblemException field {@code body}: empty, or longer than {@value #MAX_LENGTH} characters
     */
    public void write(String caseNumber, String body, StaffUser user) {
        CaseView view = cases.view(caseNumber);
        requireMayRead(user, view);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new FieldProblemException("body", "note.body.required");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new FieldProblemException("body", "note.body.size");
        }
        cases.lock(caseNumber);
        notes.save(new CaseNote(view.id(), user.userId(), text, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /** @throws ForbiddenException the user may not read the case */
    @Transactional(readOnly = true)
    public List<NoteView> read(String caseNumber, StaffUser user) {
        requireMayRead(user, cases.view(caseNumber));
        return of(caseNumber);
    }

    /** The case's notes, oldest first, with their authors' names (for the citizen's data download too). */
    @Transactional(readOnly = true)
    public List<NoteView> of(String caseNumber) {
        List<CaseNote> found = notes.findByInitiativeIdOrderByWrittenAtAscIdAsc(cases.idOf(caseNumber));
        Map<String, String> names = found.stream().map(CaseNote::getAuthor).distinct()
                .collect(Collectors.toMap(Function.identity(), this::nameOf));
        return found.stream().map(note -> note.toView(names.get(note.getAuthor()))).toList();
    }

    private void requireMayRead(StaffUser user, CaseView view) {
        if (!access.mayRead(user, view)) {
            throw new ForbiddenException(user.userId() + " may not read the notes of " + view.caseNumber());
        }
    }

    private String nameOf(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
