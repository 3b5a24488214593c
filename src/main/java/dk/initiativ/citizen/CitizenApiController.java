package dk.initiativ.citizen;

import dk.initiativ.web.NotAccessLogged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's JSON API, public but reached only with the private tracking token: read the case,
 * answer intake's question, withdraw. An unknown token answers 404, never a hint of other cases.
 */
@RestController
@RequestMapping("/api/citizen/{token}")
@NotAccessLogged("the citizen's own door (tracking token), not staff's")
class CitizenApiController {

    private final CitizenCaseService citizens;

    CitizenApiController(CitizenCaseService citizens) {
        this.citizens = citizens;
    }

    @GetMapping
    CitizenCaseView status(@PathVariable String token) {
        return citizens.status(token);
    }

    @PostMapping("/answer")
    ResponseEntity<Void> answer(@PathVariable String token, @Valid @RequestBody AnswerRequest request) {
        citizens.answer(token, request.answer());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable String token) {
        citizens.withdraw(token);
        return ResponseEntity.noContent().build();
    }
}
