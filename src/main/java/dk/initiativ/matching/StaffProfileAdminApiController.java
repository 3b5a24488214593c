package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.List;

import dk.initiativ.admin.Admins;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins only: staff profiles as reference data (issue 13): team, capacity, competences and the absence periods. */
@RestController
@RequestMapping(path = "/api/admin/staff", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("staff profiles: staff data, no citizen's")
class StaffProfileAdminApiController {

    private final StaffDirectory directory;
    private final StaffProfileAdmin admin;

    StaffProfileAdminApiController(StaffDirectory directory, StaffProfileAdmin admin) {
        this.directory = directory;
        this.admin = admin;
    }

    /** A person's work: team code, how many open cases they can carry, the topic codes they know. */
    record Work(String team, Integer capacity, List<String> competences) {
    }

    /** An absence period, both days included; {@code until} null while the return is not known; note optional. */
    record AbsenceBody(LocalDate from, LocalDate until, String note) {
    }

    @GetMapping
    @Operation(summary = "Every staff profile, by name, with team, capacity, competences and absence periods")
    List<StaffMember> list(Authentication authentication) {
        Admins.require(authentication);
        return directory.all();
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One staff profile")
    StaffMember one(@PathVariable("userId") String userId, Authentication authentication) {
        Admins.require(authentication);
        return directory.byUserId(userId).orElseThrow(() -> new NotFoundException("No staff profile " + userId));
    }

    @PutMapping(path = "/{userId}/work", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a person's team, capacity and competences",
            description = "Unknown team, a capacity outside 0-1000 or an unknown topic: 400 with the field named.")
    StaffMember work(@PathVariable("userId") String userId, @RequestBody Work work, Authentication authentication) {
        return admin.changeWork(userId, work.team(), work.capacity(), work.competences(),
                Admins.require(authentication));
    }

    @PostMapping(path = "/{userId}/absences", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an absence period to a person",
            description = "Matching skips the person from the first to the last day and picks them again after; a "
                    + "person may have several periods. Refused with 400 and the field named: no first day (from), a "
                    + "last day before the first or before today (until), a note over 200 characters (note), a "
                    + "period sharing a day with another of the person's (from). Answers the profile with every period.")
    StaffMember addAbsence(@PathVariable("userId") String userId, @RequestBody AbsenceBody absence,
            Authentication authentication) {
        String who = Admins.require(authentication);
        return admin.addAbsence(userId, absence.from(), absence.until(), absence.note(), who);
    }

    @DeleteMapping("/{userId}/absences/{absenceId}")
    @Operation(summary = "Remove one of a person's absence periods", description = "404 if the person has no such period.")
    StaffMember removeAbsence(@PathVariable("userId") String userId, @PathVariable("absenceId") long absenceId,
            Authentication authentication) {
        return admin.removeAbsence(userId, absenceId, Admins.require(authentication));
    }
}
