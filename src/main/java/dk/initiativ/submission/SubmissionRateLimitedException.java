package dk.initiativ.submission;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Too many submissions from one client: 429 with Retry-After, as a problem detail on the JSON API. */
class SubmissionRateLimitedException extends ErrorResponseException {

    SubmissionRateLimitedException(String title, String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(title, detail, retryAfterSeconds), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }

    private static ProblemDetail problem(String title, String detail, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setTitle(title);
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problem;
    }
}
